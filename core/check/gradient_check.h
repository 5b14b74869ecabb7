#pragma once
// The gradient check: analytic gradients from backward() against central finite differences, in
// double precision, through the same layer and loss code that float training runs (the CPU
// backend computes in double for a Float64 network). The difference quotient is the fourth-order
// one, (J(w-2h) - 8 J(w-h) + 8 J(w+h) - J(w+2h)) / 12h: the familiar (J(w+h) - J(w-h)) / 2h
// has to choose between truncation and rounding error and is only good to about 1e-7 relative
// on small gradient elements; this one reaches about 1e-9 with h = 1e-4.

#include <cstdint>
#include <string>
#include <vector>

#include "network/network_spec.h"

namespace koto {

struct GradientCheckResult {
    std::string tensor;  // "dense_1.W"
    double maxRelativeError = 0;
    int64_t elementsChecked = 0;
};

struct GradientCheckInput {
    std::vector<double> inputs;   // rows x input size
    std::vector<double> targets;  // rows x output size (rows x T x output size after seq:many)
    int64_t rows = 0;
};

// Weights are drawn from `seed`, then every bias is given small random values too (zero biases
// would leave part of the code untested). At most maxElementsPerTensor elements of each tensor
// are checked, spread evenly.
std::vector<GradientCheckResult> checkGradients(const NetworkSpec& spec,
                                                const GradientCheckInput& data, uint64_t seed,
                                                int64_t maxElementsPerTensor = 400,
                                                double step = 1e-4);

// |analytic - numeric| / max(|analytic|, |numeric|, 1e-8): relative, but not blown up where both
// are essentially zero.
double relativeError(double analytic, double numeric);

}  // namespace koto
