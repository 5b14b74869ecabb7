#include "opencl_program.h"

#include <chrono>
#include <optional>
#include <sstream>

#include "opencl_forced_failure.h"
#include "opencl_status.h"
#include "program_cache.h"
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

// The device's binary of a built program (the context has one device), or nothing, with `note`
// saying why.
std::optional<std::string> binaryOf(cl_program program, std::string& note) {
    size_t size = 0;
    if (clGetProgramInfo(program, CL_PROGRAM_BINARY_SIZES, sizeof size, &size, nullptr) !=
            CL_SUCCESS ||
        size == 0 || size > kMaxProgramCacheBytes) {
        note = "the driver gave no binary of the program to cache";
        return std::nullopt;
    }
    std::string binary(size, '\0');
    unsigned char* bytes = reinterpret_cast<unsigned char*>(binary.data());
    if (clGetProgramInfo(program, CL_PROGRAM_BINARIES, sizeof bytes, &bytes, nullptr) !=
        CL_SUCCESS) {
        note = "the driver gave no binary of the program to cache";
        return std::nullopt;
    }
    return binary;
}

}  // namespace

OpenClProgram::OpenClProgram(cl_context context, cl_device_id device, const std::string& source,
                             const std::string& options, bool forced)
    : device_(device) {
    // A driver that will not say what it is gets no cache, only a note.
    std::optional<ProgramIdentity> identity;
    try {
        identity = identifyProgram(device, source, options);
    } catch (const DeviceError& error) {
        cacheNote_ = std::string("no program cache: ") + error.what();
    }
    const auto start = std::chrono::steady_clock::now();
    if (identity)
        if (const std::optional<std::string> binary = loadProgramBinary(*identity, cacheNote_)) {
            fromCache_ = buildFromBinary(context, *binary, options);
            if (!fromCache_) cacheNote_ = "the cached binary did not load: compiled from source";
        }
    if (!fromCache_) buildFromSource(context, source, options, forced);
    buildSeconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (identity && !fromCache_)
        if (const std::optional<std::string> binary = binaryOf(program_, cacheNote_))
            storeProgramBinary(*identity, *binary, cacheNote_);
}

bool OpenClProgram::buildFromBinary(cl_context context, const std::string& binary,
                                    const std::string& options) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(binary.data());
    const size_t length = binary.size();
    cl_int binaryStatus = CL_INVALID_BINARY, status = CL_INVALID_BINARY;
    cl_program program =
        clCreateProgramWithBinary(context, 1, &device_, &length, &bytes, &binaryStatus, &status);
    if (status != CL_SUCCESS || binaryStatus != CL_SUCCESS) {
        if (program) clReleaseProgram(program);
        return false;
    }
    if (clBuildProgram(program, 1, &device_, options.c_str(), nullptr, nullptr) != CL_SUCCESS) {
        clReleaseProgram(program);
        return false;
    }
    program_ = program;
    return true;
}

void OpenClProgram::buildFromSource(cl_context context, const std::string& source,
                                    const std::string& options, bool forced) {
    const char* text = source.c_str();
    const size_t length = source.size();
    cl_int status = CL_SUCCESS;
    program_ = clCreateProgramWithSource(context, 1, &text, &length, &status);
    checkOpenCl(status, "loading the kernels' source");
    status = clBuildProgram(program_, 1, &device_, options.c_str(), nullptr, nullptr);
    if (status == CL_BUILD_PROGRAM_FAILURE) {
        std::string message =
            "OpenCL: the kernels did not build: " + buildLogStart(program_, device_, 3);
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
