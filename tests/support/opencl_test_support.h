#pragma once
// What the OpenCL tests share: finding the device to test on, and the rule for skipping. They
// skip only where no OpenCL platform can be used at all: none is installed, or its driver dies or
// hangs while merely listing devices (PoCL aborts in a chroot without /sys, as in the fresh-machine
// check). A platform that lists no usable device is a failure (PoCL shows no device when it
// cannot write its kernel cache: CTest points POCL_CACHE_DIR into the build tree).

#include <QString>

#include <string>

#include "opencl_devices.h"

namespace kototest {

// Why OpenCL tests cannot run on this machine ("no OpenCL platform is installed", "the OpenCL
// driver crashed while listing devices (signal 6)"), or an empty
// string when they must. Discovery runs in a child process, so a driver that aborts cannot take
// the test with it.
inline QString whyNoOpenClPlatform() {
    const koto::OpenClDiscovery found = koto::discoverOpenClDevices();
    const bool unusable = found.problem.find("no OpenCL platform") != std::string::npos ||
                          found.problem.find("crashed while listing") != std::string::npos ||
                          found.problem.find("did not answer") != std::string::npos;
    if (found.devices.empty() && unusable) return QString::fromStdString(found.problem);
    return {};
}

}  // namespace kototest
