#pragma once
// The main window: data, hidden layers, training settings and data augmentation on the left; the
// decision boundary (2-D data) or an image gallery (image data) in the middle; the learning curve
// and the confusion matrix on the right; Play / Pause / Step / Reset and the epoch counter on the
// tool bar. It edits settings and draws snapshots; the training thread does the rest.

#include <QMainWindow>
#include <memory>
#include <set>
#include <string>

#include "data/dataset.h"
#include "lessons/control_access.h"
#include "lessons/lesson_progress.h"
#include "lessons/run_facts.h"
#include "experiments/run_book.h"
#include "network/templates.h"
#include "opencl_devices.h"
#include "project/default_work.h"
#include "project/project_session.h"
#include "training/training_controller.h"
#include "views/run_views.h"

class QAction;
class QDockWidget;
class QCloseEvent;
class QLabel;
class QScrollArea;
class QTabWidget;

namespace koto::gui {

class AugmentationPanel;
class ClassroomMenu;
class ComputeMenu;
class ConfusionMatrixView;
class DatasetPanel;
class DecisionBoundaryView;
class ExperimentsWindow;
class EditorListBridge;
class FeatureMapView;
class GradientThroughTimeView;
class NetworkDocument;
class NetworkEditor;
class ImageGalleryView;
class InspectorWindow;
class Language;
class LayerListEditor;
class LessonPanel;
class LossCurveView;
class RecurrentStateView;
class WeightView;
class TrainingPanel;
class UnsupervisedWindow;
class ModelExportMenu;
class ViewExportMenu;

class MainWindow : public QMainWindow, public ProjectSession::Host {
    Q_OBJECT
public:
    // openCl: what device discovery found (at start-up, before Qt started its threads).
    MainWindow(Language& language, const StartingWork& lesson, const OpenClDiscovery& openCl,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    TrainingController& controller() { return controller_; }
    // What the window draws of the run (its views are reached through it).
    RunViews& views() const { return *views_; }
    DecisionBoundaryView& boundaryView() const { return views_->boundaryView(); }
    ImageGalleryView& gallery() const { return views_->gallery(); }
    LossCurveView& lossCurve() const { return views_->lossCurve(); }
    ConfusionMatrixView& confusionMatrix() const { return views_->confusionMatrix(); }
    FeatureMapView& featureMapView() const { return views_->featureMapView(); }
    RecurrentStateView& recurrentStateView() const { return views_->recurrentStateView(); }
    WeightView& weightView() const { return views_->weightView(); }
    GradientThroughTimeView& gradientThroughTimeView() const {
        return views_->gradientThroughTimeView();
    }
    QTabWidget& charts() const { return views_->charts(); }
    DatasetPanel& datasetPanel() const { return *datasetPanel_; }
    AugmentationPanel& augmentationPanel() const { return *augmentation_; }
    TrainingPanel& trainingPanel() const { return *trainingPanel_; }
    // Shows the training page and a tab beside the plot by name (RunViews::showChart).
    bool showChart(const QString& name);
    // File > Export view… and the views' context menus (window/view_export_menu.h).
    ViewExportMenu& viewExport() const { return *viewExport_; }
    ModelExportMenu& modelExport() const { return *modelExport_; }
    // The step-through inspector, opened (made on first use).
    InspectorWindow& openInspector();
    // The latest snapshot drawn (null before the first).
    std::shared_ptr<const TrainingSnapshot> latestSnapshot() const { return latest_; }
    // Applies the data, layers and batch settings: a new run from fresh initial weights. Data
    // that cannot be loaded is reported in a dialog, and the data before stays.
    void rebuild();

    // The network being edited (main_window_editor.cpp): its document and the editor's page.
    NetworkDocument& networkDocument() const { return *document_; }
    NetworkEditor& networkEditor() const { return *editor_; }
    // Opens a template: its data and its network, in the editor's page (an undo step there); an
    // autoencoder or RBM template in the Autoencoder and RBM window, untrained.
    void openTemplate(const Template& networkTemplate);

    // The work as a .koto file: New, Open, Save, autosave (the File menu's actions).
    ProjectSession& session() { return *session_; }
    // ProjectSession::Host (main_window_project.cpp): the network, the training settings, the
    // data and the run's weights and curves as a project, and back.
    std::optional<Project> captureProject() override;
    void showProject(const Project& project) override;
    void showNewProject() override;
    // An autoencoder or RBM project opens in the unsupervised window
    // (main_window_unsupervised.cpp).
    void showModelProject(const Project& project, const QString& path) override;
    // The autoencoder and RBM window, made on first use, shown and raised.
    UnsupervisedWindow& showUnsupervisedWindow();

    // The runs of this project (main_window_runs.cpp): the one training and those kept.
    const RunBook& runs() const { return runs_; }
    // Keeps the run training and goes on from its checkpoint of `epoch` (or the last before it)
    // with the settings as the panels have them, as a new run. False (saying why in the banner)
    // if the run could not be handed over.
    bool forkAt(int64_t epoch);
    // Keeps the run training and takes up kept run `index` where it stood.
    bool continueKeptRun(size_t index);
    // The runs table (Runs… under the charts).
    void showRunsDialog();
    // The experiments window (race, sweep) on this network and data, made on first use.
    ExperimentsWindow& openExperiments();

    // Lessons (main_window_lessons.cpp): the lesson panel in its dock beside the workspace.
    LessonPanel& lessonPanel() const { return *lessonPanel_; }
    LessonProgress& lessonProgress() { return lessonProgress_; }
    // Shows the lesson panel's list (the lesson to start with chosen).
    void showLessonList();
    // Opens a lesson: its preset as new work (asking about unsaved work first), its controls and
    // its view; false if it was not opened (a dialog, or in a script stderr, says why).
    bool openLesson(const QString& id);
    // The controls a teacher hides or locks (the Classroom menu), beside those of the lesson open.
    void setTeacherControlAccess(const ControlAccessMap& access);
    // How the app looks in front of a class: projector mode, full screen, colours, theme.
    ClassroomMenu& classroomMenu() const { return *classroomMenu_; }

signals:
    // After a snapshot has been drawn.
    void snapshotShown();
    // The run could not start (core refused its settings, data or network): why, as the banner
    // says it.
    void trainingCannotStart(const QString& reason);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    // Asks about unsaved changes first (Save / Discard / Cancel).
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    // main_window_editor.cpp: the editor's page and Templates menu, and the two ways between the
    // editor and the layer list (an edit in either shows in the other).
    void buildEditor();
    void retranslateEditor();
    static QString templateDescription(const Template& shown);
    // The Edit menu: Undo and Redo of the editor's history, in the whole window.
    void buildEditMenu();
    void retranslateEditMenu();
    // The editor's network changed: train it (a move changes nothing to train).
    void networkEdited();
    // The layer list shows the editor's network where it can; else it is disabled, saying why.
    void showNetworkInList();
    void refuseToTrain(const QString& reason);
    void buildActions();
    // Loads the chosen data; on failure says why in a dialog and goes back to the data before.
    std::shared_ptr<const Dataset> loadChosenData();
    void buildMenus();
    void buildFileMenu();
    void retranslateFileMenu();
    void fillRecentMenu();
    // "name.koto* — Kotohajime", the mark while there are unsaved changes.
    void updateTitle();
    // An edit of the data, the layers or the training, or training moved on: unsaved changes.
    void projectEdited();
    TrainingSettings settingsFromPanels() const;
    // Starts a run of spec_ on dataset_, from the seed's initial weights or carrying on from a
    // saved project.
    void startRun(const TrainingSettings& settings, std::shared_ptr<const Project> continueFrom);
    // The autoencoder and RBM window, with this window's device, handing its first layer here.
    UnsupervisedWindow* makeUnsupervisedWindow();
    // Pre-training: W (D x M) and the hidden bias (1 x M) of an autoencoder or RBM into the first
    // dense layer of the network, which carries on from there, paused; "" or why it cannot.
    QString takeFirstLayer(const SavedTensor& weights, const SavedTensor& bias);
    void buildToolBar();
    void showSnapshot(const std::shared_ptr<const TrainingSnapshot>& snapshot);
    // What went wrong, kept as data so that a language switch can say it again.
    struct Problem {
        enum Kind {
            None,
            BadSettings,
            CannotStart,
            Diverged,
            LossGrew,
            StoppedEarly,
            DeviceFallback
        } kind = None;
        QString detail;    // core's explanation, or where a divergence showed
        int64_t step = 0;  // the step that diverged, or the best epoch of early stopping
    };
    void setProblem(const Problem& problem);
    void showProblem();
    void updateCounters();
    void updatePlayButton();
    void retranslate();
    // The output layer's line and the explanation, for the current data and network.
    void describeLesson();
    // The memory estimate of this network's run, under the layer list.
    void describeMemory(const TrainingSettings& settings);
    void fitSettingsColumn();
    // Where training computes, as the latest snapshot says (the status bar's text).
    void showComputeStatus(const TrainingSnapshot& snapshot);
    // main_window_runs.cpp: the run training as the training thread hands it over (null if it
    // did not answer), and the kept runs shown on the learning curve with the run's name.
    std::shared_ptr<const Project> handedOverRun();
    void drawKeptRuns();
    // A run starts from initial weights or a project: of another network or other data, the runs
    // kept (of the one before) go; of the same, they stay and this run is forked from nothing.
    void keepRunsOnlyFor(const NetworkSpec& spec, const std::string& dataset);
    // main_window_lessons.cpp
    void buildLessons();
    void retranslateLessons();
    void resetLesson();
    // The lesson's checks against the run as the latest snapshot shows it (a few times a second).
    void checkLesson(bool now);
    RunFacts liveFacts() const;
    void applyControlAccess();
    void updateWeightsWanted();
    void arrangeViews();
    void showLessonDock();

    Language& language_;
    TrainingController controller_;
    std::shared_ptr<const Dataset> dataset_;
    NetworkSpec spec_;
    std::shared_ptr<const TrainingSnapshot> latest_;
    ComputeMenu* computeMenu_;
    ClassroomMenu* classroomMenu_;

    DatasetPanel* datasetPanel_;
    LayerListEditor* layers_;
    TrainingPanel* trainingPanel_;
    AugmentationPanel* augmentation_;
    RunViews* views_;
    std::string loadedDataSpec_;  // the spec of dataset_, to go back to
    QScrollArea* settingsScroll_;
    QLabel* problem_;
    Problem problemShown_;
    QLabel* epochLabel_;
    QLabel* deviceLabel_;
    // Play / Pause, Step, Step one epoch and Reset: in the Training menu, on the tool bar, with
    // their shortcuts.
    QAction* play_;
    QAction* step_;
    QAction* stepEpoch_;
    QAction* reset_;
    QAction* inspect_;  // opens the step-through inspector
    InspectorWindow* inspector_ = nullptr;
    QAction* unsupervised_;  // opens the autoencoder and RBM window on the current image data
    UnsupervisedWindow* unsupervisedWindow_ = nullptr;
    QAction* experiments_;
    ExperimentsWindow* experimentsWindow_ = nullptr;
    ProjectSession* session_;
    // The run as a project, from the latest snapshot that carried it
    // (TrainingController::handOverSavedRun).
    std::shared_ptr<const Project> savedRun_;
    RunBook runs_;
    std::set<std::string> shownRuns_;  // kept runs drawn on the learning curve
    // The network (without the editor's node positions) and data the kept runs trained.
    std::vector<LayerSpec> runsLayers_;
    std::string runsData_;
    int64_t stepsShown_ =
        0;  // the steps of the latest snapshot: training moved on when they change
    NetworkDocument* document_;
    NetworkEditor* editor_;
    QTabWidget* pages_;  // training and the network editor
    QWidget* trainingPage_;
    QMenu* templatesMenu_;
    QMenu* editMenu_;
    QAction* undo_;
    QAction* redo_;
    EditorListBridge* bridge_;  // keeps the editor and the layer list showing one network
    QString networkProblem_;    // why the network cannot train ("" when it can)
    QMenu* fileMenu_;
    QAction* new_;
    QAction* open_;
    QMenu* recentMenu_;
    QAction* save_;
    QAction* saveAs_;
    ViewExportMenu* viewExport_;
    ModelExportMenu* modelExport_;
    QMenu* trainingMenu_;
    QMenu* languageMenu_;
    QMenu* helpMenu_;
    QAction* quit_;
    QAction* about_;
    QAction* english_;
    QAction* japanese_;
    LessonProgress lessonProgress_;
    LessonPanel* lessonPanel_;
    QDockWidget* lessonDock_;
    QMenu* lessonsMenu_;
    QAction* lessonList_;
    QAction* nextTask_;
    QAction* previousTask_;
    QAction* controlAccess_;  // the teacher's Lock or hide controls…
    ControlAccessMap lessonAccess_, teacherAccess_;
    bool viewsWantWeights_ = false;   // the weights view is shown
    bool lessonWantsWeights_ = false;  // a check of the lesson open asks about the weights
    qint64 lessonCheckedAt_ = 0;       // ms since the epoch of the last check
};

}  // namespace koto::gui
