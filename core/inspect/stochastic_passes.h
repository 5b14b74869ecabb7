#pragma once
// What dropout and noise did to the latest training mini-batch (part 11), for the app's live view:
// for each dropout or noise layer, what came in (X), the random numbers it drew (the mask: 1/p
// for a kept unit, 0 for a dropped one; or the noise added) and what went out (Z), for the first
// rows of the mini-batch. Taken on the thread that owns the network right after a training step,
// before anything else runs the network (a prediction passes through these layers untouched and
// leaves nothing to show); the result may cross to another thread.

#include <cstdint>
#include <string>
#include <vector>

#include "network/network.h"

namespace koto {

struct StochasticPass {
    std::string layer;   // "dropout_1"
    std::string type;    // "dropout" or "noise"
    double setting = 0;  // dropout's keep probability p, or noise's standard deviation sigma
    int layerIndex = 0;  // its place in the network (0: it acts on the data itself)
    int64_t rows = 0;    // the mini-batch's first rows
    int64_t values = 0;  // values per row
    std::vector<float> input, random, output;  // rows x values each, row by row

    float at(const std::vector<float>& tensor, int64_t row, int64_t value) const {
        return tensor[static_cast<size_t>(row * values + value)];
    }
};

// Every dropout and noise layer whose last forward pass was a training one, at most maxRows rows
// of each (in the network's order).
std::vector<StochasticPass> captureStochasticPasses(Network& network, int64_t maxRows);

}  // namespace koto
