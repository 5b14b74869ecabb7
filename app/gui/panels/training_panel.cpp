#include "panels/training_panel.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <cmath>

#include "look/plot_style.h"
#include "look/presentation.h"
#include "look/view_colours.h"
#include "training/learning_rate_schedule.h"
#include "training/optimizer.h"

namespace koto::gui {
namespace {
const double kRates[] = {0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};
const double kSpeeds[] = {2, 30, 0};  // epochs per second; 0 is full speed
// The schedules offered, as core spells them; the curve shows their first 100 epochs.
const char* const kSchedules[] = {"constant", "step:10:0.5", "inverse:0.05", "exp:0.02"};
constexpr int kScheduleEpochs = 100;
}  // namespace

TrainingPanel::TrainingPanel(QWidget* parent) : QGroupBox(parent) {
    optimizer_ = new QComboBox(this);
    optimizer_->setObjectName(QStringLiteral("optimizerChoice"));
    for (const std::string& name : optimizerNames())
        optimizer_->addItem(QString(), QString::fromStdString(name));
    momentum_ = new QDoubleSpinBox(this);
    momentum_->setObjectName(QStringLiteral("momentumSpin"));
    momentum_->setRange(0, 0.99);
    momentum_->setSingleStep(0.05);
    momentum_->setValue(0.9);
    decay_ = new QDoubleSpinBox(this);
    decay_->setObjectName(QStringLiteral("decaySpin"));
    decay_->setRange(0.5, 0.999);
    decay_->setSingleStep(0.01);
    decay_->setDecimals(3);
    decay_->setValue(0.99);
    connect(decay_, &QDoubleSpinBox::valueChanged, this, &TrainingPanel::methodChanged);
    decayLabel_ = new QLabel(this);
    learningRate_ = new QComboBox(this);
    learningRate_->setObjectName(QStringLiteral("learningRateChoice"));
    for (double rate : kRates) learningRate_->addItem(QString::number(rate), rate);
    schedule_ = new QComboBox(this);
    schedule_->setObjectName(QStringLiteral("scheduleChoice"));
    for (const char* schedule : kSchedules)
        schedule_->addItem(QString(), QString::fromLatin1(schedule));
    schedulePlot_ = new QCustomPlot(this);
    schedulePlot_->setObjectName(QStringLiteral("schedulePlot"));
    schedulePlot_->addGraph();
    schedulePlot_->yAxis->ticker()->setTickCount(2);
    schedulePlot_->xAxis->ticker()->setTickCount(4);
    followPresentation(*schedulePlot_);
    // A small plot in small print, after the plots' own style (connected first).
    auto restyleSchedule = [this] {
        schedulePlot_->setFixedHeight(qRound(76 * Presentation::instance().fontScale()));
        schedulePlot_->graph(0)->setPen(linePen(curveColour(Curve::Training), 2));
        for (QCPAxis* axis : {schedulePlot_->xAxis, schedulePlot_->yAxis}) {
            QFont small = axis->tickLabelFont();
            small.setPointSizeF(small.pointSizeF() * 0.8);
            axis->setTickLabelFont(small);
            axis->setLabelFont(small);
        }
    };
    restyleSchedule();
    connect(&Presentation::instance(), &Presentation::changed, this, restyleSchedule);
    auto penalty = [this](const char* name) {
        auto* box = new QDoubleSpinBox(this);
        box->setObjectName(QLatin1String(name));
        box->setRange(0, 0.1);
        box->setDecimals(4);
        box->setSingleStep(0.0005);
        connect(box, &QDoubleSpinBox::valueChanged, this, &TrainingPanel::methodChanged);
        return box;
    };
    noise_ = new QDoubleSpinBox(this);
    noise_->setObjectName(QStringLiteral("inputNoiseSpin"));
    noise_->setRange(0, 3);
    noise_->setSingleStep(0.1);
    noise_->setDecimals(2);
    connect(noise_, &QDoubleSpinBox::valueChanged, this, &TrainingPanel::methodChanged);
    noiseLabel_ = new QLabel(this);
    validation_ = new QSpinBox(this);
    validation_->setObjectName(QStringLiteral("validationSpin"));
    validation_->setRange(0, 50);
    validation_->setSingleStep(5);
    validation_->setSuffix(QStringLiteral(" %"));
    patience_ = new QSpinBox(this);
    patience_->setObjectName(QStringLiteral("patienceSpin"));
    patience_->setRange(0, 1000);
    patience_->setSingleStep(5);
    validationLabel_ = new QLabel(this);
    patienceLabel_ = new QLabel(this);
    connect(validation_, &QSpinBox::valueChanged, this, [this] {
        updateAvailability();
        emit methodChanged();
    });
    connect(patience_, &QSpinBox::valueChanged, this, &TrainingPanel::methodChanged);
    patience_->setEnabled(false);
    clipNorm_ = new QDoubleSpinBox(this);
    clipNorm_->setObjectName(QStringLiteral("clipNormSpin"));
    clipNorm_->setRange(0, 100);
    clipNorm_->setSingleStep(0.5);
    clipNorm_->setDecimals(2);
    connect(clipNorm_, &QDoubleSpinBox::valueChanged, this, &TrainingPanel::methodChanged);
    clipNormLabel_ = new QLabel(this);
    l1_ = penalty("l1Spin");
    l2_ = penalty("l2Spin");
    biases_ = new QCheckBox(this);
    biases_->setObjectName(QStringLiteral("regularizeBiasesCheck"));
    connect(biases_, &QCheckBox::toggled, this, &TrainingPanel::methodChanged);
    l1Label_ = new QLabel(this);
    l2Label_ = new QLabel(this);
    batchSize_ = new QSpinBox(this);
    batchSize_->setObjectName(QStringLiteral("batchSizeSpin"));
    batchSize_->setRange(1, 1000);
    speed_ = new QComboBox(this);
    speed_->setObjectName(QStringLiteral("speedChoice"));
    for (double speed : kSpeeds) speed_->addItem(QString(), speed);
    speed_->setCurrentIndex(1);
    optimizerLabel_ = new QLabel(this);
    momentumLabel_ = new QLabel(this);
    learningRateLabel_ = new QLabel(this);
    scheduleLabel_ = new QLabel(this);
    batchSizeLabel_ = new QLabel(this);
    speedLabel_ = new QLabel(this);

    auto* form = form_ = new QFormLayout(this);
    form->addRow(optimizerLabel_, optimizer_);
    form->addRow(momentumLabel_, momentum_);
    form->addRow(decayLabel_, decay_);
    form->addRow(learningRateLabel_, learningRate_);
    form->addRow(scheduleLabel_, schedule_);
    form->addRow(schedulePlot_);
    auto* penalties = new QHBoxLayout;
    penalties->addWidget(l1_);
    penalties->addWidget(l2Label_);
    penalties->addWidget(l2_);
    form->addRow(l1Label_, penalties);
    form->addRow(QString(), biases_);
    form->addRow(noiseLabel_, noise_);
    auto* stopping = new QHBoxLayout;
    stopping->addWidget(validation_);
    stopping->addWidget(patienceLabel_);
    stopping->addWidget(patience_);
    form->addRow(validationLabel_, stopping);
    form->addRow(clipNormLabel_, clipNorm_);
    form->addRow(batchSizeLabel_, batchSize_);
    form->addRow(speedLabel_, speed_);

    connect(optimizer_, &QComboBox::currentIndexChanged, this, [this] {
        updateAvailability();
        emit methodChanged();
    });
    connect(momentum_, &QDoubleSpinBox::valueChanged, this, &TrainingPanel::momentumChanged);
    connect(learningRate_, &QComboBox::currentIndexChanged, this, [this] {
        drawSchedule();
        emit learningRateChanged(learningRate());
    });
    connect(schedule_, &QComboBox::currentIndexChanged, this, [this] {
        drawSchedule();
        emit methodChanged();
    });
    connect(batchSize_, &QSpinBox::editingFinished, this, &TrainingPanel::methodChanged);
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this] { emit speedChanged(epochsPerSecond()); });
    updateAvailability();
    retranslate();
}

