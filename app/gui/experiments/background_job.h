#pragma once
// Work of the experiments window (a race of networks, a sweep) on a thread of its own, so that
// the window stays smooth: one job at a time, cancelled between training steps, its results
// handed to the GUI thread as they come. The work never touches a widget: it posts functions into
// a queue (a std::mutex, which ThreadSanitizer sees, as the training thread's mailbox does) that a
// timer on the GUI thread empties and runs.

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "training/training_control.h"

namespace koto::gui {

class BackgroundJob : public QObject {
    Q_OBJECT
public:
    explicit BackgroundJob(QObject* parent = nullptr);
    ~BackgroundJob() override;

    // What the work gets: a control that cancel() stops (pass it to training runs: they stop
    // between layers), and a way to run a function on the GUI thread.
    struct Context {
        TrainingControl& control;
        std::function<void(std::function<void()>)> post;
        bool cancelled() const { return control.state() == TrainingControl::State::Stopped; }
    };
    // Starts the work (a job still running is cancelled and waited for first, and what it posted
    // and was not run yet is dropped). After the work returns and all it posted has run,
    // finished() is emitted, whether it ran to the end or was cancelled; an exception from the
    // work reaches failed() with its message first.
    void start(std::function<void(Context&)> work);
    void cancel();
    bool running() const { return running_; }

signals:
    void finished();
    void failed(const QString& message);

private:
    // On the GUI thread: runs what the work posted; once it has ended, says so.
    void deliver();
    void stopThread();

    std::thread thread_;
    std::shared_ptr<TrainingControl> control_;
    QTimer poll_;
    bool running_ = false;  // GUI thread only

    std::mutex mutex_;  // guards the three below
    std::vector<std::function<void()>> posted_;
    bool ended_ = false;
    QString problem_;
};

}  // namespace koto::gui
