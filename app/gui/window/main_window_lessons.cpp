// The main window's side of lessons: the lesson panel in a dock beside the workspace, opening a
// lesson (its preset, controls and view), its checks against the live run, the Lessons menu with
// the presenter keys, and the controls a lesson or a teacher hides or locks.

#include <QAction>
#include <QDateTime>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QLayout>

#include "editor/network_editor.h"
#include "lessons/control_access_dialog.h"
#include "lessons/lesson_panel.h"
#include "look/tab_visibility.h"
#include "panels/augmentation_panel.h"
#include "panels/dataset_panel.h"
#include "panels/layer_list_editor.h"
#include "panels/training_panel.h"
#include "util/errors.h"
#include "views/loss_curve_view.h"
#include "window/compute_menu.h"
#include "window/language.h"
#include "window/main_window.h"

namespace koto::gui {
namespace {

// Checks run at most this often while training, so that copying the facts costs nothing seen.
constexpr qint64 kCheckIntervalMs = 250;
const std::set<std::string> kWeightFacts = {"zero_weight_share", "small_weight_share",
                                            "largest_weight", "parameters"};

// The stricter of the two: hidden over locked over open.
ControlAccessMap combined(const ControlAccessMap& a, const ControlAccessMap& b) {
    ControlAccessMap both = a;
    for (const auto& [control, access] : b)
        both[control] = std::max(accessOf(both, control), access);
    return both;
}

}  // namespace

void MainWindow::buildLessons() {
    lessonPanel_ = new LessonPanel(lessonProgress_);
    lessonPanel_->setLibrary(loadLessons(lessonFolders()));
    lessonDock_ = new QDockWidget;
    lessonDock_->setObjectName(QStringLiteral("lessonDock"));
    lessonDock_->setWidget(lessonPanel_);
    lessonDock_->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    lessonDock_->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                             QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, lessonDock_);
    resizeDocks({lessonDock_}, {340}, Qt::Horizontal);
    lessonDock_->hide();
    connect(lessonDock_, &QDockWidget::visibilityChanged, this, &MainWindow::arrangeViews);
    connect(lessonDock_, &QDockWidget::topLevelChanged, this, &MainWindow::arrangeViews);
    connect(lessonPanel_, &LessonPanel::lessonChosen, this, [this](const QString& id) {
        openLesson(id);
    });
    connect(lessonPanel_, &LessonPanel::resetRequested, this, &MainWindow::resetLesson);
    connect(lessonPanel_, &LessonPanel::lessonClosed, this, [this] {
        lessonAccess_.clear();
        applyControlAccess();
        updateWeightsWanted();
    });
    connect(lessonPanel_, &LessonPanel::taskMet, this, [this](int index) {
        statusBar()->showMessage(tr("Task %1 done!").arg(index + 1), 5000);
    });
    connect(this, &MainWindow::snapshotShown, this, [this] { checkLesson(false); });

    lessonsMenu_ = new QMenu(this);
    menuBar()->insertMenu(helpMenu_->menuAction(), lessonsMenu_);
    lessonList_ = lessonsMenu_->addAction(QString(), this, &MainWindow::showLessonList);
    lessonList_->setObjectName(QStringLiteral("lessonListAction"));
    lessonList_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));  // Ctrl+L lays out the editor
    lessonsMenu_->addSeparator();
    // A presenter's clicker sends PageDown and PageUp.
    nextTask_ = lessonsMenu_->addAction(QString(), this, [this] {
        lessonPanel_->focusTask(lessonPanel_->focusedTask() + 1);
    });
    nextTask_->setShortcut(QKeySequence(Qt::Key_PageDown));
    previousTask_ = lessonsMenu_->addAction(QString(), this, [this] {
        lessonPanel_->focusTask(lessonPanel_->focusedTask() - 1);
    });
    previousTask_->setShortcut(QKeySequence(Qt::Key_PageUp));
    for (QAction* action : {nextTask_, previousTask_})
        action->setShortcutContext(Qt::WindowShortcut);
    lessonsMenu_->addSeparator();
    controlAccess_ = lessonsMenu_->addAction(QString(), this, [this] {
        ControlAccessDialog dialog(teacherAccess_, this);
        if (dialog.exec() != QDialog::Accepted) return;
        ControlAccessDialog::remember(dialog.access());
        setTeacherControlAccess(dialog.access());
    });
    controlAccess_->setObjectName(QStringLiteral("controlAccessAction"));
}

MainWindow::~MainWindow() {
    // The lesson dock is hidden as QWidget's destructor takes the children away, after this
    // window's own part is gone: it must no longer call on it.
    lessonDock_->disconnect(this);
}

namespace {
constexpr int kWideEnough = 1500;  // for the settings, the views side by side and a lesson
}  // namespace

void MainWindow::arrangeViews() {
    // Docked beside the workspace on a window too narrow for everything side by side, the lesson
    // panel takes width the views had: the picture goes over the charts.
    // Not isVisible(): the window resizes while the dock is being shown, before it counts as
    // visible.
    views_->setStacked(lessonDock_->isVisibleTo(this) && !lessonDock_->isFloating() &&
                       width() < kWideEnough);
}

void MainWindow::showLessonDock() {
    if (lessonDock_->isVisible()) return;
    // Arranged before it shows, or the window would first widen to fit the views side by side.
    const QSize size = this->size();
    views_->setStacked(!lessonDock_->isFloating() && width() < kWideEnough);
    lessonDock_->show();
    // The window's minimum, set as the dock appeared, follows the stacked views again: the
    // widgets around them forget the minimum they kept of the views side by side.
    for (QLayout* nested : findChildren<QLayout*>()) nested->invalidate();
    for (QWidget* widget = views_; widget; widget = widget->parentWidget()) widget->updateGeometry();
    layout()->activate();
    if (!isMaximized() && !isFullScreen()) resize(size);
}

