#pragma once
// Every parameter of a network as plain host data, for the app's weights view (parts 7 and 11 of
// the curriculum): the values W, this step's gradient dJ/dW and the last update ΔW, and how the
// values spread (their percentiles) epoch by epoch. Taken on the thread that owns the network,
// between training steps; the result may cross to another thread.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "network/network.h"

namespace koto {

// One parameter, rows x cols, row by row: a dense layer's W (D x M, row d an input, column m a
// unit) or b (1 x M), a convolution's W (F x C*K*K, row f a filter, its columns (c, ky, kx)), a
// recurrent layer's Wx (D x U, an LSTM's D x 4U with the gates' blocks i, f, o, g side by side),
// Wh (U x U or U x 4U) and b.
struct WeightMatrix {
    std::string id;         // "dense_1.W"
    std::string layer;      // "dense_1"
    std::string layerType;  // "dense", "conv", "rnn", "lstm"
    std::string name;       // "W", "b", "Wx", "Wh"
    int64_t rows = 0, cols = 0;
    // One sample of what the layer takes in, through a flatten before it: {D}, or {C, H, W}.
    std::vector<int64_t> inputShape;
    int64_t kernel = 0;  // a convolution's K
    std::vector<float> values;
    // dJ/dW of the latest step, as the optimizer used it (with the L1 and L2 terms, clipped);
    // empty before the first step.
    std::vector<float> gradient;
    // W after minus W before the step NetworkWeights::updateStep (empty when not known).
    std::vector<float> update;

    float at(int64_t row, int64_t col) const {
        return values[static_cast<size_t>(row * cols + col)];
    }
};

struct NetworkWeights {
    int64_t step = 0;                    // the values and gradients are those after this many steps
    int64_t updateStep = 0;              // the step whose update ΔW the matrices hold (0: none)
    std::vector<WeightMatrix> matrices;  // in the network's order (Network::parameters())
};

// The values of every parameter (and, after the first step, their gradients), with their shapes.
NetworkWeights captureNetworkWeights(Network& network, int64_t step);

// Copies every parameter's values into `into` (reusing its buffers), one vector a parameter.
void copyParameterValues(Network& network, std::vector<std::vector<float>>& into);

// The 5th, 25th, 50th, 75th and 95th percentiles of each parameter's values at one epoch.
constexpr std::array<double, 5> kWeightPercentiles{0.05, 0.25, 0.5, 0.75, 0.95};
struct EpochWeightPercentiles {
    int64_t epoch = 0;
    std::vector<std::array<float, 5>> parameters;  // in the network's order
};
// Percentile p of values (nearest rank on the sorted values); 0 for none.
std::array<float, 5> percentilesOf(std::vector<float> values);
EpochWeightPercentiles weightPercentiles(Network& network, int64_t epoch);

}  // namespace koto
