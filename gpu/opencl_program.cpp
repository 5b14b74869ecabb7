#include "opencl_program.h"

#include <chrono>
#include <sstream>

#include "opencl_forced_failure.h"
#include "opencl_status.h"
#include "util/errors.h"

namespace koto {
namespace {

// The first lines of the compiler's messages, joined by " | " into one line: enough to name the
// error, short enough for one line on a terminal or in a message box.
std::string buildLogStart(cl_program program, cl_device_id device, int lines) {
    size_t size = 0;
    if (clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, nullptr, &size) !=
            CL_SUCCESS ||
        size == 0)
        return "(no build log)";
    std::string log(size, '\0');
    if (clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, size, log.data(), nullptr) !=
        CL_SUCCESS)
        return "(no build log)";
    std::istringstream in(log.c_str());
    std::string line, start;
    for (int kept = 0; kept < lines && std::getline(in, line);) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        start += (kept++ ? " | " : "") + line;
    }
    return start.empty() ? "(empty build log)" : start;
}

}  // namespace

OpenClProgram::OpenClProgram(cl_context context, cl_device_id device, const std::string& source,
                             const std::string& options, bool forced)
    : device_(device) {
    const char* text = source.c_str();
    const size_t length = source.size();
    cl_int status = CL_SUCCESS;
    program_ = clCreateProgramWithSource(context, 1, &text, &length, &status);
    checkOpenCl(status, "loading the kernels' source");
    const auto start = std::chrono::steady_clock::now();
    status = clBuildProgram(program_, 1, &device, options.c_str(), nullptr, nullptr);
    buildSeconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (status == CL_BUILD_PROGRAM_FAILURE) {
        std::string message =
            "OpenCL: the kernels did not build: " + buildLogStart(program_, device, 3);
        if (forced) message += kForcedFailureNote;
        clReleaseProgram(program_);
        throw DeviceError(message);
    }
    if (status != CL_SUCCESS) {
        clReleaseProgram(program_);
        checkOpenCl(status, "building the kernels");
    }
}

OpenClProgram::~OpenClProgram() {
    for (auto& [name, kernel] : kernels_) clReleaseKernel(kernel.handle);
    clReleaseProgram(program_);
}

const OpenClKernel& OpenClProgram::kernel(const std::string& name) {
    if (const auto found = kernels_.find(name); found != kernels_.end()) return found->second;
    cl_int status = CL_SUCCESS;
    OpenClKernel made;
    made.handle = clCreateKernel(program_, name.c_str(), &status);
    checkOpenCl(status, "creating the kernel " + name);
    status = clGetKernelWorkGroupInfo(made.handle, device_, CL_KERNEL_WORK_GROUP_SIZE,
                                      sizeof made.maxGroupSize, &made.maxGroupSize, nullptr);
    if (status != CL_SUCCESS) {
        clReleaseKernel(made.handle);
        checkOpenCl(status, "asking the work-group size of the kernel " + name);
    }
    return kernels_.emplace(name, made).first->second;
}

}  // namespace koto
