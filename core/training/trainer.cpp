#include "training/trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

#include "training/checkpoint.h"
#include "training/gradient_clipping.h"
#include "util/errors.h"
#include "util/flush_denormals.h"

namespace koto {
namespace {
// NaN or Inf anywhere in t? (t + 0 * t is finite exactly when t is.)
bool isFinite(Backend& backend, const Tensor& t) { return backend.sumIsFinite(0.0, t, t); }
}  // namespace

Trainer::Trainer(Network& network, Optimizer& optimizer, const Dataset& dataset,
                 TrainingSettings settings, TrainingControl* control)
    : network_(network), optimizer_(optimizer), dataset_(dataset), settings_(std::move(settings)),
      control_(control), schedule_(LearningRateSchedule::parse(settings_.schedule)),
      regularization_(settings_.l1, settings_.l2, settings_.regularizeBiases),
      shuffleRandom_(settings_.seed, 0x73687566) /* "shuf" */ {
    if (settings_.batchSize < 1) throw InputError("the batch size must be at least 1");
    if (!(settings_.learningRate > 0) || !std::isfinite(settings_.learningRate))
        throw InputError("the learning rate must be a positive number");
    if (dataset.inputSize != network.inputSize())
        throw InputError(dataset.name + " has " + std::to_string(dataset.inputSize) +
                         " inputs per sample but the network takes " +
                         std::to_string(network.inputSize()));
    if (dataset.train.count < 1) throw InputError(dataset.name + " has no training samples");
    targetSteps_ = network.outputRowsPerSample();
    if (targetSteps_ != dataset.targetSteps()) {
        if (dataset.targetEveryStep)
            throw InputError(
                dataset.name +
                " has a target at every time step: the network needs seq:many after its "
                "recurrent layer to give an answer at every step");
        throw InputError("the network gives an answer at every time step (seq:many) but " +
                         dataset.name + " has one target a sequence; use seq:last");
    }
    const int64_t batch = std::min(settings_.batchSize, dataset.train.count);
    if (batch > network.maxRows())
        throw InputError("the network was built for batches of at most " +
                         std::to_string(network.maxRows()) + " rows");
    settings_.batchSize = batch;
    if (settings_.patience < 0) throw InputError("the patience cannot be negative");
    if (!(settings_.clipNorm >= 0 && std::isfinite(settings_.clipNorm)))
        throw InputError(
            "the gradient clipping norm must be a number of at least 0 (0: no clipping)");
    if (settings_.patience > 0 && dataset.validation.count == 0)
        throw InputError("early stopping needs a validation share of the training data");
    augmentation_ = Augmentation::parse(settings_.augment);
    augmentation_.checkFor(dataset);
    train_ = upload(dataset.train);
    test_ = upload(dataset.test);
    validation_ = upload(dataset.validation);
    Backend& backend = network.backend();
    batchInputs_ = backend.allocate({batch, network.inputSize()}, network.dtype());
    batchTargets_ = backend.allocate({batch, targetSteps_ * network.outputSize()}, network.dtype());
    stepTargets_ = batchTargets_;
    if (augmentation_.active()) {
        augmentedInputs_ = backend.allocate({batch, network.inputSize()}, network.dtype());
        transforms_.reserve(static_cast<size_t>(batch));
    }
    batchesPerEpoch_ = (dataset.train.count + batch - 1) / batch;
    order_.resize(static_cast<size_t>(dataset.train.count));
    std::iota(order_.begin(), order_.end(), 0);
    std::vector<int32_t> identity(static_cast<size_t>(
        std::max({dataset.train.count, dataset.test.count, dataset.validation.count})));
    std::iota(identity.begin(), identity.end(), 0);
    backend.holdRows(identity, heldIdentity_);
}

Trainer::DeviceSplit Trainer::upload(const DataSplit& split) {
    DeviceSplit device{{}, {}, &split};
    if (split.count == 0) return device;
    Backend& backend = network_.backend();
    const std::vector<float> targets = dataset_.targetMatrix(split, network_.outputSize());
    device.bytes = !split.pixels.empty();
    device.inputs = backend.allocate({split.count, network_.inputSize()},
                                     device.bytes ? DType::UInt8 : network_.dtype());
    device.targets =
        backend.allocate({split.count, targetSteps_ * network_.outputSize()}, network_.dtype());
    if (device.bytes) backend.upload(std::span<const uint8_t>(split.pixels), device.inputs);
    else backend.upload(std::span<const float>(split.inputs), device.inputs);
    backend.upload(std::span<const float>(targets), device.targets);
    return device;
}

void Trainer::gatherInputs(const DeviceSplit& split, const HeldRows& rows, int64_t first,
                           Tensor& destination) {
    if (split.bytes)
        network_.backend().gatherHeldRowsScaled(split.inputs, rows, first, 1.0 / 255.0,
                                                destination);
    else network_.backend().gatherHeldRows(split.inputs, rows, first, destination);
}

void Trainer::shuffle() {
    for (size_t i = order_.size(); i > 1; --i)
        std::swap(order_[i - 1], order_[shuffleRandom_.below(i)]);
}

Trainer::Outcome Trainer::train(int64_t epochs) {
    const int64_t target = epochs_ + epochs;
    while (epochs_ < target) {
        if (batch_ == 0) {
            if (control_ && !control_->permit(Boundary::Epoch)) return Outcome::Stopped;
        } else if (control_ && !control_->permit(Boundary::Batch)) {
            return Outcome::Stopped;
        }
        if (!step()) return Outcome::Stopped;
        if (stoppedEarly_) return Outcome::StoppedEarly;
    }
    return Outcome::Finished;
}

bool Trainer::step() {
    if (stepChoice_)
        if (const std::optional<std::vector<int32_t>> chosen = stepChoice_())
            return stepOn(*chosen);
    if (batch_ == 0) {
        shuffle();
        // Handed to the backend once an epoch: a device gathers each batch from its own copy.
        network_.backend().holdRows(order_, heldOrder_);
        epochStart_ = std::chrono::steady_clock::now();
    }
    const int64_t start = batch_ * settings_.batchSize;
    const int64_t rows = std::min(settings_.batchSize, dataset_.train.count - start);
    return trainOn(heldOrder_, start, rows, true);
}

bool Trainer::stepOn(std::span<const int32_t> rows) {
    if (rows.empty() || static_cast<int64_t>(rows.size()) > settings_.batchSize)
        throw InputError("a step takes between 1 and " + std::to_string(settings_.batchSize) +
                         " samples");
    for (const int32_t row : rows)
        if (row < 0 || row >= dataset_.train.count)
            throw InputError("there is no training sample " + std::to_string(row));
    network_.backend().holdRows(rows, chosenRows_);
    return trainOn(chosenRows_, 0, static_cast<int64_t>(rows.size()), false);
}

bool Trainer::trainOn(const HeldRows& indices, int64_t first, int64_t rows, bool advancesEpoch) {
    for (TrainingObserver* observer : observers_) observer->beforeStep();
    const FlushDenormals flushDenormals;
    Backend& backend = network_.backend();
    batchInputs_.setRows(rows);
    batchTargets_.setRows(rows);
    gatherInputs(train_, indices, first, batchInputs_);
    backend.gatherHeldRows(train_.targets, indices, first, batchTargets_);
    stepTargets_ = stepRows(batchTargets_);

    stepInputs_ = &batchInputs_;
    if (augmentation_.active()) {
        const RandomStream stream{settings_.seed, static_cast<uint64_t>(steps_ + 1),
                                  kAugmentationStream};
        transforms_.clear();
        for (int64_t i = 0; i < rows; ++i) transforms_.push_back(augmentation_.draw(stream, i));
        augmentedInputs_.setRows(rows);
        backend.augmentImages(transforms_, dataset_.imageWidth, dataset_.imageHeight, batchInputs_,
                              augmentedInputs_);
        stepInputs_ = &augmentedInputs_;
    }

    network_.prepare({true, settings_.seed, static_cast<uint64_t>(steps_ + 1)});
    if (!network_.forward(*stepInputs_, this)) return false;
    stepCost_ = network_.computeLossPending(stepTargets_);
    stepPenalty_ =
        regularization_.active() ? regularization_.penalty(backend, network_.parameters()) : 0.0;
    // The loss is read only once the update has been checked too, so that a device is waited
    // for once a step (backend.h). A step whose loss is not finite or has blown up has computed
    // its gradients and checks in vain by then, and is refused as before: no weight changes.
    if (!network_.backward(this)) return false;
    regularization_.addToGradients(backend, network_.parameters());
    if (settings_.clipNorm > 0)
        clipGradientNorm(backend, network_.parameters(), settings_.clipNorm);
    const double rate = currentLearningRate();
    const UpdateCheck update = optimizer_.check(backend, network_.parameters(), rate);
    const double cost = stepCost_.get();
    stepCost_ = PendingValue(cost);  // nothing left waiting on the device
    const double loss = cost + stepPenalty_;
    if (!std::isfinite(loss)) reportNonFiniteLoss(loss, *stepInputs_);
    if (!firstLoss_) firstLoss_ = loss;
    else if (lossBlewUp(loss, *firstLoss_)) reportLossBlowUp(loss);
    if (const auto failing = update.failing()) {
        std::string layer = failing->substr(0, failing->find('.'));
        throw DivergenceError(steps_ + 1, layer,
                              "training diverged at step " + std::to_string(steps_ + 1) +
                                  ": the update of " + *failing +
                                  " would make it NaN or infinite (try a smaller learning rate); "
                                  "the weights of the last finite step are kept");
    }
    optimizer_.applyChecked(backend, network_.parameters(), rate);
    regularization_.shrink(backend, network_.parameters(), rate);
    ++steps_;
    const StepReport report{steps_, epochs_, batch_, rows, loss, rate};
    if (advancesEpoch) ++batch_;
    for (TrainingObserver* observer : observers_) observer->afterStep(report);
    if (advancesEpoch && batch_ == batchesPerEpoch_) finishEpoch();
    return true;
}

void Trainer::writeProgress(TrainingCheckpoint& checkpoint) const {
    checkpoint.steps = steps_;
    checkpoint.epochs = epochs_;
    checkpoint.curve = curve_;
    checkpoint.shuffleOrder = order_;
    checkpoint.shuffleRandom = shuffleRandom_;
    checkpoint.bestEpoch = bestEpoch_;
    checkpoint.bestValidationLoss = bestValidationLoss_;
}

void Trainer::resumeFrom(const TrainingCheckpoint& checkpoint) {
    if (steps_ != 0 || epochs_ != 0)
        throw std::logic_error("resumeFrom: this trainer has trained already");
    if (checkpoint.shuffleOrder.size() != order_.size())
        throw InputError("the checkpoint shuffled " +
                         std::to_string(checkpoint.shuffleOrder.size()) +
                         " training samples, this run has " + std::to_string(order_.size()));
    const auto& parameters = network_.parameters();
    if (!checkpoint.bestWeights.empty()) {
        if (checkpoint.bestWeights.size() != parameters.size())
            throw InputError("the checkpoint's best weights do not fit the network");
        Backend& backend = network_.backend();
        for (size_t i = 0; i < parameters.size(); ++i) {
            const Tensor& value = parameters[i].parameter->value;
            bestWeights_.push_back(backend.allocate(value.shape(), value.dtype()));
            backend.upload(std::span<const float>(checkpoint.bestWeights[i].values),
                           bestWeights_.back());
        }
    }
    steps_ = checkpoint.steps;
    epochs_ = checkpoint.epochs;
    batch_ = 0;
    curve_ = checkpoint.curve;
    order_ = checkpoint.shuffleOrder;
    shuffleRandom_ = checkpoint.shuffleRandom;
    // Early stopping goes on from the checkpoint's best epoch only where its weights came along.
    bestEpoch_ = checkpoint.bestWeights.empty() ? 0 : checkpoint.bestEpoch;
    bestValidationLoss_ = checkpoint.bestValidationLoss;
}

void Trainer::setMomentum(double momentum) {
    settings_.momentum = momentum;
    optimizer_.setMomentum(momentum);
}

void Trainer::reportNonFiniteLoss(double loss, const Tensor& inputs) {
    Backend& backend = network_.backend();
    std::string where = "the loss";
    if (!isFinite(backend, inputs)) {
        where = "the input data";
    } else {
        // Find the first layer whose output is not finite, going through the layers once more.
        const Tensor* current = &inputs;
        for (int i = 0; i < network_.layerCount(); ++i) {
            current = &network_.layer(i).forward(backend, *current);
            if (!isFinite(backend, *current)) {
                where = network_.layer(i).name();
                break;
            }
        }
    }
    const std::string value = std::isnan(loss) ? "NaN" : "infinite";
    throw DivergenceError(
        steps_ + 1, where,
        "training diverged at step " + std::to_string(steps_ + 1) + ": the loss became " + value +
            " (first non-finite values in " + where +
            "; try a smaller learning rate); the weights of the last finite step are kept");
}

void Trainer::reportLossBlowUp(double loss) {
    char numbers[200];
    if (*firstLoss_ > kBlowUpFloor)
        std::snprintf(numbers, sizeof numbers,
                      "the loss grew to %.4g, more than %.0f times its first value %.4g", loss,
                      kBlowUpFactor, *firstLoss_);
    else
        std::snprintf(numbers, sizeof numbers,
                      "the loss grew to %.4g, more than %.0f times %.4g (its first value %.4g, "
                      "counted as at least %.4g)",
                      loss, kBlowUpFactor, kBlowUpFloor, *firstLoss_, kBlowUpFloor);
    throw DivergenceError(steps_ + 1, "the loss",
                          "training diverged at step " + std::to_string(steps_ + 1) + ": " +
                              numbers +
                              " (try a smaller learning rate); the weights the step began with "
                              "are kept",
                          DivergenceError::Kind::LossGrew);
}

void Trainer::finishEpoch() {
    batch_ = 0;
    ++epochs_;
    EpochMetrics metrics = evaluate();
    metrics.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - epochStart_).count();
    curve_.add(metrics);
    for (TrainingObserver* observer : observers_) observer->afterEpoch(metrics);
    watchValidation(metrics);  // after the observers: they see the epoch's own weights
}

