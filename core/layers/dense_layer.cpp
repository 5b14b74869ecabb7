#include "layers/dense_layer.h"

#include <vector>

#include "layers/weight_initialization.h"

namespace koto {

DenseLayer::DenseLayer(std::string name, int64_t units, Activation activation)
    : Layer(std::move(name)), units_(units), activation_(activation) {}

void DenseLayer::setup(Backend& backend, const Shape& inputShape, DType type) {
    const int64_t maxRows = inputShape.rows();
    const int64_t inputs = inputShape.rowSize();
    weights_.value = backend.allocate({inputs, units_}, type);
    weights_.gradient = backend.allocate({inputs, units_}, type);
    bias_.value = backend.allocate({1, units_}, type);
    bias_.gradient = backend.allocate({1, units_}, type);
    preActivation_ = backend.allocate({maxRows, units_}, type);
    output_ = backend.allocate({maxRows, units_}, type);
    preActivationGradient_ = backend.allocate({maxRows, units_}, type);
    inputGradient_ = backend.allocate(inputShape, type);
}

void DenseLayer::initialize(Backend& backend, Random& random) {
    initializeWeights(backend, random, activation_, weights_.value.rows(), weights_.value.cols(),
                      weights_.value, bias_.value);
}

const Tensor& DenseLayer::forward(Backend& backend, const Tensor& input) {
    input_ = &input;
    const int64_t rows = input.rows();
    preActivation_.setRows(rows);
    output_.setRows(rows);
    backend.gemm(false, false, 1.0, input, weights_.value, 0.0, preActivation_);
    backend.addRowVector(bias_.value, preActivation_);
    backend.activationForward(effectiveActivation(), preActivation_, output_);
    return output_;
}

const Tensor& DenseLayer::backward(Backend& backend, const Tensor& outputGradient,
                                   bool needInputGradient) {
    const Tensor& input = *input_;
    outputGradient_ = &outputGradient;
    inputGradientComputed_ = needInputGradient;
    preActivationGradient_.setRows(outputGradient.rows());
    backend.activationBackward(effectiveActivation(), output_, outputGradient,
                               preActivationGradient_);
    backend.gemm(true, false, 1.0, input, preActivationGradient_, 0.0, weights_.gradient);
    backend.columnSums(preActivationGradient_, bias_.gradient);
    if (needInputGradient) {
        inputGradient_.setRows(input.rows());
        backend.gemm(false, true, 1.0, preActivationGradient_, weights_.value, 0.0, inputGradient_);
    }
    return inputGradient_;
}

std::vector<TracedBuffer> DenseLayer::forwardTrace(Backend&) {
    std::vector<TracedBuffer> trace{{"X", input_}, {"a", &preActivation_}};
    if (!fused_) trace.push_back({"Z", &output_});
    return trace;
}

std::vector<TracedBuffer> DenseLayer::backwardTrace(Backend& backend) {
    std::vector<TracedBuffer> trace;
    if (!fused_) {
        // s'(a) = dJ/da where dJ/dZ = 1: the very operation backward() used, on a tensor of ones.
        if (ones_.empty()) {
            ones_ =
                backend.allocate(output_.shape().withRows(output_.capacityRows()), output_.dtype());
            derivative_ = backend.allocate(ones_.shape(), ones_.dtype());
            backend.fill(ones_, 1.0);
        }
        ones_.setRows(output_.rows());
        derivative_.setRows(output_.rows());
        backend.activationBackward(activation_, output_, ones_, derivative_);
        trace.push_back({"dJ/dZ", outputGradient_});
        trace.push_back({"s'(a)", &derivative_});
    }
    trace.push_back({"dJ/da", &preActivationGradient_});
    trace.push_back({"dJ/dW", &weights_.gradient});
    trace.push_back({"dJ/db", &bias_.gradient});
    if (inputGradientComputed_) trace.push_back({"dJ/dX", &inputGradient_});
    return trace;
}

}  // namespace koto
