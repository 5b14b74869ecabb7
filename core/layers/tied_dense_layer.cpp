#include "layers/tied_dense_layer.h"

#include "util/errors.h"
#include "util/text.h"

namespace koto {

TiedDenseLayer::TiedDenseLayer(std::string name, int64_t units, Activation activation,
                               std::string tiedTo)
    : Layer(std::move(name)), units_(units), activation_(activation), tiedTo_(std::move(tiedTo)) {}

void TiedDenseLayer::setup(Backend& backend, const Shape& inputShape, DType type) {
    const int64_t maxRows = inputShape.rows();
    inputSize_ = inputShape.rowSize();
    bias_.value = backend.allocate({1, units_}, type);
    bias_.gradient = backend.allocate({1, units_}, type);
    preActivation_ = backend.allocate({maxRows, units_}, type);
    output_ = backend.allocate({maxRows, units_}, type);
    preActivationGradient_ = backend.allocate({maxRows, units_}, type);
    inputGradient_ = backend.allocate(inputShape, type);
}

void TiedDenseLayer::connect(const std::function<Layer*(const std::string&)>& layerNamed) {
    auto* encoder = dynamic_cast<DenseLayer*>(layerNamed(tiedTo_));
    if (encoder == nullptr)
        throw SpecError(-1, name() + " is tied to " + inQuotes(tiedTo_) +
                                ", which is not a dense layer of the network");
    const Tensor& w = encoder->weights().value;
    if (w.rows() != units_ || w.cols() != inputSize_)
        throw SpecError(-1, name() + " takes " + std::to_string(inputSize_) + " inputs to " +
                                std::to_string(units_) +
                                " units, so it cannot use the transpose of " + tiedTo_ + "'s W (" +
                                std::to_string(w.rows()) + " x " + std::to_string(w.cols()) + ")");
    sharedWeights_ = &encoder->weights();
}

void TiedDenseLayer::initialize(Backend& backend, Random&) { backend.fill(bias_.value, 0.0); }

const Tensor& TiedDenseLayer::forward(Backend& backend, const Tensor& input) {
    input_ = &input;
    backwardDone_ = false;
    const int64_t rows = input.rows();
    preActivation_.setRows(rows);
    output_.setRows(rows);
    backend.gemm(false, true, 1.0, input, sharedWeights_->value, 0.0, preActivation_);
    backend.addRowVector(bias_.value, preActivation_);
    backend.activationForward(effectiveActivation(), preActivation_, output_);
    return output_;
}

const Tensor& TiedDenseLayer::backward(Backend& backend, const Tensor& outputGradient,
                                       bool needInputGradient) {
    preActivationGradient_.setRows(outputGradient.rows());
    backend.activationBackward(effectiveActivation(), output_, outputGradient,
                               preActivationGradient_);
    backend.columnSums(preActivationGradient_, bias_.gradient);
    inputGradientComputed_ = needInputGradient;
    if (needInputGradient) {
        inputGradient_.setRows(input_->rows());
        backend.gemm(false, false, 1.0, preActivationGradient_, sharedWeights_->value, 0.0,
                     inputGradient_);
    }
    backwardDone_ = true;
    return inputGradient_;
}

void TiedDenseLayer::finishBackward(Backend& backend) {
    // Only after a backward pass that reached this layer (a hook may cancel one midway).
    if (!backwardDone_) return;
    backend.gemm(true, false, 1.0, preActivationGradient_, *input_, 1.0, sharedWeights_->gradient);
    backwardDone_ = false;
}

std::vector<TracedBuffer> TiedDenseLayer::forwardTrace(Backend&) {
    std::vector<TracedBuffer> trace{{"X", input_}, {"a", &preActivation_}};
    if (!fused_) trace.push_back({"Z", &output_});
    return trace;
}

std::vector<TracedBuffer> TiedDenseLayer::backwardTrace(Backend&) {
    std::vector<TracedBuffer> trace{{"dJ/da", &preActivationGradient_}, {"dJ/db", &bias_.gradient}};
    if (inputGradientComputed_) trace.push_back({"dJ/dX", &inputGradient_});
    return trace;
}

}  // namespace koto
