#include "layers/noise_layer.h"

namespace koto {

NoiseLayer::NoiseLayer(std::string name, double deviation) : Layer(std::move(name)), deviation_(deviation) {}

void NoiseLayer::setup(Backend& backend, const Shape& inputShape, DType type) {
    noise_ = backend.allocate(inputShape, type);
    output_ = backend.allocate(inputShape, type);
    inputGradient_ = backend.allocate(inputShape, type);
}

void NoiseLayer::prepare(const StepContext& context, uint32_t position) {
    context_ = context;
    position_ = position;
}

const Tensor& NoiseLayer::forward(Backend& backend, const Tensor& input) {
    output_.setRows(input.rows());
    if (!context_.training || deviation_ == 0) {
        backend.copy(input, output_);
        return output_;
    }
    noise_.setRows(input.rows());
    backend.gaussianNoise({context_.seed, context_.step, position_}, deviation_, noise_);
    backend.add(input, noise_, output_);
    return output_;
}

const Tensor& NoiseLayer::backward(Backend& backend, const Tensor& outputGradient, bool needInputGradient) {
    if (!needInputGradient) return inputGradient_;
    inputGradient_.setRows(outputGradient.rows());
    backend.copy(outputGradient, inputGradient_);
    return inputGradient_;
}

}  // namespace koto
