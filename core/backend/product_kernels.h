#pragma once
// The CPU backend's matrix product, C = alpha op(A) op(B) + beta C on one block of C, compiled
// for more than one instruction set when the build is portable (KOTO_NATIVE=OFF, what a package
// ships): Eigen picks its vector instructions when it is compiled, so a portable build's own
// product uses only SSE2, 2-3x slower than the AVX2 or AVX-512 one of a native build. With
// KOTO_ISA_KERNELS, the product is compiled again for AVX2+FMA and for AVX-512 (isa_kernels.cpp)
// and productKernels() picks the best the CPU running it has (instruction_sets.h).
//
// The blocks a product is cut into do not depend on the kernel, so a run gives the same bits with
// any number of threads on one machine; another kernel gives other rounding.

#include <cstdint>
#include <vector>

namespace koto {

// One block of a product, in the row-major layout of the backend's tensors. op(A) is rows x
// depth: A read as stored (rows x depth, `strideA` values from one row to the next) or, when
// transposeA, as the transpose of a depth x rows matrix; op(B) is depth x cols, likewise. C is
// rows x cols with rows `strideC` apart. `small` products are computed coefficient by
// coefficient (faster than the blocked kernel below 16 x 16 x 16).
template <typename T>
struct ProductBlock {
    const T* a;
    int64_t strideA;
    bool transposeA;
    const T* b;
    int64_t strideB;
    bool transposeB;
    T* c;
    int64_t strideC;
    int64_t rows, cols, depth;
    T alpha, beta;
    bool small;
};

struct ProductKernels {
    const char* name;  // "baseline", "avx2", "avx512"
    void (*floats)(const ProductBlock<float>&);
    void (*doubles)(const ProductBlock<double>&);
};

// The kernels for this CPU, chosen once (chosenInstructionSet(): the best it supports, or the one
// KOTO_CPU_KERNELS names).
const ProductKernels& productKernels();
// Every kernel set this build has and this CPU can run, the baseline first.
std::vector<ProductKernels> availableProductKernels();

}  // namespace koto
