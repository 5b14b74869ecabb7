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

// The device the OpenCL tests run on (the first one found), or why there is none: `skip` says
// why they cannot run on this machine ("no OpenCL platform is installed", "the OpenCL driver
// crashed while listing devices (signal 6)"), `failure` what is wrong where they must run.
// Discovery runs in a child process, so a driver that aborts cannot take the test with it.
struct OpenClTestDevice {
    koto::OpenClDevice device;
    QString skip;
    QString failure;
};

inline OpenClTestDevice findOpenClTestDevice() {
    const koto::OpenClDiscovery found = koto::discoverOpenClDevices();
    if (!found.devices.empty()) return {found.devices.front(), {}, {}};
    const QString problem = QString::fromStdString(found.problem);
    const bool unusable = found.problem.find("no OpenCL platform") != std::string::npos ||
                          found.problem.find("crashed while listing") != std::string::npos ||
                          found.problem.find("did not answer") != std::string::npos;
    if (unusable) return {{}, problem, {}};
    return {{}, {}, problem};
}

}  // namespace kototest

// In a test's initTestCase: skips the test program where OpenCL cannot be used on this machine,
// fails it where a platform lists no usable device, else sets `into` (a koto::OpenClDevice) to
// the device to test on. A macro because QSKIP and QVERIFY2 return from the function they are in.
#define KOTO_OPENCL_TEST_DEVICE(into)                                                              \
    do {                                                                                           \
        const kototest::OpenClTestDevice found_ = kototest::findOpenClTestDevice();                \
        if (!found_.skip.isEmpty()) QSKIP(qPrintable(found_.skip));                                \
        QVERIFY2(found_.failure.isEmpty(), qPrintable(found_.failure));                            \
        (into) = found_.device;                                                                    \
    } while (false)
