#pragma once
// One OpenCL device made ready for computing: its context and an in-order command queue, so that
// every command runs after the ones enqueued before it. Owns both and releases them.
//
// The device is picked by the indices that device discovery (opencl_devices.h) reports: the
// platform's position in clGetPlatformIDs and the device's position in that platform's
// clGetDeviceIDs(CL_DEVICE_TYPE_ALL). Every failure is a DeviceError saying what was missing.

#include <CL/cl.h>

#include <cstdint>
#include <string>

namespace koto {

class OpenClContext {
public:
    // failContext: act as if clCreateContext failed (see opencl_forced_failure.h).
    OpenClContext(int platformIndex, int deviceIndex, bool failContext = false);
    ~OpenClContext();
    OpenClContext(const OpenClContext&) = delete;
    OpenClContext& operator=(const OpenClContext&) = delete;

    cl_context context() const { return context_; }
    cl_command_queue queue() const { return queue_; }
    // CLBlast takes the queue by address.
    cl_command_queue* queueAddress() { return &queue_; }
    cl_device_id device() const { return device_; }

    const std::string& deviceName() const { return deviceName_; }
    // Whether the device computes in double precision (cl_khr_fp64).
    bool hasDoublePrecision() const { return doublePrecision_; }
    // CL_DEVICE_GLOBAL_MEM_SIZE and CL_DEVICE_MAX_MEM_ALLOC_SIZE in bytes (0 if not said).
    int64_t globalMemoryBytes() const { return globalMemoryBytes_; }
    int64_t largestAllocationBytes() const { return largestAllocationBytes_; }

private:
    cl_device_id device_ = nullptr;
    cl_context context_ = nullptr;
    cl_command_queue queue_ = nullptr;
    std::string deviceName_;
    bool doublePrecision_ = false;
    int64_t globalMemoryBytes_ = 0, largestAllocationBytes_ = 0;
};

}  // namespace koto
