#include "scripted/screenshot_run.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPixmap>
#include <QWidget>
#include <cstdio>

#include "io/atomic_file.h"
#include "util/errors.h"
#include "window/main_window.h"

namespace koto::gui {

ScreenshotRun::ScreenshotRun(MainWindow& window, qint64 steps, QString path, int timeLimitSeconds,
                             QString lateMessage)
    : window_(window), steps_(steps), path_(std::move(path)) {
    timeLimit_.setSingleShot(true);
    timeLimit_.setInterval(timeLimitSeconds * 1000);
    connect(&timeLimit_, &QTimer::timeout, this, [this, lateMessage] {
        std::fprintf(stderr, "kotohajime: %s\n", qPrintable(lateMessage));
        finish(1);
    });
    connect(&window_, &MainWindow::snapshotShown, this, &ScreenshotRun::check);
    // A run that cannot train (its project's settings, data or network refused) ends a script as
    // a file that cannot be opened does, rather than waiting behind the banner.
    connect(&window_, &MainWindow::trainingCannotStart, this, [this](const QString& reason) {
        if (done_) return;
        done_ = true;
        std::fprintf(stderr, "kotohajime: cannot train: %s\n", qPrintable(reason));
        finish(3);
    });
}

void ScreenshotRun::start() {
    timeLimit_.start();
    window_.controller().setEpochsPerSecond(0);
    if (steps_ > 0) {
        window_.controller().setStepLimit(steps_);
        window_.controller().play();
    }
    check();
}

void ScreenshotRun::check() {
    const auto snapshot = window_.latestSnapshot();
    if (done_ || !snapshot) return;
    const bool arrived = (snapshot->steps >= steps_ && snapshot->paused) || snapshot->diverged;
    if (!arrived) return;
    done_ = true;
    trained(*snapshot);
}

void ScreenshotRun::trained(const TrainingSnapshot&) {
    saveAndQuit(window_, 100);  // after the queued replots of this snapshot
}

void ScreenshotRun::saveAndQuit(QWidget& widget, int delayMs) {
    QTimer::singleShot(delayMs, this, [this, &widget] { finish(writePng(widget, path_) ? 0 : 1); });
}

bool ScreenshotRun::writePng(QWidget& widget, const QString& path) {
    QByteArray png;
    QBuffer buffer(&png);
    if (!buffer.open(QIODevice::WriteOnly) || !widget.grab().save(&buffer, "PNG")) {
        std::fprintf(stderr, "kotohajime: cannot render %s\n", qPrintable(path));
        return false;
    }
    try {
        writeFileAtomically(path.toStdString(), png.toStdString());
    } catch (const InputError& error) {
        std::fprintf(stderr, "kotohajime: %s\n", error.what());
        return false;
    }
    return true;
}

void ScreenshotRun::finish(int exitCode) {
    timeLimit_.stop();
    QCoreApplication::exit(exitCode);
}

}  // namespace koto::gui
