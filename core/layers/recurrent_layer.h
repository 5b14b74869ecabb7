#pragma once
// What recurrent layers (SimpleRNN, LSTM) share beyond Layer: their input is a batch of
// sequences, N x T x D (a sample's row x(1), ..., x(T)), and after a backward pass (BPTT) they
// report how large the gradient was at every time step. That is what shows why LSTMs exist:
// through a SimpleRNN the gradient dJ/dh(t) shrinks (or explodes) as it travels back in time;
// through an LSTM's cell it can survive.

#include <vector>

#include "layers/layer.h"

namespace koto {

class RecurrentLayer : public Layer {
public:
    using Layer::Layer;

    // After backward(): the Frobenius norm over the batch and the units of dJ/dh(t), for
    // t = 1..T (index 0 is t = 1), including the gradient h(t) receives through h(t+1).
    virtual std::vector<double> hiddenGradientNorms() const = 0;
    // The same for the LSTM's cell state c(t); empty for layers without a cell.
    virtual std::vector<double> cellGradientNorms() const { return {}; }
};

}  // namespace koto
