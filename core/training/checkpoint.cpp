#include "training/checkpoint.h"

#include <utility>

#include "util/errors.h"

namespace koto {

TrainingCheckpoint takeCheckpoint(Trainer& trainer, TrainingCheckpoint::Taken taken) {
    TrainingCheckpoint checkpoint;
    checkpoint.taken = taken;
    checkpoint.weights = captureWeights(trainer.network());
    trainer.writeProgress(checkpoint);
    return checkpoint;
}

CheckpointKeeper::CheckpointKeeper(Trainer& trainer)
    : trainer_(trainer), latest_(takeCheckpoint(trainer, TrainingCheckpoint::Taken::AtStart)) {}

void CheckpointKeeper::afterEpoch(const EpochMetrics&) {
    TrainingCheckpoint next = takeCheckpoint(trainer_, TrainingCheckpoint::Taken::AtEpochEnd);
    // Early stopping has by now decided about the previous checkpoint's epoch: if that one is its
    // best, keep those weights as they are replaced.
    if (trainer_.bestEpoch() > 0 && trainer_.bestEpoch() == latest_.epochs) {
        heldBestEpoch_ = latest_.epochs;
        heldBestWeights_ = std::move(latest_.weights);
    }
    latest_ = std::move(next);
}

TrainingCheckpoint CheckpointKeeper::recover() {
    TrainingCheckpoint checkpoint;
    try {
        checkpoint = takeCheckpoint(trainer_, TrainingCheckpoint::Taken::AfterFailure);
    } catch (const DeviceError&) {
        checkpoint = latest_;
    }
    addEarlyStopping(checkpoint);
    return checkpoint;
}

void CheckpointKeeper::addEarlyStopping(TrainingCheckpoint& checkpoint) const {
    const int64_t best = trainer_.bestEpoch();
    checkpoint.bestEpoch = best;
    if (best > 0 && best == latest_.epochs) checkpoint.bestWeights = latest_.weights;
    else if (best > 0 && best == heldBestEpoch_) checkpoint.bestWeights = heldBestWeights_;
    else
        checkpoint.bestEpoch =
            0;  // its weights were not kept: early stopping starts watching again
    checkpoint.bestValidationLoss = trainer_.bestValidationLoss();
}

void continueFromProject(TrainingRun& run, const Project& project) {
    TrainingCheckpoint checkpoint;
    run.trainer().writeProgress(checkpoint);  // a fresh run's shuffle
    checkpoint.steps = project.stepsTrained;
    checkpoint.epochs = project.epochsTrained;
    for (const EpochMetrics& metrics : project.curves) checkpoint.curve.add(metrics);
    restoreWeights(run.network(), project.weights);
    run.trainer().resumeFrom(checkpoint);
}

std::unique_ptr<TrainingRun> resumeTrainingRun(Backend& backend, const NetworkSpec& spec,
                                               std::shared_ptr<const Dataset> dataset,
                                               const TrainingSettings& settings,
                                               const TrainingCheckpoint& checkpoint,
                                               TrainingControl* control) {
    auto run = std::make_unique<TrainingRun>(backend, spec, std::move(dataset), settings, control);
    restoreWeights(run->network(), checkpoint.weights);
    run->trainer().resumeFrom(checkpoint);
    return run;
}

}  // namespace koto
