#pragma once
// A compiled OpenCL program and its kernels, each created once and then reused: compiling is
// slow (seconds on PoCL with a cold cache), so a backend builds each of its programs once per
// context and keeps it.

#include <CL/cl.h>

#include <map>
#include <string>

namespace koto {

struct OpenClKernel {
    cl_kernel handle = nullptr;
    // The most work-items one work-group of this kernel may have on the device.
    size_t maxGroupSize = 1;
};

class OpenClProgram {
public:
    // Compiles `source` for the context's device with `options` ("-DKOTO_DOUBLE ..."). A failed
    // build throws DeviceError with the first lines of the compiler's log; `forced` marks a build
    // broken on purpose by a test (opencl_forced_failure.h).
    OpenClProgram(cl_context context, cl_device_id device, const std::string& source,
                  const std::string& options, bool forced = false);
    ~OpenClProgram();
    OpenClProgram(const OpenClProgram&) = delete;
    OpenClProgram& operator=(const OpenClProgram&) = delete;

    // The kernel of that name, created on first use.
    const OpenClKernel& kernel(const std::string& name);
    // Wall-clock seconds clBuildProgram took.
    double buildSeconds() const { return buildSeconds_; }

private:
    cl_device_id device_;
    cl_program program_ = nullptr;
    std::map<std::string, OpenClKernel> kernels_;
    double buildSeconds_ = 0;
};

}  // namespace koto
