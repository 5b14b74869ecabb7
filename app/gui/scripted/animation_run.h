#pragma once
// `kotohajime --project F.koto --animate VIEW --out F.gif` (and `kotohajime-cli animate`): the
// project's run history as an animated GIF for slides, one frame for each checkpoint the run
// keeps, oldest first: the view as it was then with the epoch and the test metrics under it
// (animation/animation_frame.h), each shown a quarter of a second and the last held longer. The
// file is written whole or not at all, never over a device, a FIFO or a folder
// (io/atomic_file.h). Then the app quits: 0 when the file is written; 1 when it could not be
// (the reason on standard error); 2 or 3 when the walk through the history failed
// (animation/checkpoint_walk.h).

#include <QImage>
#include <QObject>
#include <QString>
#include <memory>

#include "animation/checkpoint_walk.h"

namespace koto::gui {

class GifAnimation;
class MainWindow;

class AnimationRun : public QObject {
    Q_OBJECT
public:
    // viewName: an animated view (isAnimatedView) the window shows. program: how the lines on
    // standard error begin.
    AnimationRun(MainWindow& window, const QString& viewName, QString path,
                 QString program = QStringLiteral("kotohajime"));
    ~AnimationRun() override;
    void start();

private:
    void addFrame(const QImage& picture, const EpochMetrics& metrics);
    void write();
    void finish(int exitCode, const QString& problem = {});

    CheckpointWalk walk_;
    QString path_;
    QString program_;
    std::unique_ptr<GifAnimation> gif_;
    QImage waiting_;  // the latest frame, added once it is known whether it is the last
};

}  // namespace koto::gui
