#include "layers/lstm_layer.h"

#include <stdexcept>

#include "layers/recurrent_products.h"

namespace koto {

LstmLayer::LstmLayer(std::string name, int64_t units, RecurrentInit init)
    : RecurrentLayer(std::move(name)), units_(units), init_(init) {}

void LstmLayer::setup(Backend& backend, const Shape& inputShape, DType type) {
    if (inputShape.rank() != 3)
        throw std::invalid_argument(name() + " needs sequences (N x T x D), not " +
                                    inputShape.text());
    const int64_t rows = inputShape.rows(), gateWidth = 4 * units_;
    steps_ = inputShape[1];
    inputs_ = inputShape[2];
    allocateRecurrentParameters(backend, inputs_, units_, 4, type, inputWeights_, recurrentWeights_,
                                bias_);
    const Shape gateSequence{rows, steps_, gateWidth}, sequence{rows, steps_, units_};
    inputPart_ = backend.allocate(gateSequence, type);
    gates_ = backend.allocate(gateSequence, type);
    cells_ = backend.allocate(sequence, type);
    hidden_ = backend.allocate(sequence, type);
    previousHidden_ = backend.allocate(sequence, type);
    recurrentPart_ = backend.allocate({rows, gateWidth}, type);
    lastHidden_ = backend.allocate({rows, units_}, type);
    hiddenGradient_ = backend.allocate(sequence, type);
    cellGradient_ = backend.allocate(sequence, type);
    preActivationGradient_ = backend.allocate(gateSequence, type);
    inputGradient_ = backend.allocate(inputShape, type);
    fromLater_ = backend.allocate({rows, units_}, type);
    cellCarry_ = backend.allocate({rows, units_}, type);
    stepGradient_ = backend.allocate({rows, gateWidth}, type);
    for (Tensor& gate : gateTrace_) gate = backend.allocate(sequence, type);
}

void LstmLayer::initialize(Backend& backend, Random& random) {
    initializeRecurrentWeights(backend, random, init_, 4, inputWeights_.value,
                               recurrentWeights_.value);
    std::vector<double> bias(static_cast<size_t>(4 * units_), 0.0);
    for (int64_t u = units_; u < 2 * units_; ++u)
        bias[static_cast<size_t>(u)] = 1.0;  // the forget gate's
    backend.upload(std::span<const double>(bias), bias_.value);
}

const Tensor& LstmLayer::forward(Backend& backend, const Tensor& input) {
    input_ = &input;
    const int64_t rows = input.rows();
    for (Tensor* t :
         {&inputPart_, &gates_, &cells_, &hidden_, &previousHidden_, &recurrentPart_, &lastHidden_})
        t->setRows(rows);
    inputProducts(backend, steps_, input, inputWeights_, bias_, inputPart_);
    for (int64_t t = 0; t < steps_; ++t) {
        if (t == 0) backend.fill(recurrentPart_, 0.0);  // h(0) = 0
        else
            backend.gemm(false, false, 1.0, lastHidden_, recurrentWeights_.value, 0.0,
                         recurrentPart_);
        backend.lstmForwardStep(t, inputPart_, recurrentPart_, gates_, cells_, hidden_,
                                lastHidden_);
        // Kept beside each step for dJ/dWh; step 1's h(0) stays the zeros it was allocated as.
        if (t + 1 < steps_) backend.placeTimeStep(lastHidden_, t + 1, previousHidden_);
    }
    return hidden_;
}

const Tensor& LstmLayer::backward(Backend& backend, const Tensor& outputGradient,
                                  bool needInputGradient) {
    outputGradient_ = &outputGradient;
    inputGradientComputed_ = needInputGradient;
    const int64_t rows = outputGradient.rows();
    for (Tensor* t : {&hiddenGradient_, &cellGradient_, &preActivationGradient_, &fromLater_,
                      &cellCarry_, &stepGradient_})
        t->setRows(rows);
    backend.fill(fromLater_, 0.0);  // nothing comes back from after the last step
    backend.fill(cellCarry_, 0.0);
    for (int64_t t = steps_ - 1; t >= 0; --t) {
        backend.lstmBackwardStep(t, gates_, cells_, outputGradient, fromLater_, cellCarry_,
                                 hiddenGradient_, cellGradient_, preActivationGradient_,
                                 stepGradient_);
        if (t > 0)
            backend.gemm(false, true, 1.0, stepGradient_, recurrentWeights_.value, 0.0, fromLater_);
    }
    if (needInputGradient) inputGradient_.setRows(rows);
    parameterGradients(backend, steps_, *input_, previousHidden_, preActivationGradient_,
                       inputWeights_, recurrentWeights_, bias_,
                       needInputGradient ? &inputGradient_ : nullptr);
    stepNorms(backend, hiddenGradient_, steps_, hostGradient_, hiddenNorms_);
    stepNorms(backend, cellGradient_, steps_, hostGradient_, cellNorms_);
    return inputGradient_;
}

std::vector<TracedBuffer> LstmLayer::forwardTrace(Backend& backend) {
    // Each step's four gate blocks taken apart: seen as (N*T) rows of 4 blocks of U, gate k is
    // "time step" k of that view.
    const int64_t rows = gates_.rows();
    const Tensor allGates = gates_.reshaped({rows * steps_, 4 * units_});
    for (int k = 0; k < 4; ++k) {
        gateTrace_[k].setRows(rows);
        Tensor gate = gateTrace_[k].reshaped({rows * steps_, units_});
        backend.copyTimeStep(allGates, k, gate);
    }
    return {{"X", input_},         {"i", &gateTrace_[0]}, {"f", &gateTrace_[1]},
            {"o", &gateTrace_[2]}, {"g", &gateTrace_[3]}, {"c", &cells_},
            {"h", &hidden_}};
}

std::vector<TracedBuffer> LstmLayer::backwardTrace(Backend&) {
    std::vector<TracedBuffer> trace{
        {"dJ/dY", outputGradient_},          {"dJ/dh", &hiddenGradient_},
        {"dJ/dc", &cellGradient_},           {"dJ/da", &preActivationGradient_},
        {"dJ/dWx", &inputWeights_.gradient}, {"dJ/dWh", &recurrentWeights_.gradient},
        {"dJ/db", &bias_.gradient}};
    if (inputGradientComputed_) trace.push_back({"dJ/dX", &inputGradient_});
    return trace;
}

}  // namespace koto
