#pragma once
// An autoencoder's decoder layer with tied weights: it uses the transpose of an encoder layer's
// W instead of weights of its own, and has only its bias b.
//   a = X W^T + b,  Z = s(a)     (X: N x M, W: D x M of the encoder dense layer, Z: N x D)
// backward, given dJ/dZ:
//   dJ/da = dJ/dZ * s'(a),  dJ/db = sum over n of dJ/da,  dJ/dX = dJ/da W
// and W gets a second share of gradient, added to the encoder's own after the whole backward
// pass (finishBackward): dJ/dW += (dJ/da)^T X. One W, one gradient, one optimizer state: the
// encoder's, so the network's parameter list holds W once.

#include "layers/dense_layer.h"

namespace koto {

class TiedDenseLayer final : public Layer {
public:
    // units: D, the encoder layer's input size; tiedTo: that dense layer's name.
    TiedDenseLayer(std::string name, int64_t units, Activation activation, std::string tiedTo);

    std::string_view type() const override { return "tied_dense"; }
    void setup(Backend& backend, const Shape& inputShape, DType type) override;
    void initialize(Backend& backend, Random& random) override;
    const Tensor& forward(Backend& backend, const Tensor& input) override;
    const Tensor& backward(Backend& backend, const Tensor& outputGradient,
                           bool needInputGradient) override;
    Shape outputShape() const override { return output_.shape(); }
    std::vector<Parameter*> parameters() override { return {&bias_}; }
    void setActivationFusedIntoLoss(bool fused) override { fused_ = fused; }
    void connect(const std::function<Layer*(const std::string&)>& layerNamed) override;
    void finishBackward(Backend& backend) override;
    // Forward: X, a, Z. Backward: dJ/da, dJ/db, dJ/dX (W's share goes to the encoder's dJ/dW).
    std::vector<TracedBuffer> forwardTrace(Backend& backend) override;
    std::vector<TracedBuffer> backwardTrace(Backend& backend) override;

private:
    Activation effectiveActivation() const { return fused_ ? Activation::Linear : activation_; }

    int64_t units_;
    Activation activation_;
    std::string tiedTo_;
    bool fused_ = false;
    int64_t inputSize_ = 0;
    Parameter* sharedWeights_ = nullptr;  // the encoder's W (D x M)
    Parameter bias_{"b", {}, {}};
    const Tensor* input_ = nullptr;
    bool backwardDone_ = false, inputGradientComputed_ = false;
    Tensor preActivation_, output_, preActivationGradient_, inputGradient_;
};

}  // namespace koto
