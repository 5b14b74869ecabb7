#pragma once
// A simple recurrent layer (SimpleRNN, part 13). Its input is a batch of sequences, N x T x D;
// for each sample it walks the time steps with a hidden state h of U units:
//   h(0) = 0,   h(t) = s(x(t) Wx + h(t-1) Wh + b)          (s: tanh unless chosen otherwise)
// and outputs every h(t): N x T x U (seq:last or seq:many after it decide what is used).
// The input products x(t) Wx + b of all steps are one GEMM before the walk; each step then adds
// its h(t-1) Wh.
//
// backward, given dJ/dY (N x T x U), is backpropagation through time, from t = T down to 1:
//   dJ/dh(t) = dJ/dY(t) + dJ/da(t+1) Wh^T     (the second term is 0 at t = T)
//   dJ/da(t) = dJ/dh(t) s'(a(t))
//   dJ/dWx = sum_t x(t)^T dJ/da(t),  dJ/dWh = sum_t h(t-1)^T dJ/da(t),  dJ/db = sum_t,n dJ/da(t)
//   dJ/dx(t) = dJ/da(t) Wx^T
// hiddenGradientNorms() then holds ||dJ/dh(t)|| for each t: how much gradient reaches step t.

#include "layers/recurrent_layer.h"
#include "layers/weight_initialization.h"

namespace koto {

class SimpleRnnLayer final : public RecurrentLayer {
public:
    SimpleRnnLayer(std::string name, int64_t units, Activation activation, RecurrentInit init);

    std::string_view type() const override { return "rnn"; }
    // inputShape: maxRows x T x D.
    void setup(Backend& backend, const Shape& inputShape, DType type) override;
    void initialize(Backend& backend, Random& random) override;
    const Tensor& forward(Backend& backend, const Tensor& input) override;
    const Tensor& backward(Backend& backend, const Tensor& outputGradient,
                           bool needInputGradient) override;
    Shape outputShape() const override { return hidden_.shape(); }
    std::vector<Parameter*> parameters() override {
        return {&inputWeights_, &recurrentWeights_, &bias_};
    }
    // Forward: X, x(t) Wx + b (before the recurrent term), h. Backward: dJ/dY, dJ/dh, dJ/da,
    // dJ/dWx, dJ/dWh, dJ/db, and dJ/dX when the layer to the left needs it. Each sequence
    // tensor is N x T x width, sample n's step t at columns t*width .. t*width+width-1.
    std::vector<TracedBuffer> forwardTrace(Backend& backend) override;
    std::vector<TracedBuffer> backwardTrace(Backend& backend) override;
    std::vector<double> hiddenGradientNorms() const override { return hiddenNorms_; }

    // The last forward pass's hidden states h(1..T), N x T x U.
    const Tensor& hidden() const { return hidden_; }
    int64_t steps() const { return steps_; }
    int64_t units() const { return units_; }

private:
    int64_t units_;
    Activation activation_;
    RecurrentInit init_;
    int64_t steps_ = 0, inputs_ = 0;
    Parameter inputWeights_{"Wx", {}, {}};      // D x U
    Parameter recurrentWeights_{"Wh", {}, {}};  // U x U
    Parameter bias_{"b", {}, {}};               // 1 x U
    const Tensor* input_ = nullptr;
    const Tensor* outputGradient_ = nullptr;
    bool inputGradientComputed_ = false;
    // Sequences (N x T x ...): the input products, h(t), and h(t-1) at step t (zero at t = 1).
    Tensor inputPart_, hidden_, previousHidden_;
    // One step (N x U): h(t-1) Wh, and h(t-1) itself for that product.
    Tensor recurrentPart_, lastHidden_;
    Tensor hiddenGradient_, preActivationGradient_, inputGradient_;  // sequences
    Tensor fromLater_, stepGradient_;                                // one step
    std::vector<double> hiddenNorms_, hostGradient_;
};

}  // namespace koto
