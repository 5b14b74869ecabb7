#include "backend/product_kernels.h"

#include <Eigen/Core>
#include <cstdlib>
#include <string_view>

#define KOTO_KERNEL_NAMESPACE isa_baseline
#include "backend/product_kernel_body.h"

namespace koto {

#ifdef KOTO_PRODUCT_KERNELS
namespace isa_avx2 {
extern const ProductKernels kernels;
}
namespace isa_avx512 {
extern const ProductKernels kernels;
}
#endif

namespace {

const ProductKernels baseline{"baseline", isa_baseline::multiplyFloats,
                              isa_baseline::multiplyDoubles};

}  // namespace

std::vector<ProductKernels> availableProductKernels() {
    std::vector<ProductKernels> found{baseline};
#ifdef KOTO_PRODUCT_KERNELS
    __builtin_cpu_init();
    const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    // x86-64-v4, what -mavx512f -mavx512dq -mavx512bw -mavx512vl lets the compiler use.
    const bool avx512 = avx2 && __builtin_cpu_supports("avx512f") &&
                        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw") &&
                        __builtin_cpu_supports("avx512vl");
    if (avx2) found.push_back(isa_avx2::kernels);
    if (avx512) found.push_back(isa_avx512::kernels);
#endif
    return found;
}

const ProductKernels& productKernels() {
    static const ProductKernels chosen = [] {
        const std::vector<ProductKernels> found = availableProductKernels();
        if (const char* asked = std::getenv("KOTO_CPU_KERNELS"))
            for (const ProductKernels& kernels : found)
                if (std::string_view(asked) == kernels.name) return kernels;
        return found.back();
    }();
    return chosen;
}

}  // namespace koto
