#include "backend_choice.h"

#include <iomanip>
#include <iostream>
#include <sstream>

#include "arguments.h"
#include "opencl_backend.h"
#include "opencl_devices.h"
#include "util/text.h"

namespace koto::cli {

BackendChoice parseBackendChoice(const std::string& text) {
    if (text == "cpu") return {};
    if (text == "opencl") return {true, 0};
    const std::string prefix = "opencl:";
    if (text.rfind(prefix, 0) == 0 && text.size() > prefix.size() &&
        text.size() <= prefix.size() + 4 &&
        text.find_first_not_of("0123456789", prefix.size()) == std::string::npos)
        return {true, std::stoi(text.substr(prefix.size()))};
    throw UsageError("--backend must be cpu, opencl or opencl:N (N as kotohajime-cli devices "
                     "numbers them), not " +
                     inQuotes(text));
}

void reportCpuFallback(const std::string& reason, const std::string& activity) {
    std::cerr << "kotohajime-cli: " << reason << "; " << activity << " on the CPU\n";
}

Backend& CliComputePlace::fallBackToCpu(const DeviceFailure& failure) {
    if (!failure.takeover) {
        reportCpuFallback(failure.what, activity_);
    } else {
        std::ostringstream line;
        line << "kotohajime-cli: " << failure.what << "; " << activity_
             << " goes on on the CPU from step " << stepOffset_ + failure.takeover->steps
             << " (epoch " << epochOffset_ + failure.takeover->epochs << ")";
        if (failure.takeover->fromStart)
            line << ", its initial weights: no epoch had finished and the device could not be read";
        std::cerr << line.str() << '\n';
    }
    backend_ =
        std::make_unique<CpuBackend>();  // the device goes once nothing of the run is left on it
    return *backend_;
}

void reportOpenClUse(const Backend& backend, const std::string& activity) {
    const auto* openCl = dynamic_cast<const OpenClBackend*>(&backend);
    if (openCl == nullptr) return;
    std::ostringstream line;
    line << "kotohajime-cli: " << activity << " on OpenCL device " << openCl->name()
         << " (kernels ready in " << std::fixed << std::setprecision(1)
         << openCl->kernelCompileSeconds() << " s)\n";
    std::cerr << line.str();
}

std::unique_ptr<Backend> makeBackend(const BackendChoice& choice, const std::string& activity) {
    if (!choice.openCl) return std::make_unique<CpuBackend>();
    // Listed in a child process first: a driver that aborts takes only the child with it.
    const OpenClDiscovery found = discoverOpenClDevices();
    if (!found.problem.empty()) {
        reportCpuFallback(found.problem, activity);
        return std::make_unique<CpuBackend>();
    }
    if (static_cast<size_t>(choice.device) >= found.devices.size()) {
        reportCpuFallback("there is no OpenCL device " + std::to_string(choice.device) +
                              " (kotohajime-cli devices lists " +
                              std::to_string(found.devices.size()) + ")",
                          activity);
        return std::make_unique<CpuBackend>();
    }
    const OpenClDevice& device = found.devices[static_cast<size_t>(choice.device)];
    try {
        return std::make_unique<OpenClBackend>(device.platformIndex, device.deviceIndex);
    } catch (const DeviceError& error) {
        reportCpuFallback(error.what(), activity);
        return std::make_unique<CpuBackend>();
    }
}

std::unique_ptr<TrainingRun> trainedRun(const Project& project,
                                        std::shared_ptr<const Dataset> dataset,
                                        std::unique_ptr<Backend>& backend,
                                        const std::string& activity) {
    return buildWithCpuFallback(backend, activity, [&](Backend& on) {
        auto made = std::make_unique<TrainingRun>(on, project.network, dataset, project.training);
        restoreWeights(made->network(), project.weights);
        return made;
    });
}

}  // namespace koto::cli
