#include "unsupervised_run.h"

#include <chrono>
#include <exception>
#include <utility>

#include "util/errors.h"

namespace koto::gui {
namespace {

// Drawing a snapshot runs the model on the shown images (and an RBM's Gibbs chain of 200 steps):
// twice a second keeps that a small share of the training time.
constexpr std::chrono::milliseconds kPublishInterval{500};

}  // namespace

UnsupervisedRun::UnsupervisedRun(UnsupervisedRequest request, Publish publish)
    : request_(std::move(request)), publish_(std::move(publish)), epochTarget_(request_.settings.epochs),
      thread_([this] { run(); }) {}

UnsupervisedRun::~UnsupervisedRun() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void UnsupervisedRun::play() {
    {
        const std::lock_guard lock(mutex_);
        playing_ = true;
        changed_ = true;
    }
    wake_.notify_all();
}

void UnsupervisedRun::pause() {
    {
        const std::lock_guard lock(mutex_);
        playing_ = false;
        stepsWanted_ = 0;
        changed_ = true;
    }
    wake_.notify_all();
}

void UnsupervisedRun::step() {
    {
        const std::lock_guard lock(mutex_);
        playing_ = false;
        ++stepsWanted_;
    }
    wake_.notify_all();
}

void UnsupervisedRun::setEpochs(int64_t epochs) {
    {
        const std::lock_guard lock(mutex_);
        epochTarget_ = epochs;
        changed_ = true;
    }
    wake_.notify_all();
}

void UnsupervisedRun::requestProject() {
    {
        const std::lock_guard lock(mutex_);
        projectWanted_ = true;
    }
    wake_.notify_all();
}

void UnsupervisedRun::run() {
    try {
        Backend* backend = nullptr;
        std::unique_ptr<UnsupervisedModel> model = build(backend);
        while (true) {
            try {
                train(*model);
                return;
            } catch (const DeviceError& error) {
                // The device gave out while training: the model starts again on the CPU, and the
                // window's banner says so, as the main window's training does.
                model.reset();  // before its device's backend goes
                Backend& cpu = request_.compute->fallBackToCpu(
                    std::string(error.what()) + "; training starts again on the CPU from " +
                    (request_.continueFrom ? "the project's weights" : "the initial weights"));
                model = UnsupervisedModel::make(cpu, request_.dataset, request_.settings, request_.continueFrom.get());
            }
        }
    } catch (const std::exception& error) {
        auto failed = std::make_shared<UnsupervisedSnapshot>();
        failed->failure = error.what();
        publish_(std::move(failed));
    }
}

std::unique_ptr<UnsupervisedModel> UnsupervisedRun::build(Backend*& backend) {
    backend = &request_.compute->acquire(request_.device, [this] {
        auto preparing = std::make_shared<UnsupervisedSnapshot>();
        preparing->preparingKernels = true;
        preparing->backendName = request_.device.name;
        publish_(std::move(preparing));
    });
    try {
        return UnsupervisedModel::make(*backend, request_.dataset, request_.settings, request_.continueFrom.get());
    } catch (const DeviceError& error) {  // the device took the backend but not this model
        backend = &request_.compute->fallBackToCpu(error.what());
        return UnsupervisedModel::make(*backend, request_.dataset, request_.settings, request_.continueFrom.get());
    }
}

void UnsupervisedRun::train(UnsupervisedModel& model) {
    publish(model, true, false);
    auto lastPublish = std::chrono::steady_clock::now();
    while (true) {
        bool wantProject = false, changed = false, stepping = false;
        {
            std::unique_lock lock(mutex_);
            auto playingOn = [&] { return playing_ && model.epochsDone() < epochTarget_; };
            wake_.wait(lock, [&] { return stopping_ || projectWanted_ || changed_ || stepsWanted_ > 0 || playingOn(); });
            if (stopping_) return;
            wantProject = std::exchange(projectWanted_, false);
            changed = std::exchange(changed_, false);
            stepping = stepsWanted_ > 0 || playingOn();
            if (stepsWanted_ > 0) --stepsWanted_;
        }
        const bool epochEnded = stepping && model.step();
        bool paused = false;
        {
            const std::lock_guard lock(mutex_);
            if (playing_ && model.epochsDone() >= epochTarget_) playing_ = false;  // all epochs done
            paused = !playing_ && stepsWanted_ == 0;
        }
        // Each pause shows where training stopped; while it runs, the epochs and the pace.
        if (wantProject || changed || epochEnded || (stepping && paused) ||
            std::chrono::steady_clock::now() - lastPublish >= kPublishInterval) {
            publish(model, paused, wantProject);
            lastPublish = std::chrono::steady_clock::now();
        }
    }
}

void UnsupervisedRun::publish(UnsupervisedModel& model, bool paused, bool withProject) {
    auto snapshot = std::make_shared<UnsupervisedSnapshot>();
    snapshot->steps = model.stepsDone();
    snapshot->batchesPerEpoch = model.batchesPerEpoch();
    snapshot->epochs = model.epochs();
    snapshot->paused = paused;
    {
        const std::lock_guard lock(mutex_);
        snapshot->finished = model.epochsDone() >= epochTarget_;
    }
    snapshot->pictures = model.pictures();
    snapshot->backendName = model.backend().name();
    snapshot->kernelSeconds = request_.compute->kernelSeconds();
    snapshot->deviceProblem = request_.compute->fallbackReason();
    if (withProject) snapshot->project = std::make_shared<const Project>(model.capture(request_.datasetSpec));
    publish_(std::move(snapshot));
}

}  // namespace koto::gui
