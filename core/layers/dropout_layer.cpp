#include "layers/dropout_layer.h"

namespace koto {

DropoutLayer::DropoutLayer(std::string name, double keep) : Layer(std::move(name)), keep_(keep) {}

void DropoutLayer::setup(Backend& backend, const Shape& inputShape, DType type) {
    mask_ = backend.allocate(inputShape, type);
    output_ = backend.allocate(inputShape, type);
    inputGradient_ = backend.allocate(inputShape, type);
}

void DropoutLayer::prepare(const StepContext& context, uint32_t position) {
    context_ = context;
    position_ = position;
}

const Tensor& DropoutLayer::forward(Backend& backend, const Tensor& input) {
    output_.setRows(input.rows());
    masked_ = context_.training && keep_ < 1.0;
    if (!masked_) {
        backend.copy(input, output_);
        return output_;
    }
    mask_.setRows(input.rows());
    backend.dropoutMask({context_.seed, context_.step, position_}, keep_, mask_);
    backend.multiply(input, mask_, output_);
    return output_;
}

const Tensor& DropoutLayer::backward(Backend& backend, const Tensor& outputGradient, bool needInputGradient) {
    if (!needInputGradient) return inputGradient_;
    inputGradient_.setRows(outputGradient.rows());
    if (masked_) backend.multiply(outputGradient, mask_, inputGradient_);
    else backend.copy(outputGradient, inputGradient_);
    return inputGradient_;
}

}  // namespace koto
