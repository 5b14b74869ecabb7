#pragma once
// Setting one weight by hand, as the learner does in the network diagram while training is paused
// (part 4: "what if this link were inhibitory?"). Done on the thread that owns the network,
// between training steps; the optimizer's state (momentum's velocity, AdaGrad's sums) is left as
// it is, so training goes on from the edited weight as from any other.

#include <cstdint>
#include <string>

#include "network/network.h"

namespace koto {

// Sets element `index` (row * cols + col) of the parameter named `id` ("dense_1.W") to value and
// returns the value it had. Throws InputError for an unknown id, an index outside the parameter
// or a value that is not finite.
float setParameterValue(Network& network, const std::string& id, int64_t index, float value);

}  // namespace koto
