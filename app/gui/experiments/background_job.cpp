#include "experiments/background_job.h"

#include <QMetaObject>
#include <pthread.h>

namespace koto::gui {

BackgroundJob::~BackgroundJob() {
    cancel();
    wait();
}

void BackgroundJob::start(std::function<void(Context&)> work) {
    cancel();
    wait();
    control_ = std::make_shared<TrainingControl>(TrainingControl::State::Running);
    running_ = true;
    const uint64_t generation = ++generation_;
    // Queued to the GUI thread, and only for this job: a cancelled job's last posts, still queued
    // when the next starts, are dropped there. (The thread ends before this object: its
    // destructor waits.)
    auto post = [this, generation](std::function<void()> function) {
        QMetaObject::invokeMethod(
            this,
            [this, generation, function = std::move(function)] {
                if (generation == generation_) function();
            },
            Qt::QueuedConnection);
    };
    thread_ = std::thread([this, control = control_, post, work = std::move(work)] {
        pthread_setname_np(pthread_self(), "experiment");
        Context context{*control, post};
        QString problem;
        try {
            work(context);
        } catch (const std::exception& error) {
            problem = QString::fromStdString(error.what());
        }
        post([this, problem] {
            running_ = false;
            if (!problem.isEmpty()) emit failed(problem);
            emit finished();
        });
    });
}

void BackgroundJob::cancel() {
    if (control_) control_->stop();
}

void BackgroundJob::wait() {
    if (thread_.joinable()) thread_.join();
}

}  // namespace koto::gui
