#pragma once
// A trained project as the exporters see it (ONNX, NPZ, NumPy and PyTorch code): the layers that
// act at inference, in order, each with its weights in the layout the curriculum writes them
// (a dense layer's W is D x K, one input a row; X W + b), and what goes in and comes out.
//
// Dropout and noise layers act only while training (inverted dropout scales while training, so
// prediction is the identity): they are left out. A tied decoder layer (autoencoder) gets the
// transpose of its encoder's W as weights of its own, so every exporter sees plain dense layers.
// An RBM becomes its hidden-probability map p(h|v) = sigmoid(v W + c): one dense sigmoid layer.

#include <cstdint>
#include <string>
#include <vector>

#include "io/project_file.h"

namespace koto {

// A parameter under the name the curriculum gives it: "W", "b", "V", "c" for the one-hidden-layer
// network, "W1", "b1", "W2" ... for deeper ones, "conv1_W", "lstm1_Wx".
struct ExportedTensor {
    std::string name;
    std::vector<int64_t> shape;  // row-major
    std::vector<float> values;
};

enum class ExportedLayerKind {
    Dense,        // Z = s(X W + b); X may be a sequence (seq:many before it): then every step
    Conv,         // Z = s(W * X + b); W: F x C x K x K
    MaxPool,      // kernel x kernel windows, stride = kernel, no padding
    AvgPool,
    Flatten,      // C x H x W images to vectors of C*H*W, in that order
    Rnn,          // h(t) = s(x(t) Wx + h(t-1) Wh + b); output every h(t)
    Lstm,         // gates i, f, o, g side by side in Wx (D x 4U), Wh (U x 4U), b (4U)
    SequenceLast, // h(T) of each sequence
    SequenceMany, // every step's h(t); what follows applies to each step
};

struct ExportedLayer {
    ExportedLayerKind kind = ExportedLayerKind::Dense;
    std::string name;        // the layer's name in the project: "dense_1"
    std::string activation;  // linear, sigmoid, tanh, relu, softmax ("" for layers without)
    int64_t units = 0;       // dense: K; conv: filters F; rnn/lstm: U
    int64_t kernel = 0, stride = 1, padding = 0;  // conv and pooling
    std::vector<ExportedTensor> tensors;          // dense: W, b; conv: W, b; rnn/lstm: Wx, Wh, b
    std::vector<int64_t> outputShape;             // one sample's output, without the batch
};

enum class ExportedInputKind { Vectors, Images, Sequences };

struct ExportedModel {
    std::string producerName = "Kotohajime";
    std::string modelKind;  // "network", "autoencoder", "rbm"
    ExportedInputKind inputKind = ExportedInputKind::Vectors;
    std::vector<int64_t> inputShape;  // one sample: {D}, {C, H, W} or {T, D}
    // The inputs are pixels 0-255 that the model divides by 255 first, as the app trained it.
    bool pixelInputs = false;
    std::vector<ExportedLayer> layers;
    // What comes out, one sample: "probabilities" (softmax or one sigmoid unit: p(y = 1)),
    // "values" (regression), "reconstruction" (autoencoder), "hidden probabilities" (RBM).
    std::string outputMeaning;
    std::vector<int64_t> outputShape;  // one sample: {K}, or {T, K} after seq:many
    std::string lossName;              // ce, bce, mse: what PyTorch code trains with
    // Where it came from, for the files' metadata.
    std::string dataset;
    std::vector<std::string> classNames;
    std::string trainingSettings;  // the project's "training" object as JSON
    int64_t epochsTrained = 0;
};

// The project's model for export. Throws InputError naming what cannot be exported (an
// untrained project, a layer type no exporter knows).
ExportedModel describeForExport(const Project& project,
                                const std::vector<std::string>& classNames = {});

// A short description of the layers for documentation strings: "784 -> dense 128 relu -> ...".
std::string layerSummary(const ExportedModel& model);

}  // namespace koto
