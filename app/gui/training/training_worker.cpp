#include "training/training_worker.h"

#include <limits>

#include "training/checkpoint.h"
#include "training/cpu_fallback.h"
#include "training/worker_reporter.h"
#include "util/errors.h"

namespace koto::gui {

// Where the worker computes: the Compute menu's device, held by the controller's ComputeBackend;
// while OpenCL kernels compile, a snapshot says so.
class TrainingWorker::Place final : public ComputePlace {
public:
    Place(const RunRequest& request, SnapshotMailbox& mailbox)
        : request_(request), mailbox_(mailbox) {}

    Backend& backend() override {
        return request_.compute->acquire(request_.device, [this] {
            TrainingSnapshot preparing;
            preparing.generation = request_.generation;
            preparing.preparingKernels = true;
            preparing.backendName = QString::fromStdString(request_.device.name);
            mailbox_.post(std::move(preparing));
        });
    }

    Backend& fallBackToCpu(const DeviceFailure& failure) override {
        std::string reason = failure.what;
        if (failure.takeover)
            reason += "; training goes on from step " + std::to_string(failure.takeover->steps) +
                      " (epoch " + std::to_string(failure.takeover->epochs) + ")";
        return request_.compute->fallBackToCpu(reason);
    }

private:
    const RunRequest& request_;
    SnapshotMailbox& mailbox_;
};

// What watches each TrainingRun of the worker: the inspector's tracer and the reporter. A run
// resumed on the CPU after its device failed is watched afresh, its reporter going on from the
// last epoch the GUI was sent.
class TrainingWorker::Watcher final : public RunWatcher {
public:
    explicit Watcher(TrainingWorker& worker) : worker_(worker) {}

    Reporter* reporter() { return reporter_.get(); }

    void watch(TrainingRun& run, bool resumed) override {
        Trainer& trainer = run.trainer();
        if (!resumed) startHistory(run);
        // First: an epoch's checkpoint is taken before the reporter posts that epoch.
        keeper_ = std::make_unique<HistoryKeeper>(trainer, worker_.history_);
        trainer.addObserver(keeper_.get());
        tracer_ = std::make_unique<StepTracer>(trainer);
        reporter_ = std::make_unique<Reporter>(run, worker_.request_, worker_.history_,
                                               *worker_.control_, *worker_.live_,
                                               worker_.mailbox_, *tracer_, *worker_.traces_,
                                               publishedEpoch_);
        trainer.addObserver(tracer_.get());
        trainer.addObserver(reporter_.get());
        // The inspector's request is taken as a step starts: trace it, on one sample if asked.
        const int64_t samples = run.dataset().train.count;
        TracedStepExchange& traces = *worker_.traces_;
        StepTracer& tracer = *tracer_;
        trainer.setStepChoice([&traces, &tracer, samples]() -> std::optional<std::vector<int32_t>> {
            const std::optional<int32_t> sample = traces.takeRequest();
            if (!sample) return std::nullopt;
            const auto chosen = static_cast<int32_t>(std::min<int64_t>(*sample, samples - 1));
            tracer.arm(chosen);
            if (chosen < 0) return std::nullopt;
            return std::vector<int32_t>{chosen};
        });
        TrainingControl& control = *worker_.control_;
        Reporter& reporter = *reporter_;
        control.setPauseCallback([&control, &traces, &reporter](Boundary boundary) {
            // A traced step asked for while a step was under way: make it now, instead of waiting.
            if (boundary != Boundary::Layer && traces.hasRequest()) {
                control.step(Boundary::Batch);
            } else {
                reporter.applyEdits();
                reporter.publish();
            }
        });
        if (resumed) reporter.publish();
    }

    void unwatch() override {
        worker_.control_->setPauseCallback(nullptr);
        if (reporter_) publishedEpoch_ = reporter_->publishedEpoch();
        reporter_.reset();
        tracer_.reset();
        keeper_.reset();
    }

private:
    // A history as many checkpoints long as fit the memory budget for this network, holding
    // those of the run before a fork or of a project.
    void startHistory(TrainingRun& run) {
        worker_.history_ = historyFor(run);
        const RunRequest& request = worker_.request_;
        const std::vector<RunCheckpoint>* earlier =
            request.forkFrom       ? &request.forkFrom->history
            : request.continueFrom ? &request.continueFrom->checkpoints
                                   : nullptr;
        if (!earlier) return;
        const int64_t epoch = run.trainer().epochsDone();
        for (const RunCheckpoint& checkpoint : *earlier)
            if (checkpoint.epoch < epoch) worker_.history_.add(checkpoint);
    }

    TrainingWorker& worker_;
    std::unique_ptr<HistoryKeeper> keeper_;
    std::unique_ptr<StepTracer> tracer_;
    std::unique_ptr<Reporter> reporter_;
    int64_t publishedEpoch_ = 0;  // the last epoch the GUI was sent, by the runs before
};

void TrainingWorker::run() {
    Place place(request_, mailbox_);
    Watcher watcher(*this);
    request_.settings.learningRate = live_->learningRate.load();
    request_.settings.momentum = live_->momentum.load();
    FallbackTraining::Plan plan{request_.spec,
                                request_.dataset,
                                request_.settings,
                                control_.get(),
                                std::numeric_limits<int64_t>::max() / 2,
                                nullptr};
    if (request_.forkFrom)
        plan.prepare = [this](TrainingRun& run) {
            resumeFromRunCheckpoint(run, request_.forkFrom->checkpoint, request_.forkFrom->curve);
        };
    else if (request_.continueFrom)
        plan.prepare = [this](TrainingRun& run) {
            continueFromProject(run, *request_.continueFrom);
        };
    FallbackTraining training(std::move(plan), watcher);
    try {
        trainWithCpuFallback(place, training);
        if (training.outcome() == Trainer::Outcome::StoppedEarly)
            watcher.reporter()->publish();  // the best epoch's weights, restored
    } catch (const DivergenceError& error) {
        control_->setPauseCallback(nullptr);
        watcher.reporter()->publish(&error);
    } catch (const std::exception& error) {
        TrainingSnapshot failed;
        failed.generation = request_.generation;
        failed.failure = QString::fromStdString(error.what());
        mailbox_.post(std::move(failed));
    }
    control_->setPauseCallback(nullptr);
}

}  // namespace koto::gui
