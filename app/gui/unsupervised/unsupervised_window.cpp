#include "unsupervised_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

#include "backend/cpu_backend.h"
#include "views/image_stack_view.h"
#include "models/model_projects.h"
#include "models/rbm.h"
#include "network/network.h"
#include "reconstruction_curve_view.h"
#include "util/errors.h"

namespace koto::gui {
namespace {

constexpr int kTileSide = 56;
// How long a save waits for the training thread to hand over the model (it answers within a
// step, or at once while paused).
constexpr int kHandOverTimeoutMs = 10000;
const QString kSuffix = QStringLiteral(".koto");
const QString kWarningStyle = QStringLiteral(
    "QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c2c0; border-radius: 4px; padding: 6px; }");

// Settings that make another model; the epochs only say where training pauses.
bool sameModel(UnsupervisedSettings a, UnsupervisedSettings b) {
    a.epochs = b.epochs = 0;
    return a == b;
}

// The exact value behind a spin box that shows it rounded to `decimals`, unless the learner
// has set another (a project's learning rate 0.00125 shows as 0.0013).
double exactBehind(const QDoubleSpinBox& spin, double exact) {
    return std::abs(spin.value() - exact) <= 0.5 * std::pow(10.0, -spin.decimals()) ? exact : spin.value();
}

// Checks that a project's weights fit the model its settings make on data of inputSize values,
// on a model of one row, so that a project that cannot be shown changes nothing.
void checkProjectFits(const Project& project, const UnsupervisedSettings& settings, int64_t inputSize) {
    CpuBackend backend;
    if (settings.kind == UnsupervisedKind::Rbm) {
        if (project.rbm.visible != inputSize)
            throw InputError("the RBM has " + std::to_string(project.rbm.visible) + " visible units, but its data " +
                             std::to_string(inputSize) + " values per image");
        Rbm rbm(backend, {project.rbm.visible, project.rbm.hidden}, 1);
        if (!project.weights.empty()) restoreRbmWeights(rbm, project.weights);
        return;
    }
    Network network(backend, project.network, 1);
    if (network.inputSize() != inputSize)
        throw InputError("the autoencoder takes " + std::to_string(network.inputSize()) +
                         " values per image, but its data have " + std::to_string(inputSize));
    if (!project.weights.empty()) restoreWeights(network, project.weights);
}

}  // namespace

UnsupervisedWindow::UnsupervisedWindow(QWidget* parent) : QWidget(parent, Qt::Window) {
    setObjectName(QStringLiteral("unsupervisedWindow"));
    dialogs_.chooseSaveFile = [this](const QString& suggested) {
        QString path = QFileDialog::getSaveFileName(this, tr("Save the model as"), suggested,
                                                    tr("Kotohajime projects (*.koto)"));
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty()) path += kSuffix;
        return path;
    };
    dialogs_.showError = [this](const QString& title, const QString& message) {
        QMessageBox::warning(this, title, message);
    };
    dialogs_.askDiscardTrained = [this](qint64 steps) {
        const int n = static_cast<int>(steps);
        const QString question =
            runningKind() == UnsupervisedKind::Autoencoder
                ? tr("The autoencoder has trained %n step(s). Switching to the restricted Boltzmann machine (RBM) "
                     "starts a new model: the autoencoder's weights and learning curve are lost unless you save "
                     "them first.", nullptr, n)
                : tr("The restricted Boltzmann machine (RBM) has trained %n step(s). Switching to the autoencoder "
                     "starts a new model: the RBM's weights and learning curve are lost unless you save them first.",
                     nullptr, n);
        QMessageBox box(QMessageBox::Question, tr("Switch the model?"), question, QMessageBox::NoButton, this);
        QPushButton* save = box.addButton(tr("Save As…"), QMessageBox::AcceptRole);
        QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        QPushButton* cancel = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
        box.setDefaultButton(save);
        box.setEscapeButton(cancel);
        box.exec();
        return box.clickedButton() == save      ? TrainedModelChoice::Save
               : box.clickedButton() == discard ? TrainedModelChoice::Discard
                                                : TrainedModelChoice::Cancel;
    };
    restartTimer_ = new QTimer(this);
    restartTimer_->setSingleShot(true);
    restartTimer_->setInterval(0);
    connect(restartTimer_, &QTimer::timeout, this, [this] { restart(); });
    buildControls();
    retranslate();
    showKindControls();
}

