#pragma once
// What every training thread of the app tells the GUI about its run, whatever it trains: the
// main window's network (TrainingSnapshot) and the autoencoder/RBM window's model
// (UnsupervisedSnapshot) both start with these.

#include <QString>
#include <cstdint>
#include <string>

namespace koto::gui {

class ComputeBackend;

struct RunSnapshot {
    int64_t steps = 0;
    int64_t batchesPerEpoch = 0;
    bool paused = true;
    // The run could not be built (a network or settings core refuses), core's explanation.
    QString failure;

    // Where the run computes: the backend's name ("CPU (Eigen)", "OpenCL: <device>"), the seconds
    // its kernels took to compile, and why the chosen OpenCL device is not used ("" if it is).
    // While kernels compile, a snapshot says only that (preparingKernels).
    QString backendName;
    double kernelSeconds = 0;
    QString deviceProblem;
    bool preparingKernels = false;

    // Fills in where the run computes: on `backendName`, with the compute's kernel time and
    // fallback reason.
    void describeCompute(const std::string& backend, const ComputeBackend& compute);
};

}  // namespace koto::gui
