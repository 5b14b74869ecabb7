#include "layers/recurrent_products.h"

#include <cmath>

namespace koto {
namespace {

// A sequence tensor as one row per sample and step.
Tensor perStep(const Tensor& sequence, int64_t steps) {
    return sequence.reshaped({sequence.rows() * steps, sequence.cols() / steps});
}

}  // namespace

void allocateRecurrentParameters(Backend& backend, int64_t inputs, int64_t units, int64_t gates,
                                 DType type, Parameter& inputWeights, Parameter& recurrentWeights,
                                 Parameter& bias) {
    const int64_t width = gates * units;
    for (Tensor* t : {&inputWeights.value, &inputWeights.gradient})
        *t = backend.allocate({inputs, width}, type);
    for (Tensor* t : {&recurrentWeights.value, &recurrentWeights.gradient})
        *t = backend.allocate({units, width}, type);
    for (Tensor* t : {&bias.value, &bias.gradient}) *t = backend.allocate({1, width}, type);
}

void inputProducts(Backend& backend, int64_t steps, const Tensor& input,
                   const Parameter& inputWeights, const Parameter& bias, Tensor& inputPart) {
    Tensor allSteps = perStep(inputPart, steps);
    backend.gemm(false, false, 1.0, perStep(input, steps), inputWeights.value, 0.0, allSteps);
    backend.addRowVector(bias.value, allSteps);
}

void parameterGradients(Backend& backend, int64_t steps, const Tensor& input,
                        const Tensor& previousHidden, const Tensor& preActivationGradient,
                        Parameter& inputWeights, Parameter& recurrentWeights, Parameter& bias,
                        Tensor* inputGradient) {
    const Tensor allSteps = perStep(preActivationGradient, steps);
    backend.gemm(true, false, 1.0, perStep(input, steps), allSteps, 0.0, inputWeights.gradient);
    backend.gemm(true, false, 1.0, perStep(previousHidden, steps), allSteps, 0.0,
                 recurrentWeights.gradient);
    backend.columnSums(allSteps, bias.gradient);
    if (inputGradient) {
        Tensor inputSteps = perStep(*inputGradient, steps);
        backend.gemm(false, true, 1.0, allSteps, inputWeights.value, 0.0, inputSteps);
    }
}

void stepNorms(Backend& backend, const Tensor& sequence, int64_t steps, std::vector<double>& host,
               std::vector<double>& norms) {
    host.resize(static_cast<size_t>(sequence.size()));
    backend.download(sequence, std::span<double>(host));
    const int64_t width = sequence.cols() / steps;
    norms.assign(static_cast<size_t>(steps), 0.0);
    for (int64_t n = 0; n < sequence.rows(); ++n)
        for (int64_t t = 0; t < steps; ++t)
            for (int64_t j = 0; j < width; ++j) {
                const double value = host[static_cast<size_t>((n * steps + t) * width + j)];
                norms[static_cast<size_t>(t)] += value * value;
            }
    for (double& norm : norms) norm = std::sqrt(norm);
}

}  // namespace koto
