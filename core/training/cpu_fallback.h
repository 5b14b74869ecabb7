#pragma once
// Training that goes on on the CPU when its device fails: the one loop that the app's training
// thread, the autoencoder/RBM window and `kotohajime-cli train` share.
//
// A run is made on the front end's backend. If a device refuses it while it is made (a
// DeviceError: too little memory, kernels that do not build), it is taken down and made again on
// the CPU. If the device fails while the run trains, the run keeps what it can get back (a
// checkpoint, training/checkpoint.h), is taken down while the device's backend still exists,
// and goes on on the CPU from there, as one run. A DeviceError on the CPU, or any other error,
// goes to the caller.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "backend/backend.h"
#include "data/dataset.h"
#include "network/network_spec.h"
#include "training/checkpoint.h"
#include "training/trainer.h"
#include "training/training_control.h"
#include "training/training_run.h"
#include "training/training_settings.h"

namespace koto {

// Where the CPU takes a run over: its counters at the checkpoint it goes on from, and whether
// that is where the run began (no epoch had finished and the device could not be read).
struct Takeover {
    int64_t steps = 0, epochs = 0;
    bool fromStart = false;
};

// A device's failure as the front end reports it: what failed, and where training goes on
// (none when the device failed while the run was being made).
struct DeviceFailure {
    std::string what;
    std::optional<Takeover> takeover;
};

// Where a run computes, as a front end holds it (the app's Compute menu, the CLI's --backend).
class ComputePlace {
public:
    virtual ~ComputePlace() = default;
    // The backend to make the run on.
    virtual Backend& backend() = 0;
    // Gives up the device for the CPU, says so to the user, and returns the CPU's backend.
    virtual Backend& fallBackToCpu(const DeviceFailure& failure) = 0;
};

// What the loop drives: a run that can be made, trained, and carried over to the CPU.
class RecoverableRun {
public:
    virtual ~RecoverableRun() = default;
    // Makes the run on `backend` from its start (the seed's initial weights, or a project's).
    virtual void build(Backend& backend) = 0;
    // Trains until the run is done or stopped; throws DeviceError when the device fails.
    virtual void train() = 0;
    // After train() threw DeviceError: keeps what the run can get back, takes the run down
    // (nothing of it may stay on the device) and says where it will go on.
    virtual Takeover salvage() = 0;
    // Makes the run again on the CPU from what salvage() kept.
    virtual void resume(Backend& cpu) = 0;
    // Takes down whatever a build() that failed part-way left.
    virtual void discard() = 0;
};

// The loop: build, falling back if the device refuses the run; train, carrying the run over to
// the CPU each time its device fails.
void trainWithCpuFallback(ComputePlace& place, RecoverableRun& run);

// The observers a front end adds to every TrainingRun it trains, again after a fallback.
class RunWatcher {
public:
    virtual ~RunWatcher() = default;
    // The run was made (resumed: on the CPU, from a checkpoint). Called after the checkpoint
    // keeper was added, so that the watcher's observers come after it.
    virtual void watch(TrainingRun& run, bool resumed) = 0;
    // The run is about to be taken down: remove everything that points into it.
    virtual void unwatch() = 0;
};

// A classifier or regression network's run (TrainingRun) under the loop. On a device a
// CheckpointKeeper copies the weights at every epoch's end; after a failure the CPU goes on
// from the last finished step the device still gives back, or the last epoch's checkpoint.
class FallbackTraining final : public RecoverableRun {
public:
    struct Plan {
        NetworkSpec spec;
        std::shared_ptr<const Dataset> dataset;  // as given (the run holds out validation itself)
        TrainingSettings settings;
        TrainingControl* control = nullptr;
        int64_t epochs = 0;  // to train in all, across fallbacks
        // After a run is made from its start: what carries it on (a project's weights,
        // pre-training).
        std::function<void(TrainingRun&)> prepare;
    };

    // The watcher must outlive this object.
    FallbackTraining(Plan plan, RunWatcher& watcher);

    // The run now: the CPU's after a fallback. Valid after build().
    TrainingRun& run() { return *run_; }
    // How the last train() ended.
    Trainer::Outcome outcome() const { return outcome_; }

    void build(Backend& backend) override;
    void train() override;
    Takeover salvage() override;
    void resume(Backend& cpu) override;
    void discard() override;

private:
    void attach(bool resumed);

    Plan plan_;
    RunWatcher& watcher_;
    std::unique_ptr<TrainingRun> run_;
    std::unique_ptr<CheckpointKeeper> keeper_;  // on a device only
    std::optional<TrainingCheckpoint> resumedFrom_;
    Trainer::Outcome outcome_ = Trainer::Outcome::Finished;
};

}  // namespace koto
