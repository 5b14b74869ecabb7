#include "training/run_history.h"

#include <algorithm>
#include <stdexcept>

#include "io/project_file.h"
#include "training/checkpoint.h"
#include "util/errors.h"

namespace koto {

RunHistory::RunHistory(size_t capacity) : capacity_(std::max<size_t>(capacity, 2)) {}

size_t RunHistory::capacityFor(int64_t checkpointBytes, int64_t budget) {
    const int64_t fits = budget / std::max<int64_t>(checkpointBytes, 1);
    return static_cast<size_t>(std::clamp<int64_t>(fits, 2, kDefaultCapacity));
}

bool RunHistory::wants(int64_t epoch) const { return epoch % spacing_ == 0; }

void RunHistory::add(RunCheckpoint checkpoint) {
    if (!checkpoints_.empty() && checkpoint.epoch <= checkpoints_.back().epoch)
        throw std::logic_error("RunHistory::add: checkpoints must come in epoch order");
    checkpoints_.push_back(std::move(checkpoint));
    while (checkpoints_.size() > capacity_) thin();
}

void RunHistory::thin() {
    spacing_ *= 2;
    std::erase_if(checkpoints_, [this](const RunCheckpoint& c) { return c.epoch % spacing_ != 0; });
}

void RunHistory::truncateAfter(int64_t epoch) {
    std::erase_if(checkpoints_, [epoch](const RunCheckpoint& c) { return c.epoch > epoch; });
}

const RunCheckpoint* RunHistory::at(int64_t epoch) const {
    for (const RunCheckpoint& checkpoint : checkpoints_)
        if (checkpoint.epoch == epoch) return &checkpoint;
    return nullptr;
}

RunHistory historyFor(TrainingRun& run) {
    int64_t bytes = 0;
    for (const NamedParameter& p : run.network().parameters())
        bytes += p.parameter->value.size() * static_cast<int64_t>(sizeof(float));
    bytes *= 1 + run.trainer().optimizer().stateTensorsPerParameter();
    bytes += run.dataset().train.count * static_cast<int64_t>(sizeof(int32_t));
    return RunHistory(RunHistory::capacityFor(bytes));
}

RunCheckpoint takeRunCheckpoint(Trainer& trainer) {
    TrainingCheckpoint progress;
    trainer.writeProgress(progress);
    RunCheckpoint checkpoint;
    checkpoint.epoch = progress.epochs;
    checkpoint.steps = progress.steps;
    checkpoint.weights = captureWeights(trainer.network());
    checkpoint.optimizer = trainer.optimizer().saveState(trainer.network().backend());
    checkpoint.shuffleOrder = std::move(progress.shuffleOrder);
    checkpoint.shuffleRandom = progress.shuffleRandom.state();
    return checkpoint;
}

HistoryKeeper::HistoryKeeper(Trainer& trainer, RunHistory& history)
    : trainer_(trainer), history_(history) {
    const int64_t epoch = trainer.epochsDone();
    if (history_.wants(epoch) &&
        (history_.checkpoints().empty() || history_.checkpoints().back().epoch < epoch))
        history_.add(takeRunCheckpoint(trainer));
}

void HistoryKeeper::afterEpoch(const EpochMetrics& metrics) {
    if (history_.wants(metrics.epoch)) history_.add(takeRunCheckpoint(trainer_));
}

void resumeFromRunCheckpoint(TrainingRun& run, const RunCheckpoint& checkpoint,
                             const std::vector<EpochMetrics>& curveSoFar) {
    TrainingCheckpoint progress;
    progress.taken = TrainingCheckpoint::Taken::AtEpochEnd;
    progress.steps = checkpoint.steps;
    progress.epochs = checkpoint.epoch;
    for (const EpochMetrics& metrics : curveSoFar)
        if (metrics.epoch <= checkpoint.epoch) progress.curve.add(metrics);
    progress.shuffleOrder = checkpoint.shuffleOrder;
    progress.shuffleRandom = Random::fromState(checkpoint.shuffleRandom);
    restoreWeights(run.network(), checkpoint.weights);
    Optimizer& optimizer = run.trainer().optimizer();
    if (checkpoint.optimizer.optimizer == optimizer.name())
        optimizer.restoreState(run.network().backend(), run.network().parameters(),
                               checkpoint.optimizer);
    run.trainer().resumeFrom(progress);
}

std::unique_ptr<TrainingRun> forkTrainingRun(Backend& backend, const NetworkSpec& spec,
                                             std::shared_ptr<const Dataset> dataset,
                                             const TrainingSettings& settings,
                                             const RunCheckpoint& checkpoint,
                                             const std::vector<EpochMetrics>& curveSoFar,
                                             TrainingControl* control) {
    auto run = std::make_unique<TrainingRun>(backend, spec, std::move(dataset), settings, control);
    resumeFromRunCheckpoint(*run, checkpoint, curveSoFar);
    return run;
}

}  // namespace koto
