#pragma once
// GEMM through CLBlast, the tuned OpenCL BLAS: C = alpha op(A) op(B) + beta C on row-major
// matrices in device buffers, with every CLBlast status checked (a failure is a DeviceError
// naming CLBlast's status).
//
// CLBlast compiles its kernels itself, at the first call of each precision in each context, and
// keeps them in memory only: our program cache (program_cache.h) does not cover them, and a new
// process compiles them again unless the driver caches them (PoCL does, in $POCL_CACHE_DIR; GPU
// drivers keep their own caches). We do not patch CLBlast for it.

#include <CL/cl.h>

#include <cstddef>

#include "tensor/tensor.h"

namespace koto {

struct GemmShape {
    bool transposeA = false, transposeB = false;
    size_t m = 0, n = 0, k = 0;        // op(A) is m x k, op(B) k x n, C m x n
    size_t lda = 0, ldb = 0, ldc = 0;  // row lengths of A, B and C as stored
};

// Float32 or Float64 buffers; queue by address, as CLBlast takes it.
void clblastGemm(DType type, const GemmShape& shape, double alpha, cl_mem a, cl_mem b, double beta,
                 cl_mem c, cl_command_queue* queue);

}  // namespace koto