void UnsupervisedWindow::buildControls() {
    kind_ = new QComboBox;
    kind_->setObjectName(QStringLiteral("modelKind"));
    kind_->addItems({QString(), QString()});
    sizes_ = new QLineEdit(QStringLiteral("256,64"));
    sizes_->setObjectName(QStringLiteral("encoderSizes"));
    hidden_ = new QSpinBox;
    hidden_->setObjectName(QStringLiteral("hiddenUnits"));
    hidden_->setRange(1, 4096);
    hidden_->setValue(64);
    tied_ = new QCheckBox;
    tied_->setObjectName(QStringLiteral("tiedWeights"));
    denoise_ = new QDoubleSpinBox;
    denoise_->setObjectName(QStringLiteral("denoise"));
    denoise_->setRange(0, 1);
    denoise_->setDecimals(3);
    denoise_->setSingleStep(0.05);
    cd_ = new QSpinBox;
    cd_->setObjectName(QStringLiteral("cdSteps"));
    cd_->setRange(1, 100);
    persistent_ = new QCheckBox;
    persistent_->setObjectName(QStringLiteral("persistent"));
    rate_ = new QDoubleSpinBox;
    rate_->setObjectName(QStringLiteral("learningRate"));
    rate_->setDecimals(4);
    rate_->setRange(0.0001, 1);
    rate_->setSingleStep(0.001);
    rate_->setValue(0.001);
    epochs_ = new QSpinBox;
    epochs_->setObjectName(QStringLiteral("epochs"));
    epochs_->setRange(1, 1000);
    epochs_->setValue(10);
    playButton_ = new QPushButton;
    playButton_->setObjectName(QStringLiteral("playButton"));
    stepButton_ = new QPushButton;
    stepButton_->setObjectName(QStringLiteral("stepButton"));
    resetButton_ = new QPushButton;
    resetButton_->setObjectName(QStringLiteral("resetButton"));
    saveButton_ = new QPushButton;
    saveButton_->setObjectName(QStringLiteral("saveButton"));
    firstLayerButton_ = new QPushButton;
    firstLayerButton_->setObjectName(QStringLiteral("firstLayerButton"));
    firstLayerButton_->hide();  // until a classifier can take it
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("status"));
    status_->setWordWrap(true);
    computeLabel_ = new QLabel;
    computeLabel_->setObjectName(QStringLiteral("computeStatus"));
    computeLabel_->setWordWrap(true);
    banner_ = new QLabel;
    banner_->setObjectName(QStringLiteral("deviceBanner"));
    banner_->setWordWrap(true);
    banner_->setStyleSheet(kWarningStyle);
    banner_->hide();

    auto* form = new QFormLayout;
    sizesLabel_ = new QLabel;
    hiddenLabel_ = new QLabel;
    denoiseLabel_ = new QLabel;
    cdLabel_ = new QLabel;
    rateLabel_ = new QLabel;
    epochsLabel_ = new QLabel;
    form->addRow(kind_);
    form->addRow(sizesLabel_, sizes_);
    form->addRow(tied_);
    form->addRow(denoiseLabel_, denoise_);
    form->addRow(hiddenLabel_, hidden_);
    form->addRow(cdLabel_, cd_);
    form->addRow(persistent_);
    form->addRow(rateLabel_, rate_);
    form->addRow(epochsLabel_, epochs_);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {playButton_, stepButton_, resetButton_}) buttons->addWidget(button);
    // The status under the form, where a wrapped line has the height it needs.
    auto* controls = new QWidget;
    auto* column = new QVBoxLayout(controls);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(form);
    column->addLayout(buttons);
    column->addWidget(saveButton_);
    column->addWidget(firstLayerButton_);
    column->addWidget(status_);
    column->addWidget(computeLabel_);
    column->addStretch();
    controls->setFixedWidth(340);

    curve_ = new ReconstructionCurveView;
    curve_->setObjectName(QStringLiteral("reconstructionCurve"));
    curve_->setMinimumHeight(240);
    auto* views = new QWidget;
    auto* stacks = new QVBoxLayout(views);
    for (auto [view, name] : {std::pair{&inputs_, "inputImages"}, std::pair{&reconstructions_, "reconstructions"},
                              std::pair{&features_, "features"}, std::pair{&samples_, "gibbsSamples"}}) {
        *view = new ImageStackView;
        (*view)->setObjectName(QLatin1String(name));
        stacks->addWidget(*view);
    }
    stacks->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setWidget(views);
    scroll->setWidgetResizable(true);
    auto* right = new QVBoxLayout;
    right->addWidget(curve_, 2);
    right->addWidget(scroll, 5);

    auto* layout = new QGridLayout(this);
    layout->addWidget(banner_, 0, 0, 1, 2);
    layout->addWidget(controls, 1, 0);
    layout->addLayout(right, 1, 1);
    layout->setColumnStretch(1, 1);
    layout->setRowStretch(1, 1);
    resize(1000, 820);

    connect(kind_, &QComboBox::currentIndexChanged, this, &UnsupervisedWindow::kindChosen);
    // Every setting of the model starts a new run, paused at its initial weights, as in the main
    // window; the epochs only say where training pauses.
    connect(sizes_, &QLineEdit::editingFinished, restartTimer_, qOverload<>(&QTimer::start));
    for (QCheckBox* box : {tied_, persistent_}) connect(box, &QCheckBox::toggled, restartTimer_, qOverload<>(&QTimer::start));
    for (QSpinBox* spin : {hidden_, cd_}) connect(spin, &QSpinBox::valueChanged, restartTimer_, qOverload<>(&QTimer::start));
    for (QDoubleSpinBox* spin : {denoise_, rate_})
        connect(spin, &QDoubleSpinBox::valueChanged, restartTimer_, qOverload<>(&QTimer::start));
    connect(epochs_, &QSpinBox::valueChanged, this, [this](int epochs) {
        if (run_) run_->setEpochs(epochs);
    });
    connect(playButton_, &QPushButton::clicked, this, [this] {
        if (playing_) pause();
        else play();
    });
    connect(stepButton_, &QPushButton::clicked, this, &UnsupervisedWindow::step);
    connect(resetButton_, &QPushButton::clicked, this, &UnsupervisedWindow::reset);
    connect(saveButton_, &QPushButton::clicked, this, &UnsupervisedWindow::saveAs);
    connect(firstLayerButton_, &QPushButton::clicked, this, &UnsupervisedWindow::useAsFirstLayer);
}

