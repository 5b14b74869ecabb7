#include "layers/conv_layer.h"

#include <stdexcept>
#include <vector>

#include "layers/weight_initialization.h"

namespace koto {

ConvolutionLayer::ConvolutionLayer(std::string name, int64_t filters, int64_t kernel,
                                   int64_t stride, int64_t padding, Activation activation)
    : Layer(std::move(name)), filters_(filters), activation_(activation) {
    windows_.kernel = kernel;
    windows_.stride = stride;
    windows_.padding = padding;
}

void ConvolutionLayer::setup(Backend& backend, const Shape& inputShape, DType type) {
    if (inputShape.rank() != 4)
        throw std::invalid_argument(name() + " needs images (N x C x H x W), not " +
                                    inputShape.text());
    windows_.channels = inputShape[1];
    windows_.height = inputShape[2];
    windows_.width = inputShape[3];
    weights_.value = backend.allocate({filters_, windows_.patchSize()}, type);
    weights_.gradient = backend.allocate({filters_, windows_.patchSize()}, type);
    bias_.value = backend.allocate({1, filters_}, type);
    bias_.gradient = backend.allocate({1, filters_}, type);
    const Shape images{inputShape.rows(), filters_, windows_.outputHeight(),
                       windows_.outputWidth()};
    preActivation_ = backend.allocate(images, type);
    output_ = backend.allocate(images, type);
    preActivationGradient_ = backend.allocate(images, type);
    inputGradient_ = backend.allocate(inputShape, type);
}

void ConvolutionLayer::initialize(Backend& backend, Random& random) {
    const int64_t fanIn = windows_.patchSize();
    const int64_t fanOut = filters_ * windows_.kernel * windows_.kernel;
    initializeWeights(backend, random, activation_, fanIn, fanOut, weights_.value, bias_.value);
}

const Tensor& ConvolutionLayer::forward(Backend& backend, const Tensor& input) {
    input_ = &input;
    preActivation_.setRows(input.rows());
    output_.setRows(input.rows());
    backend.convolutionForward(windows_, input, weights_.value, bias_.value, preActivation_);
    backend.activationForward(activation_, preActivation_, output_);
    return output_;
}

const Tensor& ConvolutionLayer::backward(Backend& backend, const Tensor& outputGradient,
                                         bool needInputGradient) {
    outputGradient_ = &outputGradient;
    inputGradientComputed_ = needInputGradient;
    preActivationGradient_.setRows(outputGradient.rows());
    backend.activationBackward(activation_, output_, outputGradient, preActivationGradient_);
    backend.convolutionParameterGradients(windows_, *input_, preActivationGradient_,
                                          weights_.gradient, bias_.gradient);
    if (needInputGradient) {
        inputGradient_.setRows(outputGradient.rows());
        backend.convolutionInputGradient(windows_, preActivationGradient_, weights_.value,
                                         inputGradient_);
    }
    return inputGradient_;
}

std::vector<TracedBuffer> ConvolutionLayer::forwardTrace(Backend&) {
    return {{"X", input_}, {"a", &preActivation_}, {"Z", &output_}};
}

std::vector<TracedBuffer> ConvolutionLayer::backwardTrace(Backend&) {
    std::vector<TracedBuffer> trace{{"dJ/dZ", outputGradient_},
                                    {"dJ/da", &preActivationGradient_},
                                    {"dJ/dW", &weights_.gradient},
                                    {"dJ/db", &bias_.gradient}};
    if (inputGradientComputed_) trace.push_back({"dJ/dX", &inputGradient_});
    return trace;
}

}  // namespace koto
