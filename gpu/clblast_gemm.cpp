#include "clblast_gemm.h"

#include <clblast.h>

#include <string>

#include "util/errors.h"

namespace koto {
namespace {

// CLBlast's own status codes (below -1000); the others are OpenCL's.
std::string statusText(clblast::StatusCode status) {
    switch (status) {
    case clblast::StatusCode::kTempBufferAllocFailure:
        return "CL_MEM_OBJECT_ALLOCATION_FAILURE: the device is out of memory";
    case clblast::StatusCode::kOpenCLOutOfResources:
        return "CL_OUT_OF_RESOURCES: the device ran out of resources";
    case clblast::StatusCode::kOpenCLOutOfHostMemory:
        return "CL_OUT_OF_HOST_MEMORY: the computer is out of memory";
    case clblast::StatusCode::kOpenCLBuildProgramFailure:
        return "CL_BUILD_PROGRAM_FAILURE: its kernels did not build";
    case clblast::StatusCode::kNoDoublePrecision: return "the device has no double precision";
    case clblast::StatusCode::kInvalidLocalMemUsage: return "not enough local memory on the device";
    case clblast::StatusCode::kDatabaseError: return "no tuning parameters for this device";
    case clblast::StatusCode::kNotImplemented: return "not implemented";
    default: return "status " + std::to_string(static_cast<int>(status));
    }
}

template <typename T>
clblast::StatusCode gemm(const GemmShape& s, double alpha, cl_mem a, cl_mem b, double beta,
                         cl_mem c, cl_command_queue* queue) {
    const auto op = [](bool transpose) {
        return transpose ? clblast::Transpose::kYes : clblast::Transpose::kNo;
    };
    return clblast::Gemm<T>(clblast::Layout::kRowMajor, op(s.transposeA), op(s.transposeB), s.m,
                            s.n, s.k, static_cast<T>(alpha), a, 0, s.lda, b, 0, s.ldb,
                            static_cast<T>(beta), c, 0, s.ldc, queue);
}

}  // namespace

void clblastGemm(DType type, const GemmShape& shape, double alpha, cl_mem a, cl_mem b, double beta,
                 cl_mem c, cl_command_queue* queue) {
    const clblast::StatusCode status = type == DType::Float64
                                           ? gemm<double>(shape, alpha, a, b, beta, c, queue)
                                           : gemm<float>(shape, alpha, a, b, beta, c, queue);
    if (status != clblast::StatusCode::kSuccess)
        throw DeviceError("OpenCL: GEMM (CLBlast) of " + std::to_string(shape.m) + " x " +
                          std::to_string(shape.k) + " by " + std::to_string(shape.k) + " x " +
                          std::to_string(shape.n) + " failed: " + statusText(status));
}

}  // namespace koto
