#include "layers/dropout_layer.h"

namespace koto {

const Tensor& DropoutLayer::forward(Backend& backend, const Tensor& input) {
    output_.setRows(input.rows());
    masked_ = training() && keep_ < 1.0;
    if (!masked_) {
        backend.copy(input, output_);
        return output_;
    }
    random_.setRows(input.rows());
    backend.dropoutMask(stream(), keep_, random_);
    backend.multiply(input, random_, output_);
    return output_;
}

const Tensor& DropoutLayer::backward(Backend& backend, const Tensor& outputGradient, bool needInputGradient) {
    if (!needInputGradient) return inputGradient_;
    inputGradient_.setRows(outputGradient.rows());
    if (masked_) backend.multiply(outputGradient, random_, inputGradient_);
    else backend.copy(outputGradient, inputGradient_);
    return inputGradient_;
}

}  // namespace koto
