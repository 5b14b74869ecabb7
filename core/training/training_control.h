#pragma once
// Run / pause / step / stop for a training run, set from any thread (the GUI) and obeyed by the
// training thread at the boundaries between layers, batches and epochs.
//
// The training thread calls permit(boundary) each time it reaches a boundary. While running it
// returns true at once. Pausing takes effect at the next batch or epoch boundary, so that a paused
// network always holds the weights of whole steps. A step request lets training go on until the
// next boundary of that size or a larger one (a batch step ends at the next batch or epoch
// boundary), where it pauses again; after a layer step it also waits between layers. A step
// always does some work: asked for while the training thread waits at a boundary, or before it
// has reached its first one, the step starts at that boundary rather than ending there. After
// stop() every permit() returns false without waiting, between layers too.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>

namespace koto {

enum class Boundary { Layer = 0, Batch = 1, Epoch = 2 };

class TrainingControl {
public:
    enum class State { Running, Paused, Stopped };

    explicit TrainingControl(State initial = State::Running) : state_(initial) { updateFree(); }

    void run();
    void pause();
    void stop();
    // Continue until the next boundary of this size (Layer: one layer's forward or backward,
    // Batch: one training step, Epoch: to the end of the epoch), then pause.
    void step(Boundary size);

    State state() const;

    // Called on the training thread, each time it is about to wait while paused (after a step
    // has finished, for instance): the moment to publish what the learner should see.
    void setPauseCallback(std::function<void(Boundary)> callback);
    // Asks a training thread that waits while paused to call the pause callback once more, and
    // go on waiting (the app asks for a fresh snapshot this way, to save the run). A thread that
    // is working calls it when it next pauses anyway.
    void callPauseCallbackAgain();

    // The training thread's side.
    bool permit(Boundary boundary);

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    State state_;
    bool stepping_ = false;
    Boundary stepSize_ = Boundary::Batch;
    bool layerStepping_ = false;  // the last step request was a layer step
    // Whether the step requested has passed a boundary yet (only then can a boundary end it).
    bool stepBegun_ = false;
    // Whether the training thread is between boundaries, working: it has passed a permit() and
    // is not waiting in one.
    std::atomic<bool> working_{false};
    std::function<void(Boundary)> onPause_;
    bool callAgain_ = false;  // callPauseCallbackAgain() was asked
    // True while running with no step request: permit() then answers without taking the lock,
    // so a training step never waits on a mutex.
    std::atomic<bool> free_{false};

    void updateFree() {
        free_.store(state_ == State::Running && !stepping_, std::memory_order_release);
    }
};

}  // namespace koto
