#pragma once
// Where the app computes: the CPU (Eigen) or one OpenCL device, and the backend made for it.
//
// The backend outlives the runs: Reset and every new run reuse it, so an OpenCL device compiles
// its kernels once (seconds with a cold PoCL cache) rather than at every Reset. It is made on the
// training thread, which owns it while a run lasts; runs follow one another (the controller joins
// one thread before it starts the next), so one thread at a time uses it. The one exception,
// setCpuThreads() from the GUI thread, changes only the CPU backend's atomic thread count.

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "backend/backend.h"

namespace koto::gui {

struct ComputeDevice {
    bool openCl = false;
    int platformIndex = 0, deviceIndex = 0;  // as OpenCL discovery numbers them
    std::string name;                        // the device's, for messages and settings

    bool operator==(const ComputeDevice& other) const {
        return openCl == other.openCl &&
               (!openCl || (platformIndex == other.platformIndex &&
                            deviceIndex == other.deviceIndex && name == other.name));
    }
};

class ComputeBackend {
public:
    // The backend for `device`, made if the one held is for another device. `preparing` is
    // called first when OpenCL kernels are about to be compiled. If the OpenCL device cannot be
    // used (a DeviceError), the CPU backend is returned and fallbackReason() says why.
    Backend& acquire(const ComputeDevice& device, const std::function<void()>& preparing);
    // Why the last acquire() fell back to the CPU ("" if it did not).
    std::string fallbackReason() const;
    // Seconds the OpenCL device spent compiling its kernels (0 on the CPU).
    double kernelSeconds() const;
    // Gives up the OpenCL device after it failed in the middle of training: the next acquire()
    // of it tries again, and this one hands out the CPU backend meanwhile.
    Backend& fallBackToCpu(const std::string& reason);
    // The CPU backend's threads (0: every core), for the backend held now, while it trains too,
    // and for those made later.
    void setCpuThreads(int threads);

private:
    mutable std::mutex mutex_;  // the GUI asks fallbackReason() while the training thread works
    std::unique_ptr<Backend> backend_;
    ComputeDevice madeFor_;
    bool made_ = false;
    std::string fallbackReason_;
    double kernelSeconds_ = 0;
};

}  // namespace koto::gui
