#pragma once
// A run's checkpoints and the runs forked from it, as a project file keeps them (the training
// side is training/run_history.h).

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "io/saved_tensor.h"
#include "training/metrics.h"
#include "training/training_settings.h"

namespace koto {

// An optimizer's state copied to the host: each parameter's state tensors, named "dense_1.W:v"
// (parameter id, then the state's name), and the updates made so far (Adam's t - 1).
struct OptimizerState {
    std::string optimizer;  // the name of the optimizer that kept it
    int64_t updates = 0;
    std::vector<SavedTensor> tensors;
    bool operator==(const OptimizerState&) const = default;
};

// A run at the end of an epoch (or before its first step, epoch 0).
struct RunCheckpoint {
    int64_t epoch = 0;
    int64_t steps = 0;
    std::vector<SavedTensor> weights;
    OptimizerState optimizer;
    std::vector<int32_t> shuffleOrder;        // the training samples' order in that epoch
    std::array<uint64_t, 4> shuffleRandom{};  // the generator that shuffles the next epoch
    bool operator==(const RunCheckpoint&) const = default;
};

// A run the learner forked off and kept beside the project's own run (which is the one the
// project's weights, settings and curves are of).
struct RunRecord {
    std::string name;    // "lr 0.01 from epoch 40"
    std::string parent;  // the run it was forked from ("" for the project's first run)
    int64_t forkEpoch = 0;
    TrainingSettings settings;
    std::vector<EpochMetrics> curves;
    std::vector<RunCheckpoint> checkpoints;  // the last one is where the run stands
};

}  // namespace koto
