#include "training/regularization.h"

#include <cmath>

#include "util/errors.h"

namespace koto {

Regularization::Regularization(double l1, double l2, bool includeBiases)
    : l1_(l1), l2_(l2), includeBiases_(includeBiases) {
    if (!(l1 >= 0) || !(l2 >= 0) || !std::isfinite(l1) || !std::isfinite(l2))
        throw InputError("the L1 and L2 penalties must be numbers of at least 0");
}

bool Regularization::applies(const NamedParameter& parameter) const {
    return includeBiases_ || parameter.parameter->name != "b";
}

double Regularization::penalty(Backend& backend,
                               const std::vector<NamedParameter>& parameters) const {
    double total = 0;
    for (const NamedParameter& p : parameters) {
        if (!applies(p)) continue;
        if (l1_ > 0) total += l1_ * backend.sumOfAbsolutes(p.parameter->value);
        if (l2_ > 0) total += l2_ * backend.sumOfSquares(p.parameter->value);
    }
    return total;
}

void Regularization::addToGradients(Backend& backend,
                                    const std::vector<NamedParameter>& parameters) const {
    if (l2_ <= 0) return;
    for (const NamedParameter& p : parameters)
        if (applies(p)) backend.addScaled(2 * l2_, p.parameter->value, p.parameter->gradient);
}

void Regularization::shrink(Backend& backend, const std::vector<NamedParameter>& parameters,
                            double learningRate) const {
    if (l1_ <= 0) return;
    for (const NamedParameter& p : parameters)
        if (applies(p)) backend.shrinkTowardZero(learningRate * l1_, p.parameter->value);
}

}  // namespace koto
