#pragma once
// A sweep over one or two hyperparameters (part 11: "every method adds hyperparameters: the
// search space grows"): every combination of their values trained as its own run, from the same
// seed, one after another, and measured as `train` reports its end.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "backend/backend.h"
#include "data/dataset.h"
#include "network/network_spec.h"
#include "training/metrics.h"
#include "training/training_control.h"
#include "training/training_settings.h"

namespace koto {

// What a sweep can vary: the training settings a learner tunes, and the network's width.
enum class SweepParameter { LearningRate, L1, L2, Momentum, BatchSize, HiddenUnits };
const std::vector<SweepParameter>& sweepParameters();
// "lr", "l1", "l2", "momentum", "batch", "units": the CLI's option names.
std::string sweepParameterKey(SweepParameter parameter);

struct SweepAxis {
    SweepParameter parameter;
    std::vector<double> values;
};

struct SweepCell {
    std::vector<double> values;  // one per axis
    TrainingSettings settings;
    NetworkSpec spec;
};

// Every combination, the first axis's values outermost: the base settings and network with the
// cell's values put in (HiddenUnits: every dense layer but the output layer gets that many
// units). Throws InputError naming the axis and value for one out of its setting's range (a
// rate of 0, a momentum of 1, a batch of 0.5), for no axis or more than two, an axis without
// values, more than kMaxSweepCells cells, or HiddenUnits on a network without hidden dense layers.
constexpr size_t kMaxSweepCells = 400;
std::vector<SweepCell> sweepCells(const std::vector<SweepAxis>& axes, const TrainingSettings& base,
                                  const NetworkSpec& spec);

struct SweepResult {
    bool diverged = false;
    std::string message;  // why it diverged
    EpochMetrics final;   // as train reports its end (after early stopping, the best epoch's)
    double seconds = 0;   // training time
};

// Trains one cell for its settings' epochs. Throws what TrainingRun throws; a divergence is a
// result, not an exception. A control that stops it (a cancelled sweep) ends it early: check the
// control before using the result.
SweepResult trainSweepCell(Backend& backend, const SweepCell& cell,
                           std::shared_ptr<const Dataset> dataset,
                           TrainingControl* control = nullptr);

}  // namespace koto
