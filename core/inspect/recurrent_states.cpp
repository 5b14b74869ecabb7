#include "inspect/recurrent_states.h"

#include <span>

#include "layers/lstm_layer.h"
#include "layers/rnn_layer.h"
#include "util/errors.h"

namespace koto {
namespace {

// The first sample's T x width values of a sequence tensor (N x T x width).
std::vector<float> firstSample(Backend& backend, const Tensor& sequence) {
    std::vector<float> values(static_cast<size_t>(sequence.size()));
    backend.download(sequence, std::span<float>(values));
    values.resize(static_cast<size_t>(sequence.cols()));
    return values;
}

// Columns [offset, offset + rows) of every step of a T x width sample.
StateOverTime part(const std::string& name, const std::vector<float>& sample, int64_t steps,
                   int64_t width, int64_t offset, int64_t rows) {
    StateOverTime state{name, rows, steps, {}};
    for (int64_t t = 0; t < steps; ++t)
        for (int64_t r = 0; r < rows; ++r)
            state.values.push_back(sample[static_cast<size_t>(t * width + offset + r)]);
    return state;
}

// After each recurrent layer's forward pass, keeps its states for the one sample.
class StateRecorder final : public LayerHooks {
public:
    StateRecorder(Network& network, std::vector<RecurrentStates>& result)
        : network_(network), result_(result) {}

    bool beforeLayer(Pass, int) override { return true; }

    void afterLayer(Pass pass, int layerIndex) override {
        if (pass != Pass::Forward) return;
        Backend& backend = network_.backend();
        Layer& layer = network_.layer(layerIndex);
        if (auto* lstm = dynamic_cast<LstmLayer*>(&layer)) {
            const int64_t steps = lstm->steps(), units = lstm->units();
            RecurrentStates states{layer.name(), "lstm", {input(*lstm, steps)}};
            const std::vector<float> gates = firstSample(backend, lstm->gates());
            const char* names[] = {"i", "f", "o", "g"};  // side by side in each step, U each
            for (int64_t k = 0; k < 4; ++k)
                states.states.push_back(part(names[k], gates, steps, 4 * units, k * units, units));
            states.states.push_back(
                part("c", firstSample(backend, lstm->cells()), steps, units, 0, units));
            states.states.push_back(
                part("h", firstSample(backend, lstm->hidden()), steps, units, 0, units));
            result_.push_back(std::move(states));
        } else if (auto* rnn = dynamic_cast<SimpleRnnLayer*>(&layer)) {
            const int64_t steps = rnn->steps(), units = rnn->units();
            RecurrentStates states{layer.name(), "rnn", {input(*rnn, steps)}};
            states.states.push_back(
                part("h", firstSample(backend, rnn->hidden()), steps, units, 0, units));
            result_.push_back(std::move(states));
        }
    }

private:
    // The layer's input x(t), the first buffer of its forward trace (X).
    StateOverTime input(Layer& layer, int64_t steps) {
        const std::vector<TracedBuffer> trace = layer.forwardTrace(network_.backend());
        const std::vector<float> x = firstSample(network_.backend(), *trace.front().tensor);
        const int64_t width = static_cast<int64_t>(x.size()) / steps;
        return part("x", x, steps, width, 0, width);
    }

    Network& network_;
    std::vector<RecurrentStates>& result_;
};

}  // namespace

const StateOverTime* RecurrentStates::find(const std::string& name) const {
    for (const StateOverTime& state : states)
        if (state.name == name) return &state;
    return nullptr;
}

bool hasRecurrentLayer(const Network& network) {
    for (int i = 0; i < network.layerCount(); ++i)
        if (dynamic_cast<const RecurrentLayer*>(&network.layer(i))) return true;
    return false;
}

std::vector<RecurrentStates> computeRecurrentStates(Network& network,
                                                    const std::vector<float>& sample) {
    if (static_cast<int64_t>(sample.size()) != network.inputSize())
        throw InputError("the sample has " + std::to_string(sample.size()) +
                         " values but the network takes " + std::to_string(network.inputSize()));
    std::vector<RecurrentStates> result;
    Backend& backend = network.backend();
    Tensor input = backend.allocate(Shape{1, network.inputSize()}, network.dtype());
    backend.upload(std::span<const float>(sample), input);
    network.prepare({});  // predicting: no dropout, no noise
    StateRecorder recorder(network, result);
    network.forward(input, &recorder);
    return result;
}

}  // namespace koto