UnsupervisedWindow::~UnsupervisedWindow() { run_.reset(); }  // joins the thread before the views go

void UnsupervisedWindow::setDataset(std::shared_ptr<const Dataset> dataset, const std::string& spec) {
    if (dataset == dataset_) return;
    dataset_ = std::move(dataset);
    datasetSpec_ = spec;
    filePath_.clear();  // a model of other data
    restart();
}

void UnsupervisedWindow::setComputeDevice(const ComputeDevice& device) {
    if (device == device_) return;
    device_ = device;
    if (run_) restart();
}

qint64 UnsupervisedWindow::stepsTrained() const {
    if (shown_) return shown_->steps;
    // A project carried on has trained before its run's first snapshot.
    if (run_ && run_->request().continueFrom) return run_->request().continueFrom->stepsTrained;
    return 0;
}

UnsupervisedKind UnsupervisedWindow::chosenKind() const {
    return kind_->currentIndex() == 0 ? UnsupervisedKind::Autoencoder : UnsupervisedKind::Rbm;
}

UnsupervisedKind UnsupervisedWindow::runningKind() const { return run_ ? run_->request().settings.kind : chosenKind(); }

void UnsupervisedWindow::kindChosen() {
    // The other kind is a new model: a trained one goes only when the learner says so.
    if (const qint64 steps = stepsTrained(); steps > 0 && run_ && runningKind() != chosenKind()) {
        const TrainedModelChoice choice = dialogs_.askDiscardTrained(steps);
        // Save As… may be cancelled or fail: then the model stays, as with Cancel.
        if (choice == TrainedModelChoice::Cancel || (choice == TrainedModelChoice::Save && !saveAs())) {
            const QSignalBlocker block(kind_);
            kind_->setCurrentIndex(runningKind() == UnsupervisedKind::Autoencoder ? 0 : 1);
            return;
        }
    }
    filePath_.clear();  // the file holds the other model
    showKindControls();
    // What each model learns well with (bench/unsupervised.sh): Adam 0.001, momentum 0.05.
    rate_->setValue(kind_->currentIndex() == 0 ? 0.001 : 0.05);
    restartTimer_->start();
}