void Trainer::watchValidation(const EpochMetrics& metrics) {
    if (settings_.patience <= 0 || !metrics.hasValidation) return;
    Backend& backend = network_.backend();
    const auto& parameters = network_.parameters();
    if (bestEpoch_ == 0 || metrics.validation.loss < bestValidationLoss_) {
        bestValidationLoss_ = metrics.validation.loss;
        bestEpoch_ = metrics.epoch;
        if (bestWeights_.empty())
            for (const NamedParameter& p : parameters)
                bestWeights_.push_back(
                    backend.allocate(p.parameter->value.shape(), p.parameter->value.dtype()));
        for (size_t i = 0; i < parameters.size(); ++i)
            backend.copy(parameters[i].parameter->value, bestWeights_[i]);
    } else if (metrics.epoch - bestEpoch_ >= settings_.patience) {
        for (size_t i = 0; i < parameters.size(); ++i)
            backend.copy(bestWeights_[i], parameters[i].parameter->value);
        stoppedEarly_ = true;
    }
}

EpochMetrics Trainer::evaluate() {
    const FlushDenormals flushDenormals;
    EpochMetrics metrics;
    metrics.epoch = epochs_;
    metrics.steps = steps_;
    metrics.regression = dataset_.task == Task::Regression;
    metrics.train = evaluate(train_);
    if (dataset_.task == Task::Classification) {
        testConfusion_.classes = dataset_.classCount;
        testConfusion_.counts.assign(static_cast<size_t>(dataset_.classCount * dataset_.classCount),
                                     0);
        metrics.test = evaluate(test_, &testConfusion_);
    } else {
        metrics.test = evaluate(test_);
    }
    metrics.hasValidation = validation_.host->count > 0;
    if (metrics.hasValidation) metrics.validation = evaluate(validation_);
    if (regularization_
            .active()) {  // the reported cost includes the penalty, as training minimises it
        const double penalty = regularization_.penalty(network_.backend(), network_.parameters());
        metrics.train.loss += penalty;
        if (test_.host->count > 0) metrics.test.loss += penalty;
        if (metrics.hasValidation) metrics.validation.loss += penalty;
    }
    return metrics;
}

