#pragma once
// A tensor's numbers in device memory: the Storage that OpenClBackend's tensors hold. Released
// when the last tensor handle to it goes.

#include <CL/cl.h>

#include <cstddef>

#include "tensor/tensor.h"

namespace koto {

class OpenClBuffer final : public Storage {
public:
    OpenClBuffer(cl_mem memory, size_t bytes) : memory_(memory), bytes_(bytes) {}
    ~OpenClBuffer() override { clReleaseMemObject(memory_); }
    OpenClBuffer(const OpenClBuffer&) = delete;
    OpenClBuffer& operator=(const OpenClBuffer&) = delete;

    cl_mem memory() const { return memory_; }
    // Allocated size: the tensor's capacity, which may be more than its current rows use.
    size_t bytes() const { return bytes_; }

private:
    cl_mem memory_;
    size_t bytes_;
};

}  // namespace koto
