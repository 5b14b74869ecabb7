#pragma once
// Dropout (part 11): while training, each unit is kept with probability p (the "keep
// probability": 0.8 for inputs and 0.5 for hidden layers are the curriculum's defaults) and
// otherwise set to 0; at prediction every unit is kept.
//
// Scaling: this is "inverted" dropout. A kept unit is divided by p while training, so that its
// expected value, p * (x / p) + (1 - p) * 0 = x, is the same as at prediction, where the layer
// passes x on unchanged. The curriculum's rule trains without scaling and multiplies the outgoing
// weights by p at prediction; the two give the same expected input to the next layer (the
// weights learnt here are the curriculum's weights times p), and this way a trained network
// needs no change to predict. test_dropout_and_noise checks the expectation.
//
// The mask comes from Philox keyed by (seed, step, layer position): reproducible, and the same
// on every backend.

#include "layers/stochastic_layer.h"

namespace koto {

class DropoutLayer final : public StochasticLayer {
public:
    DropoutLayer(std::string name, double keep)
        : StochasticLayer(std::move(name), "mask"), keep_(keep) {}

    std::string_view type() const override { return "dropout"; }
    const Tensor& forward(Backend& backend, const Tensor& input) override;
    const Tensor& backward(Backend& backend, const Tensor& outputGradient,
                           bool needInputGradient) override;

    double keep() const { return keep_; }
    // The mask of the last training pass (1/p for kept units, 0 for dropped ones).
    const Tensor& mask() const { return random_; }

private:
    double keep_;
};

}  // namespace koto
