#include "network/layer_registry.h"

#include <set>

#include "layers/dense_layer.h"
#include "layers/dropout_layer.h"
#include "layers/noise_layer.h"
#include "util/errors.h"

namespace koto {
namespace {

Activation activationOf(const LayerSpec& spec) {
    const std::string name = spec.text("activation");
    const auto activation = activationFromName(name);
    if (!activation)
        throw SpecError(-1, spec.name + ": unknown activation \"" + name +
                                "\" (use linear, sigmoid, tanh, relu or softmax)");
    return *activation;
}

LayerType denseType() {
    return {
        "dense",
        "Fully connected layer: a = XW + b, Z = s(a)",
        [](const LayerSpec& spec, const std::vector<int64_t>& input, const std::string& inputName) {
            if (input.size() != 1)
                throw SpecError(-1, spec.name + " expects a flat input (one vector per sample) but " +
                                        inputName + " gives " + shapeText(input) +
                                        "; add a flatten layer before it");
            const int64_t units = spec.integer("units");
            if (units < 1 || units > 1'000'000)
                throw SpecError(-1, spec.name + ": units must be between 1 and 1000000, not " +
                                        std::to_string(units));
            activationOf(spec);
            // Checked before anything is allocated: a file may ask for absurd sizes.
            constexpr int64_t kMaxWeights = 100'000'000;
            if (input[0] > kMaxWeights / units)
                throw SpecError(-1, spec.name + " would have " + std::to_string(input[0]) + " x " + std::to_string(units) +
                                        " weights; a layer may have at most 100000000");
            return std::vector<int64_t>{units};
        },
        [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
            return std::make_unique<DenseLayer>(spec.name, spec.integer("units"), activationOf(spec));
        },
    };
}

LayerType dropoutType() {
    return {
        "dropout",
        "Dropout: keeps each unit with probability p while training (scaled by 1/p)",
        [](const LayerSpec& spec, const std::vector<int64_t>& input, const std::string&) {
            const double keep = spec.number("keep");
            if (!(keep > 0 && keep <= 1))
                throw SpecError(-1, spec.name + ": the keep probability must be above 0 and at most 1");
            return input;
        },
        [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
            return std::make_unique<DropoutLayer>(spec.name, spec.number("keep"));
        },
    };
}

LayerType noiseType() {
    return {
        "noise",
        "Gaussian noise: adds N(0, sigma^2) while training",
        [](const LayerSpec& spec, const std::vector<int64_t>& input, const std::string&) {
            const double sigma = spec.number("sigma");
            if (!(sigma >= 0 && sigma <= 1e6)) throw SpecError(-1, spec.name + ": sigma must be a number of at least 0");
            return input;
        },
        [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
            return std::make_unique<NoiseLayer>(spec.name, spec.number("sigma"));
        },
    };
}

void checkOutputAndLoss(const NetworkSpec& spec, const std::vector<int64_t>& outputShape) {
    const LayerSpec& last = spec.layers.back();
    const Activation activation = last.parameters.count("activation")
                                      ? activationFromName(last.text("activation")).value_or(Activation::Linear)
                                      : Activation::Linear;
    for (size_t i = 0; i + 1 < spec.layers.size(); ++i)
        if (spec.layers[i].parameters.count("activation") &&
            spec.layers[i].text("activation") == "softmax")
            throw SpecError(static_cast<int>(i), spec.layers[i].name +
                                                     ": softmax belongs to the output layer only");
    switch (spec.loss) {
    case LossKind::CrossEntropy:
        if (activation != Activation::Softmax)
            throw SpecError(static_cast<int>(spec.layers.size() - 1),
                            "cross-entropy needs a softmax output layer, but " + last.name + " is not");
        break;
    case LossKind::BinaryCrossEntropy:
        if (activation != Activation::Sigmoid || outputShape != std::vector<int64_t>{1})
            throw SpecError(static_cast<int>(spec.layers.size() - 1),
                            "binary cross-entropy needs one sigmoid output unit, but " + last.name +
                                " is not");
        break;
    case LossKind::MeanSquaredError:
        if (activation == Activation::Softmax)
            throw SpecError(static_cast<int>(spec.layers.size() - 1),
                            "softmax goes with cross-entropy, not with mean squared error");
        break;
    }
}

}  // namespace

const std::vector<LayerType>& layerRegistry() {
    static const std::vector<LayerType> registry{denseType(), dropoutType(), noiseType()};
    return registry;
}

const LayerType* findLayerType(std::string_view type) {
    for (const LayerType& entry : layerRegistry())
        if (entry.type == type) return &entry;
    return nullptr;
}

std::string shapeText(const std::vector<int64_t>& sampleShape) {
    std::string text;
    for (size_t i = 0; i < sampleShape.size(); ++i) {
        if (i > 0) text += 'x';
        text += std::to_string(sampleShape[i]);
    }
    return text;
}

std::vector<std::vector<int64_t>> inferShapes(const NetworkSpec& spec) {
    if (spec.schemaVersion > NetworkSpec::currentSchemaVersion)
        throw SpecError(-1, "the network was saved by a newer Kotohajime (schema version " +
                                std::to_string(spec.schemaVersion) + ")");
    if (spec.inputShape.empty())
        throw SpecError(-1, "the network has no input shape");
    for (int64_t d : spec.inputShape)
        if (d < 1 || d > 100'000'000) throw SpecError(-1, "the input shape " + shapeText(spec.inputShape) + " is not valid");
    if (spec.layers.empty()) throw SpecError(-1, "the network has no layers");

    std::vector<std::vector<int64_t>> shapes;
    std::set<std::string> names;
    std::vector<int64_t> current = spec.inputShape;
    std::string currentName = "the input";
    for (size_t i = 0; i < spec.layers.size(); ++i) {
        const LayerSpec& layer = spec.layers[i];
        const int index = static_cast<int>(i);
        if (layer.name.empty()) throw SpecError(index, "layer " + std::to_string(i + 1) + " has no name");
        if (!names.insert(layer.name).second)
            throw SpecError(index, "two layers are called " + layer.name);
        const LayerType* type = findLayerType(layer.type);
        if (!type) throw SpecError(index, layer.name + ": unknown layer type \"" + layer.type + "\"");
        try {
            current = type->inferShape(layer, current, currentName);
        } catch (const SpecError& error) {
            throw SpecError(index, error.what());
        }
        currentName = layer.name;
        shapes.push_back(current);
    }
    checkOutputAndLoss(spec, current);
    return shapes;
}

}  // namespace koto
