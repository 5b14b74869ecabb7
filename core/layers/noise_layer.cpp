#include "layers/noise_layer.h"

namespace koto {

const Tensor& NoiseLayer::forward(Backend& backend, const Tensor& input) {
    output_.setRows(input.rows());
    if (!training() || deviation_ == 0) {
        backend.copy(input, output_);
        return output_;
    }
    random_.setRows(input.rows());
    backend.gaussianNoise(stream(), deviation_, random_);
    backend.add(input, random_, output_);
    return output_;
}

const Tensor& NoiseLayer::backward(Backend& backend, const Tensor& outputGradient, bool needInputGradient) {
    if (!needInputGradient) return inputGradient_;
    inputGradient_.setRows(outputGradient.rows());
    backend.copy(outputGradient, inputGradient_);
    return inputGradient_;
}

}  // namespace koto
