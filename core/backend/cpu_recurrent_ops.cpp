// The CPU backend's recurrent-layer steps (backend.h: copyTimeStep ... lstmBackwardStep). Each
// works on one time step of the whole batch as an Eigen array expression over a strided view
// (N rows of one step's values, T steps apart), so that tanh and the logistic function run in
// Eigen's vectorized form, as activationForward's do; that is most of an LSTM's time outside
// its GEMMs. Expressions write straight into their destinations: no temporaries, no allocation.
// The layers do the matrix products themselves through gemm, all steps' input products in one.

#include <Eigen/Core>
#include <stdexcept>

#include "backend/argument_checks.h"
#include "backend/cpu_backend.h"
#include "backend/element_type_dispatch.h"
#include "backend/host_storage.h"

namespace koto {
namespace {

template <typename T>
using Array = Eigen::Array<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename T>
using StepView = Eigen::Map<Array<T>, Eigen::Unaligned, Eigen::OuterStride<>>;

// Time step `step` of a sequence tensor of `width` values a step: N x width, rows T*width apart.
template <typename T>
StepView<T> stepOf(const Tensor& sequence, int64_t step, int64_t width) {
    return StepView<T>(dataOf<T>(sequence) + step * width, sequence.rows(), width,
                       Eigen::OuterStride<>(sequence.cols()));
}

// A whole N x W tensor as the same kind of view.
template <typename T>
StepView<T> all(const Tensor& tensor) {
    return StepView<T>(dataOf<T>(tensor), tensor.rows(), tensor.cols(),
                       Eigen::OuterStride<>(tensor.cols()));
}

// z = s(z) in place, as activationForward computes it.
template <typename T>
void activateInPlace(Activation activation, StepView<T>& z) {
    switch (activation) {
    case Activation::Sigmoid: z = z.logistic(); break;
    case Activation::Tanh: z = z.tanh(); break;
    case Activation::Relu: z = z.max(T(0)); break;
    default: break;
    }
}

// d = d * s'(a), s' from z = s(a) as activationBackward writes it.
template <typename T>
void multiplySlope(Activation activation, const StepView<T>& z, StepView<T>& d) {
    switch (activation) {
    case Activation::Sigmoid: d = d * z * (T(1) - z); break;
    case Activation::Tanh: d = d * (T(1) - z.square()); break;
    case Activation::Relu: d = (z > T(0)).select(d, T(0)); break;
    default: break;
    }
}

void requireRecurrentActivation(Activation activation, const char* what) {
    if (activation == Activation::Softmax)
        throw std::invalid_argument(std::string(what) + ": softmax is not a recurrent activation");
}

}  // namespace

void CpuBackend::copyTimeStep(const Tensor& sequence, int64_t step, Tensor& out) {
    const int64_t width = out.cols();
    requireTimeStep(sequence, width, step, out, "copyTimeStep");
    dispatch(out.dtype(), [&]<typename T>() { all<T>(out) = stepOf<T>(sequence, step, width); });
}

void CpuBackend::placeTimeStep(const Tensor& in, int64_t step, Tensor& sequence) {
    const int64_t width = in.cols();
    requireTimeStep(sequence, width, step, in, "placeTimeStep");
    dispatch(in.dtype(), [&]<typename T>() { stepOf<T>(sequence, step, width) = all<T>(in); });
}

void CpuBackend::rnnForwardStep(Activation activation, int64_t step, const Tensor& inputPart,
                                const Tensor& recurrentPart, Tensor& hidden, Tensor& lastHidden) {
    requireRecurrentActivation(activation, "rnnForwardStep");
    const int64_t units = recurrentPart.cols();
    requireTimeSteps({&inputPart, &hidden}, {&recurrentPart, &lastHidden}, step, "rnnForwardStep");
    dispatch(hidden.dtype(), [&]<typename T>() {
        StepView<T> h = stepOf<T>(hidden, step, units);
        h = stepOf<T>(inputPart, step, units) + all<T>(recurrentPart);
        activateInPlace(activation, h);
        all<T>(lastHidden) = h;
    });
}

void CpuBackend::rnnBackwardStep(Activation activation, int64_t step, const Tensor& hidden,
                                 const Tensor& outputGradient, const Tensor& fromLater,
                                 Tensor& hiddenGradient, Tensor& preActivationGradient,
                                 Tensor& stepGradient) {
    requireRecurrentActivation(activation, "rnnBackwardStep");
    const int64_t units = fromLater.cols();
    requireTimeSteps({&hidden, &outputGradient, &hiddenGradient, &preActivationGradient},
                     {&fromLater, &stepGradient}, step, "rnnBackwardStep");
    dispatch(hidden.dtype(), [&]<typename T>() {
        StepView<T> dH = stepOf<T>(hiddenGradient, step, units);
        StepView<T> dA = stepOf<T>(preActivationGradient, step, units);
        dH = stepOf<T>(outputGradient, step, units) + all<T>(fromLater);
        dA = dH;
        multiplySlope(activation, stepOf<T>(hidden, step, units), dA);
        all<T>(stepGradient) = dA;
    });
}

void CpuBackend::lstmForwardStep(int64_t step, const Tensor& inputPart, const Tensor& recurrentPart,
                                 Tensor& gates, Tensor& cells, Tensor& hidden, Tensor& lastHidden) {
    const int64_t u = lastHidden.cols();
    requireLstmStep({&inputPart, &gates}, {&recurrentPart}, {&hidden, &cells}, {&lastHidden}, step,
                    "lstmForwardStep");
    dispatch(hidden.dtype(), [&]<typename T>() {
        StepView<T> gate = stepOf<T>(gates, step, 4 * u);
        gate = stepOf<T>(inputPart, step, 4 * u) + all<T>(recurrentPart);
        gate.leftCols(3 * u) = gate.leftCols(3 * u).logistic();  // i, f, o
        gate.rightCols(u) = gate.rightCols(u).tanh();            // g
        StepView<T> c = stepOf<T>(cells, step, u);
        if (step > 0)
            c = gate.middleCols(u, u) * stepOf<T>(cells, step - 1, u) +
                gate.leftCols(u) * gate.rightCols(u);
        else c = gate.leftCols(u) * gate.rightCols(u);
        StepView<T> h = stepOf<T>(hidden, step, u);
        h = gate.middleCols(2 * u, u) * c.tanh();
        all<T>(lastHidden) = h;
    });
}

void CpuBackend::lstmBackwardStep(int64_t step, const Tensor& gates, const Tensor& cells,
                                  const Tensor& outputGradient, const Tensor& fromLater,
                                  Tensor& cellCarry, Tensor& hiddenGradient, Tensor& cellGradient,
                                  Tensor& preActivationGradient, Tensor& stepGradient) {
    const int64_t u = fromLater.cols();
    requireLstmStep({&gates, &preActivationGradient}, {&stepGradient},
                    {&cells, &outputGradient, &hiddenGradient, &cellGradient},
                    {&fromLater, &cellCarry}, step, "lstmBackwardStep");
    dispatch(cells.dtype(), [&]<typename T>() {
        const StepView<T> gate = stepOf<T>(gates, step, 4 * u);
        const auto i = gate.leftCols(u), f = gate.middleCols(u, u), o = gate.middleCols(2 * u, u),
                   g = gate.rightCols(u);
        StepView<T> dH = stepOf<T>(hiddenGradient, step, u), dC = stepOf<T>(cellGradient, step, u);
        StepView<T> dA = stepOf<T>(preActivationGradient, step, 4 * u), carry = all<T>(cellCarry);
        dH = stepOf<T>(outputGradient, step, u) + all<T>(fromLater);
        dC = stepOf<T>(cells, step, u).tanh();  // tanh c(t) for a moment, used twice
        dA.middleCols(2 * u, u) = dH * o * (T(1) - o) * dC;
        dC = dH * o * (T(1) - dC.square()) + carry;
        carry = dC * f;
        dA.leftCols(u) = dC * i * (T(1) - i) * g;
        if (step > 0) dA.middleCols(u, u) = dC * f * (T(1) - f) * stepOf<T>(cells, step - 1, u);
        else dA.middleCols(u, u).setZero();
        dA.rightCols(u) = dC * i * (T(1) - g.square());
        all<T>(stepGradient) = dA;
    });
}

}  // namespace koto
