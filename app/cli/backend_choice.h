#pragma once
// --backend cpu|opencl|opencl:N: where a command computes. opencl is the first OpenCL device and
// opencl:N the N-th (from 0) as `kotohajime-cli devices` lists them. Whatever stops OpenCL (no
// platform, a driver that crashes while devices are listed, a DeviceError while the backend or
// the network is made: no context, kernels that do not build, too little device memory) is
// said in one line on stderr, and the command goes on on the CPU. A device that fails in the
// middle of training hands the run over to the CPU, from the last finished step it can get back
// (training/checkpoint.h), said in one line too.

#include <memory>
#include <string>

#include "backend/backend.h"
#include "backend/cpu_backend.h"
#include "io/project_file.h"
#include "training/cpu_fallback.h"
#include "training/training_run.h"
#include "util/errors.h"

namespace koto::cli {

struct BackendChoice {
    bool openCl = false;
    int device = 0;  // which OpenCL device, in the order `devices` lists them
};

// Throws UsageError for anything but cpu, opencl and opencl:N.
BackendChoice parseBackendChoice(const std::string& text);

// The chosen backend, or the CPU one after a line on stderr saying why. `activity` completes
// the messages: "training", "evaluating", "predicting". Forks to list the devices: call it while
// the process has a single thread.
std::unique_ptr<Backend> makeBackend(const BackendChoice& choice, const std::string& activity);

// Says on stderr that OpenCL failed and why, and that the command goes on on the CPU.
void reportCpuFallback(const std::string& reason, const std::string& activity);
// The chosen backend under core's fallback loop (training/cpu_fallback.h): when the device fails,
// says so on stderr in one line, with the step and epoch of the whole run (after `epochOffset`
// epochs and `stepOffset` steps of a continued project) where the CPU goes on, and hands out a
// CPU backend instead.
class CliComputePlace final : public ComputePlace {
public:
    CliComputePlace(std::unique_ptr<Backend> backend, std::string activity, int64_t epochOffset,
                    int64_t stepOffset)
        : backend_(std::move(backend)), activity_(std::move(activity)), epochOffset_(epochOffset),
          stepOffset_(stepOffset) {}
    Backend& backend() override { return *backend_; }
    Backend& fallBackToCpu(const DeviceFailure& failure) override;

private:
    std::unique_ptr<Backend> backend_;
    std::string activity_;
    int64_t epochOffset_, stepOffset_;
};
// Says on stderr which OpenCL device computes and how long its kernels took to prepare; nothing
// for the CPU backend.
void reportOpenClUse(const Backend& backend, const std::string& activity);

// build(*backend), which makes what the command computes with (a training run, a network); if
// the OpenCL device fails while it does, says so and builds it again on a CPU backend, which
// then replaces `backend`.
template <typename Build>
auto buildWithCpuFallback(std::unique_ptr<Backend>& backend, const std::string& activity,
                          Build build) {
    try {
        auto built = build(*backend);
        reportOpenClUse(*backend, activity);
        return built;
    } catch (const DeviceError& error) {
        if (!backend->isDevice()) throw;
        reportCpuFallback(error.what(), activity);
        backend = std::make_unique<CpuBackend>();
        return build(*backend);
    }
}

// The project's network with its trained weights in a run over `dataset` (to evaluate it), built
// on `backend` or, when its device fails, on the CPU (as buildWithCpuFallback). `activity` names
// what it is for in messages: "evaluating".
std::unique_ptr<TrainingRun> trainedRun(const Project& project,
                                        std::shared_ptr<const Dataset> dataset,
                                        std::unique_ptr<Backend>& backend,
                                        const std::string& activity);

}  // namespace koto::cli
