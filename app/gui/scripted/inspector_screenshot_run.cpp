#include "scripted/inspector_screenshot_run.h"

#include <cstdio>

#include "inspector/inspector_window.h"
#include "window/main_window.h"

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

InspectorScreenshotRun::InspectorScreenshotRun(MainWindow& window, qint64 steps, InspectStage stage,
                                               QString path, int timeLimitSeconds)
    : ScreenshotRun(window, steps, std::move(path), timeLimitSeconds,
                    QStringLiteral("the traced step did not come in time")),
      stage_(stage) {}

void InspectorScreenshotRun::trained(const TrainingSnapshot& snapshot) {
    if (snapshot.diverged) {
        std::fprintf(stderr, "kotohajime: training stopped before the traced step\n");
        finish(1);
        return;
    }
    InspectorWindow& inspector = window().openInspector();
    connect(&inspector, &InspectorWindow::traceShown, this, &InspectorScreenshotRun::render,
            Qt::SingleShotConnection);
    inspector.takeStep();
}

void InspectorScreenshotRun::render() {
    InspectorWindow& inspector = window().openInspector();
    if (!inspector.showStage(stage_.kind, stage_.layer)) {
        std::fprintf(stderr, "kotohajime: the network has no layer %d\n", stage_.layer + 1);
        finish(1);
        return;
    }
    saveAndQuit(inspector, 200);  // after the views lay out and the plots replot
}

}  // namespace koto::gui