void UnsupervisedWindow::showKindControls() {
    const bool autoencoder = kind_->currentIndex() == 0;
    for (QWidget* w : {static_cast<QWidget*>(sizes_), static_cast<QWidget*>(sizesLabel_), static_cast<QWidget*>(tied_),
                       static_cast<QWidget*>(denoise_), static_cast<QWidget*>(denoiseLabel_)})
        w->setVisible(autoencoder);
    for (QWidget* w : {static_cast<QWidget*>(hidden_), static_cast<QWidget*>(hiddenLabel_), static_cast<QWidget*>(cd_),
                       static_cast<QWidget*>(cdLabel_), static_cast<QWidget*>(persistent_)})
        w->setVisible(!autoencoder);
    samples_->setVisible(!autoencoder);
}

UnsupervisedSettings UnsupervisedWindow::settingsFromControls() const {
    UnsupervisedSettings s;
    s.kind = chosenKind();
    s.encoder = sizes_->text().trimmed().toStdString();
    s.tied = tied_->isChecked();
    s.denoise = denoise_->value();
    s.hidden = hidden_->value();
    s.cdSteps = cd_->value();
    s.persistent = persistent_->isChecked();
    s.learningRate = rate_->value();
    s.batchSize = s.kind == UnsupervisedKind::Autoencoder ? 64 : 20;
    s.epochs = epochs_->value();
    // A project's batch size, seed and exact values stay those it was trained with.
    if (run_ && run_->request().settings.kind == s.kind) {
        const UnsupervisedSettings& running = run_->request().settings;
        s.batchSize = running.batchSize;
        s.seed = running.seed;
        s.learningRate = exactBehind(*rate_, running.learningRate);
        s.denoise = exactBehind(*denoise_, running.denoise);
    }
    return s;
}

void UnsupervisedWindow::showSettings(const UnsupervisedSettings& s) {
    const QSignalBlocker blockKind(kind_), blockSizes(sizes_), blockTied(tied_), blockDenoise(denoise_),
        blockHidden(hidden_), blockCd(cd_), blockPersistent(persistent_), blockRate(rate_), blockEpochs(epochs_);
    kind_->setCurrentIndex(s.kind == UnsupervisedKind::Autoencoder ? 0 : 1);
    sizes_->setText(QString::fromStdString(s.encoder));
    tied_->setChecked(s.tied);
    denoise_->setValue(s.denoise);
    hidden_->setValue(static_cast<int>(s.hidden));
    cd_->setValue(s.cdSteps);
    persistent_->setChecked(s.persistent);
    rate_->setValue(s.learningRate);
    epochs_->setValue(static_cast<int>(s.epochs));
    showKindControls();
}

