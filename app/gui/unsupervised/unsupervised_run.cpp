#include "unsupervised_run.h"

#include <chrono>
#include <exception>
#include <utility>

#include "training/cpu_fallback.h"
#include "util/errors.h"

namespace koto::gui {
namespace {

// Drawing a snapshot runs the model on the shown images (and an RBM's Gibbs chain of 200 steps):
// twice a second keeps that a small share of the training time.
constexpr std::chrono::milliseconds kPublishInterval{500};

}  // namespace

// The Compute menu's device; while OpenCL kernels compile, a snapshot says so.
class UnsupervisedRun::Place final : public ComputePlace {
public:
    explicit Place(UnsupervisedRun& owner) : owner_(owner) {}

    Backend& backend() override {
        const UnsupervisedRequest& request = owner_.request_;
        return request.compute->acquire(request.device, [this, &request] {
            auto preparing = std::make_shared<UnsupervisedSnapshot>();
            preparing->preparingKernels = true;
            preparing->backendName = QString::fromStdString(request.device.name);
            owner_.publish_(std::move(preparing));
        });
    }

    // The model keeps no checkpoints: after a failure while training it starts again on the CPU.
    Backend& fallBackToCpu(const DeviceFailure& failure) override {
        const UnsupervisedRequest& request = owner_.request_;
        std::string reason = failure.what;
        if (failure.takeover)
            reason += std::string("; training starts again on the CPU from ") +
                      (request.continueFrom ? "the project's weights" : "the initial weights");
        return request.compute->fallBackToCpu(reason);
    }

private:
    UnsupervisedRun& owner_;
};

// The model under core's fallback loop: trains a mini-batch at a time as the control permits.
class UnsupervisedRun::Training final : public RecoverableRun {
public:
    explicit Training(UnsupervisedRun& owner) : owner_(owner) {}

    void build(Backend& backend) override {
        const UnsupervisedRequest& request = owner_.request_;
        model_ = UnsupervisedModel::make(backend, request.dataset, request.settings,
                                         request.continueFrom.get());
    }

    void train() override {
        UnsupervisedModel& model = *model_;
        UnsupervisedRun& run = owner_;
        // Each pause shows where training stopped (the control calls this as it starts to wait,
        // and again when asked to); while it runs, the epochs and the pace.
        bool shownRunning = false;  // a snapshot since the last pause said that training runs
        run.control_.setPauseCallback([&run, &model, &shownRunning](Boundary) {
            run.publish(model, true, run.projectWanted_.exchange(false));
            shownRunning = false;
        });
        auto lastPublish = std::chrono::steady_clock::now();
        while (run.control_.permit(Boundary::Batch)) {
            if (run.playing_ && model.epochsDone() >= run.epochTarget_) {
                run.playing_ = false;  // all epochs done: wait for more, or for a Step
                run.control_.pause();
                continue;
            }
            const bool epochEnded = model.step();
            const bool wantProject = run.projectWanted_.exchange(false);
            if (wantProject || epochEnded || !shownRunning ||
                std::chrono::steady_clock::now() - lastPublish >= kPublishInterval) {
                run.publish(model, false, wantProject);
                lastPublish = std::chrono::steady_clock::now();
                shownRunning = true;
            }
        }
        run.control_.setPauseCallback(nullptr);
    }

    Takeover salvage() override {
        discard();
        return {0, 0, true};
    }

    void resume(Backend& cpu) override { build(cpu); }

    void discard() override {
        owner_.control_.setPauseCallback(nullptr);
        model_.reset();
    }

private:
    UnsupervisedRun& owner_;
    std::unique_ptr<UnsupervisedModel> model_;
};

UnsupervisedRun::UnsupervisedRun(UnsupervisedRequest request, Publish publish)
    : request_(std::move(request)), publish_(std::move(publish)),
      epochTarget_(request_.settings.epochs), thread_([this] {
          try {
              Place place(*this);
              Training training(*this);
              trainWithCpuFallback(place, training);
          } catch (const std::exception& error) {
              auto failed = std::make_shared<UnsupervisedSnapshot>();
              failed->failure = QString::fromStdString(error.what());
              publish_(std::move(failed));
          }
      }) {}

UnsupervisedRun::~UnsupervisedRun() {
    control_.stop();
    thread_.join();
}

void UnsupervisedRun::play() {
    playing_ = true;
    control_.run();
}

void UnsupervisedRun::pause() {
    playing_ = false;
    control_.pause();
}

void UnsupervisedRun::step() {
    playing_ = false;
    control_.step(Boundary::Batch);
}

void UnsupervisedRun::setEpochs(int64_t epochs) {
    epochTarget_ = epochs;
    control_.callPauseCallbackAgain();  // a paused run says whether Play can go on now
}

void UnsupervisedRun::requestProject() {
    projectWanted_ = true;
    control_.callPauseCallbackAgain();
}

void UnsupervisedRun::publish(UnsupervisedModel& model, bool paused, bool withProject) {
    auto snapshot = std::make_shared<UnsupervisedSnapshot>();
    snapshot->steps = model.stepsDone();
    snapshot->batchesPerEpoch = model.batchesPerEpoch();
    snapshot->epochs = model.epochs();
    snapshot->paused = paused;
    snapshot->finished = model.epochsDone() >= epochTarget_;
    snapshot->pictures = model.pictures();
    snapshot->describeCompute(model.backend().name(), *request_.compute);
    if (withProject)
        snapshot->project = std::make_shared<const Project>(model.capture(request_.datasetSpec));
    publish_(std::move(snapshot));
}

}  // namespace koto::gui
