#include "training/compute_backend.h"

#include "backend/cpu_backend.h"
#include "opencl_backend.h"
#include "util/errors.h"

namespace koto::gui {

Backend& ComputeBackend::acquire(const ComputeDevice& device,
                                 const std::function<void()>& preparing) {
    {
        std::lock_guard lock(mutex_);
        if (made_ && madeFor_ == device) return *backend_;
    }
    std::unique_ptr<Backend> made;
    std::string reason;
    double seconds = 0;
    if (device.openCl) {
        if (preparing) preparing();
        try {
            auto openCl = std::make_unique<OpenClBackend>(device.platformIndex, device.deviceIndex);
            seconds = openCl->kernelCompileSeconds();
            made = std::move(openCl);
        } catch (const DeviceError& error) {
            reason = error.what();
        }
    }
    if (!made) made = std::make_unique<CpuBackend>();
    std::lock_guard lock(mutex_);
    backend_ = std::move(made);
    madeFor_ = device;
    made_ = true;
    fallbackReason_ = reason;
    kernelSeconds_ = seconds;
    return *backend_;
}

Backend& ComputeBackend::fallBackToCpu(const std::string& reason) {
    std::lock_guard lock(mutex_);
    backend_ = std::make_unique<CpuBackend>();
    made_ = false;  // the device is asked for again by the next run
    fallbackReason_ = reason;
    kernelSeconds_ = 0;
    return *backend_;
}

void ComputeBackend::setCpuThreads(int threads) {
    CpuBackend::setDefaultThreads(threads);
    std::lock_guard lock(mutex_);
    if (auto* cpu = dynamic_cast<CpuBackend*>(backend_.get())) cpu->setThreads(threads);
}

std::string ComputeBackend::fallbackReason() const {
    std::lock_guard lock(mutex_);
    return fallbackReason_;
}

double ComputeBackend::kernelSeconds() const {
    std::lock_guard lock(mutex_);
    return kernelSeconds_;
}

}  // namespace koto::gui
