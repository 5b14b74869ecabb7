// The OpenCL backend's optimizer updates (backend.h: momentumUpdate ... adamUpdate), each a pair of
// kernels in kernels/backend_kernels.cl: *_check counts the weights that the update would leave
// not finite (a reduction that changes nothing), *_apply updates state and weights in place.
// Each *Pass runs one of the two; the check's count is left pending (pendingMomentumCheck ...)
// or read at once (momentumUpdate ... with UpdatePass::Check).

#include <cmath>

#include "backend/argument_checks.h"
#include "opencl_backend.h"
#include "opencl_tensors.h"

namespace koto {

PendingValue OpenClBackend::momentumPass(UpdatePass pass, double learningRate, double momentum,
                                         bool nesterov, const Tensor& gradient, Tensor& velocity,
                                         Tensor& weights) {
    requireSameSizes({&gradient, &velocity}, weights, "momentumUpdate");
    const DType type = computeType(weights);
    const bool check = pass == UpdatePass::Check;
    const OpenClKernel& k = kernel(type, check ? "momentum_check" : "momentum_apply");
    KernelArguments arguments(k.handle, type);
    arguments.real(learningRate)
        .real(momentum)
        .integer(nesterov ? 1 : 0)
        .buffer(memoryOf(gradient))
        .buffer(memoryOf(velocity))
        .buffer(memoryOf(weights))
        .integer(count(weights));
    if (check) return pendingSum(k, arguments, type, weights.size(), "momentumUpdate");
    run(k, weights.size(), "momentumUpdate");
    return PendingValue(0.0);
}

PendingValue OpenClBackend::adagradPass(UpdatePass pass, double learningRate, double epsilon,
                                        const Tensor& gradient, Tensor& cache, Tensor& weights) {
    requireSameSizes({&gradient, &cache}, weights, "adagradUpdate");
    const DType type = computeType(weights);
    const bool check = pass == UpdatePass::Check;
    const OpenClKernel& k = kernel(type, check ? "adagrad_check" : "adagrad_apply");
    KernelArguments arguments(k.handle, type);
    arguments.real(learningRate)
        .real(epsilon)
        .buffer(memoryOf(gradient))
        .buffer(memoryOf(cache))
        .buffer(memoryOf(weights))
        .integer(count(weights));
    if (check) return pendingSum(k, arguments, type, weights.size(), "adagradUpdate");
    run(k, weights.size(), "adagradUpdate");
    return PendingValue(0.0);
}

PendingValue OpenClBackend::rmspropPass(UpdatePass pass, double learningRate, double decay,
                                        double momentum, double epsilon, const Tensor& gradient,
                                        Tensor& cache, Tensor& velocity, Tensor& weights) {
    requireSameSizes({&gradient, &cache, &velocity}, weights, "rmspropUpdate");
    const DType type = computeType(weights);
    const bool check = pass == UpdatePass::Check;
    const OpenClKernel& k = kernel(type, check ? "rmsprop_check" : "rmsprop_apply");
    KernelArguments arguments(k.handle, type);
    arguments.real(learningRate)
        .real(decay)
        .real(momentum)
        .real(epsilon)
        .buffer(memoryOf(gradient))
        .buffer(memoryOf(cache))
        .buffer(memoryOf(velocity))
        .buffer(memoryOf(weights))
        .integer(count(weights));
    if (check) return pendingSum(k, arguments, type, weights.size(), "rmspropUpdate");
    run(k, weights.size(), "rmspropUpdate");
    return PendingValue(0.0);
}

PendingValue OpenClBackend::adamPass(UpdatePass pass, double learningRate, double beta1,
                                     double beta2, double epsilon, int64_t t,
                                     const Tensor& gradient, Tensor& firstMoment,
                                     Tensor& secondMoment, Tensor& weights) {
    requireSameSizes({&gradient, &firstMoment, &secondMoment}, weights, "adamUpdate");
    const DType type = computeType(weights);
    const bool check = pass == UpdatePass::Check;
    const OpenClKernel& k = kernel(type, check ? "adam_check" : "adam_apply");
    // The bias corrections, computed in double as the CPU backend does (b^t underflows gracefully
    // there), then rounded to the tensors' type.
    const double correction1 = 1.0 - std::pow(beta1, static_cast<double>(t));
    const double correction2 = 1.0 - std::pow(beta2, static_cast<double>(t));
    KernelArguments arguments(k.handle, type);
    arguments.real(learningRate)
        .real(beta1)
        .real(beta2)
        .real(epsilon)
        .real(correction1)
        .real(correction2)
        .buffer(memoryOf(gradient))
        .buffer(memoryOf(firstMoment))
        .buffer(memoryOf(secondMoment))
        .buffer(memoryOf(weights))
        .integer(count(weights));
    if (check) return pendingSum(k, arguments, type, weights.size(), "adamUpdate");
    run(k, weights.size(), "adamUpdate");
    return PendingValue(0.0);
}

bool OpenClBackend::momentumUpdate(UpdatePass pass, double learningRate, double momentum,
                                   bool nesterov, const Tensor& gradient, Tensor& velocity,
                                   Tensor& weights) {
    return momentumPass(pass, learningRate, momentum, nesterov, gradient, velocity, weights)
               .get() == 0.0;
}

PendingValue OpenClBackend::pendingMomentumCheck(double learningRate, double momentum,
                                                 bool nesterov, const Tensor& gradient,
                                                 Tensor& velocity, Tensor& weights) {
    return momentumPass(UpdatePass::Check, learningRate, momentum, nesterov, gradient, velocity,
                        weights);
}

bool OpenClBackend::adagradUpdate(UpdatePass pass, double learningRate, double epsilon,
                                  const Tensor& gradient, Tensor& cache, Tensor& weights) {
    return adagradPass(pass, learningRate, epsilon, gradient, cache, weights).get() == 0.0;
}

PendingValue OpenClBackend::pendingAdagradCheck(double learningRate, double epsilon,
                                                const Tensor& gradient, Tensor& cache,
                                                Tensor& weights) {
    return adagradPass(UpdatePass::Check, learningRate, epsilon, gradient, cache, weights);
}

bool OpenClBackend::rmspropUpdate(UpdatePass pass, double learningRate, double decay,
                                  double momentum, double epsilon, const Tensor& gradient,
                                  Tensor& cache, Tensor& velocity, Tensor& weights) {
    return rmspropPass(pass, learningRate, decay, momentum, epsilon, gradient, cache, velocity,
                       weights)
               .get() == 0.0;
}

PendingValue OpenClBackend::pendingRmspropCheck(double learningRate, double decay, double momentum,
                                                double epsilon, const Tensor& gradient,
                                                Tensor& cache, Tensor& velocity, Tensor& weights) {
    return rmspropPass(UpdatePass::Check, learningRate, decay, momentum, epsilon, gradient, cache,
                       velocity, weights);
}

bool OpenClBackend::adamUpdate(UpdatePass pass, double learningRate, double beta1, double beta2,
                               double epsilon, int64_t t, const Tensor& gradient,
                               Tensor& firstMoment, Tensor& secondMoment, Tensor& weights) {
    return adamPass(pass, learningRate, beta1, beta2, epsilon, t, gradient, firstMoment,
                    secondMoment, weights)
               .get() == 0.0;
}

PendingValue OpenClBackend::pendingAdamCheck(double learningRate, double beta1, double beta2,
                                             double epsilon, int64_t t, const Tensor& gradient,
                                             Tensor& firstMoment, Tensor& secondMoment,
                                             Tensor& weights) {
    return adamPass(UpdatePass::Check, learningRate, beta1, beta2, epsilon, t, gradient,
                    firstMoment, secondMoment, weights);
}

}  // namespace koto