void UnsupervisedWindow::restart(std::shared_ptr<const Project> continueFrom) {
    restartTimer_->stop();
    UnsupervisedSettings settings = settingsFromControls();
    if (continueFrom) {  // the project's exact settings (the controls show the nearest they offer)
        const UnsupervisedSettings saved = settingsOfProject(*continueFrom);
        settings.learningRate = saved.learningRate;
        settings.denoise = saved.denoise;
        settings.batchSize = saved.batchSize;
        settings.seed = saved.seed;
        if (continueFrom->weights.empty()) continueFrom.reset();  // untrained: its settings only
    }
    run_.reset();  // its thread joined: no snapshot of it comes after this
    {
        const std::lock_guard lock(latestMutex_);
        latest_.reset();
        handedOver_.reset();
    }
    shown_.reset();
    setPlaying(false);
    curve_->setEpochs({}, false);
    for (ImageStackView* view : {inputs_, reconstructions_, features_, samples_}) view->setStack({}, QString(), kTileSide);
    if (hasImages()) {
        UnsupervisedRequest request{dataset_, datasetSpec_, settings, device_, compute_, std::move(continueFrom)};
        run_ = std::make_unique<UnsupervisedRun>(std::move(request), [this](std::shared_ptr<const UnsupervisedSnapshot> snapshot) {
            // On the training thread: keep only the newest (and a project handed over until it
            // is taken), then let the GUI thread draw it.
            {
                const std::lock_guard lock(latestMutex_);
                if (snapshot->project) handedOver_ = snapshot->project;
                latest_ = std::move(snapshot);
            }
            QMetaObject::invokeMethod(this, "showLatest", Qt::QueuedConnection);
        });
    }
    showStatus();
    updateButtons();
}

void UnsupervisedWindow::restartIfChanged() {
    if (restartTimer_->isActive() || !run_ || !sameModel(run_->request().settings, settingsFromControls())) restart();
}

void UnsupervisedWindow::play() {
    if (!hasImages()) return;
    restartIfChanged();
    setPlaying(true);
    run_->play();
}

void UnsupervisedWindow::pause() {
    setPlaying(false);
    if (run_) run_->pause();
}

void UnsupervisedWindow::step() {
    if (!hasImages()) return;
    restartIfChanged();
    setPlaying(false);
    run_->step();
}

void UnsupervisedWindow::reset() {
    filePath_.clear();  // no longer the saved model
    restart();
}

void UnsupervisedWindow::setPlaying(bool playing) {
    playing_ = playing;
    updateButtons();
}

std::optional<Project> UnsupervisedWindow::captureProject() {
    if (!run_ || (shown_ && !shown_->failure.isEmpty())) return std::nullopt;
    {
        const std::lock_guard lock(latestMutex_);
        handedOver_.reset();
    }
    QEventLoop waiting;
    QTimer::singleShot(kHandOverTimeoutMs, &waiting, &QEventLoop::quit);
    connect(this, &UnsupervisedWindow::snapshotShown, &waiting, [&] {
        const std::lock_guard lock(latestMutex_);
        if (handedOver_) waiting.quit();
    });
    run_->requestProject();
    waiting.exec(QEventLoop::ExcludeUserInputEvents);
    const std::lock_guard lock(latestMutex_);
    if (!handedOver_) return std::nullopt;
    return *handedOver_;
}

bool UnsupervisedWindow::saveAs() {
    // The model that is saved is the run's, whatever the kind combo shows now.
    const QString name = runningKind() == UnsupervisedKind::Autoencoder ? tr("Autoencoder") : tr("RBM");
    const QString suggested = filePath_.isEmpty() ? name + kSuffix : filePath_;
    const QString path = dialogs_.chooseSaveFile(suggested);
    return !path.isEmpty() && saveTo(path);
}

bool UnsupervisedWindow::saveTo(const QString& path) {
    const QString title = tr("The model was not saved");
    const std::optional<Project> project = captureProject();
    if (!project) {
        dialogs_.showError(title, tr("The training thread did not hand over the model in time, or there is none "
                                     "(choose image data first). Nothing was written."));
        return false;
    }
    try {
        saveProject(*project, path.toStdString());  // atomic: a failure leaves the old file as it was
    } catch (const std::exception& error) {
        dialogs_.showError(title, tr("%1 could not be written.\n\n%2\n\nA file that was there stays as it was.")
                                      .arg(path, QString::fromStdString(error.what())));
        return false;
    }
    filePath_ = path;
    return true;
}

void UnsupervisedWindow::setFirstLayerTaker(FirstLayerTaker taker) {
    firstLayerTaker_ = std::move(taker);
    firstLayerButton_->setVisible(firstLayerTaker_ != nullptr);
}

