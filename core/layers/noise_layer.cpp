#include "layers/noise_layer.h"

namespace koto {

const Tensor& NoiseLayer::forward(Backend& backend, const Tensor& input) {
    input_ = &input;
    output_.setRows(input.rows());
    randomUsed_ = training() && deviation_ != 0;
    if (!randomUsed_) {
        backend.copy(input, output_);
        return output_;
    }
    random_.setRows(input.rows());
    backend.gaussianNoise(stream(), deviation_, random_);
    backend.add(input, random_, output_);
    return output_;
}

const Tensor& NoiseLayer::backward(Backend& backend, const Tensor& outputGradient,
                                   bool needInputGradient) {
    outputGradient_ = &outputGradient;
    inputGradientComputed_ = needInputGradient;
    if (!needInputGradient) return inputGradient_;
    inputGradient_.setRows(outputGradient.rows());
    backend.copy(outputGradient, inputGradient_);
    return inputGradient_;
}

}  // namespace koto
