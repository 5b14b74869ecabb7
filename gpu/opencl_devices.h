#pragma once
// OpenCL device discovery: every platform and device with what a learner choosing a backend
// wants to know. Finding no platform is a normal outcome (no ICD installed, no GPU), reported as
// a message, never as a crash.
//
// OpenCL drivers run inside the calling process, and some abort it when their environment
// disappoints them (PoCL does when /sys is missing, as in a chroot). So discovery runs in a child
// process: a driver that crashes or hangs there costs only the list of devices.

#include <cstdint>
#include <string>
#include <vector>

namespace koto {

struct OpenClDevice {
    int platformIndex = 0;
    int deviceIndex = 0;
    std::string platform;  // "Portable Computing Language"
    std::string name;      // "pthread-skylake-avx512-Intel(R) Xeon(R) Processor"
    std::string vendor;
    std::string type;  // "GPU", "CPU", "accelerator"
    uint64_t globalMemoryBytes = 0;
    uint32_t computeUnits = 0;
    std::string version;  // "OpenCL 3.0 PoCL ..."
};

struct OpenClDiscovery {
    std::vector<OpenClDevice> devices;
    // Why there are no devices, when there are none ("no OpenCL platform is installed").
    std::string problem;
};

// Call it while the process has a single thread (at the start of main, before Qt starts any):
// it forks. Waits at most timeoutSeconds for the driver.
OpenClDiscovery discoverOpenClDevices(int timeoutSeconds = 20);

// The same, in this process, without protection (what the child runs).
OpenClDiscovery discoverOpenClDevicesInProcess();

}  // namespace koto
