#pragma once
// A compiled OpenCL program and its kernels, each created once and then reused: compiling is
// slow (seconds on PoCL with a cold cache), so a backend builds each of its programs once per
// context and keeps it, and the device's binary is kept on disk for the next start
// (program_cache.h).

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
    // Builds `source` for the context's device with `options` ("-DKOTO_DOUBLE ..."): from the
    // binary cached for them if there is a good one, else from source, then caching its binary.
    // A failed build throws DeviceError with the first lines of the compiler's log; `forced`
    // marks a build broken on purpose by a test (opencl_forced_failure.h).
    OpenClProgram(cl_context context, cl_device_id device, const std::string& source,
                  const std::string& options, bool forced = false);
    ~OpenClProgram();
    OpenClProgram(const OpenClProgram&) = delete;
    OpenClProgram& operator=(const OpenClProgram&) = delete;

    // The kernel of that name, created on first use.
    const OpenClKernel& kernel(const std::string& name);
    // Wall-clock seconds the build took (from the cached binary or from source).
    double buildSeconds() const { return buildSeconds_; }
    // Whether the program came from the cache, and if the cache could not be used or written,
    // why (for a debugging note; "" otherwise).
    bool fromCache() const { return fromCache_; }
    const std::string& cacheNote() const { return cacheNote_; }

private:
    // Builds program_ from a cached binary; false if the driver refuses it.
    bool buildFromBinary(cl_context context, const std::string& binary, const std::string& options);
    void buildFromSource(cl_context context, const std::string& source, const std::string& options,
                         bool forced);

    cl_device_id device_;
    cl_program program_ = nullptr;
    std::map<std::string, OpenClKernel> kernels_;
    double buildSeconds_ = 0;
    bool fromCache_ = false;
    std::string cacheNote_;
};

}  // namespace koto
