#pragma once
// "By hand" mode: the learner works out the next value (a delta, a gradient element, an updated
// weight) before the inspector reveals it. An answer is right when it is within the tolerance of
// the value training computed: 1 % of it, or 0.0005 absolute for values near zero (the
// inspector shows four decimals, so a learner who rounds as it does is right).

#include <cmath>

namespace koto {

struct HandTolerance {
    double relative = 0.01;
    double absolute = 5e-4;

    // The largest difference accepted for this correct value.
    double allowedDifference(double correct) const {
        const double scaled = relative * std::abs(correct);
        return scaled > absolute ? scaled : absolute;
    }
};

inline bool handAnswerIsRight(double typed, double correct, const HandTolerance& tolerance = {}) {
    return std::isfinite(typed) &&
           std::abs(typed - correct) <= tolerance.allowedDifference(correct);
}

}  // namespace koto
