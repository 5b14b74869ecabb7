#include "training/training_control.h"

namespace koto {

void TrainingControl::run() {
    std::lock_guard lock(mutex_);
    if (state_ == State::Stopped) return;
    state_ = State::Running;
    stepping_ = false;
    layerStepping_ = false;
    updateFree();
    changed_.notify_all();
}

void TrainingControl::pause() {
    std::lock_guard lock(mutex_);
    if (state_ == State::Stopped) return;
    state_ = State::Paused;
    stepping_ = false;
    layerStepping_ = false;
    updateFree();
    changed_.notify_all();
}

void TrainingControl::stop() {
    std::lock_guard lock(mutex_);
    state_ = State::Stopped;
    updateFree();
    changed_.notify_all();
}

void TrainingControl::step(Boundary size) {
    std::lock_guard lock(mutex_);
    if (state_ == State::Stopped) return;
    state_ = State::Paused;
    stepping_ = true;
    stepBegun_ = working_.load(std::memory_order_relaxed);
    stepSize_ = size;
    layerStepping_ = size == Boundary::Layer;
    updateFree();
    changed_.notify_all();
}

TrainingControl::State TrainingControl::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

void TrainingControl::setPauseCallback(std::function<void(Boundary)> callback) {
    std::lock_guard lock(mutex_);
    onPause_ = std::move(callback);
}

void TrainingControl::callPauseCallbackAgain() {
    std::lock_guard lock(mutex_);
    callAgain_ = true;
    changed_.notify_all();
}

bool TrainingControl::permit(Boundary boundary) {
    if (free_.load(std::memory_order_acquire)) {
        working_.store(true, std::memory_order_relaxed);
        return true;
    }
    std::unique_lock lock(mutex_);
    if (stepping_ && stepBegun_ && boundary >= stepSize_) {
        stepping_ = false;  // the requested step is done
        updateFree();
    }
    const bool waitsHere = boundary != Boundary::Layer || layerStepping_;
    if (state_ == State::Paused && !stepping_ && waitsHere) {
        working_.store(false, std::memory_order_relaxed);
        callAgain_ = true;  // the first call, as this thread pauses
        while (callAgain_ && state_ == State::Paused && !stepping_) {
            callAgain_ = false;
            if (onPause_) {
                auto callback = onPause_;
                lock.unlock();
                callback(boundary);
                lock.lock();
            }
            changed_.wait(lock,
                          [this] { return state_ != State::Paused || stepping_ || callAgain_; });
        }
    }
    if (stepping_) stepBegun_ = true;  // work goes on under the step request from here
    working_.store(true, std::memory_order_relaxed);
    return state_ != State::Stopped;
}

}  // namespace koto
