#pragma once
// The training thread's side of a run. It builds the network (so the network belongs to this
// thread from birth), trains it under the shared TrainingControl, and posts snapshots: at most
// about 20 a second while running, and whenever training pauses. Settings that may change while
// training runs (learning rate, speed, a step limit) are atomics read between steps.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

#include "data/dataset.h"
#include "network/network_spec.h"
#include "training/compute_backend.h"
#include "training/run_history.h"
#include "training/snapshot_mailbox.h"
#include "training/traced_step_exchange.h"
#include "training/trainer.h"
#include "training/training_control.h"
#include "training/training_run.h"
#include "training/weight_edits.h"

namespace koto::gui {

// A run going on from one of its checkpoints (a fork, or a kept run taken up again): the
// checkpoint, the learning curve up to it and the checkpoints before it, for scrubbing back.
struct RunStart {
    RunCheckpoint checkpoint;
    std::vector<EpochMetrics> curve;
    std::vector<RunCheckpoint> history;
};

struct RunRequest {
    uint64_t generation = 0;
    NetworkSpec spec;
    std::shared_ptr<const Dataset> dataset;
    TrainingSettings settings;
    ComputeDevice device;                     // where to compute
    std::shared_ptr<ComputeBackend> compute;  // the backend, kept from run to run
    // A project of this spec to carry on from (its weights, counters and curve), or null for
    // the initial weights of settings.seed.
    std::shared_ptr<const Project> continueFrom;
    // Or a checkpoint to go on from exactly (the optimizer's state and the shuffle too).
    std::shared_ptr<const RunStart> forkFrom;
};

struct LiveSettings {
    std::atomic<double> learningRate{0.03};
    std::atomic<double> momentum{0.9};
    std::atomic<double> epochsPerSecond{0};   // 0: as fast as the machine goes
    std::atomic<int64_t> stepLimit{0};        // pause once this many steps are done (0: never)
    std::atomic<bool> savedRunWanted{false};  // the next snapshot carries the run as a project
    // Whether snapshots carry the network's insides for a view that is shown (feature maps,
    // recurrent states), and for which test sample.
    std::atomic<bool> insidesWanted{false};
    std::atomic<int64_t> insideSample{0};
    // Whether snapshots carry every parameter's W, dJ/dW and ΔW, for the weights view.
    std::atomic<bool> weightsWanted{false};
    // Whether snapshots carry the network's output for one test sample, for the output
    // probabilities view, and for which.
    std::atomic<bool> outputWanted{false};
    std::atomic<int64_t> outputSample{0};
    // Whether snapshots carry each unit's output over the plane and the weights, for the network
    // diagram (dense networks on 2-D data).
    std::atomic<bool> networkWanted{false};
    // Whether snapshots carry what dropout and noise did to the latest mini-batch.
    std::atomic<bool> stochasticWanted{false};
    // Weights set by hand while paused, applied on the training thread before anything else.
    WeightEdits edits;
    // While paused: the epoch of the history's checkpoint the views show instead of the run as it
    // stands (-1: as it stands). The network itself goes back to where it stands after drawing.
    std::atomic<int64_t> viewedEpoch{-1};
};

class TrainingWorker {
public:
    static constexpr int kGridSize = 100;
    static constexpr std::chrono::milliseconds kPublishInterval{50};
    static constexpr std::chrono::milliseconds kInsidesInterval{
        200};  // feature maps, recurrent states
    static constexpr std::chrono::milliseconds kWeightsInterval{100};  // W, dJ/dW, ΔW
    static constexpr std::chrono::milliseconds kOutputInterval{100};   // one sample's Y
    // The network diagram's units' outputs: over a coarser grid than the boundary's (its
    // pictures are small), made at most kNetworkInterval apart while training runs.
    static constexpr int kUnitGridSize = 40;
    // The dropout and noise view's: how many of the mini-batch's first rows it shows.
    static constexpr int64_t kStochasticRows = 16;
    static constexpr std::chrono::milliseconds kNetworkInterval{150};

    TrainingWorker(RunRequest request, std::shared_ptr<TrainingControl> control,
                   std::shared_ptr<LiveSettings> live, SnapshotMailbox& mailbox,
                   std::shared_ptr<TracedStepExchange> traces)
        : request_(std::move(request)), control_(std::move(control)), live_(std::move(live)),
          mailbox_(mailbox), traces_(std::move(traces)) {}

    // Runs on the training thread until the control stops it.
    void run();

private:
    class Reporter;
    class Place;
    class Watcher;

    RunRequest request_;
    // The run's checkpoints, kept on the training thread (sized once the network is built).
    RunHistory history_;
    std::shared_ptr<TrainingControl> control_;
    std::shared_ptr<LiveSettings> live_;
    SnapshotMailbox& mailbox_;
    std::shared_ptr<TracedStepExchange> traces_;
};

}  // namespace koto::gui
