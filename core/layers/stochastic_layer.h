#pragma once
// What dropout and noise share: a layer without weights whose output has its input's shape, that
// acts only while training, with random numbers keyed by (seed, step, its position).

#include "layers/layer.h"

namespace koto {

class StochasticLayer : public Layer {
public:
    // randomName: what the trace calls the random numbers ("mask", "noise").
    StochasticLayer(std::string name, std::string randomName)
        : Layer(std::move(name)), randomName_(std::move(randomName)) {}

    void setup(Backend& backend, const Shape& inputShape, DType type) override;
    void initialize(Backend&, Random&) override {}
    void prepare(const StepContext& context, uint32_t position) override;
    Shape outputShape() const override { return output_.shape(); }
    // Forward: X, the mask or the noise (when this pass drew one), Z. Backward: dJ/dZ, dJ/dX.
    std::vector<TracedBuffer> forwardTrace(Backend& backend) override;
    std::vector<TracedBuffer> backwardTrace(Backend& backend) override;

protected:
    bool training() const { return context_.training; }
    RandomStream stream() const { return {context_.seed, context_.step, position_}; }

    // Buffers of the input's shape: the output, dJ/dX, and one for the mask or the noise.
    Tensor output_, inputGradient_, random_;
    // What the last passes saw and did, for the trace; forward() and backward() set them.
    const Tensor* input_ = nullptr;
    const Tensor* outputGradient_ = nullptr;
    bool randomUsed_ = false;  // the last forward pass drew a mask or noise
    bool inputGradientComputed_ = false;

private:
    std::string randomName_;
    StepContext context_;
    uint32_t position_ = 0;
};

}  // namespace koto
