#include "models/autoencoder.h"

#include <charconv>

#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

LayerSpec layer(std::string type, std::string name,
                std::map<std::string, LayerParameter> parameters) {
    return {std::move(type), std::move(name), std::move(parameters), {}};
}

DataSplit reconstructionSplit(const DataSplit& source, int64_t width) {
    DataSplit split;
    split.count = source.count;
    split.inputs = source.inputs;
    split.pixels = source.pixels;
    split.targets = source.floatInputs(0, source.count, width);
    return split;
}

}  // namespace

AutoencoderOptions AutoencoderOptions::parse(std::string_view text) {
    AutoencoderOptions options;
    const size_t colon = text.find(':');
    std::string_view sizes = text.substr(0, colon);
    if (colon != std::string_view::npos) {
        const std::string_view name = text.substr(colon + 1);
        const auto activation = activationFromName(name);
        if (!activation || *activation == Activation::Softmax)
            throw InputError("autoencoder: unknown hidden activation " +
                             inQuotes(std::string(name)) + " (use sigmoid, tanh, relu or linear)");
        options.activation = *activation;
    }
    while (!sizes.empty()) {
        const size_t comma = sizes.find(',');
        const std::string_view token = sizes.substr(0, comma);
        int64_t units = 0;
        const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), units);
        if (error != std::errc() || end != token.data() + token.size() || units < 1 ||
            units > 1'000'000)
            throw InputError(
                "autoencoder: " + inQuotes(std::string(token)) +
                " is not a layer size (write the encoder's sizes as autoencoder:256,64)");
        options.encoder.push_back(units);
        sizes = comma == std::string_view::npos ? std::string_view{} : sizes.substr(comma + 1);
    }
    if (options.encoder.empty())
        throw InputError("autoencoder: give the encoder's sizes, as autoencoder:256,64");
    return options;
}

NetworkSpec autoencoderSpec(int64_t inputSize, const AutoencoderOptions& options) {
    if (options.encoder.empty())
        throw InputError("an autoencoder needs at least one encoder layer");
    if (!(options.denoise >= 0 && options.denoise <= 1e6))
        throw InputError("the denoising sigma must be at least 0");
    if (options.loss == LossKind::CrossEntropy)
        throw InputError("an autoencoder's cost is mean squared error or binary cross-entropy");
    NetworkSpec spec;
    spec.inputShape = {inputSize};
    spec.loss = options.loss;
    const std::string hidden(activationName(options.activation));
    if (options.denoise > 0)
        spec.layers.push_back(layer("noise", "noise_1", {{"sigma", options.denoise}}));
    const auto depth = static_cast<int>(options.encoder.size());
    for (int i = 0; i < depth; ++i)
        spec.layers.push_back(
            layer("dense", "dense_" + std::to_string(i + 1),
                  {{"units", options.encoder[static_cast<size_t>(i)]}, {"activation", hidden}}));
    // The decoder mirrors the encoder: layer j goes back to the size encoder layer depth-j took in.
    for (int j = 0; j < depth; ++j) {
        const int mirror = depth - j;  // dense_<mirror> is the encoder layer this one undoes
        const int64_t units =
            mirror == 1 ? inputSize : options.encoder[static_cast<size_t>(mirror - 2)];
        const std::string activation = mirror == 1 ? "sigmoid" : hidden;
        if (options.tied)
            spec.layers.push_back(layer("tied_dense", "tied_dense_" + std::to_string(j + 1),
                                        {{"units", units},
                                         {"activation", activation},
                                         {"tied_to", "dense_" + std::to_string(mirror)}}));
        else
            spec.layers.push_back(layer("dense", "dense_" + std::to_string(depth + j + 1),
                                        {{"units", units}, {"activation", activation}}));
    }
    return spec;
}

Dataset reconstructionDataset(const Dataset& source) {
    Dataset data;
    data.name = source.name;
    data.task = Task::Regression;
    data.inputSize = source.inputSize;
    data.outputSize = source.inputSize;
    data.imageWidth = source.imageWidth;
    data.imageHeight = source.imageHeight;
    data.train = reconstructionSplit(source.train, source.inputSize);
    data.test = reconstructionSplit(source.test, source.inputSize);
    data.validation = reconstructionSplit(source.validation, source.inputSize);
    return data;
}

}  // namespace koto
