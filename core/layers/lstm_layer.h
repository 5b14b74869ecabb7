#pragma once
// A long short-term memory layer (LSTM, part 13). Input N x T x D, output every h(t): N x T x U.
// Beside the hidden state h it carries a cell state c, which three gates guard:
//   i(t) = sigmoid(x(t) Wxi + h(t-1) Whi + bi)   input gate: how much new content enters
//   f(t) = sigmoid(x(t) Wxf + h(t-1) Whf + bf)   forget gate: how much of c(t-1) is kept
//   o(t) = sigmoid(x(t) Wxo + h(t-1) Who + bo)   output gate: how much of the cell is shown
//   g(t) = tanh(x(t) Wxg + h(t-1) Whg + bg)      candidate content
//   c(t) = f(t) c(t-1) + i(t) g(t),   h(t) = o(t) tanh(c(t)),   h(0) = c(0) = 0
// The four gates' weights are side by side, Wx = [Wxi Wxf Wxo Wxg] (D x 4U), Wh (U x 4U),
// b (1 x 4U), so that x(t) Wx for all steps is one GEMM before the walk and h(t-1) Wh one per
// step. The forget gate's bias starts at 1: the cell keeps its content (and passes its gradient
// back) from the start, until training decides otherwise.
//
// backward is BPTT (backend.h: lstmBackwardStep for one step's formulas). The gradient reaches
// c(t-1) from c(t) multiplied only by f(t), with no squashing in between: while the forget gates
// stay near 1, cellGradientNorms() stays large far back in time where a SimpleRNN's dJ/dh fades.

#include "layers/recurrent_layer.h"
#include "layers/weight_initialization.h"

namespace koto {

class LstmLayer final : public RecurrentLayer {
public:
    LstmLayer(std::string name, int64_t units, RecurrentInit init);

    std::string_view type() const override { return "lstm"; }
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
    // Forward: X, i, f, o, g, c, h (each N x T x U but X). Backward: dJ/dY, dJ/dh, dJ/dc,
    // dJ/da (N x T x 4U, the gates' pre-activations in the order i, f, o, g), dJ/dWx, dJ/dWh,
    // dJ/db, and dJ/dX when the layer to the left needs it.
    std::vector<TracedBuffer> forwardTrace(Backend& backend) override;
    std::vector<TracedBuffer> backwardTrace(Backend& backend) override;
    std::vector<double> hiddenGradientNorms() const override { return hiddenNorms_; }
    std::vector<double> cellGradientNorms() const override { return cellNorms_; }

    // The last forward pass, for views that step through time. A sequence tensor holds sample
    // n's step t (0-based) at columns t*width .. t*width+width-1 of row n.
    // gates(): N x T x 4U, each step's 4U values the activations i, f, o, g (U each).
    const Tensor& gates() const { return gates_; }
    // cells() and hidden(): c(1..T) and h(1..T), N x T x U.
    const Tensor& cells() const { return cells_; }
    const Tensor& hidden() const { return hidden_; }
    int64_t steps() const { return steps_; }
    int64_t units() const { return units_; }

private:
    int64_t units_;
    RecurrentInit init_;
    int64_t steps_ = 0, inputs_ = 0;
    Parameter inputWeights_{"Wx", {}, {}};      // D x 4U
    Parameter recurrentWeights_{"Wh", {}, {}};  // U x 4U
    Parameter bias_{"b", {}, {}};               // 1 x 4U
    const Tensor* input_ = nullptr;
    const Tensor* outputGradient_ = nullptr;
    bool inputGradientComputed_ = false;
    // Sequences: the input products (N x T x 4U), the gate activations (N x T x 4U), c(t), h(t)
    // and h(t-1) at step t (N x T x U).
    Tensor inputPart_, gates_, cells_, hidden_, previousHidden_;
    Tensor recurrentPart_, lastHidden_;  // one step: h(t-1) Wh (N x 4U) and h(t-1) (N x U)
    Tensor hiddenGradient_, cellGradient_, preActivationGradient_, inputGradient_;  // sequences
    Tensor fromLater_, cellCarry_, stepGradient_;                                   // one step
    Tensor gateTrace_[4];  // i, f, o, g apart, filled only for the inspector
    std::vector<double> hiddenNorms_, cellNorms_, hostGradient_;
};

}  // namespace koto
