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

std::vector<TracedBuffer> StochasticLayer::forwardTrace(Backend&) {
    std::vector<TracedBuffer> trace{{"X", input_}};
    if (randomUsed_) trace.push_back({randomName_, &random_});
    trace.push_back({"Z", &output_});
    return trace;
}

std::vector<TracedBuffer> StochasticLayer::backwardTrace(Backend&) {
    std::vector<TracedBuffer> trace{{"dJ/dZ", outputGradient_}};
    if (inputGradientComputed_) trace.push_back({"dJ/dX", &inputGradient_});
    return trace;
}

}  // namespace koto
