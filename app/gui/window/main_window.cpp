#include "window/main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "backend/memory_capacity.h"
#include "data/augmentation.h"
#include "data/dataset_spec.h"
#include "inspector/inspector_window.h"
#include "io/layer_tokens.h"
#include "look/column_scroll.h"
#include "look/presentation.h"
#include "look/ui_text.h"
#include "look/view_colours.h"
#include "panels/augmentation_panel.h"
#include "panels/dataset_panel.h"
#include "panels/layer_list_editor.h"
#include "panels/training_panel.h"
#include "training/compute_status_text.h"
#include "training/trainer.h"
#include "training/training_memory.h"
#include "unsupervised/unsupervised_window.h"
#include "util/errors.h"
#include "views/run_timeline.h"
#include "window/classroom_menu.h"
#include "window/compute_menu.h"
#include "window/editor_list_bridge.h"
#include "window/language.h"

namespace koto::gui {
namespace {
const QSize kFirstSize(1280, 800);  // the window's size when it opens
}  // namespace

MainWindow::MainWindow(Language& language, const StartingWork& lesson,
                       const OpenClDiscovery& openCl, QWidget* parent)
    : QMainWindow(parent), language_(language) {
    setObjectName(QStringLiteral("mainWindow"));
    session_ = new ProjectSession(*this, this, this);
    datasetPanel_ = new DatasetPanel;
    layers_ = new LayerListEditor;
    trainingPanel_ = new TrainingPanel;
    augmentation_ = new AugmentationPanel;
    views_ = new RunViews;
    problem_ = new QLabel;
    problem_->setObjectName(QStringLiteral("problemBanner"));
    problem_->setWordWrap(true);
    showAsNote(*problem_, Note::Warning);
    problem_->hide();

    auto* settings = new QWidget;
    auto* settingsLayout = new QVBoxLayout(settings);
    settingsLayout->addWidget(datasetPanel_);
    settingsLayout->addWidget(layers_);
    settingsLayout->addWidget(trainingPanel_);
    settingsLayout->addWidget(augmentation_);
    settingsLayout->addStretch(1);
    auto* scroll = settingsScroll_ = columnScroll(settings);
    // The column follows what it holds: other data shows other settings (images: augmentation),
    // a project other layers; fitted again whenever their layout changes.
    settings->installEventFilter(this);

    auto* centre = new QVBoxLayout;
    centre->addWidget(problem_);
    centre->addWidget(views_, 1);
    auto* central = new QWidget;
    auto* main = new QHBoxLayout(central);
    main->addWidget(scroll);
    main->addLayout(centre, 1);
    trainingPage_ = central;
    buildEditor();  // the network editor in a page of its own beside this one

    buildActions();
    buildToolBar();
    buildMenus();
    computeMenu_ = new ComputeMenu(openCl, this);
    menuBar()->insertMenu(languageMenu_->menuAction(), computeMenu_);
    menuBar()->insertMenu(computeMenu_->menuAction(), templatesMenu_);
    controller_.setComputeDevice(computeMenu_->current());
    controller_.setCpuThreads(computeMenu_->threads());
    connect(computeMenu_, &ComputeMenu::threadsChosen, this,
            [this](int threads) { controller_.setCpuThreads(threads); });
    connect(computeMenu_, &ComputeMenu::deviceChosen, this, [this](const ComputeDevice& device) {
        controller_.setComputeDevice(device);
        if (unsupervisedWindow_) unsupervisedWindow_->setComputeDevice(device);
        rebuild();
    });
    buildLessons();
    classroomMenu_ = new ClassroomMenu(*this);
    menuBar()->insertMenu(helpMenu_->menuAction(), classroomMenu_);
    deviceLabel_ = new QLabel;
    deviceLabel_->setObjectName(QStringLiteral("computeStatus"));
    statusBar()->addPermanentWidget(deviceLabel_);

    datasetPanel_->setSpec(DatasetSpec::parse(lesson.dataset));
    layers_->setTokens(lesson.layers);
    trainingPanel_->setLearningRate(lesson.settings.learningRate);
    trainingPanel_->setBatchSize(static_cast<int>(lesson.settings.batchSize));
    controller_.setLearningRate(trainingPanel_->learningRate());
    controller_.setMomentum(trainingPanel_->momentum());
    controller_.setEpochsPerSecond(trainingPanel_->epochsPerSecond());

    connect(datasetPanel_, &DatasetPanel::datasetChanged, this, &MainWindow::rebuild);
    connect(layers_, &LayerListEditor::layersChanged, this, &MainWindow::rebuild);
    connect(trainingPanel_, &TrainingPanel::methodChanged, this, &MainWindow::rebuild);
    connect(augmentation_, &AugmentationPanel::augmentationChanged, this, &MainWindow::rebuild);
    connect(trainingPanel_, &TrainingPanel::momentumChanged, &controller_,
            &TrainingController::setMomentum);
    connect(trainingPanel_, &TrainingPanel::learningRateChanged, &controller_,
            &TrainingController::setLearningRate);
    connect(trainingPanel_, &TrainingPanel::speedChanged, &controller_,
            &TrainingController::setEpochsPerSecond);
    // Every edit of the data or the training is a change of the project (the speed is not saved);
    // an edit of the layers is a step of the editor's history (buildEditor).
    connect(datasetPanel_, &DatasetPanel::datasetChanged, this, &MainWindow::projectEdited);
    connect(trainingPanel_, &TrainingPanel::methodChanged, this, &MainWindow::projectEdited);
    connect(trainingPanel_, &TrainingPanel::learningRateChanged, this, &MainWindow::projectEdited);
    connect(trainingPanel_, &TrainingPanel::momentumChanged, this, &MainWindow::projectEdited);
    connect(augmentation_, &AugmentationPanel::augmentationChanged, this,
            &MainWindow::projectEdited);
    connect(session_, &ProjectSession::documentChanged, this, &MainWindow::updateTitle);
    connect(&controller_, &TrainingController::snapshotReady, this, &MainWindow::showSnapshot);
    connect(&views_->timeline(), &RunTimeline::epochChosen, &controller_,
            &TrainingController::showEpoch);
    connect(&views_->timeline(), &RunTimeline::forkRequested, this, &MainWindow::forkAt);
    connect(&views_->timeline(), &RunTimeline::runsRequested, this, &MainWindow::showRunsDialog);
    connect(&controller_, &TrainingController::playingChanged, this, &MainWindow::updatePlayButton);
    connect(views_, &RunViews::insidesWanted, &controller_, &TrainingController::setInsidesWanted);
    connect(views_, &RunViews::weightsWanted, this, [this](bool wanted) {
        viewsWantWeights_ = wanted;
        updateWeightsWanted();
    });
    connect(views_, &RunViews::insideSampleChosen, &controller_,
            &TrainingController::setInsideSample);
    connect(views_, &RunViews::outputWanted, &controller_, &TrainingController::setOutputWanted);
    connect(views_, &RunViews::networkWanted, &controller_, &TrainingController::setNetworkWanted);
    connect(views_, &RunViews::stochasticWanted, &controller_,
            &TrainingController::setStochasticWanted);
    connect(views_, &RunViews::weightSet, this,
            [this](const QString& parameter, qint64 index, float value) {
                controller_.editWeight(parameter.toStdString(), index, value);
            });
    connect(views_, &RunViews::outputSampleChosen, &controller_,
            &TrainingController::setOutputSample);

    retranslate();
    resize(kFirstSize);
    rebuild();
}

void MainWindow::buildActions() {
    auto action = [&](QStyle::StandardPixmap icon, const QKeySequence& shortcut) {
        auto* a = new QAction(style()->standardIcon(icon), QString(), this);
        a->setShortcut(shortcut);
        return a;
    };
    reset_ = action(QStyle::SP_BrowserReload, QKeySequence(Qt::CTRL | Qt::Key_R));
    play_ = action(QStyle::SP_MediaPlay, QKeySequence(Qt::Key_Space));
    step_ = action(QStyle::SP_MediaSkipForward, QKeySequence(Qt::CTRL | Qt::Key_Right));
    stepEpoch_ =
        action(QStyle::SP_MediaSeekForward, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Right));
    // A presenter's clicker: beside PageDown and PageUp (the Lessons menu's next and previous
    // task) it sends F5 and "." (start the slide show, black the screen).
    play_->setShortcuts({QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_F5)});
    step_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Right), QKeySequence(Qt::Key_Period)});
    connect(play_, &QAction::triggered, this, [this] {
        if (controller_.isPlaying()) controller_.pause();
        else controller_.play();
    });
    inspect_ = action(QStyle::SP_FileDialogContentsView, QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(inspect_, &QAction::triggered, this, [this] {
        InspectorWindow& inspector = openInspector();
        if (!inspector.trace()) inspector.takeStep();
    });
    connect(step_, &QAction::triggered, &controller_, &TrainingController::stepBatch);
    connect(stepEpoch_, &QAction::triggered, &controller_, &TrainingController::stepEpoch);
    connect(reset_, &QAction::triggered, this, [this] {
        views_->clearCurve();
        latest_.reset();
        savedRun_.reset();
        if (stepsShown_ != 0) projectEdited();
        stepsShown_ = 0;
        setProblem({});
        controller_.reset();
        updateCounters();
    });
}