double TrainingPanel::learningRate() const { return learningRate_->currentData().toDouble(); }

void TrainingPanel::setLearningRate(double rate) {
    int nearest = 0;
    for (int i = 0; i < learningRate_->count(); ++i)
        if (std::abs(std::log(learningRate_->itemData(i).toDouble() / rate)) <
            std::abs(std::log(learningRate_->itemData(nearest).toDouble() / rate)))
            nearest = i;
    learningRate_->setCurrentIndex(nearest);
}

int TrainingPanel::batchSize() const { return batchSize_->value(); }

void TrainingPanel::setBatchSize(int size) { batchSize_->setValue(size); }

double TrainingPanel::epochsPerSecond() const { return speed_->currentData().toDouble(); }

std::string TrainingPanel::optimizer() const {
    return optimizer_->currentData().toString().toStdString();
}

double TrainingPanel::momentum() const { return momentum_->value(); }

double TrainingPanel::decay() const { return decay_->value(); }

double TrainingPanel::l1() const { return l1_->value(); }

double TrainingPanel::l2() const { return l2_->value(); }

bool TrainingPanel::regularizeBiases() const { return biases_->isChecked(); }

double TrainingPanel::inputNoise() const { return noise_->value(); }

double TrainingPanel::validationShare() const { return validation_->value() / 100.0; }

