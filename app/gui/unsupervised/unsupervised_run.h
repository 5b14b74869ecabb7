#pragma once
// An autoencoder or an RBM (part 12) training on its own thread for the app's unsupervised
// window, on the backend of the Compute menu's device (the CPU when the device cannot be used,
// as the main window's training falls back). The run starts paused at its initial weights (or
// those of the project it carries on); Play trains until the settings' epochs are done, Step
// makes one mini-batch step, Pause stops between two steps. After every epoch, about four times
// a second while it trains, and whenever it pauses, the thread publishes an immutable snapshot;
// only snapshots cross to the GUI, through the callback, which runs on the training thread.

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "compute_backend.h"
#include "data/dataset.h"
#include "io/project_file.h"
#include "unsupervised_model.h"

namespace koto::gui {

struct UnsupervisedSnapshot {
    int64_t steps = 0;
    int64_t batchesPerEpoch = 0;
    std::vector<UnsupervisedEpoch> epochs;  // every finished epoch so far
    bool paused = true;
    bool finished = false;  // the settings' epochs are done
    std::string failure;    // core refused the model or the data: why
    UnsupervisedPictures pictures;

    // Where it computes: the backend's name ("CPU (Eigen)", or the OpenCL device's), the seconds
    // its kernels took to compile, and why the chosen OpenCL device is not used ("" if it is).
    // While kernels compile, a snapshot says only that (preparingKernels).
    std::string backendName;
    double kernelSeconds = 0;
    std::string deviceProblem;
    bool preparingKernels = false;

    // The model as a project, only in the snapshot answering requestProject().
    std::shared_ptr<const Project> project;
};

struct UnsupervisedRequest {
    std::shared_ptr<const Dataset> dataset;  // images
    std::string datasetSpec;                 // as the main window loaded it, for saved projects
    UnsupervisedSettings settings;
    ComputeDevice device;
    std::shared_ptr<ComputeBackend> compute;  // kept from run to run; one run at a time uses it
    std::shared_ptr<const Project> continueFrom;  // a saved model to carry on, or null
};

class UnsupervisedRun {
public:
    using Publish = std::function<void(std::shared_ptr<const UnsupervisedSnapshot>)>;
    // Builds the model at once on a thread of its own, then waits, paused.
    UnsupervisedRun(UnsupervisedRequest request, Publish publish);
    // Stops and waits for the thread.
    ~UnsupervisedRun();
    UnsupervisedRun(const UnsupervisedRun&) = delete;
    UnsupervisedRun& operator=(const UnsupervisedRun&) = delete;

    void play();
    void pause();
    void step();  // one mini-batch, then paused
    // Training pauses once this many epochs are done (the settings' epochs at first).
    void setEpochs(int64_t epochs);
    // The next snapshot carries the model as a project, soon, whether training runs or waits.
    void requestProject();

    const UnsupervisedRequest& request() const { return request_; }

private:
    void run();
    std::unique_ptr<UnsupervisedModel> build(Backend*& backend);
    // Trains as the control says until the run stops; DeviceError if the device fails.
    void train(UnsupervisedModel& model);
    void publish(UnsupervisedModel& model, bool paused, bool withProject);

    UnsupervisedRequest request_;
    Publish publish_;

    std::mutex mutex_;
    std::condition_variable wake_;
    bool playing_ = false, projectWanted_ = false, stopping_ = false;
    bool changed_ = false;  // a control changed: publish where training stands
    int64_t stepsWanted_ = 0;
    int64_t epochTarget_;

    std::thread thread_;
};

}  // namespace koto::gui
