#pragma once
// The curriculum's names for a network's tensors: X the input, Z a hidden layer's output, Y the
// output; W, b the first weights and bias and V, c the second in a two-layer network (more
// layers: W1, b1, W2, ...; Z1, Z2, ...). A dropout or noise layer's output is its input with a
// tilde (Z̃). The pre-activation is a (a1, a2, ... with several weight layers). A convolution is
// a weight layer like a dense one (a CNN is y = s(W1 s(W2 * X))): W, b, a and Z numbered with
// them; a pooling layer's output is P (P1, P2, ... with several); flatten passes its input's
// values on under the same name. A recurrent layer (rnn, lstm) outputs the hidden states h(t),
// with weights Wx, Wh and bias b; seq:last passes on h(T).

#include <QString>
#include <string>
#include <vector>

#include "backend/activation.h"
#include "network/network_spec.h"

namespace koto::gui {

struct LayerNotation {
    QString input, output;  // what goes in and what comes out
    QString preActivation;  // dense and convolution only
    QString weight, bias;   // dense and convolution only
    bool dense = false;
    bool convolution = false;
    bool pooling = false;
    bool recurrent = false;  // rnn, lstm: weights Wx, Wh and bias b (weight, recurrentWeight, bias)
    QString recurrentWeight;
    bool last = false;
    Activation activation = Activation::Linear;  // dense and convolution only
};

class Notation {
public:
    explicit Notation(const NetworkSpec& spec);

    const LayerNotation& layer(int index) const { return layers_[static_cast<size_t>(index)]; }
    int layerCount() const { return static_cast<int>(layers_.size()); }
    // A traced tensor's name ("dJ/dW", "a", "mask") as the curriculum writes it for this layer
    // ("dJ/dV", "a2", "M").
    QString tensorName(int layer, const std::string& traced) const;
    // A parameter ("dense_2.W") by its name in the notation ("V").
    QString parameterName(const NetworkSpec& spec, const std::string& id) const;

private:
    std::vector<LayerNotation> layers_;
};

// The activation a dense layer's spec names (linear if none).
Activation activationOf(const LayerSpec& spec);

}  // namespace koto::gui
