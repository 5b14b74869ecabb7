#pragma once
// Gradient clipping (part 13): backpropagation through time multiplies the gradient by Wh at every
// step, so in a recurrent network it can explode, and one huge step wrecks the weights. Before
// the optimizer's update, if the norm of all the gradients together,
//   ||g|| = sqrt(sum over every parameter and element of (dJ/dw)^2),
// is above maxNorm, every gradient is scaled by maxNorm / ||g||: the step keeps its direction
// and its length is capped.

#include <vector>

#include "backend/backend.h"
#include "network/network.h"

namespace koto {

// Returns ||g|| before clipping. maxNorm <= 0 clips nothing.
double clipGradientNorm(Backend& backend, const std::vector<NamedParameter>& parameters,
                        double maxNorm);

}  // namespace koto
