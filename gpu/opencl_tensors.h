#pragma once
// What the OpenCL backend's operations need to know of a tensor, shared by the files that hold
// them (opencl_backend.cpp, opencl_*_ops.cpp): its device memory, the element type it computes
// in, and its size as the kernels' int.

#include <CL/cl.h>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

#include "opencl_buffer.h"
#include "tensor/tensor.h"

namespace koto {

// The kernels index with int.
inline constexpr int64_t kMaxElements = std::numeric_limits<int32_t>::max();

// The device memory of a tensor that an OpenClBackend allocated.
inline cl_mem memoryOf(const Tensor& tensor) {
    auto* buffer = dynamic_cast<OpenClBuffer*>(tensor.storage());
    if (buffer == nullptr)
        throw std::invalid_argument("a tensor that the OpenCL backend did not allocate");
    return buffer->memory();
}

// The element type an operation (`what`) computes in: float or double, never bytes.
inline DType computeType(const Tensor& tensor, std::string_view what = "this operation") {
    if (tensor.dtype() == DType::UInt8)
        throw std::invalid_argument(std::string(what) +
                                    " computes in float or double, not on bytes");
    return tensor.dtype();
}

// The tensor's element count, as the kernels take it (allocate keeps it within kMaxElements).
inline int32_t count(const Tensor& tensor) { return static_cast<int32_t>(tensor.size()); }

}  // namespace koto