int TrainingPanel::patience() const { return validation_->value() > 0 ? patience_->value() : 0; }

double TrainingPanel::clipNorm() const { return clipNorm_->value(); }

std::string TrainingPanel::schedule() const {
    return schedule_->currentData().toString().toStdString();
}

void TrainingPanel::setSettings(const TrainingSettings& settings, double inputNoise) {
    const QSignalBlocker block(this);
    const QSignalBlocker blockRate(learningRate_);
    auto choose = [](QComboBox* box, const std::string& value) {
        int index = box->findData(QString::fromStdString(value));
        if (index < 0) {  // a schedule the list does not offer (written by the command line): shown
                          // as it is spelt
            box->addItem(QString::fromStdString(value), QString::fromStdString(value));
            index = box->count() - 1;
        }
        box->setCurrentIndex(index);
    };
    choose(optimizer_, settings.optimizer);
    momentum_->setValue(settings.momentum);
    decay_->setValue(settings.decay);
    setLearningRate(settings.learningRate);
    choose(schedule_, settings.schedule);
    l1_->setValue(settings.l1);
    l2_->setValue(settings.l2);
    biases_->setChecked(settings.regularizeBiases);
    noise_->setValue(inputNoise);
    validation_->setValue(static_cast<int>(std::lround(settings.validation * 100)));
    patience_->setValue(static_cast<int>(settings.patience));
    clipNorm_->setValue(settings.clipNorm);
    batchSize_->setValue(static_cast<int>(settings.batchSize));
    updateAvailability();
    drawSchedule();
}

bool TrainingPanel::locked(const char* control) const {
    return accessOf(access_, control) != ControlAccess::Open;
}

void TrainingPanel::updateAvailability() {
    const std::string name = optimizer();
    const bool optimizerOpen = !locked("optimizer");
    optimizer_->setEnabled(optimizerOpen);
    momentum_->setEnabled(optimizerOpen &&
                          (name == "momentum" || name == "nesterov" || name == "rmsprop"));
    decay_->setEnabled(optimizerOpen && name == "rmsprop");
    validation_->setEnabled(!locked("early_stopping"));
    patience_->setEnabled(!locked("early_stopping") && validation_->value() > 0);
}

void TrainingPanel::setControlAccess(const ControlAccessMap& access) {
    access_ = access;
    // Each control's rows (by a widget in the row) and the fields that take input.
    struct Control {
        const char* name;
        std::vector<QWidget*> rows;
        std::vector<QWidget*> fields;
    };
    const std::vector<Control> controls = {
        {"optimizer", {optimizer_, momentum_, decay_}, {}},
        {"learning_rate", {learningRate_}, {learningRate_}},
        {"schedule", {schedule_, schedulePlot_}, {schedule_}},
        {"regularization", {l1Label_, biases_}, {l1_, l2_, biases_}},
        {"noise", {noise_}, {noise_}},
        {"early_stopping", {validationLabel_}, {}},
        {"clipping", {clipNorm_}, {clipNorm_}},
        {"batch_size", {batchSize_}, {batchSize_}},
    };
    for (const Control& control : controls) {
        const ControlAccess how = accessOf(access_, control.name);
        for (QWidget* row : control.rows) {
            int index = -1;
            QFormLayout::ItemRole role;
            form_->getWidgetPosition(row, &index, &role);
            if (index >= 0) form_->setRowVisible(index, how != ControlAccess::Hidden);
        }
        for (QWidget* field : control.fields) field->setEnabled(how == ControlAccess::Open);
    }
    updateAvailability();
}

void TrainingPanel::drawSchedule() {
    const LearningRateSchedule schedule = LearningRateSchedule::parse(this->schedule());
    // A constant rate needs no picture; the space goes to the other settings.
    schedulePlot_->setVisible(schedule.kind() != LearningRateSchedule::Kind::Constant);
    QVector<double> epochs, rates;
    for (int t = 0; t <= kScheduleEpochs; ++t) {
        epochs.push_back(t);
        rates.push_back(schedule.at(learningRate(), t));
    }
    schedulePlot_->graph(0)->setData(epochs, rates, true);
    schedulePlot_->xAxis->setRange(0, kScheduleEpochs);
    schedulePlot_->yAxis->setRange(0, learningRate() * 1.1);
    schedulePlot_->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QGroupBox::changeEvent(event);
}

