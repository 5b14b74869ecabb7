#include "backend/product_kernels.h"

#include <Eigen/Core>

#include "backend/instruction_sets.h"

#define KOTO_KERNEL_NAMESPACE isa_baseline
#include "backend/product_kernel_body.h"

namespace koto {

#ifdef KOTO_ISA_KERNELS
namespace isa_avx2 {
extern const ProductKernels productKernels;
}
namespace isa_avx512 {
extern const ProductKernels productKernels;
}
#endif

std::vector<ProductKernels> availableProductKernels() {
    std::vector<ProductKernels> found;
    for (const std::string& set : availableInstructionSets()) {
        if (set == "baseline")
            found.push_back({"baseline", isa_baseline::multiplyFloats, isa_baseline::multiplyDoubles});
#ifdef KOTO_ISA_KERNELS
        if (set == "avx2") found.push_back(isa_avx2::productKernels);
        if (set == "avx512") found.push_back(isa_avx512::productKernels);
#endif
    }
    return found;
}

const ProductKernels& productKernels() {
    static const ProductKernels chosen = [] {
        for (const ProductKernels& kernels : availableProductKernels())
            if (kernels.name == chosenInstructionSet()) return kernels;
        return availableProductKernels().front();
    }();
    return chosen;
}

}  // namespace koto
