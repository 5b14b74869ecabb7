// The main window's side of projects: its state (the network, the training settings, the data,
// and the run's weights and curves) as a .koto Project and back, the File menu and the title.

#include <QCloseEvent>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QSignalBlocker>
#include <chrono>

#include "backend/cpu_backend.h"
#include "data/augmentation.h"
#include "data/dataset_spec.h"
#include "editor/network_document.h"
#include "panels/augmentation_panel.h"
#include "panels/dataset_panel.h"
#include "panels/layer_list_editor.h"
#include "panels/training_panel.h"
#include "training/learning_rate_schedule.h"
#include "util/errors.h"
#include "window/editor_list_bridge.h"
#include "window/main_window.h"
#include "window/model_export_menu.h"
#include "window/view_export_menu.h"

namespace koto::gui {
namespace {
// How long a save waits for the training thread to hand over its weights (it answers within a
// step, or at once while paused).
constexpr std::chrono::milliseconds kSavedRunTimeout{10000};
}  // namespace

std::optional<Project> MainWindow::captureProject() {
    // A run that diverged or stopped early has ended its thread, handing over the run as it ended.
    const bool ended = latest_ && (latest_->diverged || latest_->stoppedEarly);
    std::shared_ptr<const Project> trained = ended ? savedRun_ : nullptr;
    if (!trained && problemShown_.kind != Problem::CannotStart) {
        // The training thread copies the weights between two steps (or at once while paused):
        // the GUI never reads the network itself.
        savedRun_.reset();
        if (!controller_.handOverSavedRun(kSavedRunTimeout) || !savedRun_) return std::nullopt;
        trained = savedRun_;
    }
    Project project;
    if (trained) {
        project = *trained;
    } else {  // no run: the settings alone, untrained
        project.network = spec_;
        project.training = settingsFromPanels();
    }
    project.dataset = loadedDataSpec_;
    bridge_->placeAsInEditor(
        project.network);  // the nodes where the learner has moved them since the run began
    // Work in the editor that cannot train yet goes beside the network that last could.
    if (!document_->network()) project.draft = savedDraft(document_->draft());
    runs_.fillProject(project);
    return project;
}

void MainWindow::showProject(const Project& project) {
    // Everything that can fail comes first, so that a project that cannot be shown changes nothing.
    if (project.model != ModelKind::Network)
        throw InputError("the app trains networks on labelled data, and this project holds an " +
                         std::string(modelKindName(project.model)) +
                         ", which the Autoencoder and RBM window opens");
    std::shared_ptr<const Dataset> data = dataset_;
    if (!dataset_ || project.dataset != loadedDataSpec_)
        data = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(project.dataset)));
    {
        CpuBackend
            backend;  // a network of one row, only to check that the spec and weights fit the data
        Network network(backend, project.network, 1);
        if (network.inputSize() != data->inputSize)
            throw InputError("the network takes " + std::to_string(network.inputSize()) +
                             " inputs per sample, but " + data->name + " has " +
                             std::to_string(data->inputSize));
        if (!project.weights.empty()) restoreWeights(network, project.weights);
    }
    // Input noise in front of the network is a setting of the training panel.
    const std::vector<LayerSpec>& layers = project.network.layers;
    const double noise =
        !layers.empty() && layers.front().type == "noise" ? layers.front().number("sigma") : 0;
    const Augmentation augmentation = Augmentation::parse(project.training.augment);
    if (augmentation.active()) augmentation.checkFor(*data);
    LearningRateSchedule::parse(project.training.schedule);

    {
        const QSignalBlocker blockData(datasetPanel_), blockTraining(trainingPanel_),
            blockAugmentation(augmentation_);
        datasetPanel_->setSpec(DatasetSpec::parse(project.dataset));
        trainingPanel_->setSettings(project.training, noise);
        augmentation_->setDataset(*data);
        augmentation_->setText(project.training.augment);
    }
    // The exact rate and momentum of the project (the panel shows the nearest it offers).
    controller_.setLearningRate(project.training.learningRate);
    controller_.setMomentum(project.training.momentum);
    setProblem({});
    networkProblem_.clear();
    const bool newData = data != dataset_;
    dataset_ = data;
    loadedDataSpec_ = project.dataset;
    spec_ = project.network;  // as saved, node positions and all
    describeLesson();
    if (newData) {
        views_->showData(dataset_);
        // Else the editor would check the project's network against the data before, find it
        // wrong and start training over at the next edit, even at Play (which locks it).
        bridge_->followData(*dataset_);
    }
    // The editor shows the network (startRun), and the layer list too where it can.
    startRun(project.training,
             project.weights.empty() ? nullptr : std::make_shared<const Project>(project));
    showNetworkInList();
    runs_.restore(project);
    shownRuns_.clear();
    for (const RunRecord& run : runs_.kept()) shownRuns_.insert(run.name);
    drawKeptRuns();
    // Unfinished work replaces it in the editor, which says why it cannot train (networkEdited);
    // the run of the network goes on, ready to be saved again.
    if (project.draft) document_->load(draftFromSaved(*project.draft));
}

