#include "layers/dropout_layer.h"

namespace koto {

const Tensor& DropoutLayer::forward(Backend& backend, const Tensor& input) {
    input_ = &input;
    output_.setRows(input.rows());
    randomUsed_ = training() && keep_ < 1.0;
    if (!randomUsed_) {
        backend.copy(input, output_);
        return output_;
    }
    random_.setRows(input.rows());
    backend.dropoutMask(stream(), keep_, random_);
    backend.multiply(input, random_, output_);
    return output_;
}

const Tensor& DropoutLayer::backward(Backend& backend, const Tensor& outputGradient,
                                     bool needInputGradient) {
    outputGradient_ = &outputGradient;
    inputGradientComputed_ = needInputGradient;
    if (!needInputGradient) return inputGradient_;
    inputGradient_.setRows(outputGradient.rows());
    if (randomUsed_) backend.multiply(outputGradient, random_, inputGradient_);
    else backend.copy(outputGradient, inputGradient_);
    return inputGradient_;
}

}  // namespace koto
