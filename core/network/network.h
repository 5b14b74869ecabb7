#pragma once
// A network built from a NetworkSpec on one backend: its layers in order and the loss on the
// last layer's output. The Network owns its layers and their buffers; it is used by one thread
// at a time (in the app, the training worker's).
//
// Passes can be watched layer by layer through LayerHooks (the trainer's observers and its
// run/pause/step/stop control use them); a hook may cancel the pass between two layers.

#include <memory>
#include <string>
#include <vector>

#include "backend/backend.h"
#include "layers/layer.h"
#include "network/network_spec.h"

namespace koto {

enum class Pass { Forward, Backward };

class LayerHooks {
public:
    virtual ~LayerHooks() = default;
    // Return false to cancel the pass before this layer.
    virtual bool beforeLayer(Pass pass, int layerIndex) = 0;
    virtual void afterLayer(Pass pass, int layerIndex) = 0;
};

// A parameter with the name that files and reports use: "dense_1.W".
struct NamedParameter {
    std::string id;
    std::string layer;
    Parameter* parameter;
};

class Network {
public:
    // Validates the spec (SpecError), checks that it fits the backend's memory (checkFitsInMemory
    // in network/memory_estimate.h: SpecError, or DeviceError on a device) and creates the layers,
    // sized for batches of up to maxRows.
    Network(Backend& backend, NetworkSpec spec, int64_t maxRows, DType type = DType::Float32);

    const NetworkSpec& spec() const { return spec_; }
    Backend& backend() const { return backend_; }
    DType dtype() const { return type_; }
    int64_t maxRows() const { return maxRows_; }
    int64_t inputSize() const;
    int64_t outputSize() const;
    // Output rows a sample gives: 1, or T when seq:many makes every time step a row (sample n's
    // step t is then row n*T + t).
    int64_t outputRowsPerSample() const { return outputRowsPerSample_; }
    LossKind loss() const { return spec_.loss; }

    int layerCount() const { return static_cast<int>(layers_.size()); }
    Layer& layer(int index) { return *layers_[static_cast<size_t>(index)]; }
    const Layer& layer(int index) const { return *layers_[static_cast<size_t>(index)]; }
    const std::vector<NamedParameter>& parameters() const { return parameters_; }

    // Draws every layer's initial weights from the seed (each layer from its own stream).
    void initialize(uint64_t seed);
    // Training or predicting, and the keys of this step's random numbers (dropout, noise). A
    // network predicts until told otherwise.
    void prepare(const StepContext& context);

    // Forward pass over input (N x D, N <= maxRows). Returns false if a hook cancelled it.
    bool forward(const Tensor& input, LayerHooks* hooks = nullptr);
    // The cost of the last forward pass against targets (N x K), mean per sample; also sets
    // predictions() and the gradient backward() starts from. The pending form leaves the cost
    // where the backend computed it until asked for (backend/pending_value.h).
    double computeLoss(const Tensor& targets) { return computeLossPending(targets).get(); }
    PendingValue computeLossPending(const Tensor& targets);
    // Backward pass from the loss gradient; fills every parameter's gradient.
    bool backward(LayerHooks* hooks = nullptr);

    // What the network predicts after forward(): class probabilities Y for cross-entropy
    // (softmax) and binary cross-entropy (sigmoid, N x 1); the output itself for regression.
    const Tensor& predictions();
    // The last layer's output before the loss (logits when the activation is fused).
    const Tensor& output() const { return *output_; }

    // Host-side prediction for any number of rows, in chunks of maxRows: rows x
    // (outputRowsPerSample() * outputSize()) values, a sample's steps one after another.
    std::vector<float> predict(const std::vector<float>& inputs, int64_t rows);

private:
    Backend& backend_;
    NetworkSpec spec_;
    int64_t maxRows_;
    int64_t outputRowsPerSample_ = 1;
    DType type_;
    std::vector<std::unique_ptr<Layer>> layers_;
    std::vector<NamedParameter> parameters_;
    const Tensor* output_ = nullptr;
    bool predictionsCurrent_ = false;
    Tensor probabilities_, lossGradient_, scratchInput_;
};

}  // namespace koto
