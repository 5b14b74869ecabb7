#include "layers/pool_layer.h"

#include <stdexcept>

namespace koto {

PoolingLayer::PoolingLayer(std::string name, PoolingKind kind, int64_t kernel)
    : Layer(std::move(name)), kind_(kind) {
    windows_.kernel = kernel;
    windows_.stride = kernel;
}

void PoolingLayer::setup(Backend& backend, const Shape& inputShape, DType type) {
    if (inputShape.rank() != 4)
        throw std::invalid_argument(name() + " needs images (N x C x H x W), not " +
                                    inputShape.text());
    windows_.channels = inputShape[1];
    windows_.height = inputShape[2];
    windows_.width = inputShape[3];
    output_ = backend.allocate(
        {inputShape.rows(), windows_.channels, windows_.outputHeight(), windows_.outputWidth()},
        type);
    if (kind_ == PoolingKind::Max) winners_ = backend.allocate(inputShape, type);
    inputGradient_ = backend.allocate(inputShape, type);
}

const Tensor& PoolingLayer::forward(Backend& backend, const Tensor& input) {
    input_ = &input;
    output_.setRows(input.rows());
    if (kind_ == PoolingKind::Max) {
        winners_.setRows(input.rows());
        backend.maxPoolForward(windows_, input, output_, winners_);
    } else {
        backend.averagePoolForward(windows_, input, output_);
    }
    return output_;
}

const Tensor& PoolingLayer::backward(Backend& backend, const Tensor& outputGradient,
                                     bool needInputGradient) {
    outputGradient_ = &outputGradient;
    inputGradientComputed_ = needInputGradient;
    if (!needInputGradient) return inputGradient_;
    inputGradient_.setRows(outputGradient.rows());
    if (kind_ == PoolingKind::Max)
        backend.maxPoolBackward(windows_, winners_, outputGradient, inputGradient_);
    else backend.averagePoolBackward(windows_, outputGradient, inputGradient_);
    return inputGradient_;
}

std::vector<TracedBuffer> PoolingLayer::forwardTrace(Backend&) {
    std::vector<TracedBuffer> trace{{"X", input_}, {"Z", &output_}};
    if (kind_ == PoolingKind::Max) trace.push_back({"winners", &winners_});
    return trace;
}

std::vector<TracedBuffer> PoolingLayer::backwardTrace(Backend&) {
    std::vector<TracedBuffer> trace{{"dJ/dZ", outputGradient_}};
    if (inputGradientComputed_) trace.push_back({"dJ/dX", &inputGradient_});
    return trace;
}

}  // namespace koto
