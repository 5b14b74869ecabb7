#include "backend/convolution_kernels.h"

#include <Eigen/Core>

#include "backend/instruction_sets.h"

#define KOTO_KERNEL_NAMESPACE isa_baseline
#include "backend/convolution_kernel_body.h"

namespace koto {

#ifdef KOTO_ISA_KERNELS
namespace isa_avx2 {
extern const ConvolutionKernels convolutionKernels;
}
namespace isa_avx512 {
extern const ConvolutionKernels convolutionKernels;
}
#endif

std::vector<ConvolutionKernels> availableConvolutionKernels() {
    static const ConvolutionKernels baseline{"baseline",
                                             isa_baseline::convolutionFunctions<float>(),
                                             isa_baseline::convolutionFunctions<double>()};
#ifdef KOTO_ISA_KERNELS
    return availableKernels(baseline, &isa_avx2::convolutionKernels,
                            &isa_avx512::convolutionKernels);
#else
    return availableKernels<ConvolutionKernels>(baseline, nullptr, nullptr);
#endif
}

const ConvolutionKernels& convolutionKernels() {
    static const ConvolutionKernels chosen = chosenKernels(availableConvolutionKernels());
    return chosen;
}

}  // namespace koto
