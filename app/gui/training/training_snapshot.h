#pragma once
// What the training thread publishes for the views: an immutable picture of the run at one
// moment. Only these cross from the training thread to the GUI; the GUI never reads the network.

#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

#include "inspect/feature_maps.h"
#include "inspect/gradient_through_time.h"
#include "inspect/network_weights.h"
#include "inspect/neuron_maps.h"
#include "inspect/recurrent_states.h"
#include "inspect/stochastic_passes.h"
#include "io/project_file.h"
#include "training/metrics.h"
#include "training/run_snapshot.h"

namespace koto::gui {

// How many of the first test images of image data the snapshots carry the network's answers for.
constexpr int64_t kGallerySamples = 24;

struct TrainingSnapshot : RunSnapshot {
    uint64_t generation = 0;  // which run (a Reset starts a new one); stale snapshots are dropped
    int64_t epochs = 0;
    // The mean loss of the recent mini-batches (an exponential moving average over about 50
    // steps; negative before the first step).
    double recentBatchLoss = -1;
    // The learning rate the latest step's update used, schedule(A, epoch) (0 before the first).
    double stepLearningRate = 0;

    // Epochs finished since the previous snapshot the GUI took (for the learning curve).
    std::vector<EpochMetrics> newEpochs;
    // Latest train/test metrics (at epoch 0: those of the initial weights).
    EpochMetrics latest;

    // 2-D data: the network's output over a gridSize x gridSize grid of the input square, row by
    // row from the bottom (y = -6) to the top: P(class 1) for two classes, the value for
    // regression (gridSize 0 for other data).
    int gridSize = 0;
    std::vector<float> grid;

    // Classification: the test data's confusion matrix, K x K with row t the true class (updated
    // every epoch; empty for regression).
    std::vector<int64_t> confusion;
    // Image data: the network's class and its probability for each of the first test images.
    std::vector<int32_t> samplePredictions;
    std::vector<float> sampleProbabilities;

    // While a view of the network's insides is shown, for test sample featureSample (null
    // otherwise): for a convolutional network the first conv layer's filters and every conv and
    // pooling layer's output; for a recurrent one each SimpleRNN or LSTM layer's states over time.
    std::shared_ptr<const FeatureMaps> featureMaps;
    std::shared_ptr<const std::vector<RecurrentStates>> recurrentStates;
    int64_t featureSample = -1;
    // While the output probabilities view is shown (null otherwise): the network's output Y for
    // test sample outputSample, one forward pass on its row as evaluation makes it (for seq:many
    // the last time step's): the softmax's K probabilities, the sigmoid's P(class 1), or the
    // predictions for regression. Made again at most TrainingWorker::kOutputInterval apart while
    // training runs, and whenever training pauses or another sample is chosen.
    std::shared_ptr<const std::vector<float>> sampleOutput;
    int64_t outputSample = -1;
    // For a recurrent network, once it has trained: the gradient through time of its first
    // SimpleRNN or LSTM layer, as that layer measured it in the latest training step's backward
    // pass, and as it measured it in the first step (at the initial weights), for comparison
    // (null before the first step; the first step's stays null in a run that went on from a
    // project).
    std::shared_ptr<const GradientThroughTime> gradients;
    std::shared_ptr<const GradientThroughTime> initialGradients;
    // While the weights view is shown (null otherwise): every parameter's values W, the latest
    // step's gradient dJ/dW and the last update ΔW, made again at most
    // TrainingWorker::kWeightsInterval apart while training runs, after every step it is asked
    // for (Step, the last of --train-steps) and whenever training pauses.
    std::shared_ptr<const NetworkWeights> weights;
    // While the network diagram is shown, for a network of dense layers on 2-D data (null
    // otherwise): every dense unit's output over a unitGridSize x unitGridSize grid of the input
    // square, ordered as `grid` is; the weights come with them. Made again at most
    // TrainingWorker::kNetworkInterval apart while training runs, and whenever it pauses or a
    // weight is set by hand.
    std::shared_ptr<const NeuronMaps> neuronMaps;
    int unitGridSize = 0;
    // While the dropout and noise view is shown (null otherwise, and before the first step): what
    // each dropout and noise layer did in training step stochasticStep, taken right after it, at
    // most TrainingWorker::kInsidesInterval apart while training runs and after every step asked
    // for (Step, the last of a step limit).
    std::shared_ptr<const std::vector<StochasticPass>> stochasticPasses;
    int64_t stochasticStep = 0;
    // The percentiles of every parameter's values at each epoch that ended since the previous
    // snapshot the GUI took (epoch 0, or the epoch a project went on from, first: the weights it
    // started from), at the epochs the learning curve keeps (every one until it thins, then every
    // second, fourth, ...). Recorded whether the weights view is shown or not: the bands then
    // cover the whole run.
    std::vector<EpochWeightPercentiles> newWeightPercentiles;

    // Training stopped with NaN or Inf at this step, where it first showed (a layer's name,
    // "the loss" or "the input data"); the weights are those of the step before.
    // Or, lossGrew, the loss grew past Trainer::kBlowUpFactor times its first value without
    // reaching NaN; the weights are those before that step.
    bool diverged = false;
    bool lossGrew = false;
    int64_t divergenceStep = 0;
    QString divergenceWhere;
    // Early stopping ended training: the weights are back at the best validation epoch.
    bool stoppedEarly = false;
    int64_t bestEpoch = 0;
    // The run as a project, for saving it (its dataset left empty): a host copy of the weights,
    // the whole learning curve, the counters and the history's checkpoints (with one of the run
    // as it stands, if it has gone past the last one). Only in a snapshot posted after the GUI asked
    // for it (TrainingController::handOverSavedRun), and in the last one of a run that diverged
    // or stopped early; null otherwise, as copying the weights costs time.
    std::shared_ptr<const Project> savedRun;

    // The epochs of the run's history (its checkpoints), oldest first, and the one these views
    // show instead of the run as it stands (-1: as it stands; then `latest` is that epoch's).
    std::vector<int64_t> checkpointEpochs;
    int64_t viewedEpoch = -1;
};

}  // namespace koto::gui