void MainWindow::buildToolBar() {
    QToolBar* bar = addToolBar(QString());
    bar->setObjectName(QStringLiteral("trainingToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(28, 28));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (auto [action, name] :
         {std::pair{reset_, "resetButton"}, std::pair{play_, "playButton"},
          std::pair{step_, "stepButton"}, std::pair{inspect_, "inspectButton"}}) {
        auto* button = new QToolButton;
        button->setObjectName(QLatin1String(name));
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        bar->addWidget(button);
    }
    bar->addSeparator();
    epochLabel_ = new QLabel;
    epochLabel_->setObjectName(QStringLiteral("epochLabel"));
    setRelativeFont(*epochLabel_, 1.4);
    epochLabel_->setContentsMargins(12, 0, 12, 0);
    bar->addWidget(epochLabel_);
}

void MainWindow::buildMenus() {
    buildFileMenu();
    buildEditMenu();
    trainingMenu_ = menuBar()->addMenu(QString());
    trainingMenu_->addActions({play_, step_, stepEpoch_, inspect_});
    unsupervised_ = trainingMenu_->addAction(QString(), this, [this] { showUnsupervisedWindow(); });
    unsupervised_->setObjectName(QStringLiteral("unsupervisedAction"));
    experiments_ = trainingMenu_->addAction(QString(), this, [this] { openExperiments(); });
    experiments_->setObjectName(QStringLiteral("experimentsAction"));
    trainingMenu_->addSeparator();
    trainingMenu_->addAction(reset_);
    languageMenu_ = menuBar()->addMenu(QString());
    auto* group = new QActionGroup(this);
    // Each language is named in itself, so that a learner can always find their own.
    english_ = languageMenu_->addAction(QStringLiteral("English"));
    japanese_ = languageMenu_->addAction(QStringLiteral("日本語"));
    for (auto [action, code] : {std::pair{english_, "en"}, std::pair{japanese_, "ja"}}) {
        action->setCheckable(true);
        action->setChecked(language_.current() == QLatin1String(code));
        group->addAction(action);
        const QString language = QLatin1String(code);
        connect(action, &QAction::triggered, this, [this, language] {
            language_.apply(language);
            Language::remember(language);
        });
    }
    helpMenu_ = menuBar()->addMenu(QString());
    about_ = helpMenu_->addAction(QString(), this, [this] {
        QMessageBox::about(
            this, tr("About Kotohajime"),
            tr("<h3>Kotohajime %1</h3><p>Learn deep learning by watching it happen: every number "
               "the network computes, on your own data.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });
}

InspectorWindow& MainWindow::openInspector() {
    if (!inspector_) inspector_ = new InspectorWindow(controller_, this);
    if (dataset_) inspector_->setSampleCount(dataset_->train.count);
    inspector_->show();
    inspector_->raise();
    inspector_->activateWindow();
    return *inspector_;
}

std::shared_ptr<const Dataset> MainWindow::loadChosenData() {
    const std::string chosen = datasetPanel_->spec().text();
    if (dataset_ && chosen == loadedDataSpec_)
        return dataset_;  // the same data: no need to read it again
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);  // image files take a moment
        auto loaded = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(chosen)));
        QApplication::restoreOverrideCursor();
        loadedDataSpec_ = chosen;
        return loaded;
    } catch (const std::exception& error) {
        QApplication::restoreOverrideCursor();
        QMessageBox::warning(
            this, tr("The data cannot be used"),
            tr("This data could not be loaded:\n\n%1\n\nThe data you had before stays.")
                .arg(QString::fromStdString(error.what())));
        if (!loadedDataSpec_.empty()) {
            const QSignalBlocker block(datasetPanel_);
            datasetPanel_->setSpec(DatasetSpec::parse(loadedDataSpec_));
        }
        return nullptr;
    }
}

void MainWindow::rebuild() {
    const bool wasPlaying = controller_.isPlaying();
    setProblem({});
    std::shared_ptr<const Dataset> dataset = loadChosenData();
    if (!dataset) return;  // said in a dialog; the current run goes on
    const bool newData = dataset != dataset_;
    augmentation_->setDataset(*dataset);
    NetworkSpec spec;
    try {
        spec = bridge_->networkToTrain(*dataset, newData, trainingPanel_->inputNoise());
    } catch (const std::exception& error) {
        setProblem({Problem::BadSettings, QString::fromStdString(error.what())});
        refuseToTrain(QString::fromStdString(error.what()));
        return;
    }
    dataset_ = dataset;
    // Only new data: the unsupervised window may hold a model opened on data of its own.
    if (unsupervisedWindow_ && newData) unsupervisedWindow_->setDataset(dataset_, loadedDataSpec_);
    spec_ = spec;
    describeLesson();
    if (newData) views_->showData(dataset_);
    startRun(settingsFromPanels(), nullptr);
    if (wasPlaying) controller_.play();
}

TrainingSettings MainWindow::settingsFromPanels() const {
    TrainingSettings settings;
    settings.learningRate = trainingPanel_->learningRate();
    settings.batchSize = trainingPanel_->batchSize();
    settings.optimizer = trainingPanel_->optimizer();
    settings.momentum = trainingPanel_->momentum();
    settings.decay = trainingPanel_->decay();
    settings.schedule = trainingPanel_->schedule();
    settings.l1 = trainingPanel_->l1();
    settings.l2 = trainingPanel_->l2();
    settings.regularizeBiases = trainingPanel_->regularizeBiases();
    settings.validation = trainingPanel_->validationShare();
    settings.patience = trainingPanel_->patience();
    settings.clipNorm = trainingPanel_->clipNorm();
    settings.augment = augmentation_->text();
    settings.seed = 1;
    return settings;
}

void MainWindow::startRun(const TrainingSettings& settings,
                          std::shared_ptr<const Project> continueFrom) {
    views_->startRun(Augmentation::parse(settings.augment));
    latest_.reset();
    savedRun_.reset();
    views_->showNetwork(spec_);
    if (!continueFrom && stepsShown_ != 0)
        projectEdited();  // the trained weights are gone, even if the edit is undone
    stepsShown_ = continueFrom ? continueFrom->stepsTrained : 0;
    networkProblem_.clear();  // a run starts: its network can train
    if (bridge_->showInEditor(spec_, trainingPanel_->inputNoise())) projectEdited();
    describeMemory(settings);
    keepRunsOnlyFor(spec_, loadedDataSpec_);
    controller_.start(spec_, dataset_, settings, std::move(continueFrom));
    updateCounters();
}

void MainWindow::describeMemory(const TrainingSettings& settings) {
    // The estimate core checks before the run allocates (training/training_memory.h): a network
    // over the limit is refused there, and the banner says so with the same figures.
    try {
        const MemoryEstimate estimate = estimateTrainingMemory(spec_, settings, dataset_.get());
        layers_->setMemoryDescription(
            tr("Training takes about %1 of memory (this computer allows %2).")
                .arg(QString::fromStdString(memoryText(estimate.total())),
                     QString::fromStdString(memoryText(hostMemoryCapacity().totalBytes))));
    } catch (const std::exception&) {
        layers_->setMemoryDescription({});  // a network that cannot be built: its run says why
    }
}

void MainWindow::describeLesson() {
    if (spec_.layers.empty() || !dataset_) return;
    const LayerSpec& output = spec_.layers.back();
    layers_->setOutputDescription(
        tr("Output layer: %n unit(s), %1, trained with %2", nullptr,
           static_cast<int>(output.integer("units")))
            .arg(activationTitle(*activationFromName(output.text("activation"))))
            .arg(lossTitle(spec_.loss)));
    const QString background =
        dataset_->imageWidth > 0 && dataset_->sequenceLength > 0
            ? tr("Each image is read row by row: its %1 rows are %1 time steps x(1) … x(%1) of %2 "
                 "pixels each, "
                 "which a recurrent layer reads in order. Under each test image: its class and the "
                 "network's answer.")
                  .arg(dataset_->imageHeight)
                  .arg(dataset_->imageWidth)
        : dataset_->imageWidth > 0 ? tr("Each image is a row of %1 numbers, its pixels from 0 "
                                        "(black) to 1 (white); the network's "
                                        "softmax output gives a probability to each of the %2 "
                                        "classes. Under each test image: its class "
                                        "and the network's answer.")
                                         .arg(dataset_->inputSize)
                                         .arg(dataset_->classCount)
        : dataset_->sequenceLength > 0 && dataset_->targetEveryStep
            ? tr("Each sample is a sequence of %1 time steps, one value a step, written as one row "
                 "x(1) … x(%1); "
                 "a recurrent layer reads the steps in order, and seq:many passes on its state at "
                 "every step, so "
                 "the network answers at every step t. The curves show how well it does, averaged "
                 "over all steps.")
                  .arg(dataset_->sequenceLength)
        : dataset_->sequenceLength > 0
            ? tr("Each sample is a sequence of %1 time steps, one value a step, written as one row "
                 "x(1) … x(%1); "
                 "a recurrent layer reads the steps in order, a dense layer sees them all at once. "
                 "The curves "
                 "show how well the network predicts the answer at the end of the sequence.")
                  .arg(dataset_->sequenceLength)
        : dataset_->task == Task::Regression
            ? tr("The background is the network's output y for every point of the plane: orange "
                 "near −1, blue "
                 "near +1, pale near 0; the points are coloured by their target value.")
            : tr("The background is the network's answer for every point of the plane: orange for "
                 "one class, "
                 "blue for the other, pale where it is unsure.");
    views_->setExplanation(tr("<b>What you see</b><br>%1 Each step computes the cost J on a "
                              "mini-batch, sends its gradient back "
                              "through the layers (backpropagation) and moves every weight: w = w "
                              "− learning_rate · dJ/dw. When "
                              "the test loss rises while the training loss falls, the network is "
                              "memorising (overfitting).")
                               .arg(background));
}

void MainWindow::showSnapshot(const std::shared_ptr<const TrainingSnapshot>& snapshot) {
    if (snapshot->savedRun) savedRun_ = snapshot->savedRun;  // for captureProject
    showComputeStatus(*snapshot);
    if (snapshot->preparingKernels) return;  // nothing trained yet: only where it will compute
    if (!snapshot->failure.isEmpty()) {
        setProblem({Problem::CannotStart, snapshot->failure});
        emit trainingCannotStart(snapshot->failure);
        return;
    }
    views_->show(*snapshot);
    latest_ = snapshot;
    if (snapshot->steps != stepsShown_) {  // training moved on: the weights are not those saved
        stepsShown_ = snapshot->steps;
        projectEdited();
    }
    if (snapshot->diverged)
        setProblem({snapshot->lossGrew ? Problem::LossGrew : Problem::Diverged,
                    snapshot->divergenceWhere, snapshot->divergenceStep});
    if (snapshot->stoppedEarly) setProblem({Problem::StoppedEarly, {}, snapshot->bestEpoch});
    else if (!snapshot->deviceProblem.isEmpty() && problemShown_.kind == Problem::None)
        setProblem({Problem::DeviceFallback, snapshot->deviceProblem});
    updateCounters();
    emit snapshotShown();
}

void MainWindow::setProblem(const Problem& problem) {
    problemShown_ = problem;
    showProblem();
}

void MainWindow::showProblem() {
    const Problem& p = problemShown_;
    switch (p.kind) {
    case Problem::None: problem_->hide(); return;
    case Problem::BadSettings:
        problem_->setText(tr("These settings cannot be used: %1").arg(p.detail));
        break;
    case Problem::CannotStart:
        problem_->setText(tr("Training could not start: %1").arg(p.detail));
        break;
    case Problem::DeviceFallback:
        problem_->setText(tr("The OpenCL device could not be used, so training runs on the CPU: %1")
                              .arg(p.detail));
        break;
    case Problem::StoppedEarly:
        problem_->setText(
            tr("Early stopping: the validation loss has not improved since epoch %1, so training "
               "stopped and the weights of epoch %1 are back. Press Reset to train again.")
                .arg(p.step));
        break;
    case Problem::LossGrew:
        problem_->setText(
            tr("Training diverged at step %1: the loss grew to more than %2 times its "
               "first value. The weights before that step are kept. Lower the "
               "learning rate and press Reset.")
                .arg(p.step)
                .arg(QLocale().toString(Trainer::kBlowUpFactor, 'f', 0)));
        break;
    case Problem::Diverged: {
        // Core names the layer, or "the loss" / "the input data", which are ours to translate.
        const QString where = p.detail == QLatin1String("the loss")         ? tr("the loss")
                              : p.detail == QLatin1String("the input data") ? tr("the input data")
                                                                            : p.detail;
        problem_->setText(tr("Training diverged at step %1: NaN or infinity appeared in %2. The "
                             "weights of the last "
                             "finite step are kept. Lower the learning rate and press Reset.")
                              .arg(p.step)
                              .arg(where));
        break;
    }
    }
    // A warning in red; early stopping, which is news rather than trouble, in blue.
    showAsNote(*problem_, p.kind == Problem::StoppedEarly ? Note::News : Note::Warning);
    problem_->show();
}

void MainWindow::updateCounters() {
    const int64_t epochs = latest_ ? latest_->epochs : 0;
    const int64_t steps = latest_ ? latest_->steps : 0;
    epochLabel_->setText(tr("Epoch %1 · step %2")
                             .arg(QLocale().toString(static_cast<qlonglong>(epochs)))
                             .arg(QLocale().toString(static_cast<qlonglong>(steps))));
    const bool diverged = latest_ && (latest_->diverged || latest_->stoppedEarly);
    // A network that cannot train (the editor says why) has nothing to play.
    play_->setEnabled(!diverged && networkProblem_.isEmpty());
    step_->setEnabled(!diverged && networkProblem_.isEmpty() && !controller_.isPlaying());
    stepEpoch_->setEnabled(step_->isEnabled());
}

void MainWindow::updatePlayButton() {
    const bool playing = controller_.isPlaying();
    play_->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    play_->setText(playing ? tr("Pause") : tr("Play"));
    play_->setToolTip(playing ? tr("Pause training") : tr("Train continuously"));
    updateCounters();
}

void MainWindow::fitSettingsColumn() {
    // As wide as the settings want in this language, with room for a vertical scroll bar.
    int width = settingsScroll_->widget()->sizeHint().width() +
                settingsScroll_->verticalScrollBar()->sizeHint().width();
    // On a projector the large settings may leave the views too little room: the column then
    // takes what is left of the window (the screen when full, else at least its first width) and
    // scrolls sideways too, rather than push the window past the screen.
    const int screenWidth = screen()->availableGeometry().width();
    const int windowWidth =
        isFullScreen() ? screenWidth : std::max(screenWidth, kFirstSize.width());
    const int room = windowWidth - views_->minimumSizeHint().width() - 40;
    const bool squeezed = Presentation::instance().projector() && room < width;
    if (squeezed) width = std::max(room, 200);
    settingsScroll_->setHorizontalScrollBarPolicy(squeezed ? Qt::ScrollBarAsNeeded
                                                           : Qt::ScrollBarAlwaysOff);
    settingsScroll_->setMinimumWidth(width);
    settingsScroll_->setMaximumWidth(width + 40);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (watched == settingsScroll_->widget() && event->type() == QEvent::LayoutRequest)
        QTimer::singleShot(0, this, &MainWindow::fitSettingsColumn);
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::showComputeStatus(const TrainingSnapshot& snapshot) {
    // A snapshot of a run that could not start says nothing about the device.
    if (!snapshot.backendName.isEmpty()) deviceLabel_->setText(computeStatusText(snapshot));
}

void MainWindow::retranslate() {
    retranslateFileMenu();
    retranslateEditor();
    retranslateLessons();
    languageMenu_->setTitle(tr("&Language"));
    helpMenu_->setTitle(tr("&Help"));
    about_->setText(tr("&About Kotohajime"));
    reset_->setText(tr("Reset"));
    reset_->setToolTip(tr("Back to the same initial weights (same seed)"));
    step_->setText(tr("Step"));
    step_->setToolTip(tr("One gradient-descent step on one mini-batch"));
    stepEpoch_->setText(tr("Step one epoch"));
    stepEpoch_->setToolTip(tr("Train to the end of the current epoch, then pause"));
    trainingMenu_->setTitle(tr("&Training"));
    inspect_->setText(tr("Step through backpropagation…"));
    unsupervised_->setText(tr("Autoencoder and RBM…"));
    experiments_->setText(tr("Experiments: optimizer race, sweep…"));
    inspect_->setToolTip(tr("One training step, operation by operation, with the curriculum's "
                            "formulas and the real numbers"));
    describeLesson();
    showProblem();
    // The panels retranslate after this window: size the column once they have.
    QTimer::singleShot(0, this, &MainWindow::fitSettingsColumn);
    if (latest_) showComputeStatus(*latest_);
    updatePlayButton();
}

}  // namespace koto::gui
