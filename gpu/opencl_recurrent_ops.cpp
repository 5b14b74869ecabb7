// The OpenCL backend's recurrent-layer steps (backend.h: copyTimeStep ... lstmBackwardStep); the
// kernels are kernels/recurrent_kernels.cl, one work-item per sample and unit.

#include <stdexcept>

#include "backend/argument_checks.h"
#include "opencl_backend.h"
#include "opencl_tensors.h"

namespace koto {
namespace {

// The kernels' numbering of the activations (recurrent_kernels.cl).
int32_t activationCode(Activation activation, const char* what) {
    switch (activation) {
    case Activation::Linear: return 0;
    case Activation::Sigmoid: return 1;
    case Activation::Tanh: return 2;
    case Activation::Relu: return 3;
    case Activation::Softmax: break;
    }
    throw std::invalid_argument(std::string(what) + ": softmax is not a recurrent activation");
}

int32_t int32(int64_t value) { return static_cast<int32_t>(value); }

}  // namespace

void OpenClBackend::copyTimeStep(const Tensor& sequence, int64_t step, Tensor& out) {
    const int64_t steps = requireTimeStep(sequence, out.cols(), step, out, "copyTimeStep");
    const DType type = computeType(out, "copyTimeStep");
    const OpenClKernel& k = kernel(type, "copy_time_step");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(sequence))
        .buffer(memoryOf(out))
        .integer(int32(out.size()))
        .integer(int32(out.cols()))
        .integer(int32(steps))
        .integer(int32(step));
    run(k, out.size(), "copyTimeStep");
}

void OpenClBackend::placeTimeStep(const Tensor& in, int64_t step, Tensor& sequence) {
    const int64_t steps = requireTimeStep(sequence, in.cols(), step, in, "placeTimeStep");
    const DType type = computeType(in, "placeTimeStep");
    const OpenClKernel& k = kernel(type, "place_time_step");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(in))
        .buffer(memoryOf(sequence))
        .integer(int32(in.size()))
        .integer(int32(in.cols()))
        .integer(int32(steps))
        .integer(int32(step));
    run(k, in.size(), "placeTimeStep");
}

void OpenClBackend::rnnForwardStep(Activation activation, int64_t step, const Tensor& inputPart,
                                   const Tensor& recurrentPart, Tensor& hidden,
                                   Tensor& lastHidden) {
    const int32_t code = activationCode(activation, "rnnForwardStep");
    const int64_t steps = requireTimeSteps({&inputPart, &hidden}, {&recurrentPart, &lastHidden},
                                           step, "rnnForwardStep");
    const DType type = computeType(hidden, "rnnForwardStep");
    const OpenClKernel& k = kernel(type, "rnn_forward_step");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(inputPart))
        .buffer(memoryOf(recurrentPart))
        .buffer(memoryOf(hidden))
        .buffer(memoryOf(lastHidden))
        .integer(int32(lastHidden.size()))
        .integer(int32(lastHidden.cols()))
        .integer(int32(steps))
        .integer(int32(step))
        .integer(code);
    run(k, lastHidden.size(), "rnnForwardStep");
}

void OpenClBackend::rnnBackwardStep(Activation activation, int64_t step, const Tensor& hidden,
                                    const Tensor& outputGradient, const Tensor& fromLater,
                                    Tensor& hiddenGradient, Tensor& preActivationGradient,
                                    Tensor& stepGradient) {
    const int32_t code = activationCode(activation, "rnnBackwardStep");
    const int64_t steps =
        requireTimeSteps({&hidden, &outputGradient, &hiddenGradient, &preActivationGradient},
                         {&fromLater, &stepGradient}, step, "rnnBackwardStep");
    const DType type = computeType(hidden, "rnnBackwardStep");
    const OpenClKernel& k = kernel(type, "rnn_backward_step");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(hidden))
        .buffer(memoryOf(outputGradient))
        .buffer(memoryOf(fromLater))
        .buffer(memoryOf(hiddenGradient))
        .buffer(memoryOf(preActivationGradient))
        .buffer(memoryOf(stepGradient))
        .integer(int32(fromLater.size()))
        .integer(int32(fromLater.cols()))
        .integer(int32(steps))
        .integer(int32(step))
        .integer(code);
    run(k, fromLater.size(), "rnnBackwardStep");
}

void OpenClBackend::lstmForwardStep(int64_t step, const Tensor& inputPart,
                                    const Tensor& recurrentPart, Tensor& gates, Tensor& cells,
                                    Tensor& hidden, Tensor& lastHidden) {
    requireLstmStep({&inputPart, &gates}, {&recurrentPart}, {&hidden, &cells}, {&lastHidden}, step,
                    "lstmForwardStep");
    const int64_t steps = hidden.cols() / lastHidden.cols();
    const DType type = computeType(hidden, "lstmForwardStep");
    const OpenClKernel& k = kernel(type, "lstm_forward_step");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(inputPart))
        .buffer(memoryOf(recurrentPart))
        .buffer(memoryOf(gates))
        .buffer(memoryOf(cells))
        .buffer(memoryOf(hidden))
        .buffer(memoryOf(lastHidden))
        .integer(int32(lastHidden.size()))
        .integer(int32(lastHidden.cols()))
        .integer(int32(steps))
        .integer(int32(step));
    run(k, lastHidden.size(), "lstmForwardStep");
}

void OpenClBackend::lstmBackwardStep(int64_t step, const Tensor& gates, const Tensor& cells,
                                     const Tensor& outputGradient, const Tensor& fromLater,
                                     Tensor& cellCarry, Tensor& hiddenGradient,
                                     Tensor& cellGradient, Tensor& preActivationGradient,
                                     Tensor& stepGradient) {
    requireLstmStep({&gates, &preActivationGradient}, {&stepGradient},
                    {&cells, &outputGradient, &hiddenGradient, &cellGradient},
                    {&fromLater, &cellCarry}, step, "lstmBackwardStep");
    const int64_t steps = cells.cols() / fromLater.cols();
    const DType type = computeType(cells, "lstmBackwardStep");
    const OpenClKernel& k = kernel(type, "lstm_backward_step");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(gates))
        .buffer(memoryOf(cells))
        .buffer(memoryOf(outputGradient))
        .buffer(memoryOf(fromLater))
        .buffer(memoryOf(cellCarry))
        .buffer(memoryOf(hiddenGradient))
        .buffer(memoryOf(cellGradient))
        .buffer(memoryOf(preActivationGradient))
        .buffer(memoryOf(stepGradient))
        .integer(int32(fromLater.size()))
        .integer(int32(fromLater.cols()))
        .integer(int32(steps))
        .integer(int32(step));
    run(k, fromLater.size(), "lstmBackwardStep");
}

}  // namespace koto
