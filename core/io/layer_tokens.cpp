#include "io/layer_tokens.h"

#include <charconv>
#include <vector>

#include "network/layer_registry.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

LayerSpec denseFromToken(const std::string& token) {
    const auto fields = splitText(token, ':');
    if (fields.size() < 2 || fields.size() > 3)
        throw InputError("layer token \"" + token + "\" should look like dense:UNITS[:ACTIVATION]");
    int64_t units = 0;
    const std::string& unitText = fields[1];
    const auto [end, error] = std::from_chars(unitText.data(), unitText.data() + unitText.size(), units);
    if (error != std::errc() || end != unitText.data() + unitText.size() || units < 1)
        throw InputError("layer token \"" + token + "\": the number of units must be a positive whole number");
    const std::string activation = fields.size() == 3 ? fields[2] : "tanh";
    if (!activationFromName(activation))
        throw InputError("layer token \"" + token + "\": unknown activation \"" + activation +
                         "\" (linear, sigmoid, tanh, relu or softmax)");
    LayerSpec layer;
    layer.type = "dense";
    layer.parameters["units"] = units;
    layer.parameters["activation"] = activation;
    return layer;
}

double numberIn(const std::string& token, const std::string& text, const char* what) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        throw InputError("layer token \"" + token + "\": " + what + " must be a number");
    return value;
}

// dropout:P (P the keep probability) and noise:S (S the standard deviation).
LayerSpec stochasticFromToken(const std::string& token) {
    const auto fields = splitText(token, ':');
    const bool dropout = fields[0] == "dropout";
    if (fields.size() != 2)
        throw InputError("layer token \"" + token + "\" should look like " + (dropout ? "dropout:KEEP" : "noise:SIGMA"));
    LayerSpec layer;
    layer.type = fields[0];
    if (dropout) {
        const double keep = numberIn(token, fields[1], "the keep probability");
        if (!(keep > 0 && keep <= 1))
            throw InputError("layer token \"" + token + "\": the keep probability must be above 0 and at most 1");
        layer.parameters["keep"] = keep;
    } else {
        const double sigma = numberIn(token, fields[1], "sigma");
        if (!(sigma >= 0 && sigma <= 1e6)) throw InputError("layer token \"" + token + "\": sigma must be at least 0");
        layer.parameters["sigma"] = sigma;
    }
    return layer;
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

NetworkSpec networkSpecFromTokens(const std::string& tokens, const Dataset& dataset, std::optional<LossKind> loss) {
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
            else if (type == "dropout" || type == "noise") spec.layers.push_back(stochasticFromToken(token));
            else
                throw InputError("unknown layer token \"" + token +
                                 "\" (this version knows dense:UNITS:ACTIVATION, dropout:KEEP and noise:SIGMA)");
        }
    }
    if (spec.layers.empty() || !isOutputLayer(spec.layers.back(), dataset, spec.loss)) {
        LayerSpec output;
        output.type = "dense";
        switch (spec.loss) {
        case LossKind::CrossEntropy:
            output.parameters = {{"units", dataset.classCount}, {"activation", std::string("softmax")}};
            break;
        case LossKind::BinaryCrossEntropy:
            output.parameters = {{"units", int64_t{1}}, {"activation", std::string("sigmoid")}};
            break;
        case LossKind::MeanSquaredError:
            output.parameters = {{"units", dataset.outputSize}, {"activation", std::string("linear")}};
            break;
        }
        spec.layers.push_back(output);
    }
    assignLayerNames(spec);
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
            tokens += layer.type + ":" + std::to_string(layer.integer("units")) + ":" + layer.text("activation");
        else
            tokens += layer.type + ":" + shortNumber(layer.number(layer.type == "dropout" ? "keep" : "sigma"));
    }
    return tokens;
}

}  // namespace koto
