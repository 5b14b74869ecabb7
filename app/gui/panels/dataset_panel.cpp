#include "panels/dataset_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <cmath>

#include "data/sequence_datasets.h"
#include "look/ui_text.h"

namespace koto::gui {

DatasetPanel::DatasetPanel(QWidget* parent) : QGroupBox(parent) {
    choice_ = new QComboBox(this);
    choice_->setObjectName(QStringLiteral("datasetChoice"));
    for (const DatasetInfo& info : datasetCatalog())
        choice_->addItem(QString(), QString::fromStdString(info.name));
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
    images_ = new QSpinBox(this);
    images_->setObjectName(QStringLiteral("imagesSpin"));
    images_->setRange(100, 60000);
    images_->setSingleStep(1000);
    images_->setValue(60000);
    imagesLabel_ = new QLabel(this);
    steps_ = new QSpinBox(this);
    steps_->setObjectName(QStringLiteral("stepsSpin"));
    steps_->setRange(1, 200);
    steps_->setValue(8);
    stepsLabel_ = new QLabel(this);
    everyStep_ = new QCheckBox(this);
    everyStep_->setObjectName(QStringLiteral("everyStepCheck"));
    path_ = new QLabel(this);
    path_->setObjectName(QStringLiteral("dataPath"));
    path_->setWordWrap(true);
    pathButton_ = new QPushButton(this);
    pathButton_->setObjectName(QStringLiteral("choosePathButton"));
    choosePath_ = [this](bool folder) {
        return folder ? QFileDialog::getExistingDirectory(
                            this, tr("Folder with the four IDX files"), folder_)
                      : QFileDialog::getOpenFileName(this, tr("Table of numbers"), file_,
                                                     tr("CSV files (*.csv);;All files (*)"));
    };

    auto* form = new QFormLayout(this);
    form->addRow(choice_);
    form->addRow(pointsLabel_, points_);
    form->addRow(noiseLabel_, noise_);
    form->addRow(testShareLabel_, testShare_);
    form->addRow(regenerate_);
    form->addRow(imagesLabel_, images_);
    form->addRow(stepsLabel_, steps_);
    form->addRow(everyStep_);
    form->addRow(path_);
    form->addRow(pathButton_);

    connect(choice_, &QComboBox::currentIndexChanged, this, [this] {
        const bool needsPath =
            (kind() == "idx" && folder_.isEmpty()) || (kind() == "csv" && file_.isEmpty());
        if (needsPath && !askForPath()) {
            const QSignalBlocker block(choice_);
            choice_->setCurrentIndex(previous_);
            updateVisibility();
            return;
        }
        previous_ = choice_->currentIndex();
        // A sequence set starts from its own defaults (the 2-D sets' 500 points would be few).
        if (isSequenceDataset(kind())) setSpec(DatasetSpec{kind(), {}});
        updateVisibility();
        emit datasetChanged();
    });
    // A spin box finishes editing whenever it loses the focus, changed or not: only a change
    // makes the data again (and so starts training over).
    connect(this, &DatasetPanel::datasetChanged, this, [this] { announced_ = spec().text(); });
    auto announceIfChanged = [this] {
        if (spec().text() != announced_) emit datasetChanged();
    };
    connect(images_, &QSpinBox::editingFinished, this, announceIfChanged);
    connect(steps_, &QSpinBox::editingFinished, this, announceIfChanged);
    connect(everyStep_, &QCheckBox::toggled, this, &DatasetPanel::datasetChanged);
    connect(pathButton_, &QPushButton::clicked, this, [this] {
        if (askForPath()) emit datasetChanged();
    });
    connect(points_, &QSpinBox::editingFinished, this, announceIfChanged);
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

std::string DatasetPanel::kind() const { return choice_->currentData().toString().toStdString(); }

DatasetSpec DatasetPanel::spec() const {
    DatasetSpec spec;
    spec.name = kind();
    if (spec.name == "fashion-mnist" || spec.name == "idx" || spec.name == "seqimg") {
        if (spec.name == "idx") spec.options["dir"] = folder_.toStdString();
        if (spec.name == "seqimg") spec.options["source"] = rowSource_;
        if (spec.name == "seqimg" && rowSource_ == "idx")
            spec.options["dir"] = folder_.toStdString();
        if (images_->value() < images_->maximum())
            spec.options["n"] = std::to_string(images_->value());
        return spec;
    }
    if (spec.name == "csv") {
        spec.options["path"] = file_.toStdString();
        spec.options["test"] = QString::number(testShare_->value() / 100.0).toStdString();
        return spec;
    }
    if (isSequenceDataset(spec.name)) {
        // Every setting written out: the sequence sets' defaults are not the 2-D sets'.
        spec.options["n"] = std::to_string(points_->value());
        spec.options["test"] = QString::number(testShare_->value() / 100.0).toStdString();
        spec.options[spec.name == "sine" ? "window" : "length"] = std::to_string(steps_->value());
        if (spec.name == "sine")
            spec.options["noise"] = QString::number(noise_->value() / 100.0).toStdString();
        if (everyStep_->isChecked()) spec.options["targets"] = "every";
        if (seed_ != 1) spec.options["seed"] = std::to_string(seed_);
        return spec;
    }
    if (points_->value() != 500) spec.options["n"] = std::to_string(points_->value());
    if (noise_->value() != 0)
        spec.options["noise"] = QString::number(noise_->value() / 100.0).toStdString();
    if (testShare_->value() != 50)
        spec.options["test"] = QString::number(testShare_->value() / 100.0).toStdString();
    if (seed_ != 1) spec.options["seed"] = std::to_string(seed_);
    return spec;
}

bool DatasetPanel::askForPath() {
    const bool folder = kind() == "idx";
    const QString chosen = choosePath_(folder);
    if (chosen.isEmpty()) return false;
    (folder ? folder_ : file_) = chosen;
    updateVisibility();
    return true;
}

void DatasetPanel::updateVisibility() {
    const std::string name = kind();
    const bool images = name == "fashion-mnist" || name == "idx" || name == "seqimg";
    const bool table = name == "csv";
    const bool points = !images && !table;
    const bool bits = name == "firstbit" || name == "parity";
    for (QWidget* w : std::initializer_list<QWidget*>{points_, pointsLabel_, regenerate_})
        w->setVisible(points);
    noise_->setVisible(points && !bits);
    noiseLabel_->setVisible(points && !bits);
    steps_->setVisible(isSequenceDataset(name));
    stepsLabel_->setVisible(isSequenceDataset(name));
    everyStep_->setVisible(isSequenceDataset(name));
    stepsLabel_->setText(name == "sine" ? tr("Window (time steps)") : tr("Bits (time steps)"));
    pointsLabel_->setText(isSequenceDataset(name) ? tr("Sequences") : tr("Points"));
    testShare_->setVisible(!images);
    testShareLabel_->setVisible(!images);
    images_->setVisible(images);
    imagesLabel_->setVisible(images);
    path_->setVisible(name == "idx" || table);
    pathButton_->setVisible(name == "idx" || table);
    path_->setText(QFileInfo(name == "idx" ? folder_ : file_).fileName());
    path_->setToolTip(name == "idx" ? folder_ : file_);
    pathButton_->setText(table ? tr("Choose file…") : tr("Choose folder…"));
    updateValueLabels();
}

void DatasetPanel::setSpec(const DatasetSpec& spec) {
    const QSignalBlocker blockChoice(choice_), blockPoints(points_), blockNoise(noise_),
        blockTest(testShare_);
    const QSignalBlocker blockImages(images_), blockSteps(steps_), blockEveryStep(everyStep_);
    const int index = choice_->findData(QString::fromStdString(spec.name));
    if (index >= 0) choice_->setCurrentIndex(index);
    previous_ = choice_->currentIndex();
    if (const auto dir = spec.options.find("dir"); dir != spec.options.end())
        folder_ = QString::fromStdString(dir->second);
    if (const auto file = spec.options.find("path"); file != spec.options.end())
        file_ = QString::fromStdString(file->second);
    if (spec.name == "seqimg") {
        const auto source = spec.options.find("source");
        rowSource_ =
            source != spec.options.end() && source->second == "idx" ? "idx" : "fashion-mnist";
    }
    const bool images = spec.name == "fashion-mnist" || spec.name == "idx" || spec.name == "seqimg";
    auto option = [&](const char* key, double fallback) {
        const auto found = spec.options.find(key);
        bool ok = false;  // QString::toDouble reads the C locale whatever the system's is
        const double value = found == spec.options.end()
                                 ? fallback
                                 : QString::fromStdString(found->second).toDouble(&ok);
        return ok ? value : fallback;
    };
    if (images) images_->setValue(static_cast<int>(option("n", images_->maximum())));
    else points_->setValue(static_cast<int>(option("n", 500)));
    noise_->setValue(static_cast<int>(std::lround(option("noise", 0) * 100)));
    testShare_->setValue(static_cast<int>(std::lround(option("test", 0.5) * 100)));
    seed_ = static_cast<int>(option("seed", 1));
    if (isSequenceDataset(spec.name)) {
        const SequenceOptions defaults;
        const bool sine = spec.name == "sine";
        points_->setValue(static_cast<int>(option("n", static_cast<double>(defaults.samples))));
        testShare_->setValue(
            static_cast<int>(std::lround(option("test", defaults.testFraction) * 100)));
        steps_->setValue(
            static_cast<int>(sine ? option("window", static_cast<double>(defaults.window))
                                  : option("length", static_cast<double>(defaults.length))));
        if (sine)
            noise_->setValue(static_cast<int>(std::lround(option("noise", defaults.noise) * 100)));
        const auto targets = spec.options.find("targets");
        everyStep_->setChecked(targets != spec.options.end() && targets->second == "every");
    }
    updateVisibility();
    announced_ = this->spec().text();
}

void DatasetPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QGroupBox::changeEvent(event);
}

void DatasetPanel::retranslate() {
    setTitle(tr("Data"));
    for (int i = 0; i < choice_->count(); ++i)
        choice_->setItemText(i, datasetTitle(choice_->itemData(i).toString().toStdString()));
    choice_->setToolTip(
        tr("What to learn from: points of the plane (orange and blue are the two classes), "
           "images of clothes, your own MNIST files, a table of numbers, or sequences for "
           "recurrent layers"));
    imagesLabel_->setText(tr("Training images"));
    images_->setToolTip(tr("Use the first this many training images (fewer train faster)"));
    steps_->setToolTip(
        tr("How many time steps a sequence has: a recurrent layer reads one value a step"));
    everyStep_->setText(tr("A target at every time step"));
    everyStep_->setToolTip(
        tr("Many-to-many: the question is asked at every step (the next value, the first bit, "
           "the parity so far), not only after the last; the network then needs seq:many "
           "after its recurrent layer"));

    regenerate_->setText(tr("Regenerate"));
    regenerate_->setToolTip(tr("Draw new random points with the same settings"));
    updateVisibility();
}

void DatasetPanel::updateValueLabels() {
    noiseLabel_->setText(tr("Noise: %1 %").arg(noise_->value()));
    testShareLabel_->setText(tr("Test data: %1 %").arg(testShare_->value()));
    testShare_->setToolTip(
        tr("The share of points held out to test how well the network generalises"));
}

}  // namespace koto::gui
