#pragma once
// A run's history: checkpoints taken at the end of epochs, so that the learner can scrub back to
// any of them (the boundary and the weights as they were then) and fork a new run from one
// ("what if I had lowered the learning rate here?").
//
// A history checkpoint holds everything the run's next epochs depend on: the weights, the
// optimizer's state (velocity, caches, moments and Adam's t), the step and epoch counters (the
// learning rate schedule, dropout masks, noise and augmentation follow them) and the shuffle.
// So a fork with unchanged settings trains the same epochs bit for bit, on the same backend.
// Early stopping is the one thing not kept: a fork watches its validation loss afresh.
//
// The history is bounded: it keeps at most `capacity` checkpoints, every `spacing` epochs.
// When a new one would not fit, every second checkpoint goes (the first, epoch 0, stays) and
// from then on only every second epoch is taken (then every fourth, ...), as the learning curve
// thins. A checkpoint costs the network's weights and up to twice that for the optimizer's state,
// so capacityFor() lowers the count for big networks to stay within a byte budget.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "data/dataset.h"
#include "io/run_record.h"
#include "network/network_spec.h"
#include "training/learning_curve.h"
#include "training/trainer.h"
#include "training/training_observer.h"
#include "training/training_run.h"

namespace koto {

class RunHistory {
public:
    static constexpr size_t kDefaultCapacity = 64;
    static constexpr int64_t kDefaultByteBudget = 256LL << 20;  // 256 MiB in memory

    explicit RunHistory(size_t capacity = kDefaultCapacity);

    // The most checkpoints of `checkpointBytes` each that fit in `budget` bytes (at least 2:
    // the start and one more), at most kDefaultCapacity.
    static size_t capacityFor(int64_t checkpointBytes, int64_t budget = kDefaultByteBudget);

    // Whether a checkpoint of this epoch would be kept (epoch 0 and every spacing() epochs).
    bool wants(int64_t epoch) const;
    // Adds a checkpoint of a later epoch than the last one, thinning the history if it is full.
    void add(RunCheckpoint checkpoint);
    // Drops the checkpoints after `epoch` (a fork keeps its parent's up to the fork point).
    void truncateAfter(int64_t epoch);

    const std::vector<RunCheckpoint>& checkpoints() const { return checkpoints_; }
    // The checkpoint of this epoch, or null if it is not kept.
    const RunCheckpoint* at(int64_t epoch) const;
    int64_t spacing() const { return spacing_; }

private:
    void thin();

    size_t capacity_;
    int64_t spacing_ = 1;
    std::vector<RunCheckpoint> checkpoints_;
};

// An empty history for this run, as many checkpoints long as fit the default byte budget: a
// checkpoint holds the network's weights, the optimizer's state for each and the shuffle.
RunHistory historyFor(TrainingRun& run);

// A checkpoint of the trainer's run as it stands at the end of an epoch (or before the first):
// its weights and optimizer state downloaded from the device. Throws DeviceError if the device
// cannot be read.
RunCheckpoint takeRunCheckpoint(Trainer& trainer);

// Takes the history's checkpoints as a run trains: the run as it is now (epoch 0 for a new run)
// and then at the end of every epoch the history wants. One thread: the training thread.
class HistoryKeeper final : public TrainingObserver {
public:
    HistoryKeeper(Trainer& trainer, RunHistory& history);
    void afterEpoch(const EpochMetrics& metrics) override;

private:
    Trainer& trainer_;
    RunHistory& history_;
};

// A run (spec, dataset and `settings`, which may differ from the original run's in anything but
// the network and the data: learning rate, optimizer, regularisation, augmentation ...)
// continuing from a checkpoint: its weights, counters and shuffle, the learning curve up to the
// checkpoint's epoch (from `curveSoFar`), and the optimizer's state if the optimizer is the same
// one (another optimizer starts from zero state). Throws what TrainingRun throws, and
// InputError if the checkpoint does not fit the network or the data.
std::unique_ptr<TrainingRun> forkTrainingRun(Backend& backend, const NetworkSpec& spec,
                                             std::shared_ptr<const Dataset> dataset,
                                             const TrainingSettings& settings,
                                             const RunCheckpoint& checkpoint,
                                             const std::vector<EpochMetrics>& curveSoFar,
                                             TrainingControl* control = nullptr);

// Sets a run that has not trained yet back to a checkpoint, as forkTrainingRun does.
void resumeFromRunCheckpoint(TrainingRun& run, const RunCheckpoint& checkpoint,
                             const std::vector<EpochMetrics>& curveSoFar);

}  // namespace koto
