// The defaults of Backend's pending forms (backend.h, "One wait for the device a training
// step"): each calls its namesake, whose answer is known at once.
#include "backend/backend.h"

namespace koto {
namespace {

// A check's answer as the pending forms count it: 0 where every weight stays finite.
PendingValue countOf(bool finite) { return PendingValue(finite ? 0.0 : 1.0); }

}  // namespace

PendingValue Backend::pendingLoss(LossFunction loss, const Tensor& outputs, const Tensor& targets,
                                  Tensor& probabilities, Tensor& gradient) {
    switch (loss) {
    case LossFunction::SoftmaxCrossEntropy:
        return PendingValue(softmaxCrossEntropy(outputs, targets, probabilities, gradient));
    case LossFunction::SigmoidBinaryCrossEntropy:
        return PendingValue(sigmoidBinaryCrossEntropy(outputs, targets, probabilities, gradient));
    case LossFunction::MeanSquaredError:
        return PendingValue(meanSquaredError(outputs, targets, gradient));
    }
    return PendingValue(0.0);
}

PendingValue Backend::pendingMomentumCheck(double learningRate, double momentum, bool nesterov,
                                           const Tensor& gradient, Tensor& velocity,
                                           Tensor& weights) {
    return countOf(momentumUpdate(UpdatePass::Check, learningRate, momentum, nesterov, gradient,
                                  velocity, weights));
}

PendingValue Backend::pendingAdagradCheck(double learningRate, double epsilon,
                                          const Tensor& gradient, Tensor& cache, Tensor& weights) {
    return countOf(
        adagradUpdate(UpdatePass::Check, learningRate, epsilon, gradient, cache, weights));
}

PendingValue Backend::pendingRmspropCheck(double learningRate, double decay, double momentum,
                                          double epsilon, const Tensor& gradient, Tensor& cache,
                                          Tensor& velocity, Tensor& weights) {
    return countOf(rmspropUpdate(UpdatePass::Check, learningRate, decay, momentum, epsilon,
                                 gradient, cache, velocity, weights));
}

PendingValue Backend::pendingAdamCheck(double learningRate, double beta1, double beta2,
                                       double epsilon, int64_t t, const Tensor& gradient,
                                       Tensor& firstMoment, Tensor& secondMoment, Tensor& weights) {
    return countOf(adamUpdate(UpdatePass::Check, learningRate, beta1, beta2, epsilon, t, gradient,
                              firstMoment, secondMoment, weights));
}

PendingValue Backend::pendingSumCheck(double alpha, const Tensor& x, const Tensor& y) {
    return countOf(sumIsFinite(alpha, x, y));
}

void Backend::holdRows(std::span<const int32_t> rows, HeldRows& held) { held.assign(rows); }

void Backend::gatherHeldRows(const Tensor& source, const HeldRows& rows, int64_t first,
                             Tensor& destination) {
    gatherRows(source, rows.slice(first, destination.rows()), destination);
}

void Backend::gatherHeldRowsScaled(const Tensor& source, const HeldRows& rows, int64_t first,
                                   double scale, Tensor& destination) {
    gatherRowsScaled(source, rows.slice(first, destination.rows()), scale, destination);
}

}  // namespace koto
