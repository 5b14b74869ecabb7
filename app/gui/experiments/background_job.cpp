#include "experiments/background_job.h"

#include <pthread.h>

namespace koto::gui {

BackgroundJob::BackgroundJob(QObject* parent) : QObject(parent) {
    poll_.setInterval(20);
    connect(&poll_, &QTimer::timeout, this, &BackgroundJob::deliver);
}

BackgroundJob::~BackgroundJob() { stopThread(); }

void BackgroundJob::stopThread() {
    cancel();
    if (thread_.joinable()) thread_.join();
    poll_.stop();
    running_ = false;
    const std::lock_guard lock(mutex_);
    posted_.clear();  // a cancelled job's results are not shown after another has started
}

void BackgroundJob::start(std::function<void(Context&)> work) {
    stopThread();
    {
        const std::lock_guard lock(mutex_);
        ended_ = false;
        problem_.clear();
    }
    control_ = std::make_shared<TrainingControl>(TrainingControl::State::Running);
    running_ = true;
    poll_.start();
    thread_ = std::thread([this, control = control_, work = std::move(work)] {
        pthread_setname_np(pthread_self(), "experiment");
        Context context{*control, [this](std::function<void()> function) {
                            const std::lock_guard lock(mutex_);
                            posted_.push_back(std::move(function));
                        }};
        QString problem;
        try {
            work(context);
        } catch (const std::exception& error) {
            problem = QString::fromStdString(error.what());
        }
        const std::lock_guard lock(mutex_);
        ended_ = true;
        problem_ = problem;
    });
}

void BackgroundJob::deliver() {
    std::vector<std::function<void()>> posted;
    bool ended = false;
    QString problem;
    {
        const std::lock_guard lock(mutex_);
        posted.swap(posted_);
        ended = ended_;
        problem = problem_;
    }
    for (const auto& function : posted) function();
    if (!ended) return;
    // Everything it posted before it ended has run: the job is over.
    thread_.join();
    poll_.stop();
    running_ = false;
    if (!problem.isEmpty()) emit failed(problem);
    emit finished();
}

void BackgroundJob::cancel() {
    if (control_) control_->stop();
}

}  // namespace koto::gui
