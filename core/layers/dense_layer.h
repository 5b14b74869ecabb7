#pragma once
// A fully connected layer with its activation, in the curriculum's notation:
//   a = X W + b,  Z = s(a)          (X: N x D, W: D x M, b: 1 x M, Z: N x M)
// backward, given dJ/dZ:
//   dJ/da = dJ/dZ * s'(a)   (Z(1-Z) for sigmoid, 1-Z^2 for tanh, u(Z) for ReLU)
//   dJ/dW = X^T dJ/da,  dJ/db = sum over n of dJ/da,  dJ/dX = dJ/da W^T
// Weights start Xavier-uniform for sigmoid/tanh/linear/softmax and He-normal for ReLU; biases
// start at zero, as the curriculum says.

#include "layers/layer.h"

namespace koto {

class DenseLayer final : public Layer {
public:
    DenseLayer(std::string name, int64_t units, Activation activation);

    std::string_view type() const override { return "dense"; }
    void setup(Backend& backend, const Shape& inputShape, DType type) override;
    void initialize(Backend& backend, Random& random) override;
    const Tensor& forward(Backend& backend, const Tensor& input) override;
    const Tensor& backward(Backend& backend, const Tensor& outputGradient,
                           bool needInputGradient) override;
    Shape outputShape() const override { return output_.shape(); }
    std::vector<Parameter*> parameters() override { return {&weights_, &bias_}; }
    void setActivationFusedIntoLoss(bool fused) override { fused_ = fused; }
    // Forward: X, a, Z (no Z when the loss applies the activation: a goes on to the loss).
    // Backward: dJ/dZ, s'(a), dJ/da, dJ/dW, dJ/db, dJ/dX (when the layer to the left needs it;
    // without dJ/dZ and s'(a) when fused, since the loss hands over dJ/da itself).
    std::vector<TracedBuffer> forwardTrace(Backend& backend) override;
    std::vector<TracedBuffer> backwardTrace(Backend& backend) override;

    int64_t units() const { return units_; }
    // W, which a tied decoder layer shares (tied_dense_layer.h), and b: pre-training sets both.
    Parameter& weights() { return weights_; }
    Parameter& bias() { return bias_; }
    Activation activation() const { return activation_; }
    // The pre-activation a = XW + b of the last forward pass (for the step-through view).
    const Tensor& preActivation() const { return preActivation_; }

private:
    Activation effectiveActivation() const { return fused_ ? Activation::Linear : activation_; }

    int64_t units_;
    Activation activation_;
    bool fused_ = false;
    Parameter weights_{"W", {}, {}};
    Parameter bias_{"b", {}, {}};
    const Tensor* input_ = nullptr;
    const Tensor* outputGradient_ = nullptr;  // dJ/dZ of the last backward pass
    bool inputGradientComputed_ = false;
    Tensor preActivation_, output_, preActivationGradient_, inputGradient_;
    // Only for backwardTrace: s'(a), computed by the same backend operation as in backward().
    Tensor ones_, derivative_;
};

}  // namespace koto
