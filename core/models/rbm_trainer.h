#pragma once
// Training an RBM (models/rbm.h) on a dataset's inputs, labels unused: epochs over shuffled
// mini-batches, each step a CD-k or PCD estimate of the gradient followed by the optimizer's
// update (the same optimizers as networks: w = w - learning_rate * dJ/dw for sgd), and after each
// epoch the reconstruction error and the mean free energy of the training and test inputs.
//
// The inputs are the visible units' probabilities: each must lie in [0, 1] (images scaled from
// bytes do); anything else is refused with an InputError.

#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

#include "data/dataset.h"
#include "models/rbm.h"
#include "training/optimizer.h"
#include "training/training_settings.h"
#include "util/random.h"

namespace koto {

struct RbmTraining {
    int cdSteps = 1;          // k of CD-k
    bool persistent = false;  // PCD: chains carry on between steps
};

struct RbmEpochMetrics {
    int64_t epoch = 0;  // 1-based
    int64_t steps = 0;
    double trainReconstructionError = 0, testReconstructionError = 0;  // mean squared, per value
    double trainFreeEnergy = 0, testFreeEnergy = 0;                    // mean F(v)
    double seconds = 0;
};

class RbmTrainer {
public:
    // The RBM must take the dataset's inputs and batches of settings.batchSize rows (fewer if the
    // training part is smaller). Uses settings' learning rate, batch size, seed and optimizer.
    RbmTrainer(Rbm& rbm, Optimizer& optimizer, const Dataset& dataset, TrainingSettings settings,
               RbmTraining training);

    using EpochReport = std::function<void(const RbmEpochMetrics&)>;
    // Trains `epochs` more epochs, reporting each one's metrics as it ends.
    void train(int64_t epochs, const EpochReport& report = {});
    // One gradient step on the next mini-batch; true when it finished an epoch (whose metrics are
    // then the last of curve()).
    bool step();
    // Reconstruction error and free energy of the training and test inputs with the current
    // weights.
    RbmEpochMetrics evaluate();

    const std::vector<RbmEpochMetrics>& curve() const { return curve_; }
    int64_t stepsDone() const { return steps_; }
    int64_t epochsDone() const { return epochs_; }
    const TrainingSettings& settings() const { return settings_; }
    const RbmTraining& training() const { return training_; }
    Rbm& rbm() { return rbm_; }

private:
    struct DeviceSplit {
        Tensor inputs;
        int64_t count = 0;
        bool bytes = false;
    };
    DeviceSplit upload(const DataSplit& split);
    void gather(const DeviceSplit& split, std::span<const int32_t> rows, Tensor& destination);
    // Mean reconstruction error and free energy over a whole part, in chunks of the batch size.
    std::pair<double, double> measure(const DeviceSplit& split);

    Rbm& rbm_;
    Optimizer& optimizer_;
    const Dataset& dataset_;
    TrainingSettings settings_;
    RbmTraining training_;
    DeviceSplit train_, test_;
    Tensor batch_;
    std::vector<int32_t> order_, identity_;
    Random shuffleRandom_;
    int64_t batchesPerEpoch_ = 0, nextBatch_ = 0, steps_ = 0, epochs_ = 0;
    std::chrono::steady_clock::time_point epochStart_;
    std::vector<RbmEpochMetrics> curve_;
};

}  // namespace koto
