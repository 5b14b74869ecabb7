#include "training/training_controller.h"

#include <pthread.h>

namespace koto::gui {

TrainingController::TrainingController(QObject* parent) : QObject(parent) {
    request_.compute = std::make_shared<ComputeBackend>();
    poll_.setInterval(16);
    connect(&poll_, &QTimer::timeout, this, &TrainingController::deliverSnapshot);
    poll_.start();
}

TrainingController::~TrainingController() { stopThread(); }

void TrainingController::start(const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
                               const TrainingSettings& settings,
                               std::shared_ptr<const Project> continueFrom) {
    request_.continueFrom = std::move(continueFrom);
    request_.forkFrom.reset();
    launch(spec, std::move(dataset), settings);
}

void TrainingController::startFrom(const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
                                   const TrainingSettings& settings,
                                   std::shared_ptr<const RunStart> checkpoint) {
    request_.continueFrom.reset();
    request_.forkFrom = std::move(checkpoint);
    launch(spec, std::move(dataset), settings);
}

void TrainingController::reset() {
    request_.continueFrom.reset();  // a fork starts again from where it was forked
    launch();
}

void TrainingController::showEpoch(int64_t epoch) {
    if (!control_) return;
    live_->viewedEpoch = epoch;
    control_->pause();
    setPlaying(false);
    control_->callPauseCallbackAgain();
}

void TrainingController::launch(const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
                                const TrainingSettings& settings) {
    request_.spec = spec;
    request_.dataset = std::move(dataset);
    request_.settings = settings;
    launch();
}

void TrainingController::launch() {
    stopThread();
    ++request_.generation;
    live_->viewedEpoch = -1;
    control_ = std::make_shared<TrainingControl>(TrainingControl::State::Paused);
    traces_ = std::make_shared<TracedStepExchange>();
    auto worker = std::make_shared<TrainingWorker>(request_, control_, live_, mailbox_, traces_);
    thread_ = std::thread([worker] {
        pthread_setname_np(pthread_self(), "training");
        worker->run();
    });
    setPlaying(false);
}

void TrainingController::play() {
    if (!control_) return;
    live_->viewedEpoch = -1;  // training goes on from where the run stands
    control_->run();
    setPlaying(true);
}

void TrainingController::pause() {
    if (!control_) return;
    control_->pause();
    setPlaying(false);
}

void TrainingController::stepBatch() {
    if (!control_) return;
    live_->viewedEpoch = -1;
    control_->step(Boundary::Batch);
    setPlaying(false);
}

void TrainingController::stepEpoch() {
    if (!control_) return;
    live_->viewedEpoch = -1;
    control_->step(Boundary::Epoch);
    setPlaying(false);
}

void TrainingController::traceStep(int32_t sample) {
    if (!control_) return;
    live_->viewedEpoch = -1;
    traces_->request(sample);
    // A step request: if the training thread waits, the step starts now and takes the request;
    // if it is in the middle of a step, that one ends and the thread, about to wait, finds the
    // request still there and steps again itself (TrainingWorker).
    control_->step(Boundary::Batch);
    setPlaying(false);
}

void TrainingController::requestSavedRun() {
    if (!control_) return;
    live_->savedRunWanted = true;
    control_->callPauseCallbackAgain();  // a thread that waits publishes once more
}

bool TrainingController::handOverSavedRun(std::chrono::milliseconds timeout) {
    if (!control_) return false;
    requestSavedRun();
    if (!mailbox_.waitForSavedRun(request_.generation, timeout)) return false;
    deliverSnapshot();
    return true;
}

void TrainingController::setInsidesWanted(bool wanted) {
    if (live_->insidesWanted.exchange(wanted) == wanted || !wanted || !control_) return;
    control_->callPauseCallbackAgain();
}

void TrainingController::setWeightsWanted(bool wanted) {
    if (live_->weightsWanted.exchange(wanted) == wanted || !wanted || !control_) return;
    control_->callPauseCallbackAgain();
}

void TrainingController::setOutputWanted(bool wanted) {
    if (live_->outputWanted.exchange(wanted) == wanted || !wanted || !control_) return;
    control_->callPauseCallbackAgain();
}

void TrainingController::setNetworkWanted(bool wanted) {
    if (live_->networkWanted.exchange(wanted) == wanted || !wanted || !control_) return;
    control_->callPauseCallbackAgain();
}

void TrainingController::setStochasticWanted(bool wanted) {
    if (live_->stochasticWanted.exchange(wanted) == wanted || !wanted || !control_) return;
    control_->callPauseCallbackAgain();
}

void TrainingController::editWeight(const std::string& parameter, int64_t index, float value) {
    if (!control_) return;
    live_->edits.ask({request_.generation, parameter, index, value});
    control_->callPauseCallbackAgain();
}

void TrainingController::setOutputSample(int64_t sample) {
    if (live_->outputSample.exchange(sample) == sample || !control_) return;
    control_->callPauseCallbackAgain();
}

void TrainingController::setInsideSample(int64_t sample) {
    if (live_->insideSample.exchange(sample) == sample || !control_) return;
    control_->callPauseCallbackAgain();
}

void TrainingController::setLearningRate(double rate) {
    live_->learningRate = rate;
    request_.settings.learningRate = rate;
}

void TrainingController::setMomentum(double momentum) {
    live_->momentum = momentum;
    request_.settings.momentum = momentum;
}

void TrainingController::setEpochsPerSecond(double epochsPerSecond) {
    live_->epochsPerSecond = epochsPerSecond;
}

void TrainingController::setStepLimit(int64_t steps) { live_->stepLimit = steps; }

void TrainingController::deliverSnapshot() {
    if (traces_)
        if (std::shared_ptr<const StepTrace> trace = traces_->takeResult())
            emit traceReady(std::move(trace));
    const auto snapshot = mailbox_.take();
    if (!snapshot || snapshot->generation != request_.generation) return;
    if (snapshot->diverged || snapshot->stoppedEarly || !snapshot->failure.isEmpty() ||
        (snapshot->paused && playing_ && control_->state() != TrainingControl::State::Running))
        setPlaying(false);
    emit snapshotReady(snapshot);
}

void TrainingController::stopThread() {
    if (!thread_.joinable()) return;
    control_->stop();
    thread_.join();
}

void TrainingController::setPlaying(bool playing) {
    if (playing_ == playing) return;
    playing_ = playing;
    emit playingChanged(playing);
}

}  // namespace koto::gui
