#pragma once
// An autoencoder or an RBM (part 12) training on its own thread for the app's unsupervised
// window, on the backend of the Compute menu's device (the CPU when the device cannot be used,
// through core's fallback loop, as the main window's training falls back). The run starts paused
// at its initial weights (or those of the project it carries on); Play trains until the
// settings' epochs are done, Step makes one mini-batch step, Pause stops between two steps. After
// every epoch, about twice a second while it trains, and whenever it pauses, the thread publishes
// an immutable snapshot; only snapshots cross to the GUI, through the callback, which runs on
// the training thread.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "data/dataset.h"
#include "io/project_file.h"
#include "training/compute_backend.h"
#include "training/run_snapshot.h"
#include "training/training_control.h"
#include "unsupervised_model.h"

namespace koto::gui {

struct UnsupervisedSnapshot : RunSnapshot {
    std::vector<UnsupervisedEpoch> epochs;  // every finished epoch so far
    bool finished = false;  // the settings' epochs are done: Play waits for more epochs
    UnsupervisedPictures pictures;
    // The model as a project, only in the snapshot answering requestProject().
    std::shared_ptr<const Project> project;
};

struct UnsupervisedRequest {
    std::shared_ptr<const Dataset> dataset;  // images
    std::string datasetSpec;                 // as the main window loaded it, for saved projects
    UnsupervisedSettings settings;
    ComputeDevice device;
    std::shared_ptr<ComputeBackend> compute;      // kept from run to run; one run at a time uses it
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
    // Play pauses once this many epochs are done (the settings' epochs at first).
    void setEpochs(int64_t epochs);
    // The next snapshot carries the model as a project, soon, whether training runs or waits.
    void requestProject();

    const UnsupervisedRequest& request() const { return request_; }

private:
    class Place;
    class Training;
    void publish(UnsupervisedModel& model, bool paused, bool withProject);

    UnsupervisedRequest request_;
    Publish publish_;
    // Play, Pause and Step as core's training control obeys them between mini-batches; Play
    // pauses at the epoch limit.
    TrainingControl control_{TrainingControl::State::Paused};
    std::atomic<bool> playing_{false};
    std::atomic<bool> projectWanted_{false};
    std::atomic<int64_t> epochTarget_;

    std::thread thread_;
};

}  // namespace koto::gui
