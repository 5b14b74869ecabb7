#pragma once
// Carrying a training run over to another backend when its device fails: a host copy of the run
// at a finished step (a checkpoint), a keeper that takes one at the end of every epoch, and a
// TrainingRun that continues from a checkpoint, so that the epochs, steps and learning curves of
// both parts read as one run.
//
// What carries over exactly: the weights (float32, bit for bit), the step and epoch counters, the
// learning curve, the shuffle (the next epoch is shuffled as the uninterrupted run would have
// shuffled it) and early stopping's best epoch with its weights. Dropout masks, input noise and
// augmentation are drawn from the step counter, so they go on as before too. What does not:
//   - the optimizer's state (momentum's velocity, AdaGrad's and RMSprop's caches, Adam's moments
//     and its step count t) starts again from zero, as it lives on the device and copying it
//     would double or triple each epoch's host copy;
//   - a checkpoint taken in the middle of an epoch resumes with a new epoch: the rest of the
//     interrupted epoch's order is not trained on, and the steps done in it stay counted.
// So a run resumed from an epoch-end checkpoint with plain gradient descent ("sgd") continues
// exactly as the uninterrupted run would have on the same backend.
//
// Host copies stay rare: the keeper downloads the weights once at the start and once per epoch,
// when the epoch's metrics are measured anyway.

#include <cstdint>
#include <memory>
#include <vector>

#include "backend/backend.h"
#include "data/dataset.h"
#include "io/project_file.h"
#include "network/network_spec.h"
#include "training/learning_curve.h"
#include "training/trainer.h"
#include "training/training_observer.h"
#include "training/training_run.h"
#include "training/training_settings.h"
#include "util/random.h"

namespace koto {

struct TrainingCheckpoint {
    // Where the weights came from: before the first step, the end of an epoch, or the device as
    // it stood after it failed (the last finished step).
    enum class Taken { AtStart, AtEpochEnd, AfterFailure };
    Taken taken = Taken::AtStart;

    std::vector<SavedTensor> weights;
    int64_t steps = 0;   // optimizer steps finished
    int64_t epochs = 0;  // whole epochs finished
    LearningCurve curve;
    std::vector<int32_t> shuffleOrder;  // the training samples' order in the last epoch
    Random shuffleRandom{0};            // the generator that shuffles the next epoch
    // Early stopping: the epoch with the lowest validation loss (0: none yet, or its weights were
    // not kept) and its weights.
    int64_t bestEpoch = 0;
    double bestValidationLoss = 0;
    std::vector<SavedTensor> bestWeights;
};

// The trainer's run as it stands now: its weights downloaded from the device, the rest from host
// memory. Throws DeviceError if the device cannot be read.
TrainingCheckpoint takeCheckpoint(Trainer& trainer, TrainingCheckpoint::Taken taken);

// Keeps the latest checkpoint of a run: one at construction (the initial weights) and one at the
// end of every epoch. Add it to the trainer's observers before any observer that reports epochs:
// if the device fails while the keeper copies an epoch's weights, that epoch is trained again
// and should not have been reported. One thread: the training thread.
class CheckpointKeeper final : public TrainingObserver {
public:
    // Takes the first checkpoint: throws DeviceError if the device cannot be read.
    explicit CheckpointKeeper(Trainer& trainer);

    void afterEpoch(const EpochMetrics& metrics) override;

    // After the device failed: the run at its last finished step if the device can still be read
    // (some drivers allow it after CL_OUT_OF_RESOURCES), else the last epoch's checkpoint, or the
    // initial weights if no epoch had finished. (What a device still gives back is what it holds:
    // a failure inside the update of the step that failed may have left part of that update in.)
    TrainingCheckpoint recover();

private:
    // Early stopping's best epoch and weights as the trainer knows them now (it decides about an
    // epoch after the keeper has copied that epoch's weights).
    void addEarlyStopping(TrainingCheckpoint& checkpoint) const;

    Trainer& trainer_;
    TrainingCheckpoint latest_;
    // The weights of an earlier epoch that early stopping holds as its best, kept from that
    // epoch's checkpoint (0: none).
    int64_t heldBestEpoch_ = 0;
    std::vector<SavedTensor> heldBestWeights_;
};

// A run like the interrupted one (the same spec, dataset and settings as it was built with) on
// `backend`, continuing from the checkpoint: its weights restored, its trainer resumed. Train it
// for the epochs that remain (settings.epochs - checkpoint.epochs for a run of settings.epochs).
// Carries a fresh run on from a saved project (of the same spec): its weights, and its epoch
// and step counters and learning curve, so that the curves go on as one run. The optimizer's
// state and the shuffle start afresh, as a project keeps neither. Throws InputError if the
// weights do not fit the network.
void continueFromProject(TrainingRun& run, const Project& project);

std::unique_ptr<TrainingRun> resumeTrainingRun(Backend& backend, const NetworkSpec& spec,
                                               std::shared_ptr<const Dataset> dataset,
                                               const TrainingSettings& settings,
                                               const TrainingCheckpoint& checkpoint,
                                               TrainingControl* control = nullptr);

}  // namespace koto