void TrainingPanel::retranslate() {
    setTitle(tr("Training"));
    optimizerLabel_->setText(tr("Optimizer"));
    const QString optimizerTitles[] = {tr("Gradient descent"),  tr("Momentum"),
                                       tr("Nesterov momentum"), tr("AdaGrad"),
                                       tr("RMSprop"),           tr("Adam")};
    const QString optimizerTips[] = {tr("w = w − learning_rate · dJ/dw"),
                                     tr("v = μ·v − learning_rate · dJ/dw; w = w + v: the velocity "
                                        "carries the weights through small bumps"),
                                     tr("v = μ·v − learning_rate · g; w = w + μ·v − learning_rate "
                                        "· g: momentum that looks one step ahead"),
                                     tr("cache = cache + g²; w = w − learning_rate · g / (√cache + "
                                        "ε): each weight gets its own, shrinking rate"),
                                     tr("cache = decay · cache + (1 − decay) · g²; the update as "
                                        "AdaGrad's, with momentum μ: the cache "
                                        "forgets old gradients"),
                                     tr("Running means of g and g², corrected for their start at "
                                        "zero: momentum and a per-weight rate together")};
    for (int i = 0; i < optimizer_->count(); ++i) {
        optimizer_->setItemText(i, optimizerTitles[i]);
        optimizer_->setItemData(i, optimizerTips[i], Qt::ToolTipRole);
    }
    optimizer_->setToolTip(tr("How the weights move once the gradient is known"));
    momentumLabel_->setText(tr("Momentum μ"));
    momentum_->setToolTip(
        tr("How much of the last change carries over (0.9 is usual). It can be changed while "
           "training runs."));
    decayLabel_->setText(tr("Decay"));
    decay_->setToolTip(
        tr("RMSprop: cache = decay · cache + (1 − decay) · g². Near 1 the cache remembers many "
           "past gradients (0.99 is usual)"));
    learningRateLabel_->setText(tr("Learning rate"));
    learningRate_->setToolTip(
        tr("The step size in w = w - learning_rate * dJ/dw. Too large bounces across the "
           "valley or diverges; too small is slow. It can be changed while training runs."));
    scheduleLabel_->setText(tr("Schedule"));
    schedule_->setItemText(0, tr("Constant"));
    schedule_->setItemText(1, tr("Halve every 10 epochs"));
    schedule_->setItemText(2, tr("Inverse decay A/(1 + 0.05t)"));
    schedule_->setItemText(3, tr("Exponential decay A·exp(−0.02t)"));
    schedule_->setToolTip(
        tr("How the learning rate A changes with the epoch t; the curve shows the first 100 "
           "epochs"));
    schedulePlot_->xAxis->setLabel(tr("epoch t"));
    drawSchedule();
    l1Label_->setText(tr("L1"));
    l1_->setToolTip(tr("Adds l1 · Σ|w| to the cost: it drives weights to exactly zero (sparsity)"));
    l2Label_->setText(tr("L2"));
    biases_->setText(tr("Penalise the biases b too"));
    biases_->setToolTip(
        tr("As the curriculum writes the penalties: |W1| + |b1| + ... and W1² + b1² + ..."));
    l2_->setToolTip(
        tr("Adds l2 · Σw² to the cost: it shrinks the weights, its pull fading near zero"));
    noiseLabel_->setText(tr("Input noise σ"));
    noise_->setToolTip(
        tr("While training, Gaussian noise of mean 0 and this standard deviation is added to the "
           "inputs: the network cannot rely on any exact position"));
    validationLabel_->setText(tr("Validation"));
    validation_->setToolTip(
        tr("The share of the training points held out to watch for overfitting (its loss is "
           "the third curve)"));
    patienceLabel_->setText(tr("Stop after"));
    patience_->setSpecialValueText(tr("never"));
    patience_->setSuffix(tr(" epochs"));
    patience_->setToolTip(
        tr("Early stopping: stop when the validation loss has not improved for this many epochs, "
           "and go back to the weights of its best epoch"));
    clipNormLabel_->setText(tr("Clip gradients at"));
    clipNorm_->setSpecialValueText(tr("off"));
    clipNorm_->setToolTip(
        tr("Gradient clipping: with g all the weights' gradients together and ‖g‖ = √(Σ g²), when "
           "‖g‖ > θ every gradient is scaled: g = g · θ / ‖g‖, before the update. It keeps an "
           "exploding gradient (through time, in a recurrent layer) from throwing the weights "
           "away; 0 is off"));
    batchSizeLabel_->setText(tr("Batch size"));
    batchSize_->setToolTip(
        tr("Samples per gradient step: 1 is stochastic gradient descent, all training "
           "points is batch gradient descent, in between is mini-batch."));
    speedLabel_->setText(tr("Speed"));
    speed_->setItemText(0, tr("Slow (2 epochs/s)"));
    speed_->setItemText(1, tr("Normal (30 epochs/s)"));
    speed_->setItemText(2, tr("Full speed"));
}

}  // namespace koto::gui
