#pragma once
// Records a StepTrace of one real training step by watching the trainer through its observer
// hooks: after each layer's forward and backward pass it copies the layer's traced tensors to
// the host; between the backward pass and the update it keeps the weights and the optimizer's
// state; after the step it adds the new weights and state. Everything runs on the training
// thread, between layers, where observers may read the network.
//
// Recording costs downloads of every tensor: arm the tracer for the steps a learner inspects,
// not for training at full speed (disarmed, each hook returns at once).

#include <optional>
#include <span>

#include "inspect/step_trace.h"
#include "training/trainer.h"

namespace koto {

class StepTracer final : public TrainingObserver {
public:
    explicit StepTracer(Trainer& trainer) : trainer_(trainer) {}

    // Records the next step that starts (on the training thread, or before training runs).
    // sample: the training sample a one-sample step trains on (-1: the next mini-batch).
    void arm(int32_t sample = -1);
    bool armed() const { return state_ != State::Idle; }
    // The trace of the step recorded since arm(), once that step has finished (then the tracer
    // is idle again); nothing while it runs, or if it was cancelled before its update.
    std::optional<StepTrace> take();

    void beforeLayer(Pass pass, int layerIndex) override;
    void afterLayer(Pass pass, int layerIndex) override;
    void afterStep(const StepReport& report) override;

private:
    enum class State { Idle, Armed, Recording, Done };
    TracedTensor download(const std::string& name, const Tensor& tensor) const;
    std::vector<TracedTensor> download(const std::vector<TracedBuffer>& buffers) const;
    // The L1 and L2 penalties' constants "l1" and "l2", those in use.
    void addPenaltyConstants(TraceStage& stage) const;

    Trainer& trainer_;
    State state_ = State::Idle;
    int32_t sample_ = -1;
    StepTrace trace_;
    TraceStage update_;  // filled before the update (w, state), finished after it
};

// Makes one real training step with a tracer watching and returns its trace: on the next
// mini-batch, or on one chosen training sample (Trainer::stepOn). Nothing if the trainer's
// control cancelled the step.
std::optional<StepTrace> traceStep(Trainer& trainer, int32_t sample = -1);

}  // namespace koto
