#include "io/layer_tokens.h"

#include <cctype>
#include <charconv>
#include <vector>

#include "layers/weight_initialization.h"
#include "network/layer_registry.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

LayerSpec denseFromToken(const std::string& token) {
    const auto fields = splitText(token, ':');
    if (fields.size() < 2 || fields.size() > 3)
        throw InputError("layer token " + inQuotes(token) +
                         " should look like dense:UNITS[:ACTIVATION]");
    int64_t units = 0;
    const std::string& unitText = fields[1];
    const auto [end, error] =
        std::from_chars(unitText.data(), unitText.data() + unitText.size(), units);
    if (error != std::errc() || end != unitText.data() + unitText.size() || units < 1)
        throw InputError("layer token " + inQuotes(token) +
                         ": the number of units must be a positive whole number");
    const std::string activation = fields.size() == 3 ? fields[2] : "tanh";
    if (!activationFromName(activation))
        throw InputError("layer token " + inQuotes(token) + ": unknown activation " +
                         inQuotes(activation) + " (linear, sigmoid, tanh, relu or softmax)");
    LayerSpec layer;
    layer.type = "dense";
    layer.parameters["units"] = units;
    layer.parameters["activation"] = activation;
    return layer;
}

// A positive (or, with allowZero, non-negative) whole number in a token, or an InputError.
int64_t wholeNumberIn(const std::string& token, const std::string& text, const char* what,
                      bool allowZero = false) {
    int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty() ||
        value < (allowZero ? 0 : 1))
        throw InputError("layer token " + inQuotes(token) + ": " + what + " must be a " +
                         (allowZero ? "whole number of at least 0" : "positive whole number"));
    return value;
}

// A field that starts with a letter names an activation; anything else is meant as a number.
bool isName(const std::string& text) {
    return !text.empty() && std::isalpha(static_cast<unsigned char>(text[0]));
}

// conv:F:K[:S[:P]][:ACT]: F filters of K x K, stride S (1), zero padding P (0), activation (relu).
LayerSpec convolutionFromToken(const std::string& token) {
    auto fields = splitText(token, ':');
    std::string activation = "relu";
    if (fields.size() > 3 && isName(fields.back())) {
        activation = fields.back();
        fields.pop_back();
    }
    if (fields.size() < 3 || fields.size() > 5)
        throw InputError("layer token " + inQuotes(token) +
                         " should look like conv:FILTERS:KERNEL[:STRIDE[:PADDING]][:ACTIVATION]");
    if (!activationFromName(activation) || activation == "softmax")
        throw InputError("layer token " + inQuotes(token) + ": unknown activation " +
                         inQuotes(activation) + " (linear, sigmoid, tanh or relu)");
    LayerSpec layer;
    layer.type = "conv";
    layer.parameters["filters"] = wholeNumberIn(token, fields[1], "the number of filters");
    layer.parameters["kernel"] = wholeNumberIn(token, fields[2], "the kernel size");
    layer.parameters["stride"] =
        fields.size() > 3 ? wholeNumberIn(token, fields[3], "the stride") : int64_t{1};
    layer.parameters["padding"] =
        fields.size() > 4 ? wholeNumberIn(token, fields[4], "the padding", true) : int64_t{0};
    layer.parameters["activation"] = activation;
    return layer;
}

// maxpool:K, avgpool:K (K x K windows moved by K) and flatten.
LayerSpec imageLayerFromToken(const std::string& token) {
    const auto fields = splitText(token, ':');
    LayerSpec layer;
    layer.type = fields[0];
    if (layer.type == "flatten") {
        if (fields.size() != 1)
            throw InputError("layer token " + inQuotes(token) + ": flatten takes no parameters");
        return layer;
    }
    if (fields.size() != 2)
        throw InputError("layer token " + inQuotes(token) + " should look like " + layer.type +
                         ":KERNEL");
    layer.parameters["kernel"] = wholeNumberIn(token, fields[1], "the window size");
    return layer;
}

bool takesImages(const LayerSpec& layer) {
    return layer.type == "conv" || layer.type == "maxpool" || layer.type == "avgpool";
}

double numberIn(const std::string& token, const std::string& text, const char* what) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        throw InputError("layer token " + inQuotes(token) + ": " + what + " must be a number");
    return value;
}

// dropout:P (P the keep probability) and noise:S (S the standard deviation).
LayerSpec stochasticFromToken(const std::string& token) {
    const auto fields = splitText(token, ':');
    const bool dropout = fields[0] == "dropout";
    if (fields.size() != 2)
        throw InputError("layer token " + inQuotes(token) + " should look like " +
                         (dropout ? "dropout:KEEP" : "noise:SIGMA"));
    LayerSpec layer;
    layer.type = fields[0];
    if (dropout) {
        const double keep = numberIn(token, fields[1], "the keep probability");
        if (!(keep > 0 && keep <= 1))
            throw InputError("layer token " + inQuotes(token) +
                             ": the keep probability must be above 0 and at most 1");
        layer.parameters["keep"] = keep;
    } else {
        const double sigma = numberIn(token, fields[1], "sigma");
        if (!(sigma >= 0 && sigma <= 1e6))
            throw InputError("layer token " + inQuotes(token) + ": sigma must be at least 0");
        layer.parameters["sigma"] = sigma;
    }
    return layer;
}