void MainWindow::retranslateLessons() {
    lessonDock_->setWindowTitle(tr("Lesson"));
    lessonsMenu_->setTitle(tr("Le&ssons"));
    lessonList_->setText(tr("Lesson list"));
    nextTask_->setText(tr("Next task"));
    previousTask_->setText(tr("Previous task"));
    controlAccess_->setText(tr("Lock or hide controls…"));
}

void MainWindow::resizeEvent(QResizeEvent* event) {
    QMainWindow::resizeEvent(event);
    arrangeViews();
}

void MainWindow::showLessonList() {
    lessonPanel_->showList();
    showLessonDock();
    lessonDock_->raise();
}

bool MainWindow::openLesson(const QString& id) {
    const koto::Lesson* lesson = lessonPanel_->library().find(id.toStdString());
    Project preset;
    try {
        if (!lesson) throw InputError("no lesson \"" + id.toStdString() + "\"");
        preset = lessonPreset(*lesson);
    } catch (const InputError& error) {
        session_->dialogs().showError(tr("The lesson cannot be opened"),
                                      tr("Its preset could not be read.\n\n%1")
                                          .arg(QString::fromStdString(error.what())));
        return false;
    }
    if (!session_->openAsNew(preset)) return false;
    lessonAccess_.clear();
    for (const std::string& control : lesson->locked) lessonAccess_[control] = ControlAccess::Locked;
    for (const std::string& control : lesson->hidden) lessonAccess_[control] = ControlAccess::Hidden;
    applyControlAccess();
    if (!lesson->view.empty()) showChart(QString::fromStdString(lesson->view));
    lessonPanel_->showLesson(id);
    lessonProgress_.setLastLesson(id);
    lessonWantsWeights_ = false;
    for (const LessonTask& task : lesson->tasks)
        for (const std::string& fact : task.check.facts())
            lessonWantsWeights_ = lessonWantsWeights_ || kWeightFacts.count(fact) > 0;
    updateWeightsWanted();
    showLessonDock();
    checkLesson(true);
    return true;
}

void MainWindow::resetLesson() {
    if (const koto::Lesson* lesson = lessonPanel_->lesson()) openLesson(QString::fromStdString(lesson->id));
}

void MainWindow::setTeacherControlAccess(const ControlAccessMap& access) {
    teacherAccess_ = access;
    applyControlAccess();
}

void MainWindow::applyControlAccess() {
    const ControlAccessMap access = combined(lessonAccess_, teacherAccess_);
    auto apply = [&](QWidget* widget, const char* control) {
        const ControlAccess how = accessOf(access, control);
        widget->setVisible(how != ControlAccess::Hidden);
        widget->setEnabled(how == ControlAccess::Open);
    };
    apply(datasetPanel_, "dataset");
    apply(layers_, "layers");
    // The augmentation panel shows for image data only (rebuild); hidden, it stays hidden.
    if (accessOf(access, "augmentation") == ControlAccess::Hidden) augmentation_->hide();
    else augmentation_->show();
    augmentation_->setEnabled(accessOf(access, "augmentation") == ControlAccess::Open);
    trainingPanel_->setControlAccess(access);
    // The layers are edited in the network editor and by the templates too.
    const int editor = pages_->indexOf(editor_);
    setTabShown(*pages_, editor, accessOf(access, "layers") != ControlAccess::Hidden);
    pages_->setTabEnabled(editor, accessOf(access, "layers") == ControlAccess::Open);
    for (auto [menu, control] : {std::pair{templatesMenu_->menuAction(), "templates"},
                                 std::pair{computeMenu_->menuAction(), "compute"}}) {
        menu->setVisible(accessOf(access, control) != ControlAccess::Hidden);
        menu->setEnabled(accessOf(access, control) == ControlAccess::Open);
    }
    if (accessOf(access, "templates") != ControlAccess::Open ||
        accessOf(access, "layers") != ControlAccess::Open)
        templatesMenu_->menuAction()->setEnabled(false);
    fitSettingsColumn();
}

void MainWindow::updateWeightsWanted() {
    controller_.setWeightsWanted(viewsWantWeights_ || (lessonPanel_->lesson() && lessonWantsWeights_));
}

RunFacts MainWindow::liveFacts() const {
    RunEvidence evidence;
    evidence.network = spec_;
    evidence.settings = settingsFromPanels();
    evidence.dataset = loadedDataSpec_;
    evidence.curves = views_->lossCurve().curve().since(0);
    if (latest_) {
        evidence.epochs = latest_->epochs;
        evidence.steps = latest_->steps;
        evidence.diverged = latest_->diverged || latest_->lossGrew;
        evidence.stoppedEarly = latest_->stoppedEarly;
        if (latest_->weights)
            for (const WeightMatrix& matrix : latest_->weights->matrices)
                evidence.weights.push_back({matrix.id, matrix.rows, matrix.cols, matrix.values});
    }
    return factsOf(evidence);
}

void MainWindow::checkLesson(bool now) {
    if (!lessonPanel_->lesson()) return;
    // A checkpoint shown while scrubbing back is not the run as it stands.
    if (latest_ && latest_->viewedEpoch >= 0) return;
    const qint64 time = QDateTime::currentMSecsSinceEpoch();
    // While training runs, a few times a second; a paused run's state at once (it may be the
    // last snapshot for a while).
    const bool paused = latest_ && latest_->paused;
    if (!now && !paused && time - lessonCheckedAt_ < kCheckIntervalMs) return;
    lessonCheckedAt_ = time;
    lessonPanel_->checkTasks(liveFacts());
}

}  // namespace koto::gui