bool UnsupervisedWindow::useAsFirstLayer() {
    const QString title = tr("The weights were not handed over");
    if (!firstLayerTaker_) return false;
    const std::optional<Project> project = captureProject();
    if (!project) {
        dialogs_.showError(title, tr("The training thread did not hand over the model in time, or there is none."));
        return false;
    }
    // The hidden layer the inputs meet first: the RBM's W and c, the encoder's first W and b.
    const bool rbm = project->model == ModelKind::Rbm;
    const SavedTensor* weights = nullptr;
    const SavedTensor* bias = nullptr;
    for (const SavedTensor& tensor : project->weights) {
        if (!weights && tensor.name.ends_with(".W")) weights = &tensor;
        if (!bias && tensor.name.ends_with(rbm ? ".c" : ".b")) bias = &tensor;
    }
    if (!weights || !bias) {
        dialogs_.showError(title, tr("The model has no trained weights yet."));
        return false;
    }
    const QString problem = firstLayerTaker_(*weights, *bias);
    if (!problem.isEmpty()) {
        dialogs_.showError(title, problem);
        return false;
    }
    return true;
}

void UnsupervisedWindow::openProject(const Project& project, std::shared_ptr<const Dataset> dataset,
                                     const QString& path) {
    // Everything that can fail comes first, so that a project that cannot be shown changes nothing.
    const UnsupervisedSettings settings = settingsOfProject(project);
    if (!dataset || dataset->imageWidth == 0)
        throw InputError("its data (" + project.dataset + ") are not images, and this window learns from images");
    checkProjectFits(project, settings, dataset->inputSize);

    showSettings(settings);
    dataset_ = std::move(dataset);
    datasetSpec_ = project.dataset;
    restart(std::make_shared<const Project>(project));
    filePath_ = path;
}

void UnsupervisedWindow::showLatest() {
    std::shared_ptr<const UnsupervisedSnapshot> snapshot;
    {
        const std::lock_guard lock(latestMutex_);
        snapshot = latest_;
    }
    if (!snapshot || snapshot == shown_) return;
    shown_ = snapshot;
    if (!snapshot->failure.isEmpty() || (snapshot->finished && snapshot->paused)) setPlaying(false);
    if (!snapshot->preparingKernels && snapshot->failure.isEmpty()) {
        const bool rbm = run_ && run_->request().settings.kind == UnsupervisedKind::Rbm;
        curve_->setEpochs(snapshot->epochs, rbm);
        const UnsupervisedPictures& p = snapshot->pictures;
        const ColourScale pixels{0, 1, false, true};
        inputs_->setStack(p.inputs, tr("Input images X"), kTileSide, {}, pixels);
        reconstructions_->setStack(p.reconstructions, tr("Their reconstructions"), kTileSide, {}, pixels);
        features_->setStack(p.features, tr("Learned features: each hidden unit's weights W, as an image"), kTileSide);
        if (!p.gibbsSamples.values.empty())
            samples_->setStack(p.gibbsSamples,
                               tr("Gibbs chain: p(v|h) after %1 steps from the images above").arg(p.gibbsSteps),
                               kTileSide, {}, pixels);
    }
    banner_->setVisible(!snapshot->deviceProblem.isEmpty());
    showStatus();
    updateButtons();
    emit snapshotShown();
}

void UnsupervisedWindow::updateButtons() {
    const bool ready = run_ && shown_ && shown_->failure.isEmpty() && !shown_->preparingKernels;
    playButton_->setEnabled(ready && (playing_ || !shown_->finished));
    playButton_->setText(playing_ ? tr("Pause") : tr("Play"));
    playButton_->setToolTip(whyPlayWaits());  // a greyed-out button says why
    stepButton_->setEnabled(ready);
    resetButton_->setEnabled(hasImages());
    saveButton_->setEnabled(ready);
    firstLayerButton_->setEnabled(ready);
}

