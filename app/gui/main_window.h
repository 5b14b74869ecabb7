#pragma once
// The main window: data, hidden layers, training settings and data augmentation on the left; the
// decision boundary (2-D data) or an image gallery (image data) in the middle; the learning curve
// and the confusion matrix on the right; Play / Pause / Step / Reset and the epoch counter on the
// tool bar. It edits settings and draws snapshots; the training thread does the rest.

#include <QMainWindow>
#include <memory>

#include "data/dataset.h"
#include "default_lesson.h"
#include "opencl_devices.h"
#include "training_controller.h"

class QAction;
class QLabel;
class QScrollArea;
class QStackedWidget;
class QTabWidget;

namespace koto::gui {

class AugmentationPanel;
class ComputeMenu;
class ConfusionMatrixView;
class DatasetPanel;
class DecisionBoundaryView;
class ImageGalleryView;
class InspectorWindow;
class Language;
class LayerListEditor;
class LossCurveView;
class TrainingPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // openCl: what device discovery found (at start-up, before Qt started its threads).
    MainWindow(Language& language, const Lesson& lesson, const OpenClDiscovery& openCl, QWidget* parent = nullptr);

    TrainingController& controller() { return controller_; }
    DecisionBoundaryView& boundaryView() const { return *boundary_; }
    ImageGalleryView& gallery() const { return *gallery_; }
    LossCurveView& lossCurve() const { return *lossCurve_; }
    ConfusionMatrixView& confusionMatrix() const { return *confusion_; }
    DatasetPanel& datasetPanel() const { return *datasetPanel_; }
    AugmentationPanel& augmentationPanel() const { return *augmentation_; }
    // The step-through inspector, opened (made on first use).
    InspectorWindow& openInspector();
    // The latest snapshot drawn (null before the first).
    std::shared_ptr<const TrainingSnapshot> latestSnapshot() const { return latest_; }
    // Applies the data, layers and batch settings: a new run from fresh initial weights. Data
    // that cannot be loaded is reported in a dialog, and the data before stays.
    void rebuild();

signals:
    // After a snapshot has been drawn.
    void snapshotShown();

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    // Loads the chosen data; on failure says why in a dialog and goes back to the data before.
    std::shared_ptr<const Dataset> loadChosenData();
    void showDataViews();
    void buildMenus();
    void buildToolBar();
    void showSnapshot(const std::shared_ptr<const TrainingSnapshot>& snapshot);
    // What went wrong, kept as data so that a language switch can say it again.
    struct Problem {
        enum Kind { None, BadSettings, CannotStart, Diverged, StoppedEarly, DeviceFallback } kind = None;
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
    void fitSettingsColumn();
    // Where training computes, as the latest snapshot says (the status bar's text).
    void showComputeStatus(const TrainingSnapshot& snapshot);

    Language& language_;
    TrainingController controller_;
    std::shared_ptr<const Dataset> dataset_;
    NetworkSpec spec_;
    std::shared_ptr<const TrainingSnapshot> latest_;
    ComputeMenu* computeMenu_;

    DatasetPanel* datasetPanel_;
    LayerListEditor* layers_;
    TrainingPanel* trainingPanel_;
    AugmentationPanel* augmentation_;
    QStackedWidget* views_;
    DecisionBoundaryView* boundary_;
    ImageGalleryView* gallery_;
    QTabWidget* charts_;
    LossCurveView* lossCurve_;
    ConfusionMatrixView* confusion_;
    std::string loadedDataSpec_;  // the spec of dataset_, to go back to
    QScrollArea* settingsScroll_;
    QLabel* problem_;
    Problem problemShown_;
    QLabel* explanation_;
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
    QMenu* fileMenu_;
    QMenu* trainingMenu_;
    QMenu* languageMenu_;
    QMenu* helpMenu_;
    QAction* quit_;
    QAction* about_;
    QAction* english_;
    QAction* japanese_;
};

}  // namespace koto::gui
