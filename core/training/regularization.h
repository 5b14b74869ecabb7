#pragma once
// L1 and L2 regularisation (part 11 of the curriculum): the cost becomes
//   J + l1 * (|W1| + |W2| + ...) + l2 * (W1^2 + W2^2 + ...)
// (sums over every element; biases included only when asked, as the curriculum's formulas do).
// L2 adds 2 * l2 * w to each gradient before the optimizer's step: a pull toward zero that fades
// near it. L1 moves each weight lr * l1 toward zero after the step and stops there rather than
// crossing (the subgradient of |w| is 0 at 0): that is how L1 leaves weights at exactly zero.

#include <vector>

#include "backend/backend.h"
#include "network/network.h"
#include "training/training_settings.h"

namespace koto {

class Regularization {
public:
    Regularization(double l1, double l2, bool includeBiases);

    bool active() const { return l1_ > 0 || l2_ > 0; }
    // l1 sum |w| + l2 sum w^2 over the regularised parameters.
    double penalty(Backend& backend, const std::vector<NamedParameter>& parameters) const;
    // Before the optimizer: dJ/dw += 2 l2 w.
    void addToGradients(Backend& backend, const std::vector<NamedParameter>& parameters) const;
    // After the optimizer: L1's step toward zero, for a step of this learning rate.
    void shrink(Backend& backend, const std::vector<NamedParameter>& parameters,
                double learningRate) const;

private:
    bool applies(const NamedParameter& parameter) const;

    double l1_, l2_;
    bool includeBiases_;
};

}  // namespace koto
