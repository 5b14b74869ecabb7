#include "dataset_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <cmath>

#include "ui_text.h"

namespace koto::gui {

DatasetPanel::DatasetPanel(QWidget* parent) : QGroupBox(parent) {
    choice_ = new QComboBox(this);
    choice_->setObjectName(QStringLiteral("datasetChoice"));
    for (const DatasetInfo& info : datasetCatalog()) choice_->addItem(QString(), QString::fromStdString(info.name));
    points_ = new QSpinBox(this);
    points_->setObjectName(QStringLiteral("pointsSpin"));
    points_->setRange(20, 5000);
    points_->setSingleStep(50);
    points_->setValue(500);
    noise_ = new QSlider(Qt::Horizontal, this);
    noise_->setObjectName(QStringLiteral("noiseSlider"));
    noise_->setRange(0, 50);
    testShare_ = new QSlider(Qt::Horizontal, this);
    testShare_->setObjectName(QStringLiteral("testShareSlider"));
    testShare_->setRange(10, 90);
    testShare_->setSingleStep(10);
    testShare_->setPageStep(10);
    testShare_->setValue(50);
    pointsLabel_ = new QLabel(this);
    noiseLabel_ = new QLabel(this);
    testShareLabel_ = new QLabel(this);
    regenerate_ = new QPushButton(this);
    regenerate_->setObjectName(QStringLiteral("regenerateButton"));

    auto* form = new QFormLayout(this);
    form->addRow(choice_);
    form->addRow(pointsLabel_, points_);
    form->addRow(noiseLabel_, noise_);
    form->addRow(testShareLabel_, testShare_);
    form->addRow(regenerate_);

    connect(choice_, &QComboBox::currentIndexChanged, this, &DatasetPanel::datasetChanged);
    connect(points_, &QSpinBox::editingFinished, this, &DatasetPanel::datasetChanged);
    for (QSlider* slider : {noise_, testShare_}) {
        connect(slider, &QSlider::valueChanged, this, [this, slider] {
            updateValueLabels();
            // While dragging only the label follows; the data is made again on release.
            if (!slider->isSliderDown()) emit datasetChanged();
        });
        connect(slider, &QSlider::sliderReleased, this, &DatasetPanel::datasetChanged);
    }
    connect(regenerate_, &QPushButton::clicked, this, [this] {
        ++seed_;
        emit datasetChanged();
    });
    retranslate();
}

DatasetSpec DatasetPanel::spec() const {
    DatasetSpec spec;
    spec.name = choice_->currentData().toString().toStdString();
    if (points_->value() != 500) spec.options["n"] = std::to_string(points_->value());
    if (noise_->value() != 0) spec.options["noise"] = QString::number(noise_->value() / 100.0).toStdString();
    if (testShare_->value() != 50) spec.options["test"] = QString::number(testShare_->value() / 100.0).toStdString();
    if (seed_ != 1) spec.options["seed"] = std::to_string(seed_);
    return spec;
}

void DatasetPanel::setSpec(const DatasetSpec& spec) {
    const QSignalBlocker blockChoice(choice_), blockPoints(points_), blockNoise(noise_), blockTest(testShare_);
    const int index = choice_->findData(QString::fromStdString(spec.name));
    if (index >= 0) choice_->setCurrentIndex(index);
    auto option = [&](const char* key, double fallback) {
        const auto found = spec.options.find(key);
        bool ok = false;  // QString::toDouble reads the C locale whatever the system's is
        const double value = found == spec.options.end() ? fallback : QString::fromStdString(found->second).toDouble(&ok);
        return ok ? value : fallback;
    };
    points_->setValue(static_cast<int>(option("n", 500)));
    noise_->setValue(static_cast<int>(std::lround(option("noise", 0) * 100)));
    testShare_->setValue(static_cast<int>(std::lround(option("test", 0.5) * 100)));
    seed_ = static_cast<int>(option("seed", 1));
    updateValueLabels();
}

void DatasetPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QGroupBox::changeEvent(event);
}

void DatasetPanel::retranslate() {
    setTitle(tr("Data"));
    for (int i = 0; i < choice_->count(); ++i)
        choice_->setItemText(i, datasetTitle(choice_->itemData(i).toString().toStdString()));
    choice_->setToolTip(tr("Which points to learn from. Orange and blue are the two classes."));
    pointsLabel_->setText(tr("Points"));
    regenerate_->setText(tr("Regenerate"));
    regenerate_->setToolTip(tr("Draw new random points with the same settings"));
    updateValueLabels();
}

void DatasetPanel::updateValueLabels() {
    noiseLabel_->setText(tr("Noise: %1 %").arg(noise_->value()));
    testShareLabel_->setText(tr("Test data: %1 %").arg(testShare_->value()));
    testShare_->setToolTip(tr("The share of points held out to test how well the network generalises"));
}

}  // namespace koto::gui
