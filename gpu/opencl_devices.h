#pragma once
// OpenCL device discovery: every platform and device with what a learner choosing a backend
// wants to know. Finding no platform is a normal outcome (no ICD installed, no GPU), reported as
// a message, never as a crash.

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
    std::string type;      // "GPU", "CPU", "accelerator"
    uint64_t globalMemoryBytes = 0;
    uint32_t computeUnits = 0;
    std::string version;   // "OpenCL 3.0 PoCL ..."
};

struct OpenClDiscovery {
    std::vector<OpenClDevice> devices;
    // Why there are no devices, when there are none ("no OpenCL platform is installed").
    std::string problem;
};

OpenClDiscovery discoverOpenClDevices();

}  // namespace koto
