#pragma once
// --backend cpu|opencl. Training computes on the CPU backend in this version; asking for OpenCL
// says once, on stderr, why the run stays on the CPU.

#include <string>

namespace koto::cli {

void chooseBackend(const std::string& name);

}  // namespace koto::cli
