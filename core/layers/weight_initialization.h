#pragma once
// Random initial weights, from the run's seed: He initialisation (normal, standard deviation
// sqrt(2 / fanIn)) before a ReLU, Xavier/Glorot (uniform within +-sqrt(6 / (fanIn + fanOut)))
// otherwise, as the curriculum says (W, V random; b, c zero). The values are rounded through float
// so that float and double networks of one seed hold equal weights.

#include <cstdint>

#include "backend/backend.h"
#include "layers/activation.h"
#include "util/random.h"

namespace koto {

// Fills `weights` (drawn element by element in order) and zeroes `bias`.
void initializeWeights(Backend& backend, Random& random, Activation activation, int64_t fanIn, int64_t fanOut,
                       Tensor& weights, Tensor& bias);

}  // namespace koto
