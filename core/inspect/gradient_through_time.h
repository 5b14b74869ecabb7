#pragma once
// Why LSTMs exist, made visible (part 13): how much gradient reaches each time step when a
// training step's backward pass (backpropagation through time) goes back through the network's
// first SimpleRNN or LSTM layer. The layer measures it itself, in training's own backward pass
// (RecurrentLayer::hiddenGradientNorms); this copies it out as plain host data, with, for an
// LSTM, how open its forget gates were on that mini-batch.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "network/network.h"

namespace koto {

class LstmLayer;

struct GradientThroughTime {
    std::string layer;  // "lstm_1"
    std::string type;   // "rnn" or "lstm"
    int64_t step = 0;   // the training step (from 1) whose backward pass measured it
    // Index 0 is t = 1. ||dJ/dh(t)||, and for an LSTM ||dJ/dc(t)|| (empty for a SimpleRNN):
    // Frobenius norms over the mini-batch and the units.
    std::vector<double> hidden, cell;
    // For an LSTM, when asked for: the mean of f(t) over the mini-batch and the units; empty
    // otherwise.
    std::vector<double> forgetGate;
};

// The mean over the batch and the units of the LSTM's forget gate f(t) for each step t (index 0
// is t = 1), from its last forward pass: a download of its N x T x 4U gate activations, summed in
// double whatever type the network computes in.
std::vector<double> meanForgetGate(Backend& backend, const LstmLayer& lstm);

// Call right after a training step, before any other pass through the network, so that the
// LSTM's forget gates are still those of the step's mini-batch. nullopt when the network has no
// recurrent layer, or the layer has not been through a backward pass. withForgetGate: also
// average f(t) (a download of the layer's N x T x 4U gate activations).
std::optional<GradientThroughTime> latestGradientThroughTime(Network& network, int64_t step,
                                                             bool withForgetGate);

}  // namespace koto
