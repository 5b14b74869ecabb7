#pragma once
// What a network does with the N x T x U sequence a recurrent layer outputs (part 13):
//
// - SequenceLastLayer (token seq:last, many-to-one): passes on only the last step, h(T), N x U:
//   one answer per sequence (the sequence's class). dJ/dY reaches only step T; the earlier steps
//   get their gradient through the recurrence.
// - SequenceManyLayer (token seq:many, many-to-many): every step becomes a row of its own, so the
//   layers after it apply to each step alike (the same dense weights at every t) and the output
//   has N*T rows, sample n's step t in row n*T + t. The targets then have one row per step in
//   the same order (a sample's T targets one after another), and the loss is the mean over all
//   N*T steps. Nothing is copied: the same numbers are seen as (N*T) x U, and the gradient
//   (N*T) x U as N x T x U again.

#include "layers/layer.h"

namespace koto {

class SequenceLastLayer final : public Layer {
public:
    explicit SequenceLastLayer(std::string name) : Layer(std::move(name)) {}

    std::string_view type() const override { return "sequence_last"; }
    // inputShape: maxRows x T x U.
    void setup(Backend& backend, const Shape& inputShape, DType type) override;
    void initialize(Backend&, Random&) override {}
    const Tensor& forward(Backend& backend, const Tensor& input) override;
    const Tensor& backward(Backend& backend, const Tensor& outputGradient,
                           bool needInputGradient) override;
    Shape outputShape() const override { return output_.shape(); }
    // Forward: X, Z (= h(T)). Backward: dJ/dZ, dJ/dX (zero but at step T).
    std::vector<TracedBuffer> forwardTrace(Backend&) override {
        return {{"X", input_}, {"Z", &output_}};
    }
    std::vector<TracedBuffer> backwardTrace(Backend&) override {
        return {{"dJ/dZ", outputGradient_}, {"dJ/dX", &inputGradient_}};
    }

private:
    int64_t steps_ = 0;
    const Tensor* input_ = nullptr;
    const Tensor* outputGradient_ = nullptr;
    Tensor output_, inputGradient_;
};

class SequenceManyLayer final : public Layer {
public:
    explicit SequenceManyLayer(std::string name) : Layer(std::move(name)) {}

    std::string_view type() const override { return "sequence_many"; }
    // inputShape: maxRows x T x U; the output is (maxRows*T) x U.
    void setup(Backend&, const Shape& inputShape, DType) override;
    void initialize(Backend&, Random&) override {}
    const Tensor& forward(Backend& backend, const Tensor& input) override;
    const Tensor& backward(Backend& backend, const Tensor& outputGradient,
                           bool needInputGradient) override;
    Shape outputShape() const override { return outputShape_; }
    // Forward: X (which is also Z). Backward: dJ/dZ (which is also dJ/dX).
    std::vector<TracedBuffer> forwardTrace(Backend&) override { return {{"X", &output_}}; }
    std::vector<TracedBuffer> backwardTrace(Backend&) override {
        return {{"dJ/dZ", &inputGradient_}};
    }

private:
    int64_t steps_ = 0;
    Shape outputShape_;
    Tensor output_, inputGradient_;  // views of the tensors passed through
};

}  // namespace koto
