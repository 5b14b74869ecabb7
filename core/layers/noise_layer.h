#pragma once
// Noise injection (part 11): while training, Gaussian noise of mean 0 and standard deviation
// sigma is added to what passes through (usually the inputs), Z = X + N(0, sigma^2); at
// prediction the layer passes X on unchanged. The noise comes from Philox keyed by (seed, step,
// layer position), like dropout's masks. dZ/dX = 1.

#include "layers/stochastic_layer.h"

namespace koto {

class NoiseLayer final : public StochasticLayer {
public:
    NoiseLayer(std::string name, double deviation)
        : StochasticLayer(std::move(name), "noise"), deviation_(deviation) {}

    std::string_view type() const override { return "noise"; }
    const Tensor& forward(Backend& backend, const Tensor& input) override;
    const Tensor& backward(Backend& backend, const Tensor& outputGradient,
                           bool needInputGradient) override;

    double deviation() const { return deviation_; }

private:
    double deviation_;
};

}  // namespace koto
