#include "opencl_devices.h"

#include <CL/cl.h>
#include <CL/cl_ext.h>

#include <vector>

namespace koto {
namespace {

std::string platformText(cl_platform_id platform, cl_platform_info what) {
    size_t size = 0;
    if (clGetPlatformInfo(platform, what, 0, nullptr, &size) != CL_SUCCESS || size == 0) return {};
    std::string text(size, '\0');
    clGetPlatformInfo(platform, what, size, text.data(), nullptr);
    text.resize(text.find('\0') == std::string::npos ? text.size() : text.find('\0'));
    return text;
}

std::string deviceText(cl_device_id device, cl_device_info what) {
    size_t size = 0;
    if (clGetDeviceInfo(device, what, 0, nullptr, &size) != CL_SUCCESS || size == 0) return {};
    std::string text(size, '\0');
    clGetDeviceInfo(device, what, size, text.data(), nullptr);
    text.resize(text.find('\0') == std::string::npos ? text.size() : text.find('\0'));
    return text;
}

template <typename T>
T deviceValue(cl_device_id device, cl_device_info what) {
    T value{};
    clGetDeviceInfo(device, what, sizeof(T), &value, nullptr);
    return value;
}

std::string typeName(cl_device_type type) {
    if (type & CL_DEVICE_TYPE_GPU) return "GPU";
    if (type & CL_DEVICE_TYPE_CPU) return "CPU";
    if (type & CL_DEVICE_TYPE_ACCELERATOR) return "accelerator";
    return "other";
}

}  // namespace

OpenClDiscovery discoverOpenClDevices() {
    OpenClDiscovery result;
    cl_uint platformCount = 0;
    const cl_int status = clGetPlatformIDs(0, nullptr, &platformCount);
    if (status == CL_PLATFORM_NOT_FOUND_KHR || platformCount == 0) {
        result.problem = "no OpenCL platform is installed";
        return result;
    }
    if (status != CL_SUCCESS) {
        result.problem = "OpenCL could not list its platforms (error " + std::to_string(status) + ")";
        return result;
    }
    std::vector<cl_platform_id> platforms(platformCount);
    clGetPlatformIDs(platformCount, platforms.data(), nullptr);
    for (cl_uint p = 0; p < platformCount; ++p) {
        cl_uint deviceCount = 0;
        if (clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, 0, nullptr, &deviceCount) != CL_SUCCESS) continue;
        std::vector<cl_device_id> devices(deviceCount);
        clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, deviceCount, devices.data(), nullptr);
        for (cl_uint d = 0; d < deviceCount; ++d) {
            OpenClDevice device;
            device.platformIndex = static_cast<int>(p);
            device.deviceIndex = static_cast<int>(d);
            device.platform = platformText(platforms[p], CL_PLATFORM_NAME);
            device.name = deviceText(devices[d], CL_DEVICE_NAME);
            device.vendor = deviceText(devices[d], CL_DEVICE_VENDOR);
            device.version = deviceText(devices[d], CL_DEVICE_VERSION);
            device.type = typeName(deviceValue<cl_device_type>(devices[d], CL_DEVICE_TYPE));
            device.globalMemoryBytes = deviceValue<cl_ulong>(devices[d], CL_DEVICE_GLOBAL_MEM_SIZE);
            device.computeUnits = deviceValue<cl_uint>(devices[d], CL_DEVICE_MAX_COMPUTE_UNITS);
            result.devices.push_back(device);
        }
    }
    if (result.devices.empty()) result.problem = "OpenCL platforms exist but none has a device";
    return result;
}

}  // namespace koto
