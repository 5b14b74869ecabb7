#pragma once
// The training loop: epochs over shuffled mini-batches (batch size 1 is stochastic gradient
// descent, the whole training set is batch gradient descent), a metrics evaluation after each
// epoch, observers told of every layer, step and epoch, and a TrainingControl obeyed between
// layers, batches and epochs.
//
// A step: X, T = next mini-batch (its images augmented, if asked); forward layer by layer; J =
// loss(Y, T); backward layer by layer; every w = w - learning_rate * dJ/dw through the optimizer.
// If J or any new weight would be NaN or Inf, the step is not applied and DivergenceError names the
// step and the layer. So it is when J, still finite, has blown up (lossBlewUp below).

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "data/augmentation.h"
#include "data/dataset.h"
#include "network/network.h"
#include "training/learning_curve.h"
#include "training/learning_rate_schedule.h"
#include "training/metrics.h"
#include "training/optimizer.h"
#include "training/regularization.h"
#include "training/training_control.h"
#include "training/training_observer.h"
#include "training/training_settings.h"
#include "util/random.h"

namespace koto {

struct TrainingCheckpoint;  // training/checkpoint.h

class Trainer : private LayerHooks {
public:
    enum class Outcome { Finished, Stopped, StoppedEarly };

    // The network must have been built for at least settings.batchSize rows.
    Trainer(Network& network, Optimizer& optimizer, const Dataset& dataset,
            TrainingSettings settings, TrainingControl* control = nullptr);

    void addObserver(TrainingObserver* observer) { observers_.push_back(observer); }
    void removeObserver(TrainingObserver* observer) { std::erase(observers_, observer); }

    // Divergence without NaN: a learning rate far too large on saturating units (tanh,
    // sigmoid) drives the loss from 0.7 to 2,000,000 and keeps it there, finite. A step whose
    // loss J (the penalty included) is above kBlowUpFactor x max(J of this trainer's first step,
    // kBlowUpFloor) has blown up: it is not applied, and DivergenceError (Kind::LossGrew) names
    // it. Four orders of magnitude stay far above the noise of mini-batch losses, even of single
    // samples; the floor keeps a first batch that happens to cost almost nothing from making an
    // ordinary later batch look like a blow-up.
    static constexpr double kBlowUpFactor = 1e4;
    static constexpr double kBlowUpFloor = 1.0;
    static bool lossBlewUp(double loss, double firstLoss) {
        return loss > kBlowUpFactor * (firstLoss > kBlowUpFloor ? firstLoss : kBlowUpFloor);
    }

    // Trains until `epochs` more whole epochs are done, the control stops it, or early stopping
    // ends it (the weights then are those of the best validation epoch).
    Outcome train(int64_t epochs);
    // One optimizer step on the next mini-batch (the epoch's end is handled by train()); returns
    // false if the control stopped it between layers, in which case nothing was updated.
    bool step();
    // One optimizer step on chosen samples of the training part (indices, at most the batch
    // size) as one batch, instead of the next mini-batch: the step-through inspector's step on
    // one sample. It counts as a step but does not move through the epoch.
    bool stepOn(std::span<const int32_t> rows);
    // Asked at the start of every step() on the training thread: samples to train this step on
    // instead (as stepOn does), or nothing for the next mini-batch. This lets the app's training
    // thread make the inspector's one-sample step while train() runs the loop.
    using StepChoice = std::function<std::optional<std::vector<int32_t>>()>;
    void setStepChoice(StepChoice choice) { stepChoice_ = std::move(choice); }
    // Loss and accuracy or RMSE on the training and test parts with the current weights; for
    // classification it also counts the test part's answers (testConfusion()).
    EpochMetrics evaluate();
    // The same on the test part alone (the curriculum's print_period reports, between epochs).
    SplitMetrics evaluateTest();
    // Which classes the network gives the test samples (or the training samples), against their
    // labels. Classification only.
    enum class Part { Train, Test };
    ConfusionMatrix confusion(Part part);
    // The test part's confusion matrix as the last evaluate() (every epoch's, among them) counted
    // it: confusion(Part::Test) without running the network again. Empty before an evaluate() and
    // for regression.
    const ConfusionMatrix& testConfusion() const { return testConfusion_; }

    int64_t stepsDone() const { return steps_; }
    int64_t epochsDone() const { return epochs_; }
    int64_t batchesPerEpoch() const { return batchesPerEpoch_; }
    // The metrics after each epoch (thinned on long runs, see LearningCurve).
    const LearningCurve& curve() const { return curve_; }
    // Early stopping: the epoch with the lowest validation loss so far (0 before any), and whether
    // training stopped early, back at that epoch's weights.
    int64_t bestEpoch() const { return bestEpoch_; }
    double bestValidationLoss() const { return bestValidationLoss_; }
    bool stoppedEarly() const { return stoppedEarly_; }

