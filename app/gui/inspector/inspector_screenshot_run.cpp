#include "inspector/inspector_screenshot_run.h"

#include <QCoreApplication>
#include <QPixmap>
#include <cstdio>

#include "inspector/inspector_window.h"
#include "main_window.h"

namespace koto::gui {

std::optional<InspectStage> InspectStage::parse(const QString& text) {
    if (text == QLatin1String("loss")) return InspectStage{StageKind::Loss, -1};
    if (text == QLatin1String("update")) return InspectStage{StageKind::Update, -1};
    const QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() != 2) return std::nullopt;
    bool ok = false;
    const int layer = parts[1].toInt(&ok);
    if (!ok || layer < 1) return std::nullopt;
    if (parts[0] == QLatin1String("forward")) return InspectStage{StageKind::Forward, layer - 1};
    if (parts[0] == QLatin1String("backward")) return InspectStage{StageKind::Backward, layer - 1};
    return std::nullopt;
}

InspectorScreenshotRun::InspectorScreenshotRun(MainWindow& window, qint64 steps, InspectStage stage, QString path,
                                               int timeLimitSeconds)
    : window_(window), steps_(steps), stage_(stage), path_(std::move(path)) {
    timeLimit_.setSingleShot(true);
    timeLimit_.setInterval(timeLimitSeconds * 1000);
    connect(&timeLimit_, &QTimer::timeout, this, [this] {
        std::fprintf(stderr, "kotohajime: the traced step did not come in time\n");
        finish(1);
    });
    connect(&window_, &MainWindow::snapshotShown, this, &InspectorScreenshotRun::check);
}

void InspectorScreenshotRun::start() {
    timeLimit_.start();
    window_.controller().setEpochsPerSecond(0);
    if (steps_ > 0) {
        window_.controller().setStepLimit(steps_);
        window_.controller().play();
    }
    check();
}

void InspectorScreenshotRun::check() {
    const auto snapshot = window_.latestSnapshot();
    if (trained_ || !snapshot) return;
    if (snapshot->diverged || !snapshot->failure.isEmpty()) {
        std::fprintf(stderr, "kotohajime: training stopped before the traced step\n");
        finish(1);
        return;
    }
    if (snapshot->steps < steps_ || !snapshot->paused) return;
    trained_ = true;
    InspectorWindow& inspector = window_.openInspector();
    connect(&inspector, &InspectorWindow::traceShown, this, &InspectorScreenshotRun::render, Qt::SingleShotConnection);
    inspector.takeStep();
}

void InspectorScreenshotRun::render() {
    InspectorWindow& inspector = window_.openInspector();
    if (!inspector.showStage(stage_.kind, stage_.layer)) {
        std::fprintf(stderr, "kotohajime: the network has no layer %d\n", stage_.layer + 1);
        finish(1);
        return;
    }
    // Let the views lay out and the plots replot before grabbing.
    QTimer::singleShot(200, this, [this] {
        const bool saved = window_.openInspector().grab().save(path_, "PNG");
        if (!saved) std::fprintf(stderr, "kotohajime: cannot write %s\n", qPrintable(path_));
        finish(saved ? 0 : 1);
    });
}

void InspectorScreenshotRun::finish(int exitCode) {
    timeLimit_.stop();
    QCoreApplication::exit(exitCode);
}

}  // namespace koto::gui
