#include "export/exported_model.h"

#include <map>

#include <nlohmann/json.hpp>

#include "network/layer_registry.h"
#include "util/errors.h"

namespace koto {
namespace {

const SavedTensor& savedTensor(const Project& project, const std::string& name) {
    for (const SavedTensor& tensor : project.weights)
        if (tensor.name == name) return tensor;
    throw InputError("the project holds no weights " + name + "; train it first");
}

// The curriculum's names for the dense layers' parameters: W, b and V, c for the network with
// one hidden layer (parts 5-6), W1, b1, W2, b2 ... for any other number of layers.
std::vector<std::pair<std::string, std::string>> denseNames(int denseLayers) {
    if (denseLayers == 2) return {{"W", "b"}, {"V", "c"}};
    std::vector<std::pair<std::string, std::string>> names;
    for (int k = 1; k <= denseLayers; ++k) {
        const std::string number = std::to_string(k);  // (GCC 12 warns wrongly on "W" + to_string)
        names.push_back({std::string("W").append(number), std::string("b").append(number)});
    }
    return names;
}

std::vector<float> transposed(const SavedTensor& tensor) {
    std::vector<float> out(tensor.values.size());
    for (int64_t r = 0; r < tensor.rows; ++r)
        for (int64_t c = 0; c < tensor.cols; ++c)
            out[static_cast<size_t>(c * tensor.rows + r)] =
                tensor.values[static_cast<size_t>(r * tensor.cols + c)];
    return out;
}

ExportedTensor vectorOf(const SavedTensor& tensor, std::string name) {
    return {std::move(name), {static_cast<int64_t>(tensor.values.size())}, tensor.values};
}

ExportedTensor matrixOf(const SavedTensor& tensor, std::string name) {
    return {std::move(name), {tensor.rows, tensor.cols}, tensor.values};
}

std::string activationOf(const LayerSpec& spec, const char* otherwise) {
    return spec.parameters.count("activation") ? spec.text("activation") : otherwise;
}

class Describer {
public:
    Describer(const Project& project, ExportedModel& model) : project_(project), model_(model) {
        int dense = 0;
        for (const LayerSpec& layer : project.network.layers)
            dense += layer.type == "dense" || layer.type == "tied_dense";
        denseNames_ = denseNames(dense);
    }