void UnsupervisedWindow::showStatus() {
    computeLabel_->clear();
    if (!hasImages()) {
        status_->setText(tr("Choose image data (Fashion-MNIST, IDX or CSV images) in the main window: these models "
                            "learn from the pixels alone."));
        return;
    }
    if (!shown_) {
        status_->setText(tr("Starting…"));
        return;
    }
    if (!shown_->failure.isEmpty()) {
        status_->setText(tr("Cannot train: %1").arg(shown_->failure));
        return;
    }
    const QString device = shown_->backendName;
    if (shown_->preparingKernels) {
        status_->setText(tr("Preparing GPU kernels on %1… (the first time takes seconds)").arg(device));
        return;
    }
    computeLabel_->setText(shown_->kernelSeconds > 0 ? tr("Computing on %1 (kernels prepared in %2 s)")
                                                           .arg(device)
                                                           .arg(shown_->kernelSeconds, 0, 'f', 1)
                                                     : tr("Computing on %1").arg(device));
    banner_->setText(tr("The OpenCL device could not be used, so training runs on the CPU: %1")
                         .arg(shown_->deviceProblem));
    QString text;
    if (shown_->epochs.empty()) {
        text = shown_->steps == 0 ? tr("Paused at the initial weights: Play trains, Step makes one mini-batch step.")
                                  : tr("Step %1").arg(shown_->steps);
    } else {
        const UnsupervisedEpoch& e = shown_->epochs.back();
        text = tr("Epoch %1: reconstruction error (mean squared, per pixel) training %2, test %3")
                   .arg(e.epoch)
                   .arg(e.trainError, 0, 'f', 5)
                   .arg(e.testError, 0, 'f', 5);
        if (std::isfinite(e.freeEnergy)) text += tr("; mean free energy %1").arg(e.freeEnergy, 0, 'f', 2);
        text += QLatin1Char('\n') + tr("Step %1 (%2 steps per epoch)").arg(shown_->steps).arg(shown_->batchesPerEpoch);
    }
    if (const QString why = whyPlayWaits(); !why.isEmpty()) text += QLatin1Char('\n') + why;
    status_->setText(text);
}

QString UnsupervisedWindow::whyPlayWaits() const {
    if (playing_ || !shown_ || !shown_->finished || !shown_->failure.isEmpty() || shown_->preparingKernels) return {};
    return tr("All %n epoch(s) are done: raise Epochs to train on, or Step.", nullptr, epochs_->value());
}

void UnsupervisedWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void UnsupervisedWindow::retranslate() {
    setWindowTitle(tr("Autoencoder and RBM"));
    kind_->setItemText(0, tr("Autoencoder"));
    kind_->setItemText(1, tr("Restricted Boltzmann machine (RBM)"));
    sizesLabel_->setText(tr("Encoder sizes"));
    sizes_->setToolTip(tr("256,64: the encoder 784-256-64 and the mirrored decoder 64-256-784"));
    tied_->setText(tr("Tied weights (decoder W = encoder W^T)"));
    denoiseLabel_->setText(tr("Denoising noise σ"));
    denoise_->setToolTip(tr("Gaussian noise on the input only; the target stays the clean image"));
    hiddenLabel_->setText(tr("Hidden units"));
    cdLabel_->setText(tr("CD-k steps k"));
    persistent_->setText(tr("Persistent chains (PCD)"));
    rateLabel_->setText(tr("Learning rate"));
    epochsLabel_->setText(tr("Epochs"));
    epochs_->setToolTip(tr("Play trains until this many epochs are done"));
    stepButton_->setText(tr("Step"));
    stepButton_->setToolTip(tr("One gradient step on one mini-batch"));
    resetButton_->setText(tr("Reset"));
    resetButton_->setToolTip(tr("Back to the same initial weights (same seed)"));
    saveButton_->setText(tr("Save As…"));
    saveButton_->setToolTip(tr("Save the model, its settings, weights and learning curve as a .koto project"));
    firstLayerButton_->setText(tr("Use as the first layer of the classifier"));
    firstLayerButton_->setToolTip(tr("Pre-training: the main window's network starts from this W and hidden bias "
                                     "in its first dense layer, and learns from the labels from there"));
    updateButtons();
    showStatus();
    if (shown_) {
        shown_.reset();  // redraw the titles in the new language
        showLatest();
    }
}

}  // namespace koto::gui
