// The Autoencoder and RBM window's controls: building them, reading the settings they show, showing
// a model's settings in them, and their words in the user's language.

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

#include "look/view_colours.h"
#include "unsupervised/reconstruction_curve_view.h"
#include "unsupervised/unsupervised_window.h"
#include "views/image_stack_view.h"
#include "window/model_export_menu.h"

namespace koto::gui {
namespace {

// The exact value behind a spin box that shows it rounded to `decimals`, unless the learner
// has set another (a project's learning rate 0.00125 shows as 0.0013).
double exactBehind(const QDoubleSpinBox& spin, double exact) {
    return std::abs(spin.value() - exact) <= 0.5 * std::pow(10.0, -spin.decimals()) ? exact
                                                                                    : spin.value();
}

}  // namespace

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
    modelExport_ = new ModelExportMenu(*this, {[this] { return captureProject(); },
                                                [] { return std::vector<std::string>{}; }});
    exportButton_ = new QPushButton;
    exportButton_->setObjectName(QStringLiteral("exportButton"));
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
    showAsNote(*banner_, Note::Warning);
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
    auto* files = new QHBoxLayout;
    files->addWidget(saveButton_);
    files->addWidget(exportButton_);
    column->addLayout(files);
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
    for (auto [view, name] :
         {std::pair{&inputs_, "inputImages"}, std::pair{&reconstructions_, "reconstructions"},
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
    for (QCheckBox* box : {tied_, persistent_})
        connect(box, &QCheckBox::toggled, restartTimer_, qOverload<>(&QTimer::start));
    for (QSpinBox* spin : {hidden_, cd_})
        connect(spin, &QSpinBox::valueChanged, restartTimer_, qOverload<>(&QTimer::start));
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
    connect(exportButton_, &QPushButton::clicked, &modelExport_->action(), &QAction::trigger);
    connect(firstLayerButton_, &QPushButton::clicked, this, &UnsupervisedWindow::useAsFirstLayer);
}

UnsupervisedWindow::~UnsupervisedWindow() { run_.reset(); }  // joins the thread before the views go

void UnsupervisedWindow::showKindControls() {
    const bool autoencoder = kind_->currentIndex() == 0;
    for (QWidget* w : {static_cast<QWidget*>(sizes_), static_cast<QWidget*>(sizesLabel_),
                       static_cast<QWidget*>(tied_), static_cast<QWidget*>(denoise_),
                       static_cast<QWidget*>(denoiseLabel_)})
        w->setVisible(autoencoder);
    for (QWidget* w : {static_cast<QWidget*>(hidden_), static_cast<QWidget*>(hiddenLabel_),
                       static_cast<QWidget*>(cd_), static_cast<QWidget*>(cdLabel_),
                       static_cast<QWidget*>(persistent_)})
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
    const QSignalBlocker blockKind(kind_), blockSizes(sizes_), blockTied(tied_),
        blockDenoise(denoise_), blockHidden(hidden_), blockCd(cd_), blockPersistent(persistent_),
        blockRate(rate_), blockEpochs(epochs_);
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
    saveButton_->setToolTip(
        tr("Save the model, its settings, weights and learning curve as a .koto project"));
    modelExport_->retranslate();
    exportButton_->setText(tr("Export Model…"));
    exportButton_->setToolTip(tr("The autoencoder (encoder and decoder) or the RBM's p(h|v) as "
                                 "ONNX, NumPy arrays, or a NumPy or PyTorch script"));
    firstLayerButton_->setText(tr("Use as the first layer of the classifier"));
    firstLayerButton_->setToolTip(
        tr("Pre-training: the main window's network starts from this W and hidden bias "
           "in its first dense layer, and learns from the labels from there"));
    updateButtons();
    showStatus();
    if (shown_) {
        shown_.reset();  // redraw the titles in the new language
        showLatest();
    }
}

}  // namespace koto::gui
