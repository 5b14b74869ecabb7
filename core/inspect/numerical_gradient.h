#pragma once
// The numerical check beside one weight of a traced step (part 7 of the curriculum): the
// gradient the step computed, against the difference quotient (J(w+h) - J(w-h)) / 2h computed
// in double precision on the same batch, with the weights before the update and the same dropout
// masks and noise. It rebuilds the network in double on the CPU backend and runs the same layer
// and loss code, as core/check/gradient_check does. J is the cost without the L1/L2 penalty,
// the cost whose gradient the backward pass computes.

#include <cstdint>
#include <string>

#include "inspect/step_trace.h"

namespace koto {

struct WeightCheck {
    std::string parameter;  // "dense_1.W"
    int64_t row = 0, col = 0;
    double weight = 0;          // w before the update
    double step = 0;            // h
    double costPlus = 0;        // J(w + h)
    double costMinus = 0;       // J(w - h)
    double numeric = 0;         // (J(w + h) - J(w - h)) / 2h
    double analytic = 0;        // dJ/dw as training computed it (float32 for a float network)
    double analyticDouble = 0;  // the same backward pass in double precision
    double relativeError = 0;   // between analytic and numeric (check/gradient_check.h)
};

// Throws InputError if the trace has no such parameter element or is not a whole step.
WeightCheck checkWeight(const StepTrace& trace, const std::string& parameter, int64_t row,
                        int64_t col, double step = 1e-4);

}  // namespace koto
