#pragma once
// Setting a kernel's arguments in the order the kernel declares them, one call per argument:
//
//   KernelArguments(kernel, DType::Float32).real(alpha).buffer(x).buffer(y).integer(count);
//
// real() passes a float or a double, whichever REAL is in the program the kernel comes from
// (the tensors' element type). Every clSetKernelArg status is checked.

#include <CL/cl.h>

#include <cstdint>
#include <string>

#include "opencl_status.h"
#include "tensor/tensor.h"

namespace koto {

class KernelArguments {
public:
    KernelArguments(cl_kernel kernel, DType precision) : kernel_(kernel), precision_(precision) {}

    KernelArguments& buffer(cl_mem memory) { return set(sizeof memory, &memory); }
    KernelArguments& integer(int32_t value) {
        const cl_int v = value;
        return set(sizeof v, &v);
    }
    KernelArguments& unsignedInteger(uint32_t value) {
        const cl_uint v = value;
        return set(sizeof v, &v);
    }
    KernelArguments& unsignedLong(uint64_t value) {
        const cl_ulong v = value;
        return set(sizeof v, &v);
    }
    KernelArguments& singleFloat(float value) {
        const cl_float v = value;
        return set(sizeof v, &v);
    }
    KernelArguments& real(double value) {
        if (precision_ == DType::Float64) return set(sizeof value, &value);
        return singleFloat(static_cast<float>(value));
    }
    // A local-memory array of `bytes` for the work-group (its contents start undefined).
    KernelArguments& local(size_t bytes) { return set(bytes, nullptr); }

private:
    KernelArguments& set(size_t size, const void* value) {
        checkOpenCl(clSetKernelArg(kernel_, index_, size, value),
                    "setting argument " + std::to_string(index_) + " of a kernel");
        ++index_;
        return *this;
    }

    cl_kernel kernel_;
    DType precision_;
    cl_uint index_ = 0;
};

}  // namespace koto
