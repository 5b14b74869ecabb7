#include "layers/weight_initialization.h"

#include <cmath>
#include <vector>

namespace koto {

void initializeWeights(Backend& backend, Random& random, Activation activation, int64_t fanIn, int64_t fanOut,
                       Tensor& weights, Tensor& bias) {
    std::vector<double> values(static_cast<size_t>(weights.size()));
    if (activation == Activation::Relu) {
        const double deviation = std::sqrt(2.0 / static_cast<double>(fanIn));
        for (double& v : values) v = random.normal(0.0, deviation);
    } else {
        const double limit = std::sqrt(6.0 / static_cast<double>(fanIn + fanOut));
        for (double& v : values) v = random.uniform(-limit, limit);
    }
    for (double& v : values) v = static_cast<float>(v);
    backend.upload(std::span<const double>(values), weights);
    backend.fill(bias, 0.0);
}

}  // namespace koto