    // Checkpoints (training/checkpoint.h). writeProgress fills in all of a checkpoint but the
    // weights: the step and epoch counters, the curve, the shuffle (this epoch's order and the
    // generator that shuffles the next) and early stopping's best epoch and loss. All of it is
    // host memory, so it can be written after the device has failed.
    void writeProgress(TrainingCheckpoint& checkpoint) const;
    // On a trainer that has not trained yet: sets all of that back, and early stopping's best
    // weights, so that epochs, steps and the curve go on as one run. The next step starts a new
    // epoch, shuffled as the run would have shuffled it after the checkpoint's epoch. The
    // network's weights are restored by the caller (resumeTrainingRun does both).
    void resumeFrom(const TrainingCheckpoint& checkpoint);

    // The chosen rate A; the rate of a step is schedule(A, epoch).
    double learningRate() const { return settings_.learningRate; }
    void setLearningRate(double rate) { settings_.learningRate = rate; }
    double currentLearningRate() const { return schedule_.at(settings_.learningRate, epochs_); }
    // Momentum can change while training runs too.
    void setMomentum(double momentum);
    const TrainingSettings& settings() const { return settings_; }

    Network& network() { return network_; }
    Optimizer& optimizer() { return optimizer_; }
    const Dataset& dataset() const { return dataset_; }

    // The step in progress, for observers that show it (valid from its first layer on, and
    // after it until the next): its inputs X (augmented, if asked) and targets T, and its cost
    // J without the regularisation penalty and the penalty (known once the forward pass is done).
    const Tensor& stepInputs() const { return *stepInputs_; }
    // T as the loss sees it: after seq:many one row a time step, (N*T) x K, like Y.
    const Tensor& stepTargets() const { return stepTargets_; }
    // (stepCost() waits for a device to finish the forward pass, if it has not been read yet.)
    double stepCost() const { return stepCost_.get(); }
    double stepPenalty() const { return stepPenalty_; }

private:
    struct DeviceSplit {
        Tensor inputs, targets;
        const DataSplit* host;
        bool bytes = false;  // inputs are image bytes, scaled to [0, 1] as batches are gathered
    };
    // Rows first .. first + destination.rows() - 1 of `rows` into destination.
    void gatherInputs(const DeviceSplit& split, const HeldRows& rows, int64_t first,
                      Tensor& destination);
    // Targets gathered a sample a row (N x (T*K)) seen as the loss takes them: (N*T) x K when
    // the data has a target at every step, else as they are. A view, nothing is copied.
    Tensor stepRows(const Tensor& sampleRows) const;

    // The step itself, on rows first .. first + count - 1 of `rows` (held by the backend) of the
    // training part; only a step of the epoch's order moves on to the next batch.
    bool trainOn(const HeldRows& rows, int64_t first, int64_t count, bool advancesEpoch);
    bool beforeLayer(Pass pass, int layerIndex) override;
    void afterLayer(Pass pass, int layerIndex) override;
    DeviceSplit upload(const DataSplit& split);
    void shuffle();
    void finishEpoch();
    SplitMetrics evaluate(const DeviceSplit& split, ConfusionMatrix* confusion = nullptr);
    [[noreturn]] void reportNonFiniteLoss(double loss, const Tensor& inputs);
    [[noreturn]] void reportLossBlowUp(double loss);

    Network& network_;
    Optimizer& optimizer_;
    const Dataset& dataset_;
    TrainingSettings settings_;
    TrainingControl* control_;
    LearningRateSchedule schedule_;
    Regularization regularization_;
    std::vector<TrainingObserver*> observers_;
    StepChoice stepChoice_;

    void watchValidation(const EpochMetrics& metrics);

    DeviceSplit train_, test_, validation_;
    Tensor batchInputs_, batchTargets_;
    Tensor stepTargets_;       // batchTargets_ as stepRows() sees them
    int64_t targetSteps_ = 1;  // targets a sample: T with a target at every time step, else 1
    Augmentation augmentation_;
    std::vector<ImageTransform> transforms_;  // this batch's, one per image
    Tensor augmentedInputs_;
    const Tensor* stepInputs_ = &batchInputs_;
    PendingValue stepCost_;  // read once a step, with the update's checks
    double stepPenalty_ = 0;
    std::optional<double> firstLoss_;    // J of this trainer's first step, for lossBlewUp
    std::vector<int32_t> order_;         // this epoch's shuffled sample order
    HeldRows heldOrder_, heldIdentity_;  // order_ and 0, 1, 2, ... (for evaluating in chunks)
    HeldRows chosenRows_;                // stepOn's
    Random shuffleRandom_;
    int64_t batchesPerEpoch_ = 0;
    int64_t batch_ = 0;  // next batch within the epoch
    int64_t steps_ = 0;
    int64_t epochs_ = 0;
    std::chrono::steady_clock::time_point epochStart_;
    double bestValidationLoss_ = 0;
    int64_t bestEpoch_ = 0;
    bool stoppedEarly_ = false;
    std::vector<Tensor> bestWeights_;
    LearningCurve curve_;
    ConfusionMatrix testConfusion_;
};

}  // namespace koto
