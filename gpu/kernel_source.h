#pragma once
// The OpenCL C source of the backend's kernels: gpu/kernels/backend_kernels.cl with the other
// kernels/*.cl appended, embedded into the library when CMake configures it (kernel_source.cpp.in).

namespace koto {

extern const char* const kBackendKernelSource;

}  // namespace koto
