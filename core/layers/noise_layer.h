#pragma once
// Noise injection (part 11): while training, Gaussian noise of mean 0 and standard deviation
// sigma is added to what passes through (usually the inputs), Z = X + N(0, sigma^2); at
// prediction the layer passes X on unchanged. The noise comes from Philox keyed by (seed, step,
// layer position), like dropout's masks. dZ/dX = 1.

#include "layers/layer.h"

namespace koto {

class NoiseLayer final : public Layer {
public:
    NoiseLayer(std::string name, double deviation);

    std::string_view type() const override { return "noise"; }
    void setup(Backend& backend, const Shape& inputShape, DType type) override;
    void initialize(Backend&, Random&) override {}
    void prepare(const StepContext& context, uint32_t position) override;
    const Tensor& forward(Backend& backend, const Tensor& input) override;
    const Tensor& backward(Backend& backend, const Tensor& outputGradient, bool needInputGradient) override;
    Shape outputShape() const override { return output_.shape(); }

    double deviation() const { return deviation_; }

private:
    double deviation_;
    StepContext context_;
    uint32_t position_ = 0;
    Tensor noise_, output_, inputGradient_;
};

}  // namespace koto