// rnn:U[:ACT][:INIT] and lstm:U[:INIT]: U units, the activation (tanh; the LSTM's are fixed) and
// the recurrent weights' initialisation (uniform, xavier or orthogonal), in either order.
LayerSpec recurrentFromToken(const std::string& token) {
    const auto fields = splitText(token, ':');
    const bool lstm = fields[0] == "lstm";
    const char* form = lstm ? "lstm:UNITS[:INIT]" : "rnn:UNITS[:ACTIVATION][:INIT]";
    if (fields.size() < 2 || fields.size() > (lstm ? 3u : 4u))
        throw InputError("layer token " + inQuotes(token) + " should look like " + form);
    LayerSpec layer;
    layer.type = fields[0];
    layer.parameters["units"] = wholeNumberIn(token, fields[1], "the number of units");
    if (!lstm) layer.parameters["activation"] = std::string("tanh");
    layer.parameters["init"] = std::string("uniform");
    for (size_t i = 2; i < fields.size(); ++i) {
        const auto activation = activationFromName(fields[i]);
        if (recurrentInitFromName(fields[i])) layer.parameters["init"] = fields[i];
        else if (!lstm && activation && *activation != Activation::Softmax)
            layer.parameters["activation"] = fields[i];
        else
            throw InputError(
                "layer token " + inQuotes(token) + ": " + inQuotes(fields[i]) + " is " +
                (lstm ? "not a weight initialisation (uniform, xavier or orthogonal)"
                      : "neither an activation (tanh, sigmoid, relu, linear) nor a weight "
                        "initialisation (uniform, xavier, orthogonal)"));
    }
    return layer;
}

// seq:last (many-to-one) and seq:many (many-to-many).
LayerSpec sequenceFromToken(const std::string& token) {
    if (token == "seq:last" || token == "seq:many") {
        LayerSpec layer;
        layer.type = token == "seq:last" ? "sequence_last" : "sequence_many";
        return layer;
    }
    throw InputError("layer token " + inQuotes(token) + " should be seq:last or seq:many");
}

bool isRecurrent(const LayerSpec& layer) { return layer.type == "rnn" || layer.type == "lstm"; }

// A parameter that specs written by hand may leave out, with the default the registry assumes.
std::string textOr(const LayerSpec& layer, const std::string& key, const std::string& fallback) {
    return layer.parameters.count(key) ? layer.text(key) : fallback;
}

bool isOutputLayer(const LayerSpec& layer, const Dataset& dataset, LossKind loss) {
    if (layer.type != "dense") return false;
    const std::string activation = layer.text("activation");
    const int64_t units = layer.integer("units");
    switch (loss) {
    case LossKind::CrossEntropy: return activation == "softmax";
    case LossKind::BinaryCrossEntropy: return activation == "sigmoid" && units == 1;
    case LossKind::MeanSquaredError: return activation == "linear" && units == dataset.outputSize;
    }
    return false;
}

}  // namespace

