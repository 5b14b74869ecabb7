#pragma once
// What the training thread publishes for the views: an immutable picture of the run at one
// moment. Only these cross from the training thread to the GUI; the GUI never reads the network.

#include <QString>
#include <cstdint>
#include <vector>

#include "training/metrics.h"

namespace koto::gui {

struct TrainingSnapshot {
    uint64_t generation = 0;  // which run (a Reset starts a new one); stale snapshots are dropped
    int64_t steps = 0;
    int64_t epochs = 0;
    int64_t batchesPerEpoch = 0;
    bool paused = true;
    double lastBatchLoss = 0;

    // Epochs finished since the previous snapshot the GUI took (for the learning curve).
    std::vector<EpochMetrics> newEpochs;
    // Latest train/test metrics (at epoch 0: those of the initial weights).
    EpochMetrics latest;

    // The network's output over a gridSize x gridSize grid of the input square, row by row from
    // the bottom (y = -6) to the top: P(class 1) for two classes, the value for regression.
    int gridSize = 0;
    std::vector<float> grid;

    // Training stopped with NaN or Inf at this step, where it first showed (a layer's name,
    // "the loss" or "the input data"); the weights are those of the step before.
    bool diverged = false;
    int64_t divergenceStep = 0;
    QString divergenceWhere;
    // Early stopping ended training: the weights are back at the best validation epoch.
    bool stoppedEarly = false;
    int64_t bestEpoch = 0;
    // The run could not be built (a network or settings core refuses), core's explanation.
    QString failure;
};

}  // namespace koto::gui
