#include "training/cpu_fallback.h"

#include <utility>

#include "util/errors.h"

namespace koto {

void trainWithCpuFallback(ComputePlace& place, RecoverableRun& run) {
    Backend* backend = &place.backend();
    try {
        run.build(*backend);
    } catch (const DeviceError& error) {
        if (!backend->isDevice()) throw;
        run.discard();  // before the device's backend goes
        backend = &place.fallBackToCpu({error.what(), std::nullopt});
        run.build(*backend);
    }
    while (true) {
        try {
            run.train();
            return;
        } catch (const DeviceError& error) {
            if (!backend->isDevice()) throw;  // not a device: nothing to fall back from
            const Takeover takeover = run.salvage();
            backend = &place.fallBackToCpu({error.what(), takeover});
            run.resume(*backend);
        }
    }
}

FallbackTraining::FallbackTraining(Plan plan, RunWatcher& watcher)
    : plan_(std::move(plan)), watcher_(watcher) {}

void FallbackTraining::attach(bool resumed) {
    // Only a device can fail in the middle of training; the CPU needs no checkpoints. The keeper
    // comes first among the observers (see CheckpointKeeper).
    if (run_->network().backend().isDevice()) {
        keeper_ = std::make_unique<CheckpointKeeper>(run_->trainer());
        run_->trainer().addObserver(keeper_.get());
    }
    watcher_.watch(*run_, resumed);
}

void FallbackTraining::build(Backend& backend) {
    run_ = std::make_unique<TrainingRun>(backend, plan_.spec, plan_.dataset, plan_.settings,
                                         plan_.control);
    if (plan_.prepare) plan_.prepare(*run_);
    attach(false);
}

void FallbackTraining::train() {
    const int64_t done = resumedFrom_ ? resumedFrom_->epochs : 0;
    outcome_ = run_->trainer().train(plan_.epochs - done);
}

Takeover FallbackTraining::salvage() {
    TrainingCheckpoint checkpoint = keeper_->recover();
    plan_.settings = run_->trainer().settings();  // with the changes made while it ran
    discard();
    const Takeover takeover{checkpoint.steps, checkpoint.epochs,
                            checkpoint.taken == TrainingCheckpoint::Taken::AtStart};
    resumedFrom_ = std::move(checkpoint);
    return takeover;
}

void FallbackTraining::resume(Backend& cpu) {
    run_ = resumeTrainingRun(cpu, plan_.spec, plan_.dataset, plan_.settings, *resumedFrom_,
                             plan_.control);
    attach(true);
}

void FallbackTraining::discard() {
    if (run_) watcher_.unwatch();
    keeper_.reset();
    run_.reset();
}

}  // namespace koto
