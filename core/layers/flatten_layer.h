#pragma once
// Flatten: the end of the image shape. Each sample's C x H x W values are already one row of
// C*H*W numbers in memory (channels-first), so the data passes through untouched, forward and
// backward; only the shape the next layer is set up for changes, to one vector per sample, as a
// dense layer needs.

#include "layers/layer.h"

namespace koto {

class FlattenLayer final : public Layer {
public:
    explicit FlattenLayer(std::string name) : Layer(std::move(name)) {}

    std::string_view type() const override { return "flatten"; }
    void setup(Backend&, const Shape& inputShape, DType) override {
        outputShape_ = Shape{inputShape.rows(), inputShape.rowSize()};
    }
    void initialize(Backend&, Random&) override {}
    // The very tensors it is given: a dense layer reads rows() x cols(), which a tensor of
    // N x C x H x W already is as N x (C*H*W).
    const Tensor& forward(Backend&, const Tensor& input) override { return *(input_ = &input); }
    const Tensor& backward(Backend&, const Tensor& outputGradient, bool) override {
        return *(outputGradient_ = &outputGradient);
    }
    Shape outputShape() const override { return outputShape_; }
    // Forward: X (which is also Z). Backward: dJ/dZ (which is also dJ/dX).
    std::vector<TracedBuffer> forwardTrace(Backend&) override { return {{"X", input_}}; }
    std::vector<TracedBuffer> backwardTrace(Backend&) override {
        return {{"dJ/dZ", outputGradient_}};
    }

private:
    Shape outputShape_;
    const Tensor* input_ = nullptr;
    const Tensor* outputGradient_ = nullptr;
};

}  // namespace koto
