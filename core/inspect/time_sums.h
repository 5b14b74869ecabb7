#pragma once
// Where one element of a recurrent layer's weight gradient comes from (part 13 of the
// curriculum): the same weights act at every time step, so their gradient adds up one product
// for every sample n AND every step t of the traced step's own numbers:
//   dJ/dWx[i,j] = Σ_n Σ_t x(t)[n,i]   dJ/da(t)[n,j]
//   dJ/dWh[i,j] = Σ_n Σ_t h(t−1)[n,i] dJ/da(t)[n,j]     (h(0) = 0: t = 1 adds nothing)
//   dJ/db[j]    = Σ_n Σ_t dJ/da(t)[n,j]
// For an LSTM, column j of Wx, Wh and b runs over the four gates' blocks (i, f, o, g, U columns
// each), as dJ/da(t) does. Only the index bookkeeping is done here: every factor is read from the
// trace, never computed again. Time steps count from 1 as the formulas write them, samples and
// weight indices from 0.

#include <cstdint>
#include <string_view>
#include <vector>

#include "inspect/step_trace.h"

namespace koto {

// One product: sample n at time step t (from 1); second is dJ/da(t)[n,j], first the input x(t)
// or the previous hidden state h(t−1) (1 for the bias).
struct TimeTerm {
    int64_t sample = 0, step = 0;
    double first = 0, second = 0;
};

struct TimeSum {
    std::vector<TimeTerm> terms;  // sample by sample, each through time
    int64_t samples = 0, steps = 0;
    // Σ first·second in double: what the written-out working adds up to.
    double total() const;
};

// `parameter` is "Wx", "Wh" or "b"; (row, col) the element of its gradient (row 0 for b).
// Throws InputError if layer `layer` is not a traced rnn or lstm layer or the element is outside.
TimeSum recurrentGradientSum(const StepTrace& trace, int layer, std::string_view parameter,
                             int64_t row, int64_t col);

}  // namespace koto
