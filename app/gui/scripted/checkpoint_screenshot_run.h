#pragma once
// `kotohajime --project F.koto --view VIEW --view-epoch N --screenshot F.png`: the view alone as
// it was at the run's checkpoint of epoch N, drawn as --animate draws its frame of that epoch but
// without the caption (animation/animation_frame.h), saved as a PNG through core's
// writeFileAtomically. Then the app quits: 0 when written; 1 when it could not be (the reason on
// standard error); 2 or 3 when the walk to the checkpoint failed (animation/checkpoint_walk.h).

#include <QObject>
#include <QString>
#include <cstdint>

#include "animation/checkpoint_walk.h"

namespace koto::gui {

class CheckpointScreenshotRun : public QObject {
    Q_OBJECT
public:
    // viewName: an animated view (isAnimatedView) the window shows.
    CheckpointScreenshotRun(MainWindow& window, const QString& viewName, int64_t epoch,
                            QString path);
    void start();

private:
    void save(const QImage& picture);
    static void finish(int exitCode, const QString& problem = {});

    CheckpointWalk walk_;
    int64_t epoch_;
    QString path_;
};

}  // namespace koto::gui