    void add(const LayerSpec& spec, const std::vector<int64_t>& outputShape) {
        ExportedLayer layer;
        layer.name = spec.name;
        layer.outputShape = outputShape;
        const std::string& type = spec.type;
        if (type == "dropout" || type == "noise") return;  // the identity when predicting
        if (type == "dense" || type == "tied_dense") {
            layer.kind = ExportedLayerKind::Dense;
            layer.units = spec.integer("units");
            layer.activation = activationOf(spec, "linear");
            const auto& [weightName, biasName] = denseNames_.at(denseIndex_++);
            if (type == "dense") {
                const SavedTensor& w = savedTensor(project_, spec.name + ".W");
                layer.tensors.push_back(matrixOf(w, weightName));
            } else {  // a tied decoder: a = X W^T + b with its encoder's W
                const SavedTensor& w = savedTensor(project_, spec.text("tied_to") + ".W");
                layer.tensors.push_back({weightName, {w.cols, w.rows}, transposed(w)});
            }
            layer.tensors.push_back(vectorOf(savedTensor(project_, spec.name + ".b"), biasName));
        } else if (type == "conv") {
            layer.kind = ExportedLayerKind::Conv;
            layer.units = spec.integer("filters");
            layer.kernel = spec.integer("kernel");
            layer.stride = spec.integer("stride");
            layer.padding = spec.integer("padding");
            layer.activation = activationOf(spec, "linear");
            const std::string prefix = "conv" + std::to_string(++convCount_) + "_";
            const SavedTensor& w = savedTensor(project_, spec.name + ".W");
            const int64_t channels = w.cols / (layer.kernel * layer.kernel);
            layer.tensors.push_back(
                {prefix + "W", {w.rows, channels, layer.kernel, layer.kernel}, w.values});
            layer.tensors.push_back(vectorOf(savedTensor(project_, spec.name + ".b"), prefix + "b"));
        } else if (type == "maxpool" || type == "avgpool") {
            layer.kind = type == "maxpool" ? ExportedLayerKind::MaxPool : ExportedLayerKind::AvgPool;
            layer.kernel = layer.stride = spec.integer("kernel");
        } else if (type == "flatten") {
            layer.kind = ExportedLayerKind::Flatten;
        } else if (type == "rnn" || type == "lstm") {
            const bool lstm = type == "lstm";
            layer.kind = lstm ? ExportedLayerKind::Lstm : ExportedLayerKind::Rnn;
            layer.units = spec.integer("units");
            layer.activation = lstm ? "" : activationOf(spec, "tanh");
            const std::string prefix = type + std::to_string(++(lstm ? lstmCount_ : rnnCount_)) + "_";
            layer.tensors.push_back(matrixOf(savedTensor(project_, spec.name + ".Wx"), prefix + "Wx"));
            layer.tensors.push_back(matrixOf(savedTensor(project_, spec.name + ".Wh"), prefix + "Wh"));
            layer.tensors.push_back(vectorOf(savedTensor(project_, spec.name + ".b"), prefix + "b"));
        } else if (type == "sequence_last" || type == "sequence_many") {
            layer.kind = type == "sequence_last" ? ExportedLayerKind::SequenceLast
                                                 : ExportedLayerKind::SequenceMany;
        } else {
            throw InputError(spec.name + ": layers of type " + type + " cannot be exported");
        }
        model_.layers.push_back(std::move(layer));
    }

private:
    const Project& project_;
    ExportedModel& model_;
    std::vector<std::pair<std::string, std::string>> denseNames_;
    size_t denseIndex_ = 0;
    int convCount_ = 0, rnnCount_ = 0, lstmCount_ = 0;
};

// The RBM's p(h|v) = sigmoid(v W + c): one dense sigmoid layer with the RBM's own names.
void describeRbm(const Project& project, ExportedModel& model) {
    const SavedTensor& w = savedTensor(project, "rbm.W");
    ExportedLayer layer;
    layer.kind = ExportedLayerKind::Dense;
    layer.name = "rbm";
    layer.units = w.cols;
    layer.activation = "sigmoid";
    layer.tensors.push_back(matrixOf(w, "W"));
    layer.tensors.push_back(vectorOf(savedTensor(project, "rbm.c"), "c"));
    layer.outputShape = {w.cols};
    model.inputShape = {w.rows};
    model.layers.push_back(std::move(layer));
    model.outputMeaning = "hidden probabilities";
    model.outputShape = {w.cols};
    model.lossName = "bce";
}

std::string trainingSettingsJson(const Project& project) {
    Project settingsOnly;
    settingsOnly.training = project.training;
    return nlohmann::json::parse(projectToJson(settingsOnly))["training"].dump();
}

}  // namespace

ExportedModel describeForExport(const Project& project,
                                const std::vector<std::string>& classNames) {
    if (project.weights.empty())
        throw InputError("the project holds no trained weights; train it before exporting");
    ExportedModel model;
    model.modelKind = std::string(modelKindName(project.model));
    model.pixelInputs = project.pixelInputs;
    model.dataset = project.dataset;
    model.classNames = classNames;
    model.trainingSettings = trainingSettingsJson(project);
    model.epochsTrained = project.epochsTrained;
    if (project.model == ModelKind::Rbm) {
        describeRbm(project, model);
        return model;
    }
    const NetworkSpec& spec = project.network;
    const std::vector<std::vector<int64_t>> shapes = inferShapes(spec);
    model.inputShape = spec.inputShape;
    model.inputKind = spec.inputShape.size() == 3   ? ExportedInputKind::Images
                      : spec.inputShape.size() == 2 ? ExportedInputKind::Sequences
                                                    : ExportedInputKind::Vectors;
    Describer describer(project, model);
    bool everyStep = false;
    for (size_t i = 0; i < spec.layers.size(); ++i) {
        everyStep = everyStep || spec.layers[i].type == "sequence_many";
        describer.add(spec.layers[i], shapes[i]);
    }
    // After seq:many a layer's output is per step; the model's output gains the T axis.
    model.outputShape = shapes.back();
    if (everyStep) model.outputShape.insert(model.outputShape.begin(), spec.inputShape[0]);
    model.lossName = std::string(lossName(spec.loss));
    model.outputMeaning = project.model == ModelKind::Autoencoder   ? "reconstruction"
                          : spec.loss == LossKind::MeanSquaredError ? "values"
                                                                    : "probabilities";
    return model;
}

std::string layerSummary(const ExportedModel& model) {
    std::string text;
    for (size_t i = 0; i < model.inputShape.size(); ++i)
        text.append(i ? "x" : "").append(std::to_string(model.inputShape[i]));
    static const std::map<ExportedLayerKind, std::string> kinds{
        {ExportedLayerKind::Dense, "dense"},     {ExportedLayerKind::Conv, "conv"},
        {ExportedLayerKind::MaxPool, "maxpool"}, {ExportedLayerKind::AvgPool, "avgpool"},
        {ExportedLayerKind::Flatten, "flatten"}, {ExportedLayerKind::Rnn, "rnn"},
        {ExportedLayerKind::Lstm, "lstm"},       {ExportedLayerKind::SequenceLast, "seq:last"},
        {ExportedLayerKind::SequenceMany, "seq:many"}};
    for (const ExportedLayer& layer : model.layers) {
        text += " -> " + kinds.at(layer.kind);
        if (layer.units) text += " " + std::to_string(layer.units);
        if (layer.kernel) text += " k" + std::to_string(layer.kernel);
        if (!layer.activation.empty() && layer.activation != "linear") text += " " + layer.activation;
    }
    return text;
}

}  // namespace koto
