#pragma once
// --view NAME --export-view FILE: trains as a screenshot run does (or not at all: a project as
// it was saved), then saves that one view as FILE, a picture (.png, .svg) or its data (.csv),
// through views/view_export.h, and quits: exit code 0 when written, 1 when it could not be (the
// reason on standard error). A view that shows what the training thread computes on request
// (the weights, one sample's output, feature maps, states) gets a few seconds to draw it first.

#include <QString>
#include <QTimer>

#include "scripted/screenshot_run.h"

namespace koto::gui {

class ExportableView;

class ExportRun : public ScreenshotRun {
    Q_OBJECT
public:
    // viewName: a name RunViews::showChart takes, already checked to be shown.
    ExportRun(MainWindow& window, qint64 steps, QString viewName, QString path);

protected:
    void trained(const TrainingSnapshot& snapshot) override;

private:
    void exportWhenDrawn();

    QString viewName_;
    QTimer poll_;    // looks whether the view has drawn its data
    int pollsLeft_;  // without data, before it gives up waiting
    int pollsWithData_ = 0;
};

}  // namespace koto::gui
