#pragma once
// The curriculum's names for a network's tensors: X the input, Z a hidden layer's output, Y the
// output; W, b the first weights and bias and V, c the second in a two-layer network (more
// layers: W1, b1, W2, ...; Z1, Z2, ...). A dropout or noise layer's output is its input with a
// tilde (Z̃). The pre-activation is a (a1, a2, ... with several weight layers).

#include <QString>
#include <string>
#include <vector>

#include "layers/activation.h"
#include "network/network_spec.h"

namespace koto::gui {

struct LayerNotation {
    QString input, output;  // what goes in and what comes out
    QString preActivation;  // dense only
    QString weight, bias;   // dense only
    bool dense = false;
    bool last = false;
    Activation activation = Activation::Linear;  // dense only
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
