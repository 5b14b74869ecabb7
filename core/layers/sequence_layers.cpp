#include "layers/sequence_layers.h"

#include <stdexcept>

namespace koto {
namespace {

void requireSequences(const Layer& layer, const Shape& inputShape) {
    if (inputShape.rank() != 3)
        throw std::invalid_argument(layer.name() + " needs sequences (N x T x U), not " +
                                    inputShape.text());
}

}  // namespace

void SequenceLastLayer::setup(Backend& backend, const Shape& inputShape, DType type) {
    requireSequences(*this, inputShape);
    steps_ = inputShape[1];
    output_ = backend.allocate({inputShape.rows(), inputShape[2]}, type);
    // Only step T is ever written; the other steps' gradient stays the zeros allocated here.
    inputGradient_ = backend.allocate(inputShape, type);
}

const Tensor& SequenceLastLayer::forward(Backend& backend, const Tensor& input) {
    input_ = &input;
    output_.setRows(input.rows());
    backend.copyTimeStep(input, steps_ - 1, output_);
    return output_;
}

const Tensor& SequenceLastLayer::backward(Backend& backend, const Tensor& outputGradient, bool) {
    outputGradient_ = &outputGradient;
    inputGradient_.setRows(outputGradient.rows());
    backend.placeTimeStep(outputGradient, steps_ - 1, inputGradient_);
    return inputGradient_;
}

void SequenceManyLayer::setup(Backend&, const Shape& inputShape, DType) {
    requireSequences(*this, inputShape);
    steps_ = inputShape[1];
    outputShape_ = Shape{inputShape.rows() * steps_, inputShape[2]};
}

const Tensor& SequenceManyLayer::forward(Backend&, const Tensor& input) {
    output_ = input.reshaped({input.rows() * steps_, input.cols() / steps_});
    return output_;
}

const Tensor& SequenceManyLayer::backward(Backend&, const Tensor& outputGradient, bool) {
    const int64_t rows = outputGradient.rows() / steps_;
    inputGradient_ = outputGradient.reshaped({rows, steps_, outputGradient.cols()});
    return inputGradient_;
}

}  // namespace koto
