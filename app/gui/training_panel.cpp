#include "training_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <cmath>

namespace koto::gui {
namespace {
const double kRates[] = {0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};
const double kSpeeds[] = {2, 30, 0};  // epochs per second; 0 is full speed
}  // namespace

TrainingPanel::TrainingPanel(QWidget* parent) : QGroupBox(parent) {
    learningRate_ = new QComboBox(this);
    learningRate_->setObjectName(QStringLiteral("learningRateChoice"));
    for (double rate : kRates) learningRate_->addItem(QString::number(rate), rate);
    batchSize_ = new QSpinBox(this);
    batchSize_->setObjectName(QStringLiteral("batchSizeSpin"));
    batchSize_->setRange(1, 1000);
    speed_ = new QComboBox(this);
    speed_->setObjectName(QStringLiteral("speedChoice"));
    for (double speed : kSpeeds) speed_->addItem(QString(), speed);
    speed_->setCurrentIndex(1);
    learningRateLabel_ = new QLabel(this);
    batchSizeLabel_ = new QLabel(this);
    speedLabel_ = new QLabel(this);

    auto* form = new QFormLayout(this);
    form->addRow(learningRateLabel_, learningRate_);
    form->addRow(batchSizeLabel_, batchSize_);
    form->addRow(speedLabel_, speed_);

    connect(learningRate_, &QComboBox::currentIndexChanged, this, [this] { emit learningRateChanged(learningRate()); });
    connect(batchSize_, &QSpinBox::editingFinished, this, [this] { emit batchSizeChanged(batchSize()); });
    connect(speed_, &QComboBox::currentIndexChanged, this, [this] { emit speedChanged(epochsPerSecond()); });
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

void TrainingPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QGroupBox::changeEvent(event);
}

void TrainingPanel::retranslate() {
    setTitle(tr("Training"));
    learningRateLabel_->setText(tr("Learning rate"));
    learningRate_->setToolTip(tr("The step size in w = w - learning_rate * dJ/dw. Too large bounces across the "
                                 "valley or diverges; too small is slow. It can be changed while training runs."));
    batchSizeLabel_->setText(tr("Batch size"));
    batchSize_->setToolTip(tr("Samples per gradient step: 1 is stochastic gradient descent, all training "
                              "points is batch gradient descent, in between is mini-batch."));
    speedLabel_->setText(tr("Speed"));
    speed_->setItemText(0, tr("Slow (2 epochs/s)"));
    speed_->setItemText(1, tr("Normal (30 epochs/s)"));
    speed_->setItemText(2, tr("Full speed"));
}

}  // namespace koto::gui
