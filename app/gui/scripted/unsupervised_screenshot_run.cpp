#include "scripted/unsupervised_screenshot_run.h"

#include <QCoreApplication>
#include <QPixmap>
#include <cstdio>

#include "scripted/screenshot_run.h"
#include "unsupervised/unsupervised_window.h"

namespace koto::gui {

UnsupervisedScreenshotRun::UnsupervisedScreenshotRun(UnsupervisedWindow& window, qint64 steps,
                                                     QString path, int timeLimitSeconds)
    : window_(window), steps_(steps), path_(std::move(path)) {
    timeLimit_.setSingleShot(true);
    timeLimit_.setInterval(timeLimitSeconds * 1000);
    connect(&timeLimit_, &QTimer::timeout, this, [this] {
        std::fprintf(stderr, "kotohajime: the Autoencoder and RBM window did not reach the steps "
                             "asked for in time\n");
        finish(1);
    });
    connect(&window_, &UnsupervisedWindow::snapshotShown, this, &UnsupervisedScreenshotRun::check);
}

void UnsupervisedScreenshotRun::start() {
    timeLimit_.start();
    check();
}

void UnsupervisedScreenshotRun::check() {
    const auto shown = window_.shown();
    if (done_ || !shown || shown->preparingKernels) return;
    const bool failed = !shown->failure.isEmpty();
    if (!failed && (!shown->paused || shown->steps < stepsAsked_))
        return;  // the step asked is on its way
    if (!failed && shown->steps < steps_) {
        stepsAsked_ = shown->steps + 1;
        window_.step();
        return;
    }
    done_ = true;
    if (failed) {  // as ScreenshotRun: a run that cannot train ends the script with 3
        std::fprintf(stderr, "kotohajime: cannot train: %s\n", qPrintable(shown->failure));
        finish(3);
        return;
    }
    // After the queued repaints of this snapshot's pictures and curve.
    QTimer::singleShot(100, this,
                       [this] { finish(ScreenshotRun::writePng(window_, path_) ? 0 : 1); });
}

void UnsupervisedScreenshotRun::finish(int exitCode) {
    timeLimit_.stop();
    QCoreApplication::exit(exitCode);
}

}  // namespace koto::gui