NetworkSpec networkSpecFromTokens(const std::string& tokens, const Dataset& dataset,
                                  std::optional<LossKind> loss) {
    NetworkSpec spec;
    spec.inputShape = {dataset.inputSize};
    const bool classification = dataset.task == Task::Classification;
    spec.loss = loss.value_or(classification ? LossKind::CrossEntropy : LossKind::MeanSquaredError);
    if (!classification && spec.loss != LossKind::MeanSquaredError)
        throw InputError(dataset.name + " is a regression dataset: use the loss mse");
    if (spec.loss == LossKind::BinaryCrossEntropy && dataset.classCount != 2)
        throw InputError("binary cross-entropy needs two classes, " + dataset.name + " has " +
                         std::to_string(dataset.classCount));

    if (!tokens.empty()) {
        for (const std::string& token : splitText(tokens, ',')) {
            const std::string type = token.substr(0, token.find(':'));
            if (type == "dense") spec.layers.push_back(denseFromToken(token));
            else if (type == "dropout" || type == "noise")
                spec.layers.push_back(stochasticFromToken(token));
            else if (type == "conv") spec.layers.push_back(convolutionFromToken(token));
            else if (type == "maxpool" || type == "avgpool" || type == "flatten")
                spec.layers.push_back(imageLayerFromToken(token));
            else if (type == "rnn" || type == "lstm")
                spec.layers.push_back(recurrentFromToken(token));
            else if (type == "seq") spec.layers.push_back(sequenceFromToken(token));
            else
                throw InputError(
                    "unknown layer token " + inQuotes(token) +
                    " (this version knows dense:UNITS:ACTIVATION, dropout:KEEP, noise:SIGMA, "
                    "conv:F:K[:S[:P]][:ACTIVATION], maxpool:K, avgpool:K, flatten, "
                    "rnn:U[:ACTIVATION][:INIT], "
                    "lstm:U[:INIT], seq:last and seq:many)");
        }
    }
    // Images go in as 1 x H x W when the first layer that computes (dropout and noise pass any
    // shape) is a convolution or a pooling; else as the flat vector a dense layer takes.
    for (const LayerSpec& layer : spec.layers) {
        if (layer.type == "dropout" || layer.type == "noise") continue;
        if (takesImages(layer) && dataset.imageWidth > 0 && dataset.imageHeight > 0 &&
            dataset.imageWidth * dataset.imageHeight == dataset.inputSize)
            spec.inputShape = {1, dataset.imageHeight, dataset.imageWidth};
        break;
    }
    if (spec.layers.empty() || !isOutputLayer(spec.layers.back(), dataset, spec.loss)) {
        LayerSpec output;
        output.type = "dense";
        switch (spec.loss) {
        case LossKind::CrossEntropy:
            output.parameters = {{"units", dataset.classCount},
                                 {"activation", std::string("softmax")}};
            break;
        case LossKind::BinaryCrossEntropy:
            output.parameters = {{"units", int64_t{1}}, {"activation", std::string("sigmoid")}};
            break;
        case LossKind::MeanSquaredError:
            output.parameters = {{"units", dataset.outputSize},
                                 {"activation", std::string("linear")}};
            break;
        }
        spec.layers.push_back(output);
    }
    assignLayerNames(spec);
    // Many-to-many answers at every time step and so needs data with a target at every step
    // (targets=every); many-to-one the other way round. Refused here, naming the layer, rather
    // than failing at the loss.
    bool manyToMany = false;
    for (const LayerSpec& layer : spec.layers) {
        if (layer.type == "sequence_many" && !dataset.targetEveryStep)
            throw InputError(layer.name + " (seq:many) needs a target for every time step, which " +
                             dataset.name +
                             " does not give (one target per sequence); use seq:last, or " +
                             dataset.name + ":targets=every where the dataset offers it");
        if (layer.type == "sequence_last" && dataset.targetEveryStep)
            throw InputError(layer.name + " (seq:last) gives one answer per sequence, but " +
                             dataset.name +
                             " with targets=every has a target at every time step; use seq:many");
        manyToMany = manyToMany || layer.type == "sequence_many";
    }
    if (dataset.targetEveryStep && !manyToMany)
        throw InputError(dataset.name +
                         " with targets=every has a target at every time step: the network needs a "
                         "recurrent layer followed by seq:many (e.g. lstm:16,seq:many)");
    // Sequences go in as T x D when the first layer that computes is recurrent.
    for (const LayerSpec& layer : spec.layers) {
        if (layer.type == "dropout" || layer.type == "noise") continue;
        if (isRecurrent(layer)) {
            const int64_t steps = dataset.sequenceLength;
            if (steps <= 0 || dataset.inputSize % steps != 0)
                throw InputError(layer.name + " needs sequence data, but " + dataset.name +
                                 " is not a sequence; use sine, firstbit:LEN, parity:LEN or "
                                 "seqimg:fashion-mnist");
            spec.inputShape = {steps, dataset.inputSize / steps};
        }
        break;
    }
    try {
        inferShapes(spec);
    } catch (const SpecError& error) {
        throw InputError(error.what());
    }
    return spec;
}

std::string hiddenLayerTokens(const NetworkSpec& spec) {
    std::string tokens;
    for (size_t i = 0; i + 1 < spec.layers.size(); ++i) {
        const LayerSpec& layer = spec.layers[i];
        if (!tokens.empty()) tokens += ",";
        if (layer.type == "dense")
            tokens += layer.type + ":" + std::to_string(layer.integer("units")) + ":" +
                      layer.text("activation");
        else if (layer.type == "conv")
            tokens += "conv:" + std::to_string(layer.integer("filters")) + ":" +
                      std::to_string(layer.integer("kernel")) + ":" +
                      std::to_string(layer.integer("stride")) + ":" +
                      std::to_string(layer.integer("padding")) + ":" + layer.text("activation");
        else if (layer.type == "maxpool" || layer.type == "avgpool")
            tokens += layer.type + ":" + std::to_string(layer.integer("kernel"));
        else if (layer.type == "flatten") tokens += layer.type;
        else if (layer.type == "rnn")
            tokens += "rnn:" + std::to_string(layer.integer("units")) + ":" +
                      textOr(layer, "activation", "tanh") + ":" + textOr(layer, "init", "uniform");
        else if (layer.type == "lstm")
            tokens += "lstm:" + std::to_string(layer.integer("units")) + ":" +
                      textOr(layer, "init", "uniform");
        else if (layer.type == "sequence_last" || layer.type == "sequence_many")
            tokens += layer.type == "sequence_last" ? "seq:last" : "seq:many";
        else
            tokens += layer.type + ":" +
                      shortNumber(layer.number(layer.type == "dropout" ? "keep" : "sigma"));
    }
    return tokens;
}

}  // namespace koto
