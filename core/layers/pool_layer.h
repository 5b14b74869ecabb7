#pragma once
// Pooling (part 12): each channel of each image is cut into K x K windows (moved by K, the edge
// that no whole window covers left out) and each window becomes one value:
//   max:     Z = the window's largest value;  dJ/dX = dJ/dZ at the one input that won, 0 elsewhere
//   average: Z = the window's mean;           dJ/dX = dJ/dZ / K^2 at every input of the window
// The input is N x C x H x W; the output N x C x (H/K) x (W/K), rounded down. No parameters.

#include "layers/layer.h"

namespace koto {

enum class PoolingKind { Max, Average };

class PoolingLayer final : public Layer {
public:
    PoolingLayer(std::string name, PoolingKind kind, int64_t kernel);

    std::string_view type() const override {
        return kind_ == PoolingKind::Max ? "maxpool" : "avgpool";
    }
    void setup(Backend& backend, const Shape& inputShape, DType type) override;
    void initialize(Backend&, Random&) override {}
    const Tensor& forward(Backend& backend, const Tensor& input) override;
    const Tensor& backward(Backend& backend, const Tensor& outputGradient,
                           bool needInputGradient) override;
    Shape outputShape() const override { return output_.shape(); }
    // Forward: X, Z, and for max pooling "winners" (X's shape: 1 where a window's maximum was;
    // computed here, as the backward pass finds them again from X).
    // Backward: dJ/dZ, and dJ/dX when the layer to the left needs it.
    std::vector<TracedBuffer> forwardTrace(Backend& backend) override;
    std::vector<TracedBuffer> backwardTrace(Backend& backend) override;

private:
    PoolingKind kind_;
    ImageWindows windows_;
    const Tensor* input_ = nullptr;
    const Tensor* outputGradient_ = nullptr;
    bool inputGradientComputed_ = false;
    Tensor output_, inputGradient_;
    Tensor ones_, winners_;  // for the trace alone
};

}  // namespace koto
