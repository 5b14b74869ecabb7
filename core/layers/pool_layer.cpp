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
    inputGradient_ = backend.allocate(inputShape, type);
}

const Tensor& PoolingLayer::forward(Backend& backend, const Tensor& input) {
    input_ = &input;
    output_.setRows(input.rows());
    if (kind_ == PoolingKind::Max) backend.maxPoolForward(windows_, input, output_);
    else backend.averagePoolForward(windows_, input, output_);
    return output_;
}

const Tensor& PoolingLayer::backward(Backend& backend, const Tensor& outputGradient,
                                     bool needInputGradient) {
    outputGradient_ = &outputGradient;
    inputGradientComputed_ = needInputGradient;
    if (!needInputGradient) return inputGradient_;
    inputGradient_.setRows(outputGradient.rows());
    if (kind_ == PoolingKind::Max)
        backend.maxPoolBackward(windows_, *input_, outputGradient, inputGradient_);
    else backend.averagePoolBackward(windows_, outputGradient, inputGradient_);
    return inputGradient_;
}

std::vector<TracedBuffer> PoolingLayer::forwardTrace(Backend& backend) {
    std::vector<TracedBuffer> trace{{"X", input_}, {"Z", &output_}};
    if (kind_ == PoolingKind::Max) {
        // The winners are dJ/dX where dJ/dZ = 1: the very operation backward() uses, on ones.
        if (ones_.empty()) {
            ones_ =
                backend.allocate(output_.shape().withRows(output_.capacityRows()), output_.dtype());
            winners_ =
                backend.allocate(inputGradient_.shape().withRows(ones_.rows()), output_.dtype());
            backend.fill(ones_, 1.0);
        }
        ones_.setRows(output_.rows());
        winners_.setRows(output_.rows());
        backend.maxPoolBackward(windows_, *input_, ones_, winners_);
        trace.push_back({"winners", &winners_});
    }
    return trace;
}

std::vector<TracedBuffer> PoolingLayer::backwardTrace(Backend&) {
    std::vector<TracedBuffer> trace{{"dJ/dZ", outputGradient_}};
    if (inputGradientComputed_) trace.push_back({"dJ/dX", &inputGradient_});
    return trace;
}

}  // namespace koto
