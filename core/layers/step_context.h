#pragma once
// What a layer may need to know about the pass it is in: whether it is training (dropout and
// noise act only then) and, for their random numbers, the run's seed and the step.

#include <cstdint>

namespace koto {

struct StepContext {
    bool training = false;
    uint64_t seed = 0;
    uint64_t step = 0;  // 1-based optimizer step
};

}  // namespace koto
