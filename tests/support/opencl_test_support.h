#pragma once
// What the OpenCL tests share: finding the device to test on, and the rule for skipping. They
// skip only where no OpenCL platform exists at all; a platform without a usable device is a
// failure (PoCL shows no device when it cannot write its kernel cache: CTest points
// POCL_CACHE_DIR into the build tree).

#include <QString>

#include <string>

#include "opencl_devices.h"

namespace kototest {

// Why OpenCL tests cannot run on this machine ("no OpenCL platform is installed"), or an empty
// string when they must. Discovery runs in a child process, so a driver that aborts cannot take
// the test with it.
inline QString whyNoOpenClPlatform() {
    const koto::OpenClDiscovery found = koto::discoverOpenClDevices();
    if (found.devices.empty() && found.problem.find("no OpenCL platform") != std::string::npos)
        return QString::fromStdString(found.problem);
    return {};
}

}  // namespace kototest
