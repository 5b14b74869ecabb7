#pragma once
// A run's history walked through in the main window, for a script: each checkpoint in turn is
// shown (TrainingController::showEpoch: every view then draws the network as it was after that
// epoch), and once the view asked for has drawn it, the view's picture at its frame size
// (animation/animation_frame.h) is handed over with the test metrics at that epoch. The frames
// of --animate, and the one picture of --view-epoch.

#include <QImage>
#include <QObject>
#include <QString>
#include <QTimer>
#include <cstdint>
#include <optional>
#include <vector>

#include "training/metrics.h"

namespace koto::gui {

class MainWindow;

class CheckpointWalk : public QObject {
    Q_OBJECT
public:
    // Why a project's history cannot be walked, as a line for standard error: the file cannot be
    // read, it holds an autoencoder or an RBM, or it keeps no checkpoints (it was saved before
    // Kotohajime kept a run's history). Empty when it can.
    static QString historyProblem(const QString& projectPath);

    // viewName: an animated view (isAnimatedView) that the window shows.
    CheckpointWalk(MainWindow& window, QString viewName, QObject* parent = nullptr);
    // Goes once the run the window opened has drawn its first snapshot: through every checkpoint
    // it keeps, oldest first, or only through that of `onlyEpoch`.
    void start(std::optional<int64_t> onlyEpoch = std::nullopt);
    // Stops, for a receiver that cannot use the pictures: nothing more is emitted.
    void stop();

signals:
    // A checkpoint drawn: the view's picture and the metrics of its epoch.
    void drawn(const QImage& picture, const koto::EpochMetrics& metrics);
    // After the last checkpoint was drawn.
    void finished();
    // The walk cannot go on: why (a line for standard error) and the exit code a script ends
    // with: 1 when a checkpoint was not drawn in time, 2 when the run keeps no checkpoint of
    // onlyEpoch, 3 when the run cannot train (the project's settings, data or network refused).
    void failed(const QString& why, int exitCode);

private:
    // After each snapshot drawn: the run's checkpoints from its first, then each one shown.
    void check();
    void fail(const QString& why, int exitCode);

    MainWindow& window_;
    QString viewName_;
    std::optional<int64_t> onlyEpoch_;
    bool walking_ = false;
    std::vector<int64_t> epochs_;  // to show, oldest first (empty until the first snapshot)
    size_t shown_ = 0;             // the index in epochs_ of the one asked for
    QTimer patience_;              // for each checkpoint to be drawn
};

}  // namespace koto::gui
