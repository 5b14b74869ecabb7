#pragma once
// Which of the CPU kernel sets a portable build compiles (product_kernels.h,
// convolution_kernels.h) this CPU runs: "baseline" (what the whole build is compiled for), and,
// in a portable build on x86-64 (KOTO_ISA_KERNELS), "avx2" (AVX2 + FMA) and "avx512".

#include <string>
#include <vector>

namespace koto {

// The sets this build has and this CPU can run, the baseline first, the best last.
std::vector<std::string> availableInstructionSets();
// The set the kernels use, chosen once: the one the environment variable KOTO_CPU_KERNELS names
// when it is available (for benchmarks and tests; anything else is ignored), else the best.
const std::string& chosenInstructionSet();

}  // namespace koto
