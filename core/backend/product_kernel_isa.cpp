// The product kernel (product_kernels.h) for one instruction set: this file is compiled once with
// -mavx2 -mfma -DKOTO_ISA=avx2 and once with the AVX-512 flags and -DKOTO_ISA=avx512, into
// koto_core of a portable build only. Eigen is renamed (koto_eigen_avx2, ...) and the kernel sits
// in koto::isa_avx2 (...): every function this file makes has a name no other file uses, so the
// linker cannot put this file's AVX code where the baseline's is called (tests/CMakeLists.txt
// checks the object's symbols). Nothing else may be included here.

#define KOTO_CONCAT2(a, b) a##b
#define KOTO_CONCAT(a, b) KOTO_CONCAT2(a, b)
#define Eigen KOTO_CONCAT(koto_eigen_, KOTO_ISA)
#define KOTO_KERNEL_NAMESPACE KOTO_CONCAT(isa_, KOTO_ISA)
#define KOTO_STRING2(a) #a
#define KOTO_STRING(a) KOTO_STRING2(a)

#include <Eigen/Core>

#include "backend/product_kernel_body.h"

namespace koto::KOTO_KERNEL_NAMESPACE {

// What product_kernels.cpp calls.
extern const ProductKernels kernels;
const ProductKernels kernels{KOTO_STRING(KOTO_ISA), multiplyFloats, multiplyDoubles};

}  // namespace koto::KOTO_KERNEL_NAMESPACE