SplitMetrics Trainer::evaluateTest() {
    const FlushDenormals flushDenormals;
    SplitMetrics metrics = evaluate(test_);
    if (regularization_.active() && test_.host->count > 0)
        metrics.loss += regularization_.penalty(network_.backend(), network_.parameters());
    return metrics;
}

ConfusionMatrix Trainer::confusion(Part part) {
    if (dataset_.task != Task::Classification)
        throw InputError("a confusion matrix needs classes, " + dataset_.name + " has values");
    ConfusionMatrix matrix;
    matrix.classes = dataset_.classCount;
    matrix.counts.assign(static_cast<size_t>(matrix.classes * matrix.classes), 0);
    evaluate(part == Part::Train ? train_ : test_, &matrix);
    return matrix;
}

SplitMetrics Trainer::evaluate(const DeviceSplit& split, ConfusionMatrix* confusion) {
    SplitMetrics result;
    const DataSplit& host = *split.host;
    if (host.count == 0) return result;
    network_.prepare({});  // measured as the network predicts: no dropout, no noise
    Backend& backend = network_.backend();
    const int64_t chunk = network_.maxRows();
    const int64_t outputs = network_.outputSize();
    Tensor inputs = backend.allocate({chunk, network_.inputSize()}, network_.dtype());
    Tensor targets = backend.allocate({chunk, targetSteps_ * outputs}, network_.dtype());
    std::vector<float> predictions;
    double lossSum = 0, squaredErrorSum = 0;
    int64_t correct = 0;
    for (int64_t start = 0; start < host.count; start += chunk) {
        const int64_t rows = std::min(chunk, host.count - start);
        inputs.setRows(rows);
        targets.setRows(rows);
        gatherInputs(split, heldIdentity_, start, inputs);
        backend.gatherHeldRows(split.targets, heldIdentity_, start, targets);
        network_.forward(inputs);
        // The mean over the chunk's steps (N*T rows, or N); every sample has as many steps, so
        // weighted by the chunk's N these make the mean over all steps of the split.
        lossSum += network_.computeLoss(stepRows(targets)) * static_cast<double>(rows);
        // One answer a sample, or one a time step: sample n's step t is answer n*T + t, as
        // its label or target values are.
        const int64_t answers = rows * targetSteps_;
        const int64_t first = start * targetSteps_;
        predictions.resize(static_cast<size_t>(answers * outputs));
        backend.download(network_.predictions(), std::span<float>(predictions));
        for (int64_t n = 0; n < answers; ++n) {
            const float* row = predictions.data() + n * outputs;
            if (dataset_.task == Task::Regression) {
                for (int64_t k = 0; k < outputs; ++k) {
                    const double difference =
                        row[k] - host.targets[static_cast<size_t>((first + n) * outputs + k)];
                    squaredErrorSum += difference * difference;
                }
            } else {
                const int32_t predicted =
                    outputs == 1 ? (row[0] >= 0.5f ? 1 : 0)
                                 : static_cast<int32_t>(std::max_element(row, row + outputs) - row);
                const int32_t truth = host.labels[static_cast<size_t>(first + n)];
                correct += predicted == truth;
                if (confusion)
                    ++confusion
                          ->counts[static_cast<size_t>(truth * confusion->classes + predicted)];
            }
        }
    }
    result.loss = lossSum / static_cast<double>(host.count);
    const double count =
        static_cast<double>(host.count * targetSteps_);  // answers: samples x steps
    if (dataset_.task == Task::Regression) {
        result.rmse = std::sqrt(squaredErrorSum / (count * static_cast<double>(outputs)));
    } else {
        result.accuracy = static_cast<double>(correct) / count;
        result.errorRate = 1.0 - result.accuracy;
    }
    return result;
}

Tensor Trainer::stepRows(const Tensor& sampleRows) const {
    if (targetSteps_ == 1) return sampleRows;
    return sampleRows.reshaped({sampleRows.rows() * targetSteps_, network_.outputSize()});
}

bool Trainer::beforeLayer(Pass pass, int layerIndex) {
    // The first forward layer starts the step: that boundary is the batch boundary in train().
    if (control_ && !(pass == Pass::Forward && layerIndex == 0) &&
        !control_->permit(Boundary::Layer))
        return false;
    for (TrainingObserver* observer : observers_) observer->beforeLayer(pass, layerIndex);
    return true;
}

void Trainer::afterLayer(Pass pass, int layerIndex) {
    for (TrainingObserver* observer : observers_) observer->afterLayer(pass, layerIndex);
}

}  // namespace koto
