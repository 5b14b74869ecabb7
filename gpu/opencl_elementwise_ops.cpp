// The OpenCL backend's element-wise operations (backend.h): the activations and their
// derivatives, the fused losses (each a kernel and a reduction of the cost), and the products,
// sums and L1 shrink of whole tensors.

#include <stdexcept>

#include "backend/argument_checks.h"
#include "opencl_backend.h"
#include "opencl_tensors.h"

namespace koto {

void OpenClBackend::activationForward(Activation activation, const Tensor& a, Tensor& z) {
    requireSameSize(a, z, "activationForward");
    const DType type = computeType(a);
    const char* name = nullptr;
    switch (activation) {
    case Activation::Linear: copy(a, z); return;
    case Activation::Softmax: {
        const OpenClKernel& k = kernel(type, "softmax_rows");
        KernelArguments(k.handle, type)
            .buffer(memoryOf(a))
            .buffer(memoryOf(z))
            .integer(static_cast<int32_t>(a.rows()))
            .integer(static_cast<int32_t>(a.cols()));
        run(k, a.rows(), "softmax");
        return;
    }
    case Activation::Sigmoid: name = "sigmoid_forward"; break;
    case Activation::Tanh: name = "tanh_forward"; break;
    case Activation::Relu: name = "relu_forward"; break;
    }
    const OpenClKernel& k = kernel(type, name);
    KernelArguments(k.handle, type).buffer(memoryOf(a)).buffer(memoryOf(z)).integer(count(a));
    run(k, a.size(), name);
}

void OpenClBackend::activationBackward(Activation activation, const Tensor& z, const Tensor& dZ,
                                       Tensor& dA) {
    requireSameSize(z, dZ, "activationBackward");
    requireSameSize(z, dA, "activationBackward");
    const DType type = computeType(z);
    const char* name = nullptr;
    switch (activation) {
    case Activation::Linear: copy(dZ, dA); return;
    case Activation::Softmax:
        throw std::logic_error("softmax is only trained fused with cross-entropy");
    case Activation::Sigmoid: name = "sigmoid_backward"; break;
    case Activation::Tanh: name = "tanh_backward"; break;
    case Activation::Relu: name = "relu_backward"; break;
    }
    const OpenClKernel& k = kernel(type, name);
    KernelArguments(k.handle, type)
        .buffer(memoryOf(z))
        .buffer(memoryOf(dZ))
        .buffer(memoryOf(dA))
        .integer(count(z));
    run(k, z.size(), name);
}

double OpenClBackend::softmaxCrossEntropy(const Tensor& logits, const Tensor& targets,
                                          Tensor& probabilities, Tensor& dLogits) {
    return pendingLoss(LossFunction::SoftmaxCrossEntropy, logits, targets, probabilities, dLogits)
        .get();
}

double OpenClBackend::sigmoidBinaryCrossEntropy(const Tensor& logits, const Tensor& targets,
                                                Tensor& probabilities, Tensor& dLogits) {
    return pendingLoss(LossFunction::SigmoidBinaryCrossEntropy, logits, targets, probabilities,
                       dLogits)
        .get();
}

double OpenClBackend::meanSquaredError(const Tensor& outputs, const Tensor& targets,
                                       Tensor& dOutputs) {
    return pendingLoss(LossFunction::MeanSquaredError, outputs, targets, dOutputs, dOutputs).get();
}

PendingValue OpenClBackend::pendingLoss(LossFunction loss, const Tensor& outputs,
                                        const Tensor& targets, Tensor& probabilities,
                                        Tensor& gradient) {
    const char* what = loss == LossFunction::SoftmaxCrossEntropy ? "softmaxCrossEntropy"
                       : loss == LossFunction::SigmoidBinaryCrossEntropy
                           ? "sigmoidBinaryCrossEntropy"
                           : "meanSquaredError";
    requireSameSize(outputs, targets, what);
    if (loss != LossFunction::MeanSquaredError) requireSameSize(outputs, probabilities, what);
    requireSameSize(outputs, gradient, what);
    const DType type = computeType(outputs);
    const auto rows = static_cast<double>(outputs.rows());
    switch (loss) {
    case LossFunction::SoftmaxCrossEntropy: {
        const OpenClKernel& k = kernel(type, "softmax_cross_entropy");
        KernelArguments arguments(k.handle, type);
        arguments.buffer(memoryOf(outputs))
            .buffer(memoryOf(targets))
            .buffer(memoryOf(probabilities))
            .buffer(memoryOf(gradient))
            .integer(static_cast<int32_t>(outputs.rows()))
            .integer(static_cast<int32_t>(outputs.cols()));
        return pendingSum(k, arguments, type, outputs.rows(), what, rows);
    }
    case LossFunction::SigmoidBinaryCrossEntropy: {
        const OpenClKernel& k = kernel(type, "sigmoid_binary_cross_entropy");
        KernelArguments arguments(k.handle, type);
        arguments.buffer(memoryOf(outputs))
            .buffer(memoryOf(targets))
            .buffer(memoryOf(probabilities))
            .buffer(memoryOf(gradient))
            .integer(count(outputs))
            .integer(static_cast<int32_t>(outputs.rows()));
        return pendingSum(k, arguments, type, outputs.size(), what, rows);
    }
    case LossFunction::MeanSquaredError: {
        const OpenClKernel& k = kernel(type, "mean_squared_error");
        KernelArguments arguments(k.handle, type);
        arguments.buffer(memoryOf(outputs))
            .buffer(memoryOf(targets))
            .buffer(memoryOf(gradient))
            .integer(count(outputs))
            .integer(static_cast<int32_t>(outputs.rows()));
        return pendingSum(k, arguments, type, outputs.size(), what, rows);
    }
    }
    throw std::invalid_argument("pendingLoss: no such loss");
}

// ---- element by element ------------------------------------------------------------------------

void OpenClBackend::multiply(const Tensor& a, const Tensor& b, Tensor& out) {
    requireSameSize(a, b, "multiply");
    requireSameSize(a, out, "multiply");
    const DType type = computeType(a);
    const OpenClKernel& k = kernel(type, "multiply");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(a))
        .buffer(memoryOf(b))
        .buffer(memoryOf(out))
        .integer(count(a));
    run(k, a.size(), "multiply");
}

void OpenClBackend::add(const Tensor& a, const Tensor& b, Tensor& out) {
    requireSameSize(a, b, "add");
    requireSameSize(a, out, "add");
    const DType type = computeType(a);
    const OpenClKernel& k = kernel(type, "add");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(a))
        .buffer(memoryOf(b))
        .buffer(memoryOf(out))
        .integer(count(a));
    run(k, a.size(), "add");
}

void OpenClBackend::addScaled(double alpha, const Tensor& x, Tensor& y) {
    requireSameSize(x, y, "addScaled");
    const DType type = computeType(y);
    const OpenClKernel& k = kernel(type, "add_scaled");
    KernelArguments(k.handle, type)
        .real(alpha)
        .buffer(memoryOf(x))
        .buffer(memoryOf(y))
        .integer(count(y));
    run(k, y.size(), "addScaled");
}

void OpenClBackend::shrinkTowardZero(double amount, Tensor& w) {
    const DType type = computeType(w);
    const OpenClKernel& k = kernel(type, "shrink_toward_zero");
    KernelArguments(k.handle, type).real(amount).buffer(memoryOf(w)).integer(count(w));
    run(k, w.size(), "shrinkTowardZero");
}

}  // namespace koto
