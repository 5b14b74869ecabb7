#pragma once
// The scripted inspector render: `kotohajime ... --train-steps N --inspect
// forward:L|backward:L|loss|update
// --screenshot FILE.png` trains N steps at full speed, opens the inspector, takes the next step
// traced, shows the asked stage (L counts layers from 1, as the layer names do) and saves the
// inspector window as a PNG, then quits (0, or 1 if something failed on the way).

#include <QString>
#include <optional>

#include "inspect/step_trace.h"
#include "scripted/screenshot_run.h"

namespace koto::gui {

class MainWindow;

struct InspectStage {
    StageKind kind = StageKind::Forward;
    int layer = -1;  // 0-based; -1 for loss and update

    // "forward:2" (layer 2 is index 1), "backward:1", "loss", "update"; nothing if malformed.
    static std::optional<InspectStage> parse(const QString& text);
};

class InspectorScreenshotRun : public ScreenshotRun {
    Q_OBJECT
public:
    InspectorScreenshotRun(MainWindow& window, qint64 steps, InspectStage stage, QString path,
                           int timeLimitSeconds = 120);

protected:
    void trained(const TrainingSnapshot& snapshot) override;

private:
    void render();

    InspectStage stage_;
};

}  // namespace koto::gui
