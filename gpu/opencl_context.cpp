#include "opencl_context.h"

#include <CL/cl_ext.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "opencl_status.h"
#include "util/errors.h"

namespace koto {
namespace {

std::string nameOf(cl_device_id device) {
    size_t size = 0;
    checkOpenCl(clGetDeviceInfo(device, CL_DEVICE_NAME, 0, nullptr, &size),
                "reading the device's name");
    std::string name(size, '\0');
    checkOpenCl(clGetDeviceInfo(device, CL_DEVICE_NAME, size, name.data(), nullptr),
                "reading the device's name");
    if (const size_t end = name.find('\0'); end != std::string::npos) name.resize(end);
    return name;
}

// OpenCL 1.2 devices without doubles answer 0; some older ones reject the question.
bool hasDoubles(cl_device_id device) {
    cl_device_fp_config config = 0;
    return clGetDeviceInfo(device, CL_DEVICE_DOUBLE_FP_CONFIG, sizeof config, &config, nullptr) ==
               CL_SUCCESS &&
           config != 0;
}

// A cl_ulong property of the device in bytes (0 if the driver does not say).
int64_t bytesProperty(cl_device_id device, cl_device_info property) {
    cl_ulong bytes = 0;
    if (clGetDeviceInfo(device, property, sizeof bytes, &bytes, nullptr) != CL_SUCCESS) return 0;
    return bytes > static_cast<cl_ulong>(std::numeric_limits<int64_t>::max())
               ? std::numeric_limits<int64_t>::max()
               : static_cast<int64_t>(bytes);
}

}  // namespace

OpenClContext::OpenClContext(int platformIndex, int deviceIndex, bool failContext) {
    cl_uint platformCount = 0;
    const cl_int listed = clGetPlatformIDs(0, nullptr, &platformCount);
    if (listed == CL_PLATFORM_NOT_FOUND_KHR || (listed == CL_SUCCESS && platformCount == 0))
        throw DeviceError("no OpenCL platform is installed");
    checkOpenCl(listed, "listing the platforms");
    if (platformIndex < 0 || static_cast<cl_uint>(platformIndex) >= platformCount)
        throw DeviceError("there is no OpenCL platform " + std::to_string(platformIndex) +
                          " (found " + std::to_string(platformCount) + ")");
    std::vector<cl_platform_id> platforms(platformCount);
    checkOpenCl(clGetPlatformIDs(platformCount, platforms.data(), nullptr),
                "listing the platforms");
    const cl_platform_id platform = platforms[static_cast<size_t>(platformIndex)];

    cl_uint deviceCount = 0;
    const cl_int found = clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, nullptr, &deviceCount);
    if (found == CL_DEVICE_NOT_FOUND || (found == CL_SUCCESS && deviceCount == 0))
        throw DeviceError("OpenCL platform " + std::to_string(platformIndex) + " has no device");
    checkOpenCl(found, "listing the devices");
    if (deviceIndex < 0 || static_cast<cl_uint>(deviceIndex) >= deviceCount)
        throw DeviceError("OpenCL platform " + std::to_string(platformIndex) + " has no device " +
                          std::to_string(deviceIndex) + " (found " + std::to_string(deviceCount) +
                          ")");
    std::vector<cl_device_id> devices(deviceCount);
    checkOpenCl(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, deviceCount, devices.data(), nullptr),
                "listing the devices");
    device_ = devices[static_cast<size_t>(deviceIndex)];
    deviceName_ = nameOf(device_);
    doublePrecision_ = hasDoubles(device_);
    globalMemoryBytes_ = bytesProperty(device_, CL_DEVICE_GLOBAL_MEM_SIZE);
    largestAllocationBytes_ = bytesProperty(device_, CL_DEVICE_MAX_MEM_ALLOC_SIZE);

    const cl_context_properties properties[] = {
        CL_CONTEXT_PLATFORM, reinterpret_cast<cl_context_properties>(platform), 0};
    cl_int status = CL_DEVICE_NOT_AVAILABLE;
    if (!failContext)
        context_ = clCreateContext(properties, 1, &device_, nullptr, nullptr, &status);
    checkOpenCl(status, "creating the context for " + deviceName_, failContext);
    queue_ = clCreateCommandQueue(context_, device_, 0, &status);
    if (status != CL_SUCCESS) {
        clReleaseContext(context_);
        checkOpenCl(status, "creating the command queue for " + deviceName_);
    }
}

OpenClContext::~OpenClContext() {
    // Anything still running must finish before its queue goes.
    clFinish(queue_);
    clReleaseCommandQueue(queue_);
    clReleaseContext(context_);
}

}  // namespace koto
