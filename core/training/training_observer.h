#pragma once
// What a trainer reports while it runs. Observers are called on the training thread, between
// layers and between steps; they may read the network then (never while a layer computes).

#include <cstdint>

#include "network/network.h"
#include "training/metrics.h"

namespace koto {

struct StepReport {
    int64_t step;         // 1-based count of optimizer steps since the start
    int64_t epoch;        // 0-based epoch the step belongs to
    int64_t batch;        // 0-based batch within the epoch
    int64_t rows;         // samples in the batch
    double loss;          // the batch's mean cost before the update
    double learningRate;  // the rate the update used: schedule(A, epoch)
};

class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    // Before a step takes its mini-batch: the moment to change settings (the learning rate, the
    // momentum) so that this step already uses them.
    virtual void beforeStep() {}
    virtual void beforeLayer(Pass pass, int layerIndex) { (void)pass, (void)layerIndex; }
    virtual void afterLayer(Pass pass, int layerIndex) { (void)pass, (void)layerIndex; }
    virtual void afterStep(const StepReport& report) { (void)report; }
    virtual void afterEpoch(const EpochMetrics& metrics) { (void)metrics; }
};

}  // namespace koto
