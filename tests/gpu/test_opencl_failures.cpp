// What the OpenCL backend says when it cannot be used: a DeviceError naming what failed, never a
// crash. Context creation, the kernel build and allocation are made to fail on purpose with
// KOTO_OPENCL_FAIL (gpu/opencl_forced_failure.h); a device or platform that does not exist fails
// for real. (No platform at all is tested through kotohajime-cli in test_cli: the ICD loader
// reads its platforms once per process.)

#include <QtTest>

#include <memory>
#include <string>

#include "opencl_backend.h"
#include "opencl_test_support.h"
#include "util/errors.h"

using namespace koto;

namespace {

// The DeviceError's message that making the backend (and, when given, a tensor) gives, or a note
// that there was none.
std::string failureOf(int platform, int device, bool allocate = false) {
    try {
        OpenClBackend backend(platform, device);
        if (allocate) backend.allocate({10, 784}, DType::Float32);
        return "no DeviceError";
    } catch (const DeviceError& error) {
        return error.what();
    }
}

bool mentions(const std::string& message, const char* part) { return message.find(part) != std::string::npos; }

}  // namespace

class TestOpenClFailures : public QObject {
    Q_OBJECT

private:
    OpenClDevice device_;

private slots:
    void initTestCase() {
        if (const QString why = kototest::whyNoOpenClPlatform(); !why.isEmpty()) QSKIP(qPrintable(why));
        const OpenClDiscovery found = discoverOpenClDevices();
        QVERIFY2(!found.devices.empty(), found.problem.c_str());
        device_ = found.devices.front();
    }
    void cleanup() { qunsetenv("KOTO_OPENCL_FAIL"); }

    void contextCreationFails() {
        qputenv("KOTO_OPENCL_FAIL", "context");
        const std::string message = failureOf(device_.platformIndex, device_.deviceIndex);
        QVERIFY2(mentions(message, "creating the context") && mentions(message, device_.name.c_str()) &&
                     mentions(message, "CL_DEVICE_NOT_AVAILABLE") && mentions(message, "forced by KOTO_OPENCL_FAIL"),
                 message.c_str());
    }

    // A real build of a broken source: the message carries the compiler's own words.
    void kernelBuildFails() {
        qputenv("KOTO_OPENCL_FAIL", "build");
        const std::string message = failureOf(device_.platformIndex, device_.deviceIndex);
        QVERIFY2(mentions(message, "the kernels did not build") &&
                     mentions(message, "a kernel build failure forced by KOTO_OPENCL_FAIL=build"),
                 message.c_str());
    }

    void allocationFails() {
        qputenv("KOTO_OPENCL_FAIL", "allocation");
        const std::string message = failureOf(device_.platformIndex, device_.deviceIndex, true);
        QVERIFY2(mentions(message, "allocating 31360 bytes for a tensor of 10 x 784") &&
                     mentions(message, "CL_MEM_OBJECT_ALLOCATION_FAILURE") && mentions(message, "out of memory"),
                 message.c_str());
    }

    void aDeviceThatDoesNotExist() {
        const std::string message = failureOf(device_.platformIndex, 99);
        QVERIFY2(mentions(message, "has no device 99"), message.c_str());
        const std::string platform = failureOf(42, 0);
        QVERIFY2(mentions(platform, "there is no OpenCL platform 42"), platform.c_str());
    }

    void anUnknownForcedFailureIsRefused() {
        qputenv("KOTO_OPENCL_FAIL", "everything");
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, OpenClBackend(device_.platformIndex, device_.deviceIndex));
    }

    // The forced failures are gone with the variable: the same device works.
    void worksWithoutForcedFailures() {
        OpenClBackend backend(device_.platformIndex, device_.deviceIndex);
        Tensor t = backend.allocate({3, 5}, DType::Float32);
        backend.fill(t, 2.5);
        QCOMPARE(backend.sumOfAbsolutes(t), 37.5);
        QCOMPARE(backend.name(), device_.name);
        QVERIFY(backend.kernelCompileSeconds() > 0);
    }
};

QTEST_APPLESS_MAIN(TestOpenClFailures)
#include "test_opencl_failures.moc"
