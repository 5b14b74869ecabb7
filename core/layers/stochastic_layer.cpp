#include "layers/stochastic_layer.h"

namespace koto {

void StochasticLayer::setup(Backend& backend, const Shape& inputShape, DType type) {
    output_ = backend.allocate(inputShape, type);
    inputGradient_ = backend.allocate(inputShape, type);
    random_ = backend.allocate(inputShape, type);
}

void StochasticLayer::prepare(const StepContext& context, uint32_t position) {
    context_ = context;
    position_ = position;
}

}  // namespace koto
