#include "animation/checkpoint_walk.h"

#include <QStringList>
#include <algorithm>
#include <exception>
#include <string>

#include "animation/animation_frame.h"
#include "io/project_file.h"
#include "util/text.h"
#include "views/run_views.h"
#include "window/main_window.h"

namespace koto::gui {
namespace {

constexpr int kPatienceMs = 60000;  // a checkpoint's snapshot comes in well under a second

}  // namespace

QString CheckpointWalk::historyProblem(const QString& projectPath) {
    Project project;
    try {
        project = loadProject(projectPath.toStdString());
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    const QString file = QString::fromStdString(printablePath(projectPath.toStdString()));
    if (project.model != ModelKind::Network)
        return QStringLiteral("%1 holds an %2, which keeps no history of checkpoints: only the "
                              "runs of classification and regression networks do")
            .arg(file, QString::fromStdString(std::string(modelKindName(project.model))));
    if (project.checkpoints.empty())
        return QStringLiteral("%1 keeps no history of checkpoints (it was saved before Kotohajime "
                              "kept one): train it on in the app or with kotohajime-cli train "
                              "--project, and save it again")
            .arg(file);
    return {};
}

CheckpointWalk::CheckpointWalk(MainWindow& window, QString viewName, QObject* parent)
    : QObject(parent), window_(window), viewName_(std::move(viewName)) {
    patience_.setSingleShot(true);
    patience_.setInterval(kPatienceMs);
    connect(&patience_, &QTimer::timeout, this, [this] {
        fail(epochs_.empty() ? QStringLiteral("the project's run did not show its history in time")
                             : QStringLiteral("the checkpoint of epoch %1 was not drawn in time")
                                   .arg(epochs_[shown_]),
             1);
    });
    connect(&window_, &MainWindow::snapshotShown, this, &CheckpointWalk::check);
    connect(&window_, &MainWindow::trainingCannotStart, this, [this](const QString& reason) {
        fail(QStringLiteral("cannot train: %1").arg(reason), 3);
    });
}

void CheckpointWalk::start(std::optional<int64_t> onlyEpoch) {
    onlyEpoch_ = onlyEpoch;
    walking_ = true;
    window_.showChart(viewName_);  // the weights view's snapshots then carry the weights
    patience_.start();
    check();
}

void CheckpointWalk::check() {
    const auto snapshot = window_.latestSnapshot();
    if (!walking_ || !snapshot) return;
    if (epochs_.empty()) {  // the run's first snapshot says which checkpoints it keeps
        if (!snapshot->paused || snapshot->checkpointEpochs.empty()) return;
        epochs_ = snapshot->checkpointEpochs;
        if (onlyEpoch_) {
            if (std::find(epochs_.begin(), epochs_.end(), *onlyEpoch_) == epochs_.end()) {
                QStringList kept;
                for (const int64_t epoch : epochs_) kept << QString::number(epoch);
                fail(QStringLiteral("the run keeps no checkpoint of epoch %1; it keeps those of "
                                    "epochs %2")
                         .arg(*onlyEpoch_)
                         .arg(kept.join(QStringLiteral(", "))),
                     2);
                return;
            }
            epochs_ = {*onlyEpoch_};
        }
        window_.controller().showEpoch(epochs_[shown_]);
        return;
    }
    const bool needsWeights = viewName_ == QLatin1String("weights");
    if (snapshot->viewedEpoch != epochs_[shown_] || (needsWeights && !snapshot->weights)) return;
    ExportableView* view = window_.views().exportableView(viewName_);
    if (!view) {
        fail(QStringLiteral("this project shows no %1 view").arg(viewName_), 2);
        return;
    }
    patience_.start();
    emit drawn(drawViewAt(*view, frameViewSize(viewName_)), snapshot->latest);
    if (!walking_) return;  // its receiver stopped
    if (++shown_ < epochs_.size()) {
        window_.controller().showEpoch(epochs_[shown_]);
        return;
    }
    walking_ = false;
    patience_.stop();
    emit finished();
}

void CheckpointWalk::stop() {
    walking_ = false;
    patience_.stop();
}

void CheckpointWalk::fail(const QString& why, int exitCode) {
    if (!walking_) return;
    stop();
    emit failed(why, exitCode);
}

}  // namespace koto::gui
