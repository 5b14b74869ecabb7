#include "backend/instruction_sets.h"

#include <algorithm>
#include <cstdlib>

namespace koto {

std::vector<std::string> availableInstructionSets() {
    std::vector<std::string> found{"baseline"};
#ifdef KOTO_ISA_KERNELS
    __builtin_cpu_init();
    const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    // x86-64-v4, what -mavx512f -mavx512dq -mavx512bw -mavx512vl lets the compiler use.
    const bool avx512 = avx2 && __builtin_cpu_supports("avx512f") &&
                        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw") &&
                        __builtin_cpu_supports("avx512vl");
    if (avx2) found.push_back("avx2");
    if (avx512) found.push_back("avx512");
#endif
    return found;
}

const std::string& chosenInstructionSet() {
    static const std::string chosen = [] {
        const std::vector<std::string> found = availableInstructionSets();
        const char* asked = std::getenv("KOTO_CPU_KERNELS");
        if (asked && std::find(found.begin(), found.end(), asked) != found.end())
            return std::string(asked);
        return found.back();
    }();
    return chosen;
}

}  // namespace koto
