#include "opencl_devices.h"

#include <CL/cl.h>
#include <CL/cl_ext.h>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <nlohmann/json.hpp>
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

OpenClDiscovery discoverOpenClDevicesInProcess() {
    OpenClDiscovery result;
    cl_uint platformCount = 0;
    const cl_int status = clGetPlatformIDs(0, nullptr, &platformCount);
    if (status == CL_PLATFORM_NOT_FOUND_KHR || platformCount == 0) {
        result.problem = "no OpenCL platform is installed";
        return result;
    }
    if (status != CL_SUCCESS) {
        result.problem =
            "OpenCL could not list its platforms (error " + std::to_string(status) + ")";
        return result;
    }
    std::vector<cl_platform_id> platforms(platformCount);
    clGetPlatformIDs(platformCount, platforms.data(), nullptr);
    for (cl_uint p = 0; p < platformCount; ++p) {
        cl_uint deviceCount = 0;
        if (clGetDeviceIDs(platforms[p], CL_DEVICE_TYPE_ALL, 0, nullptr, &deviceCount) !=
            CL_SUCCESS)
            continue;
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

namespace {

nlohmann::json toJson(const OpenClDiscovery& found) {
    nlohmann::json devices = nlohmann::json::array();
    for (const OpenClDevice& d : found.devices)
        devices.push_back({{"platform_index", d.platformIndex},
                           {"device_index", d.deviceIndex},
                           {"platform", d.platform},
                           {"name", d.name},
                           {"vendor", d.vendor},
                           {"type", d.type},
                           {"memory", d.globalMemoryBytes},
                           {"units", d.computeUnits},
                           {"version", d.version}});
    return {{"devices", devices}, {"problem", found.problem}};
}

OpenClDiscovery fromJson(const nlohmann::json& json) {
    OpenClDiscovery found;
    found.problem = json.at("problem").get<std::string>();
    for (const auto& d : json.at("devices")) {
        OpenClDevice device;
        device.platformIndex = d.at("platform_index").get<int>();
        device.deviceIndex = d.at("device_index").get<int>();
        device.platform = d.at("platform").get<std::string>();
        device.name = d.at("name").get<std::string>();
        device.vendor = d.at("vendor").get<std::string>();
        device.type = d.at("type").get<std::string>();
        device.globalMemoryBytes = d.at("memory").get<uint64_t>();
        device.computeUnits = d.at("units").get<uint32_t>();
        device.version = d.at("version").get<std::string>();
        found.devices.push_back(device);
    }
    return found;
}

OpenClDiscovery failed(const std::string& problem) {
    OpenClDiscovery found;
    found.problem = problem;
    return found;
}

}  // namespace

OpenClDiscovery discoverOpenClDevices(int timeoutSeconds) {
    int channel[2];
    if (pipe(channel) != 0) return failed("could not start the OpenCL device check");
    const pid_t child = fork();
    if (child < 0) {
        close(channel[0]);
        close(channel[1]);
        return failed("could not start the OpenCL device check");
    }
    if (child == 0) {
        close(channel[0]);
        const std::string text = toJson(discoverOpenClDevicesInProcess()).dump();
        size_t written = 0;
        while (written < text.size()) {
            const ssize_t n = write(channel[1], text.data() + written, text.size() - written);
            if (n <= 0) break;
            written += static_cast<size_t>(n);
        }
        _exit(0);  // no destructors or atexit handlers of the parent's objects in the child
    }
    close(channel[1]);
    std::string text;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    bool timedOut = false;
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timedOut = true;
            break;
        }
        pollfd readable{channel[0], POLLIN, 0};
        const int ready = poll(&readable, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) {
            timedOut = ready == 0;
            break;
        }
        char buffer[4096];
        const ssize_t n = read(channel[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        text.append(buffer, static_cast<size_t>(n));
    }
    close(channel[0]);
    if (timedOut) kill(child, SIGKILL);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (timedOut)
        return failed("the OpenCL driver did not answer within " + std::to_string(timeoutSeconds) +
                      " s");
    if (WIFSIGNALED(status))
        return failed("the OpenCL driver crashed while listing devices (signal " +
                      std::to_string(WTERMSIG(status)) + ")");
    try {
        return fromJson(nlohmann::json::parse(text));
    } catch (const nlohmann::json::exception&) {
        return failed("the OpenCL device check gave no answer");
    }
}

}  // namespace koto
