#include "network/layer_registry.h"

#include <set>

#include "layers/conv_layer.h"
#include "layers/dense_layer.h"
#include "layers/dropout_layer.h"
#include "layers/flatten_layer.h"
#include "layers/noise_layer.h"
#include "layers/pool_layer.h"
#include "layers/tied_dense_layer.h"
#include "network/recurrent_layer_types.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

Activation activationOf(const LayerSpec& spec) {
    const std::string name = spec.text("activation");
    const auto activation = activationFromName(name);
    if (!activation)
        throw SpecError(-1, spec.name + ": unknown activation " + inQuotes(name) +
                                " (use linear, sigmoid, tanh, relu or softmax)");
    return *activation;
}

LayerType denseType() {
    return {
        "dense",
        "Fully connected layer: a = XW + b, Z = s(a)",
        [](const LayerSpec& spec, const std::vector<int64_t>& input, const std::string& inputName) {
            if (input.size() == 2)
                throw SpecError(
                    -1,
                    spec.name + " expects one vector per sample but " + inputName +
                        " gives a sequence of " + shapeText(input) +
                        "; add seq:last (the last time step) or seq:many (every step) before it");
            if (input.size() != 1)
                throw SpecError(-1, spec.name +
                                        " expects a flat input (one vector per sample) but " +
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
                throw SpecError(-1, spec.name + " would have " + std::to_string(input[0]) + " x " +
                                        std::to_string(units) +
                                        " weights; a layer may have at most 100000000");
            return std::vector<int64_t>{units};
        },
        [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
            return std::make_unique<DenseLayer>(spec.name, spec.integer("units"),
                                                activationOf(spec));
        },
    };
}

LayerType tiedDenseType() {
    return {
        "tied_dense",
        "Decoder layer tied to an encoder dense layer: a = X W^T + b with that layer's W, Z = s(a)",
        [](const LayerSpec& spec, const std::vector<int64_t>& input, const std::string& inputName) {
            if (input.size() != 1)
                throw SpecError(-1, spec.name +
                                        " expects a flat input (one vector per sample) but " +
                                        inputName + " gives " + shapeText(input));
            const int64_t units = spec.integer("units");
            if (units < 1 || units > 1'000'000)
                throw SpecError(-1, spec.name + ": units must be between 1 and 1000000, not " +
                                        std::to_string(units));
            activationOf(spec);
            if (spec.text("tied_to").empty())
                throw SpecError(-1, spec.name + ": tied_to must name a dense layer");
            // Whether tied_to names a dense layer of the right shape is checked when the network
            // is built (TiedDenseLayer::connect).
            return std::vector<int64_t>{units};
        },
        [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
            return std::make_unique<TiedDenseLayer>(spec.name, spec.integer("units"),
                                                    activationOf(spec), spec.text("tied_to"));
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
                throw SpecError(-1,
                                spec.name + ": the keep probability must be above 0 and at most 1");
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
            if (!(sigma >= 0 && sigma <= 1e6))
                throw SpecError(-1, spec.name + ": sigma must be a number of at least 0");
            return input;
        },
        [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
            return std::make_unique<NoiseLayer>(spec.name, spec.number("sigma"));
        },
    };
}

// Checked before anything is allocated: a file may ask for absurd sizes.
constexpr int64_t kMaxValuesPerSample = 100'000'000;

// A conv or pool layer's input as images, or a SpecError that says what it got instead.
ImageWindows imageInput(const LayerSpec& spec, const std::vector<int64_t>& input,
                        const std::string& inputName) {
    if (input.size() != 3)
        throw SpecError(-1,
                        spec.name + " needs images (channels x height x width) but " + inputName +
                            " gives " + shapeText(input) +
                            (input.size() == 1 ? " values per sample; use an image dataset" : ""));
    if (input[0] > kMaxValuesPerSample / input[1] / input[2])
        throw SpecError(-1, spec.name + ": the input " + shapeText(input) + " is too large");
    return {input[0], input[1], input[2]};
}

// A whole-number parameter within [low, high], or a SpecError naming it.
int64_t integerWithin(const LayerSpec& spec, const std::string& key, int64_t low, int64_t high) {
    const int64_t value = spec.integer(key);
    if (value < low || value > high)
        throw SpecError(-1, spec.name + ": " + key + " must be between " + std::to_string(low) +
                                " and " + std::to_string(high) + ", not " + std::to_string(value));
    return value;
}

// The kernel must fit the (padded) input: else there is no window at all.
void requireKernelFits(const LayerSpec& spec, const ImageWindows& w,
                       const std::vector<int64_t>& input, const std::string& inputName) {
    if (w.kernel > w.height + 2 * w.padding || w.kernel > w.width + 2 * w.padding)
        throw SpecError(-1, spec.name + ": a " + std::to_string(w.kernel) + "x" +
                                std::to_string(w.kernel) + " kernel is larger than its input " +
                                shapeText(input) + " from " + inputName +
                                (w.padding > 0 ? " padded by " + std::to_string(w.padding) : ""));
}

LayerType convType() {
    return {
        "conv",
        "Convolution: F filters of K x K slide over the images, a = W * X + b, Z = s(a)",
        [](const LayerSpec& spec, const std::vector<int64_t>& input, const std::string& inputName) {
            ImageWindows w = imageInput(spec, input, inputName);
            const int64_t filters = integerWithin(spec, "filters", 1, 100'000);
            w.kernel = integerWithin(spec, "kernel", 1, 1'000);
            w.stride = integerWithin(spec, "stride", 1, 1'000);
            w.padding = integerWithin(spec, "padding", 0, w.kernel - 1);
            requireKernelFits(spec, w, input, inputName);
            if (activationOf(spec) == Activation::Softmax)
                throw SpecError(-1, spec.name + ": softmax belongs to the output layer only");
            if (w.patchSize() > kMaxValuesPerSample / filters ||
                w.patchSize() > kMaxValuesPerSample / w.outputPixels() ||
                w.outputPixels() > kMaxValuesPerSample / filters)
                throw SpecError(
                    -1, spec.name +
                            " would be too large (at most 100000000 weights or values per sample)");
            return std::vector<int64_t>{filters, w.outputHeight(), w.outputWidth()};
        },
        [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
            return std::make_unique<ConvolutionLayer>(
                spec.name, spec.integer("filters"), spec.integer("kernel"), spec.integer("stride"),
                spec.integer("padding"), activationOf(spec));
        },
    };
}

LayerType poolingType(PoolingKind kind) {
    const bool max = kind == PoolingKind::Max;
    return {
        max ? "maxpool" : "avgpool",
        max ? "Max pooling: the largest value of each K x K window"
            : "Average pooling: the mean of each K x K window",
        [](const LayerSpec& spec, const std::vector<int64_t>& input, const std::string& inputName) {
            ImageWindows w = imageInput(spec, input, inputName);
            w.kernel = w.stride = integerWithin(spec, "kernel", 1, 1'000);
            requireKernelFits(spec, w, input, inputName);
            return std::vector<int64_t>{w.channels, w.outputHeight(), w.outputWidth()};
        },
        [kind](const LayerSpec& spec) -> std::unique_ptr<Layer> {
            return std::make_unique<PoolingLayer>(spec.name, kind, spec.integer("kernel"));
        },
    };
}

LayerType flattenType() {
    return {
        "flatten",
        "Flatten: C x H x W images become vectors of C*H*W values, for dense layers",
        [](const LayerSpec& spec, const std::vector<int64_t>& input, const std::string&) {
            int64_t size = 1;
            for (const int64_t d : input) {
                if (d > kMaxValuesPerSample / size)
                    throw SpecError(-1, spec.name + ": the input is too large");
                size *= d;
            }
            return std::vector<int64_t>{size};
        },
        [](const LayerSpec& spec) -> std::unique_ptr<Layer> {
            return std::make_unique<FlattenLayer>(spec.name);
        },
    };
}

void checkOutputAndLoss(const NetworkSpec& spec) {
    const LayerSpec& last = spec.layers.back();
    const Activation activation =
        last.parameters.count("activation")
            ? activationFromName(last.text("activation")).value_or(Activation::Linear)
            : Activation::Linear;
    for (size_t i = 0; i + 1 < spec.layers.size(); ++i)
        if (spec.layers[i].parameters.count("activation") &&
            spec.layers[i].text("activation") == "softmax")
            throw SpecError(static_cast<int>(i),
                            spec.layers[i].name + ": softmax belongs to the output layer only");
    switch (spec.loss) {
    case LossKind::CrossEntropy:
        if (activation != Activation::Softmax)
            throw SpecError(static_cast<int>(spec.layers.size() - 1),
                            "cross-entropy needs a softmax output layer, but " + last.name +
                                " is not");
        break;
    case LossKind::BinaryCrossEntropy:
        // One unit for two classes; several for values in [0, 1] (an autoencoder's pixels).
        if (activation != Activation::Sigmoid)
            throw SpecError(static_cast<int>(spec.layers.size() - 1),
                            "binary cross-entropy needs sigmoid output units, but " + last.name +
                                " is not sigmoid");
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
    static const std::vector<LayerType> registry{denseType(),
                                                 dropoutType(),
                                                 noiseType(),
                                                 convType(),
                                                 poolingType(PoolingKind::Max),
                                                 poolingType(PoolingKind::Average),
                                                 flattenType(),
                                                 tiedDenseType(),
                                                 simpleRnnType(),
                                                 lstmType(),
                                                 sequenceLastType(),
                                                 sequenceManyType()};
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
    if (spec.inputShape.empty()) throw SpecError(-1, "the network has no input shape");
    if (spec.inputShape.size() > 3)
        throw SpecError(-1, "the input shape " + shapeText(spec.inputShape) +
                                " has more than 3 dimensions (channels x height x width)");
    for (int64_t d : spec.inputShape)
        if (d < 1 || d > 100'000'000)
            throw SpecError(-1, "the input shape " + shapeText(spec.inputShape) + " is not valid");
    if (spec.layers.empty()) throw SpecError(-1, "the network has no layers");

    std::vector<std::vector<int64_t>> shapes;
    std::set<std::string> names;
    std::vector<int64_t> current = spec.inputShape;
    std::string currentName = "the input";
    for (size_t i = 0; i < spec.layers.size(); ++i) {
        const LayerSpec& layer = spec.layers[i];
        const int index = static_cast<int>(i);
        if (layer.name.empty())
            throw SpecError(index, "layer " + std::to_string(i + 1) + " has no name");
        if (!names.insert(layer.name).second)
            throw SpecError(index, "two layers are called " + layer.name);
        const LayerType* type = findLayerType(layer.type);
        if (!type)
            throw SpecError(index, layer.name + ": unknown layer type " + inQuotes(layer.type));
        try {
            current = type->inferShape(layer, current, currentName);
        } catch (const SpecError& error) {
            throw SpecError(index, error.what());
        }
        currentName = layer.name;
        shapes.push_back(current);
    }
    checkOutputAndLoss(spec);
    return shapes;
}

}  // namespace koto
