#include "network/recurrent_layer_types.h"

#include <string>

#include "layers/lstm_layer.h"
#include "layers/rnn_layer.h"
#include "layers/sequence_layers.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

// Checked before anything is allocated: a file may ask for absurd sizes.
constexpr int64_t kMaxValuesPerSample = 100'000'000;

// The input as sequences {T, D}, or a SpecError that says what the layer got instead.
void requireSequenceInput(const LayerSpec& spec, const std::vector<int64_t>& input,
                          const std::string& inputName) {
    if (input.size() != 2)
        throw SpecError(-1, spec.name + " needs sequences (time steps x values) but " + inputName +
                                " gives " + shapeText(input) +
                                (input.size() == 1
                                     ? " values per sample, not a sequence; use a sequence dataset "
                                       "(sine, firstbit:LEN, parity:LEN, seqimg:fashion-mnist)"
                                     : ""));
}

int64_t unitsOf(const LayerSpec& spec) {
    const int64_t units = spec.integer("units");
    if (units < 1 || units > 100'000)
        throw SpecError(-1, spec.name + ": units must be between 1 and 100000, not " +
                                std::to_string(units));
    return units;
}

// The "init" parameter; absent means uniform (older files, and specs written by hand).
RecurrentInit initOf(const LayerSpec& spec) {
    if (!spec.parameters.count("init")) return RecurrentInit::Uniform;
    const std::string name = spec.text("init");
    const auto init = recurrentInitFromName(name);
    if (!init)
        throw SpecError(-1, spec.name + ": unknown weight initialisation " + inQuotes(name) +
                                " (use uniform, xavier or orthogonal)");
    return *init;
}

Activation recurrentActivationOf(const LayerSpec& spec) {
    const std::string name = spec.parameters.count("activation") ? spec.text("activation") : "tanh";
    const auto activation = activationFromName(name);
    if (!activation || *activation == Activation::Softmax)
        throw SpecError(-1, spec.name + ": unknown activation " + inQuotes(name) +
                                " (use tanh, sigmoid, relu or linear)");
    return *activation;
}

// A recurrent layer of `gates` blocks of `units` on {T, D}: refuses sizes past the limits.
std::vector<int64_t> recurrentShape(const LayerSpec& spec, const std::vector<int64_t>& input,
                                    const std::string& inputName, int64_t gates) {
    requireSequenceInput(spec, input, inputName);
    const int64_t units = unitsOf(spec);
    initOf(spec);
    const int64_t steps = input[0], values = input[1];
    if (values + units > kMaxValuesPerSample / (gates * units) ||
        steps > kMaxValuesPerSample / (gates * units))
        throw SpecError(
            -1, spec.name + " would be too large (at most 100000000 weights or values per sample)");
    return {steps, units};
}

}  // namespace

LayerType simpleRnnType() {
    return {
        "rnn",
        "Simple recurrent layer: h(t) = s(x(t) Wx + h(t-1) Wh + b) at every time step",
        [](const LayerSpec& spec, const std::vector<int64_t>& input, const std::string& inputName) {
            recurrentActivationOf(spec);
            return recurrentShape(spec, input, inputName, 1);
        },
        [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
            return std::make_unique<SimpleRnnLayer>(spec.name, spec.integer("units"),
                                                    recurrentActivationOf(spec), initOf(spec));
        },
    };
}

LayerType lstmType() {
    return {
        "lstm",
        "LSTM: input, forget and output gates guard a cell state c(t); h(t) = o tanh(c(t))",
        [](const LayerSpec& spec, const std::vector<int64_t>& input, const std::string& inputName) {
            return recurrentShape(spec, input, inputName, 4);
        },
        [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
            return std::make_unique<LstmLayer>(spec.name, spec.integer("units"), initOf(spec));
        },
    };
}

LayerType sequenceLastType() {
    return {
        "sequence_last",
        "Many-to-one: only the last time step's output goes on",
        [](const LayerSpec& spec, const std::vector<int64_t>& input, const std::string& inputName) {
            requireSequenceInput(spec, input, inputName);
            return std::vector<int64_t>{input[1]};
        },
        [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
            return std::make_unique<SequenceLastLayer>(spec.name);
        },
    };
}

LayerType sequenceManyType() {
    return {
        "sequence_many",
        "Many-to-many: every time step goes on as a row of its own, one target per step",
        [](const LayerSpec& spec, const std::vector<int64_t>& input, const std::string& inputName) {
            requireSequenceInput(spec, input, inputName);
            return std::vector<int64_t>{input[1]};
        },
        [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
            return std::make_unique<SequenceManyLayer>(spec.name);
        },
    };
}

}  // namespace koto
