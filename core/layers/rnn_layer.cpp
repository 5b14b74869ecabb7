#include "layers/rnn_layer.h"

#include <stdexcept>

#include "layers/recurrent_products.h"

namespace koto {

SimpleRnnLayer::SimpleRnnLayer(std::string name, int64_t units, Activation activation,
                               RecurrentInit init)
    : RecurrentLayer(std::move(name)), units_(units), activation_(activation), init_(init) {}

void SimpleRnnLayer::setup(Backend& backend, const Shape& inputShape, DType type) {
    if (inputShape.rank() != 3)
        throw std::invalid_argument(name() + " needs sequences (N x T x D), not " +
                                    inputShape.text());
    const int64_t rows = inputShape.rows();
    steps_ = inputShape[1];
    inputs_ = inputShape[2];
    allocateRecurrentParameters(backend, inputs_, units_, 1, type, inputWeights_, recurrentWeights_,
                                bias_);
    const Shape sequence{rows, steps_, units_}, step{rows, units_};
    inputPart_ = backend.allocate(sequence, type);
    hidden_ = backend.allocate(sequence, type);
    previousHidden_ = backend.allocate(sequence, type);
    recurrentPart_ = backend.allocate(step, type);
    lastHidden_ = backend.allocate(step, type);
    hiddenGradient_ = backend.allocate(sequence, type);
    preActivationGradient_ = backend.allocate(sequence, type);
    inputGradient_ = backend.allocate(inputShape, type);
    fromLater_ = backend.allocate(step, type);
    stepGradient_ = backend.allocate(step, type);
}

void SimpleRnnLayer::initialize(Backend& backend, Random& random) {
    initializeRecurrentWeights(backend, random, init_, 1, inputWeights_.value,
                               recurrentWeights_.value);
    backend.fill(bias_.value, 0.0);
}

const Tensor& SimpleRnnLayer::forward(Backend& backend, const Tensor& input) {
    input_ = &input;
    const int64_t rows = input.rows();
    for (Tensor* t : {&inputPart_, &hidden_, &previousHidden_, &recurrentPart_, &lastHidden_})
        t->setRows(rows);
    inputProducts(backend, steps_, input, inputWeights_, bias_, inputPart_);
    for (int64_t t = 0; t < steps_; ++t) {
        if (t == 0) backend.fill(recurrentPart_, 0.0);  // h(0) = 0
        else
            backend.gemm(false, false, 1.0, lastHidden_, recurrentWeights_.value, 0.0,
                         recurrentPart_);
        backend.rnnForwardStep(activation_, t, inputPart_, recurrentPart_, hidden_, lastHidden_);
        // Kept beside each step for dJ/dWh; step 1's h(0) stays the zeros it was allocated as.
        if (t + 1 < steps_) backend.placeTimeStep(lastHidden_, t + 1, previousHidden_);
    }
    return hidden_;
}

const Tensor& SimpleRnnLayer::backward(Backend& backend, const Tensor& outputGradient,
                                       bool needInputGradient) {
    outputGradient_ = &outputGradient;
    inputGradientComputed_ = needInputGradient;
    const int64_t rows = outputGradient.rows();
    for (Tensor* t : {&hiddenGradient_, &preActivationGradient_, &fromLater_, &stepGradient_})
        t->setRows(rows);
    backend.fill(fromLater_, 0.0);  // nothing comes back from after the last step
    for (int64_t t = steps_ - 1; t >= 0; --t) {
        backend.rnnBackwardStep(activation_, t, hidden_, outputGradient, fromLater_,
                                hiddenGradient_, preActivationGradient_, stepGradient_);
        if (t > 0)
            backend.gemm(false, true, 1.0, stepGradient_, recurrentWeights_.value, 0.0, fromLater_);
    }
    if (needInputGradient) inputGradient_.setRows(rows);
    parameterGradients(backend, steps_, *input_, previousHidden_, preActivationGradient_,
                       inputWeights_, recurrentWeights_, bias_,
                       needInputGradient ? &inputGradient_ : nullptr);
    stepNorms(backend, hiddenGradient_, steps_, hostGradient_, hiddenNorms_);
    return inputGradient_;
}

std::vector<TracedBuffer> SimpleRnnLayer::forwardTrace(Backend&) {
    return {{"X", input_}, {"x(t) Wx + b", &inputPart_}, {"h", &hidden_}};
}

std::vector<TracedBuffer> SimpleRnnLayer::backwardTrace(Backend&) {
    std::vector<TracedBuffer> trace{{"dJ/dY", outputGradient_},
                                    {"dJ/dh", &hiddenGradient_},
                                    {"dJ/da", &preActivationGradient_},
                                    {"dJ/dWx", &inputWeights_.gradient},
                                    {"dJ/dWh", &recurrentWeights_.gradient},
                                    {"dJ/db", &bias_.gradient}};
    if (inputGradientComputed_) trace.push_back({"dJ/dX", &inputGradient_});
    return trace;
}

}  // namespace koto
