// The CPU kernels that a portable build compiles for more than one instruction set (the matrix
// product, product_kernels.h, and the convolution, convolution_kernels.h) for one of them: this
// file is compiled once with -mavx2 -mfma -DKOTO_ISA=avx2 and once with the AVX-512 flags and
// -DKOTO_ISA=avx512, into koto_core of a portable build only. Eigen is renamed (koto_eigen_avx2,
// ...) and the kernels sit in koto::isa_avx2 (...): every function this file makes has a name no
// other file uses, so the linker cannot put this file's AVX code where the baseline's is called
// (tests/CMakeLists.txt checks the object's symbols). Nothing else may be included here.

#define KOTO_CONCAT2(a, b) a##b
#define KOTO_CONCAT(a, b) KOTO_CONCAT2(a, b)
#define Eigen KOTO_CONCAT(koto_eigen_, KOTO_ISA)
#define KOTO_KERNEL_NAMESPACE KOTO_CONCAT(isa_, KOTO_ISA)
#define KOTO_STRING2(a) #a
#define KOTO_STRING(a) KOTO_STRING2(a)

#include <Eigen/Core>

#include "backend/convolution_kernel_body.h"
#include "backend/product_kernel_body.h"

namespace koto::KOTO_KERNEL_NAMESPACE {

// What product_kernels.cpp and convolution_kernels.cpp call.
extern const ProductKernels productKernels;
const ProductKernels productKernels{KOTO_STRING(KOTO_ISA), multiplyFloats, multiplyDoubles};
extern const ConvolutionKernels convolutionKernels;
const ConvolutionKernels convolutionKernels{KOTO_STRING(KOTO_ISA), convolutionFunctions<float>(),
                                            convolutionFunctions<double>()};

}  // namespace koto::KOTO_KERNEL_NAMESPACE
