#pragma once
// What dropout and noise share: a layer without weights whose output has its input's shape, that
// acts only while training, with random numbers keyed by (seed, step, its position).

#include "layers/layer.h"

namespace koto {

class StochasticLayer : public Layer {
public:
    using Layer::Layer;

    void setup(Backend& backend, const Shape& inputShape, DType type) override;
    void initialize(Backend&, Random&) override {}
    void prepare(const StepContext& context, uint32_t position) override;
    Shape outputShape() const override { return output_.shape(); }

protected:
    bool training() const { return context_.training; }
    RandomStream stream() const { return {context_.seed, context_.step, position_}; }

    // Buffers of the input's shape: the output, dJ/dX, and one for the mask or the noise.
    Tensor output_, inputGradient_, random_;

private:
    StepContext context_;
    uint32_t position_ = 0;
};

}  // namespace koto
