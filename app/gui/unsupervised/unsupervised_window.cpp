#include "unsupervised_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
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
#include <chrono>
#include <cmath>

#include "backend/cpu_backend.h"
#include "models/model_projects.h"
#include "models/rbm.h"
#include "network/network.h"
#include "reconstruction_curve_view.h"
#include "training/compute_status_text.h"
#include "util/errors.h"
#include "views/image_stack_view.h"

namespace koto::gui {
namespace {

constexpr int kTileSide = 56;
// How long a save waits for the training thread to hand over the model (it answers within a
// step, or at once while paused).
constexpr std::chrono::milliseconds kHandOverTimeout{10000};
const QString kSuffix = QStringLiteral(".koto");

// Settings that make another model; the epochs only say where training pauses.
bool sameModel(UnsupervisedSettings a, UnsupervisedSettings b) {
    a.epochs = b.epochs = 0;
    return a == b;
}

// Checks that a project's weights fit the model its settings make on data of inputSize values,
// on a model of one row, so that a project that cannot be shown changes nothing.
void checkProjectFits(const Project& project, const UnsupervisedSettings& settings,
                      int64_t inputSize) {
    CpuBackend backend;
    if (settings.kind == UnsupervisedKind::Rbm) {
        if (project.rbm.visible != inputSize)
            throw InputError("the RBM has " + std::to_string(project.rbm.visible) +
                             " visible units, but its data " + std::to_string(inputSize) +
                             " values per image");
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
        const QString question = runningKind() == UnsupervisedKind::Autoencoder
                                     ? tr("The autoencoder has trained %n step(s). Switching to "
                                          "the restricted Boltzmann machine (RBM) "
                                          "starts a new model: the autoencoder's weights and "
                                          "learning curve are lost unless you save "
                                          "them first.",
                                          nullptr, n)
                                     : tr("The restricted Boltzmann machine (RBM) has trained %n "
                                          "step(s). Switching to the autoencoder "
                                          "starts a new model: the RBM's weights and learning "
                                          "curve are lost unless you save them first.",
                                          nullptr, n);
        QMessageBox box(QMessageBox::Question, tr("Switch the model?"), question,
                        QMessageBox::NoButton, this);
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

void UnsupervisedWindow::setDataset(std::shared_ptr<const Dataset> dataset,
                                    const std::string& spec) {
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

UnsupervisedKind UnsupervisedWindow::runningKind() const {
    return run_ ? run_->request().settings.kind : chosenKind();
}

void UnsupervisedWindow::kindChosen() {
    // The other kind is a new model: a trained one goes only when the learner says so.
    if (const qint64 steps = stepsTrained(); steps > 0 && run_ && runningKind() != chosenKind()) {
        const TrainedModelChoice choice = dialogs_.askDiscardTrained(steps);
        // Save As… may be cancelled or fail: then the model stays, as with Cancel.
        if (choice == TrainedModelChoice::Cancel ||
            (choice == TrainedModelChoice::Save && !saveAs())) {
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
    for (ImageStackView* view : {inputs_, reconstructions_, features_, samples_})
        view->setStack({}, QString(), kTileSide);
    if (hasImages()) {
        UnsupervisedRequest request{dataset_, datasetSpec_, settings,
                                    device_,  compute_,     std::move(continueFrom)};
        run_ = std::make_unique<UnsupervisedRun>(
            std::move(request), [this](std::shared_ptr<const UnsupervisedSnapshot> snapshot) {
                // On the training thread: keep only the newest (and a project handed over until it
                // is taken), then let the GUI thread draw it.
                {
                    const std::lock_guard lock(latestMutex_);
                    if (snapshot->project) handedOver_ = snapshot->project;
                    latest_ = std::move(snapshot);
                }
                projectHandedOver_.notify_all();
                QMetaObject::invokeMethod(this, "showLatest", Qt::QueuedConnection);
            });
    }
    showStatus();
    updateButtons();
}

void UnsupervisedWindow::restartIfChanged() {
    if (restartTimer_->isActive() || !run_ ||
        !sameModel(run_->request().settings, settingsFromControls()))
        restart();
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
    run_->requestProject();
    // The training thread answers between two steps, or at once while it waits: no event loop
    // runs meanwhile, so nothing else happens in the GUI.
    std::unique_lock lock(latestMutex_);
    if (!projectHandedOver_.wait_for(lock, kHandOverTimeout,
                                     [this] { return handedOver_ != nullptr; }))
        return std::nullopt;
    const std::shared_ptr<const Project> project = handedOver_;
    lock.unlock();
    showLatest();  // the snapshot that carried it
    return *project;
}

bool UnsupervisedWindow::saveAs() {
    // The model that is saved is the run's, whatever the kind combo shows now.
    const QString name =
        runningKind() == UnsupervisedKind::Autoencoder ? tr("Autoencoder") : tr("RBM");
    const QString suggested = filePath_.isEmpty() ? name + kSuffix : filePath_;
    const QString path = dialogs_.chooseSaveFile(suggested);
    return !path.isEmpty() && saveTo(path);
}

bool UnsupervisedWindow::saveTo(const QString& path) {
    const QString title = tr("The model was not saved");
    const std::optional<Project> project = captureProject();
    if (!project) {
        dialogs_.showError(
            title, tr("The training thread did not hand over the model in time, or there is none "
                      "(choose image data first). Nothing was written."));
        return false;
    }
    try {
        saveProject(*project,
                    path.toStdString());  // atomic: a failure leaves the old file as it was
    } catch (const std::exception& error) {
        dialogs_.showError(
            title, tr("%1 could not be written.\n\n%2\n\nA file that was there stays as it was.")
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
        dialogs_.showError(
            title,
            tr("The training thread did not hand over the model in time, or there is none."));
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
        throw InputError("its data (" + project.dataset +
                         ") are not images, and this window learns from images");
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
        reconstructions_->setStack(p.reconstructions, tr("Their reconstructions"), kTileSide, {},
                                   pixels);
        features_->setStack(p.features,
                            tr("Learned features: each hidden unit's weights W, as an image"),
                            kTileSide);
        if (!p.gibbsSamples.values.empty())
            samples_->setStack(
                p.gibbsSamples,
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
        status_->setText(tr(
            "Choose image data (Fashion-MNIST, IDX or CSV images) in the main window: these models "
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
        status_->setText(
            tr("Preparing GPU kernels on %1… (the first time takes seconds)").arg(device));
        return;
    }
    computeLabel_->setText(computeStatusText(*shown_));
    banner_->setText(tr("The OpenCL device could not be used, so training runs on the CPU: %1")
                         .arg(shown_->deviceProblem));
    QString text;
    if (shown_->epochs.empty()) {
        text =
            shown_->steps == 0
                ? tr("Paused at the initial weights: Play trains, Step makes one mini-batch step.")
                : tr("Step %1").arg(shown_->steps);
    } else {
        const UnsupervisedEpoch& e = shown_->epochs.back();
        text = tr("Epoch %1: reconstruction error (mean squared, per pixel) training %2, test %3")
                   .arg(e.epoch)
                   .arg(e.trainError, 0, 'f', 5)
                   .arg(e.testError, 0, 'f', 5);
        if (std::isfinite(e.freeEnergy))
            text += tr("; mean free energy %1").arg(e.freeEnergy, 0, 'f', 2);
        text += QLatin1Char('\n') +
                tr("Step %1 (%2 steps per epoch)").arg(shown_->steps).arg(shown_->batchesPerEpoch);
    }
    if (const QString why = whyPlayWaits(); !why.isEmpty()) text += QLatin1Char('\n') + why;
    status_->setText(text);
}

QString UnsupervisedWindow::whyPlayWaits() const {
    if (playing_ || !shown_ || !shown_->finished || !shown_->failure.isEmpty() ||
        shown_->preparingKernels)
        return {};
    return tr("All %n epoch(s) are done: raise Epochs to train on, or Step.", nullptr,
              epochs_->value());
}

void UnsupervisedWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace koto::gui