void MainWindow::showNewProject() {
    const StartingWork lesson = defaultWork();
    {
        const QSignalBlocker blockData(datasetPanel_), blockLayers(layers_),
            blockTraining(trainingPanel_), blockAugmentation(augmentation_);
        datasetPanel_->setSpec(DatasetSpec::parse(lesson.dataset));
        layers_->setTokens(lesson.layers);
        trainingPanel_->setSettings(lesson.settings, 0);
        augmentation_->setText({});
    }
    controller_.setLearningRate(lesson.settings.learningRate);
    controller_.setMomentum(lesson.settings.momentum);
    rebuild();
    // A new project starts a new history: Undo must not bring back the previous project's network.
    document_->load(NetworkDraft(document_->draft()));
}

void MainWindow::projectEdited() {
    if (session_) session_->markModified();
}

void MainWindow::buildFileMenu() {
    fileMenu_ = menuBar()->addMenu(QString());
    new_ = fileMenu_->addAction(QString(), QKeySequence::New, this,
                                [this] { session_->newProject(); });
    open_ = fileMenu_->addAction(QString(), QKeySequence::Open, this, [this] { session_->open(); });
    recentMenu_ = fileMenu_->addMenu(QString());
    recentMenu_->setObjectName(QStringLiteral("recentMenu"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fileMenu_->addSeparator();
    save_ = fileMenu_->addAction(QString(), QKeySequence::Save, this, [this] { session_->save(); });
    saveAs_ =
        fileMenu_->addAction(QString(), QKeySequence::SaveAs, this, [this] { session_->saveAs(); });
    fileMenu_->addSeparator();
    modelExport_ = new ModelExportMenu(
        *this, {[this] { return captureProject(); },
                [this] { return dataset_ ? dataset_->classNames : std::vector<std::string>{}; }});
    fileMenu_->addAction(&modelExport_->action());
    viewExport_ = new ViewExportMenu(*views_, *fileMenu_, *this);
    fileMenu_->addSeparator();
    quit_ = fileMenu_->addAction(QString(), QKeySequence::Quit, this, &QWidget::close);
}

void MainWindow::fillRecentMenu() {
    recentMenu_->clear();
    const QStringList files = ProjectSession::recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction* action = recentMenu_->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
            [this, path] { session_->openFile(path); });
        action->setToolTip(path);
    }
    if (files.isEmpty()) recentMenu_->addAction(tr("No recent projects"))->setEnabled(false);
}

void MainWindow::retranslateFileMenu() {
    fileMenu_->setTitle(tr("&File"));
    new_->setText(tr("&New"));
    open_->setText(tr("&Open…"));
    recentMenu_->setTitle(tr("Open &Recent"));
    save_->setText(tr("&Save"));
    saveAs_->setText(tr("Save &As…"));
    modelExport_->retranslate();
    viewExport_->retranslate();
    quit_->setText(tr("&Quit"));
    updateTitle();
}

void MainWindow::updateTitle() {
    // [*] is where Qt shows the modified mark.
    setWindowTitle(tr("%1[*] — Kotohajime").arg(session_->documentName()));
    setWindowModified(session_->isModified());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!session_->close()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

}  // namespace koto::gui
