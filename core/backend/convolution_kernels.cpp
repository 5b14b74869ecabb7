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
    std::vector<ConvolutionKernels> found;
    for (const std::string& set : availableInstructionSets()) {
        if (set == "baseline")
            found.push_back({"baseline", isa_baseline::convolutionFunctions<float>(),
                             isa_baseline::convolutionFunctions<double>()});
#ifdef KOTO_ISA_KERNELS
        if (set == "avx2") found.push_back(isa_avx2::convolutionKernels);
        if (set == "avx512") found.push_back(isa_avx512::convolutionKernels);
#endif
    }
    return found;
}

const ConvolutionKernels& convolutionKernels() {
    static const ConvolutionKernels chosen = [] {
        for (const ConvolutionKernels& kernels : availableConvolutionKernels())
            if (kernels.name == chosenInstructionSet()) return kernels;
        return availableConvolutionKernels().front();
    }();
    return chosen;
}

}  // namespace koto
