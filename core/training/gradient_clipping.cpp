#include "training/gradient_clipping.h"

#include <cmath>

namespace koto {

double clipGradientNorm(Backend& backend, const std::vector<NamedParameter>& parameters,
                        double maxNorm) {
    double sum = 0;
    for (const NamedParameter& p : parameters) sum += backend.sumOfSquares(p.parameter->gradient);
    const double norm = std::sqrt(sum);
    if (maxNorm > 0 && norm > maxNorm) {
        // g += (scale - 1) g, that is g = scale g, in place.
        const double scale = maxNorm / norm;
        for (const NamedParameter& p : parameters)
            backend.addScaled(scale - 1.0, p.parameter->gradient, p.parameter->gradient);
    }
    return norm;
}

}  // namespace koto
