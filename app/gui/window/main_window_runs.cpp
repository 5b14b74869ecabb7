// The main window's runs: forking the run training at a checkpoint, taking up a kept run again,
// the runs table, and the kept runs drawn on the learning curve.

#include <QMessageBox>
#include <QSignalBlocker>

#include "experiments/experiments_window.h"
#include "views/run_timeline.h"
#include "experiments/runs_dialog.h"
#include "panels/training_panel.h"
#include "views/loss_curve_view.h"
#include "window/main_window.h"

namespace koto::gui {

namespace {
constexpr std::chrono::milliseconds kHandOverTimeout{5000};
}

std::shared_ptr<const Project> MainWindow::handedOverRun() {
    const bool ended = latest_ && (latest_->diverged || latest_->stoppedEarly);
    if (ended && savedRun_) return savedRun_;
    savedRun_.reset();
    if (!controller_.handOverSavedRun(kHandOverTimeout)) return nullptr;
    return savedRun_;
}

bool MainWindow::forkAt(int64_t epoch) {
    const std::shared_ptr<const Project> run = handedOverRun();
    const TrainingSettings settings = settingsFromPanels();
    const std::optional<RunCheckpoint> start = run ? runs_.fork(*run, epoch, settings) : std::nullopt;
    if (!start) {
        QMessageBox::warning(this, tr("Fork"),
                             tr("This run has no checkpoint to go on from yet: train an epoch "
                                "first."));
        return false;
    }
    auto from = std::make_shared<RunStart>();
    from->checkpoint = *start;
    for (const EpochMetrics& metrics : run->curves)
        if (metrics.epoch <= start->epoch) from->curve.push_back(metrics);
    for (const RunCheckpoint& checkpoint : run->checkpoints)
        if (checkpoint.epoch < start->epoch) from->history.push_back(checkpoint);
    shownRuns_.insert(runs_.kept().back().name);  // the run it came from, beside it
    views_->startRun(Augmentation::parse(settings.augment));
    latest_.reset();
    savedRun_.reset();
    controller_.startFrom(spec_, dataset_, settings, std::move(from));
    drawKeptRuns();
    projectEdited();
    return true;
}

bool MainWindow::continueKeptRun(size_t index) {
    const std::shared_ptr<const Project> run = handedOverRun();
    if (!run || index >= runs_.kept().size()) return false;
    const RunRecord chosen = runs_.takeUp(index, *run);
    shownRuns_.erase(chosen.name);
    shownRuns_.insert(runs_.kept().back().name);
    auto from = std::make_shared<RunStart>();
    from->checkpoint = chosen.checkpoints.back();
    from->curve = chosen.curves;
    from->history.assign(chosen.checkpoints.begin(), chosen.checkpoints.end() - 1);
    {
        // Its settings in the panels: Play trains it as it was trained.
        const QSignalBlocker quiet(trainingPanel_);
        trainingPanel_->setSettings(chosen.settings, trainingPanel_->inputNoise());
    }
    controller_.setLearningRate(chosen.settings.learningRate);
    controller_.setMomentum(chosen.settings.momentum);
    views_->startRun(Augmentation::parse(chosen.settings.augment));
    latest_.reset();
    savedRun_.reset();
    controller_.startFrom(spec_, dataset_, chosen.settings, std::move(from));
    drawKeptRuns();
    projectEdited();
    return true;
}

void MainWindow::showRunsDialog() {
    std::vector<EpochMetrics> curve = views_->lossCurve().curve().points();
    if (!views_->lossCurve().curve().empty() &&
        (curve.empty() || curve.back().epoch != views_->lossCurve().curve().latest().epoch))
        curve.push_back(views_->lossCurve().curve().latest());
    RunsDialog dialog(runs_, std::move(curve), shownRuns_, this);
    connect(&dialog, &RunsDialog::runsChanged, this, [this, &dialog] {
        shownRuns_ = dialog.shownRuns();
        drawKeptRuns();
        projectEdited();
    });
    size_t chosen = 0;
    bool continueChosen = false;
    connect(&dialog, &RunsDialog::continueRequested, this, [&](size_t index) {
        chosen = index;
        continueChosen = true;
    });
    dialog.exec();
    // After the dialog has closed: taking up a run hands this one over and starts another.
    if (continueChosen) continueKeptRun(chosen);
}

ExperimentsWindow& MainWindow::openExperiments() {
    if (!experimentsWindow_) experimentsWindow_ = new ExperimentsWindow(this);
    experimentsWindow_->setSubject(spec_, dataset_, settingsFromPanels());
    experimentsWindow_->show();
    experimentsWindow_->raise();
    return *experimentsWindow_;
}

void MainWindow::drawKeptRuns() {
    std::vector<LossCurveView::OtherRun> shown;
    for (const RunRecord& run : runs_.kept())
        if (shownRuns_.count(run.name))
            shown.push_back({QString::fromStdString(run.name), run.curves});
    views_->lossCurve().setOtherRuns(shown);
    const RunRecord& current = runs_.current();
    views_->timeline().setRunName(
        current.parent.empty()
            ? QString::fromStdString(current.name)
            : tr("%1, forked from %2 at epoch %3")
                  .arg(QString::fromStdString(current.name),
                       QString::fromStdString(current.parent))
                  .arg(current.forkEpoch));
}

void MainWindow::keepRunsOnlyFor(const NetworkSpec& spec, const std::string& dataset) {
    std::vector<LayerSpec> layers = spec.layers;
    for (LayerSpec& layer : layers) layer.position.reset();
    if (layers == runsLayers_ && dataset == runsData_) {
        runs_.startAfresh();  // the same network: the kept runs stay, this one starts anew
        drawKeptRuns();
        return;
    }
    runsLayers_ = std::move(layers);
    runsData_ = dataset;
    runs_.clear();
    shownRuns_.clear();
    drawKeptRuns();
}

}  // namespace koto::gui
