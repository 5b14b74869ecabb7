#pragma once
// Which of the CPU kernel sets a portable build compiles (product_kernels.h,
// convolution_kernels.h) this CPU runs: "baseline" (what the whole build is compiled for), and,
// in a portable build on x86-64 (KOTO_ISA_KERNELS), "avx2" (AVX2 + FMA) and "avx512".

#include <string>
#include <string_view>
#include <vector>

namespace koto {

// The sets this build has and this CPU can run, the baseline first, the best last.
std::vector<std::string> availableInstructionSets();
// The set the kernels use, chosen once: the one the environment variable KOTO_CPU_KERNELS names
// when it is available (for benchmarks and tests; anything else is ignored), else the best.
const std::string& chosenInstructionSet();

// Of one kind of kernels (each with a `name`), the sets this build has and this CPU runs, the
// baseline first: the AVX2 and AVX-512 sets are null in a build without them.
template <typename Kernels>
std::vector<Kernels> availableKernels(const Kernels& baseline, const Kernels* avx2,
                                      const Kernels* avx512) {
    std::vector<Kernels> found;
    for (const std::string& set : availableInstructionSets()) {
        const Kernels* kernels = set == "avx2" ? avx2 : set == "avx512" ? avx512 : &baseline;
        if (kernels) found.push_back(*kernels);
    }
    return found;
}

// The set of `found` that chosenInstructionSet() names.
template <typename Kernels>
Kernels chosenKernels(const std::vector<Kernels>& found) {
    for (const Kernels& kernels : found)
        if (std::string_view(kernels.name) == chosenInstructionSet()) return kernels;
    return found.front();
}

}  // namespace koto
