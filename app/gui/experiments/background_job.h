#pragma once
// Work of the experiments window (a race of networks, a sweep) on a thread of its own, so that
// the window stays smooth: one job at a time, cancelled between epochs or training steps, its
// results handed to the GUI thread as they come. The work never touches a widget; it posts
// functions that the GUI thread runs (dropped if the job's owner is gone by then).

#include <QObject>
#include <atomic>
#include <functional>
#include <memory>
#include <thread>

#include "training/training_control.h"

namespace koto::gui {

class BackgroundJob : public QObject {
    Q_OBJECT
public:
    explicit BackgroundJob(QObject* parent = nullptr) : QObject(parent) {}
    ~BackgroundJob() override;

    // What the work gets: a control that cancel() stops (pass it to training runs: they stop
    // between layers), and a way to run a function on the GUI thread.
    struct Context {
        TrainingControl& control;
        std::function<void(std::function<void()>)> post;
        bool cancelled() const { return control.state() == TrainingControl::State::Stopped; }
    };
    // Starts the work (a job still running is cancelled and waited for first); finished() is
    // emitted on the GUI thread after the work returns, whether it ran to the end or was
    // cancelled. An exception from the work reaches failed() with its message.
    void start(std::function<void(Context&)> work);
    void cancel();
    bool running() const { return running_; }
    // Waits for the work to end (tests, and closing the window).
    void wait();

signals:
    void finished();
    void failed(const QString& message);

private:
    std::thread thread_;
    std::shared_ptr<TrainingControl> control_;
    bool running_ = false;
    uint64_t generation_ = 0;  // GUI thread only
};

}  // namespace koto::gui
