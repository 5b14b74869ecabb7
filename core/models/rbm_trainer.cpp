#include "models/rbm_trainer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "util/errors.h"
#include "util/flush_denormals.h"

namespace koto {
namespace {

void requireProbabilities(const DataSplit& split, int64_t width, const std::string& name) {
    for (size_t i = 0; i < split.inputs.size(); ++i)
        if (!(split.inputs[i] >= 0.0f && split.inputs[i] <= 1.0f))
            throw InputError(
                "an RBM's visible units are binary, so its inputs must lie in [0, 1], but sample " +
                std::to_string(static_cast<int64_t>(i) / width + 1) + " of " + name + " has " +
                std::to_string(split.inputs[i]));
}

}  // namespace

RbmTrainer::RbmTrainer(Rbm& rbm, Optimizer& optimizer, const Dataset& dataset,
                       TrainingSettings settings, RbmTraining training)
    : rbm_(rbm), optimizer_(optimizer), dataset_(dataset), settings_(std::move(settings)),
      training_(training),
      shuffleRandom_(settings_.seed, 0x73687566) /* "shuf", as the network trainer */ {
    if (settings_.batchSize < 1) throw InputError("the batch size must be at least 1");
    if (!(settings_.learningRate > 0) || !std::isfinite(settings_.learningRate))
        throw InputError("the learning rate must be a positive number");
    if (dataset.inputSize != rbm.shape().visible)
        throw InputError(dataset.name + " has " + std::to_string(dataset.inputSize) +
                         " inputs per sample but the RBM has " +
                         std::to_string(rbm.shape().visible) + " visible units");
    if (dataset.train.count < 1) throw InputError(dataset.name + " has no training samples");
    requireProbabilities(dataset.train, dataset.inputSize, dataset.name);
    requireProbabilities(dataset.test, dataset.inputSize, dataset.name);
    settings_.batchSize = std::min(settings_.batchSize, dataset.train.count);
    if (settings_.batchSize > rbm.maxRows())
        throw InputError("the RBM was built for batches of at most " +
                         std::to_string(rbm.maxRows()) + " rows");
    train_ = upload(dataset.train);
    test_ = upload(dataset.test);
    batch_ = rbm.backend().allocate({settings_.batchSize, rbm.shape().visible}, rbm.dtype());
    batchesPerEpoch_ = (dataset.train.count + settings_.batchSize - 1) / settings_.batchSize;
    order_.resize(static_cast<size_t>(dataset.train.count));
    std::iota(order_.begin(), order_.end(), 0);
    identity_.resize(static_cast<size_t>(std::max(dataset.train.count, dataset.test.count)));
    std::iota(identity_.begin(), identity_.end(), 0);
}

RbmTrainer::DeviceSplit RbmTrainer::upload(const DataSplit& split) {
    DeviceSplit device;
    device.count = split.count;
    if (split.count == 0) return device;
    Backend& backend = rbm_.backend();
    device.bytes = !split.pixels.empty();
    device.inputs = backend.allocate({split.count, rbm_.shape().visible},
                                     device.bytes ? DType::UInt8 : rbm_.dtype());
    if (device.bytes) backend.upload(std::span<const uint8_t>(split.pixels), device.inputs);
    else backend.upload(std::span<const float>(split.inputs), device.inputs);
    return device;
}

void RbmTrainer::gather(const DeviceSplit& split, std::span<const int32_t> rows,
                        Tensor& destination) {
    destination.setRows(static_cast<int64_t>(rows.size()));
    if (split.bytes) rbm_.backend().gatherRowsScaled(split.inputs, rows, 1.0 / 255.0, destination);
    else rbm_.backend().gatherRows(split.inputs, rows, destination);
}

void RbmTrainer::train(int64_t epochs, const EpochReport& report) {
    const int64_t target = epochs_ + epochs;
    while (epochs_ < target)
        if (step() && report) report(curve_.back());
}

bool RbmTrainer::step() {
    const FlushDenormals flushDenormals;
    if (nextBatch_ == 0) {
        for (size_t i = order_.size(); i > 1; --i)
            std::swap(order_[i - 1], order_[shuffleRandom_.below(i)]);
        epochStart_ = std::chrono::steady_clock::now();
    }
    const int64_t start = nextBatch_ * settings_.batchSize;
    const int64_t rows = std::min(settings_.batchSize, dataset_.train.count - start);
    gather(train_, std::span<const int32_t>(order_.data() + start, static_cast<size_t>(rows)),
           batch_);
    ++steps_;
    if (training_.persistent)
        rbm_.persistentContrastiveDivergence(batch_, training_.cdSteps, settings_.seed,
                                             static_cast<uint64_t>(steps_));
    else
        rbm_.contrastiveDivergence(batch_, training_.cdSteps, settings_.seed,
                                   static_cast<uint64_t>(steps_));
    if (const auto diverged =
            optimizer_.apply(rbm_.backend(), rbm_.parameters(), settings_.learningRate))
        throw DivergenceError(steps_, "rbm",
                              "step " + std::to_string(steps_) + ": the update of " + *diverged +
                                  " would make a weight NaN or infinite; lower the learning rate");
    if (++nextBatch_ < batchesPerEpoch_) return false;
    nextBatch_ = 0;
    ++epochs_;
    RbmEpochMetrics metrics = evaluate();
    metrics.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - epochStart_).count();
    curve_.push_back(metrics);
    return true;
}

std::pair<double, double> RbmTrainer::measure(const DeviceSplit& split) {
    double error = 0, energy = 0;
    for (int64_t start = 0; start < split.count; start += settings_.batchSize) {
        const int64_t rows = std::min(settings_.batchSize, split.count - start);
        gather(split, std::span<const int32_t>(identity_.data() + start, static_cast<size_t>(rows)),
               batch_);
        error += rbm_.reconstructionError(batch_) * static_cast<double>(rows);
        energy += rbm_.meanFreeEnergy(batch_) * static_cast<double>(rows);
    }
    const double count = static_cast<double>(std::max<int64_t>(split.count, 1));
    return {error / count, energy / count};
}

RbmEpochMetrics RbmTrainer::evaluate() {
    RbmEpochMetrics metrics;
    metrics.epoch = epochs_;
    metrics.steps = steps_;
    std::tie(metrics.trainReconstructionError, metrics.trainFreeEnergy) = measure(train_);
    if (test_.count > 0)
        std::tie(metrics.testReconstructionError, metrics.testFreeEnergy) = measure(test_);
    return metrics;
}

}  // namespace koto
