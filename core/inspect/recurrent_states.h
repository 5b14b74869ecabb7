#pragma once
// What a recurrent network does with one sequence, for the app's live views (part 13): for each
// SimpleRNN or LSTM layer, every unit's values at every time step. For an LSTM the gates
// i, f, o, the candidate g, the cell state c and the hidden state h; for a SimpleRNN h; and the
// layer's input x(t) beside them. Computed on the thread that owns the network, between
// training steps, by a real forward pass (as when it predicts); the result is plain host data.

#include <cstdint>
#include <string>
#include <vector>

#include "network/network.h"

namespace koto {

// One quantity over time: `rows` values (units, or the input's values) at each of `steps` steps.
struct StateOverTime {
    std::string name;  // "x", "i", "f", "o", "g", "c", "h"
    int64_t rows = 0, steps = 0;
    std::vector<float> values;  // step after step: values[t * rows + r], t from 0

    float at(int64_t row, int64_t step) const {
        return values[static_cast<size_t>(step * rows + row)];
    }
};

struct RecurrentStates {
    std::string layer;                  // "lstm_1"
    std::string type;                   // "lstm" or "rnn"
    std::vector<StateOverTime> states;  // x first, then i, f, o, g, c, h (LSTM) or h (SimpleRNN)

    const StateOverTime* find(const std::string& name) const;
};

// Whether the network has a SimpleRNN or LSTM layer.
bool hasRecurrentLayer(const Network& network);

// sample: one input row of network.inputSize() values. Throws InputError if it has another size.
std::vector<RecurrentStates> computeRecurrentStates(Network& network,
                                                    const std::vector<float>& sample);

}  // namespace koto
