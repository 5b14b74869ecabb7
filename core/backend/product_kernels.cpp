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
    static const ProductKernels baseline{"baseline", isa_baseline::multiplyFloats,
                                         isa_baseline::multiplyDoubles};
#ifdef KOTO_ISA_KERNELS
    return availableKernels(baseline, &isa_avx2::productKernels, &isa_avx512::productKernels);
#else
    return availableKernels<ProductKernels>(baseline, nullptr, nullptr);
#endif
}

const ProductKernels& productKernels() {
    static const ProductKernels chosen = chosenKernels(availableProductKernels());
    return chosen;
}

}  // namespace koto
