#pragma once
// A layer of a network. Written once over Backend operations, it never sees a device.
//
// Life cycle: setup() for an input shape whose row count is the largest batch it will see (it
// only allocates: network/memory_estimate.h measures a network by calling it on a backend that
// counts allocations and computes nothing); initialize() draws the weights; then forward() and
// backward() for each batch, which may have fewer rows than the set-up size. forward() keeps what
// backward() needs (the input X and the output Z). backward() receives dJ/dZ, writes every
// parameter gradient completely and returns dJ/dX for the layer to the left.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "backend/backend.h"
#include "layers/step_context.h"
#include "tensor/tensor.h"
#include "util/random.h"

namespace koto {

struct Parameter {
    std::string name;  // "W", "b"
    Tensor value;
    Tensor gradient;
};

// One tensor of a layer's last pass under the name the curriculum gives it ("X", "a", "Z",
// "dJ/dW"), for the step-through inspector (core/inspect/).
struct TracedBuffer {
    std::string name;
    const Tensor* tensor;
};

class Layer {
public:
    explicit Layer(std::string name) : name_(std::move(name)) {}
    virtual ~Layer() = default;
    Layer(const Layer&) = delete;
    Layer& operator=(const Layer&) = delete;

    const std::string& name() const { return name_; }
    virtual std::string_view type() const = 0;

    virtual void setup(Backend& backend, const Shape& inputShape, DType type) = 0;
    virtual void initialize(Backend& backend, Random& random) = 0;
    virtual const Tensor& forward(Backend& backend, const Tensor& input) = 0;
    // needInputGradient is false for the first layer: nobody uses dJ/dX there.
    virtual const Tensor& backward(Backend& backend, const Tensor& outputGradient,
                                   bool needInputGradient) = 0;

    virtual Shape outputShape() const = 0;
    virtual std::vector<Parameter*> parameters() { return {}; }

    // Before a pass: training or not, and the keys of this step's random numbers. `position` is
    // the layer's index in its network (part of the key, so layers draw different numbers).
    virtual void prepare(const StepContext& context, uint32_t position) {
        (void)context, (void)position;
    }

    // What the step-through inspector shows of the last forward or backward pass: the layer's
    // tensors in the order it computed them, the input first. Called between passes, on the
    // thread that runs them. A layer may first fill buffers of its own with values that the pass
    // used without storing them (the activation's derivative); it never changes what the pass
    // computed. A new layer type names its own tensors here.
    virtual std::vector<TracedBuffer> forwardTrace(Backend& backend) {
        (void)backend;
        return {};
    }
    virtual std::vector<TracedBuffer> backwardTrace(Backend& backend) {
        (void)backend;
        return {};
    }

    // Called on the output layer when the loss applies its activation (softmax or sigmoid with
    // cross-entropy): the layer then passes its logits on unchanged.
    virtual void setActivationFusedIntoLoss(bool fused) { (void)fused; }

    // Weights shared between layers (an autoencoder's tied decoder uses its encoder's W^T):
    // once every layer of the network exists, a layer that shares finds the other by name here
    // (nullptr if there is none), and after the whole backward pass, when that layer has written
    // its own gradient, adds its share to it in finishBackward().
    virtual void connect(const std::function<Layer*(const std::string&)>& layerNamed) {
        (void)layerNamed;
    }
    virtual void finishBackward(Backend& backend) { (void)backend; }

private:
    std::string name_;
};

}  // namespace koto
