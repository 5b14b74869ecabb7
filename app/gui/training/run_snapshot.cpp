#include "training/run_snapshot.h"

#include "training/compute_backend.h"

namespace koto::gui {

void RunSnapshot::describeCompute(const std::string& backend, const ComputeBackend& compute) {
    backendName = QString::fromStdString(backend);
    kernelSeconds = compute.kernelSeconds();
    deviceProblem = QString::fromStdString(compute.fallbackReason());
}

}  // namespace koto::gui
