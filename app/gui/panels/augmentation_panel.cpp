#include "panels/augmentation_panel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

#include "data/augmentation.h"

namespace koto::gui {

AugmentationPanel::AugmentationPanel(QWidget* parent) : QGroupBox(parent) {
    setObjectName(QStringLiteral("augmentationPanel"));
    translate_ = new QSpinBox(this);
    translate_->setObjectName(QStringLiteral("translateSpin"));
    translate_->setRange(0, 4);
    rotate_ = new QSpinBox(this);
    rotate_->setObjectName(QStringLiteral("rotateSpin"));
    rotate_->setRange(0, 45);
    rotate_->setSingleStep(5);
    rotate_->setSuffix(QStringLiteral("°"));
    flip_ = new QCheckBox(this);
    flip_->setObjectName(QStringLiteral("flipCheck"));
    auto share = [this](const char* name) {
        auto* box = new QDoubleSpinBox(this);
        box->setObjectName(QLatin1String(name));
        box->setRange(0, 0.5);
        box->setSingleStep(0.05);
        box->setDecimals(2);
        return box;
    };
    brightness_ = share("brightnessSpin");
    contrast_ = share("contrastSpin");
    translateLabel_ = new QLabel(this);
    rotateLabel_ = new QLabel(this);
    brightnessLabel_ = new QLabel(this);
    contrastLabel_ = new QLabel(this);
    unavailable_ = new QLabel(this);
    unavailable_->setWordWrap(true);
    unavailable_->setEnabled(false);

    auto* form = new QFormLayout(this);
    form->addRow(unavailable_);
    form->addRow(translateLabel_, translate_);
    form->addRow(rotateLabel_, rotate_);
    form->addRow(QString(), flip_);
    form->addRow(brightnessLabel_, brightness_);
    form->addRow(contrastLabel_, contrast_);

    for (QSpinBox* box : {translate_, rotate_})
        connect(box, &QSpinBox::valueChanged, this, &AugmentationPanel::augmentationChanged);
    for (QDoubleSpinBox* box : {brightness_, contrast_})
        connect(box, &QDoubleSpinBox::valueChanged, this, &AugmentationPanel::augmentationChanged);
    connect(flip_, &QCheckBox::toggled, this, &AugmentationPanel::augmentationChanged);
    retranslate();
}

std::string AugmentationPanel::text() const {
    if (!images_) return {};
    Augmentation augmentation;
    augmentation.translate = translate_->value();
    augmentation.rotate = rotate_->value();
    augmentation.flip = mirrorKeepsClass_ && flip_->isChecked();
    augmentation.brightness = brightness_->value();
    augmentation.contrast = contrast_->value();
    return augmentation.text();
}

void AugmentationPanel::setText(const std::string& text) {
    const Augmentation augmentation = Augmentation::parse(text);
    const QSignalBlocker block(this);
    translate_->setValue(static_cast<int>(augmentation.translate));
    rotate_->setValue(static_cast<int>(augmentation.rotate));
    flip_->setChecked(augmentation.flip);
    brightness_->setValue(augmentation.brightness);
    contrast_->setValue(augmentation.contrast);
}

void AugmentationPanel::setDataset(const Dataset& dataset) {
    images_ = dataset.imageWidth > 0;
    mirrorKeepsClass_ = dataset.mirrorKeepsClass;
    for (QWidget* w : std::initializer_list<QWidget*>{translate_, rotate_, brightness_, contrast_,
                                                      translateLabel_, rotateLabel_,
                                                      brightnessLabel_, contrastLabel_})
        w->setEnabled(images_);
    flip_->setEnabled(images_ && mirrorKeepsClass_);
    unavailable_->setVisible(!images_);
    retranslate();
}

void AugmentationPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QGroupBox::changeEvent(event);
}

void AugmentationPanel::retranslate() {
    setTitle(tr("Data augmentation"));
    setToolTip(tr("More data from the data you have: each time a training image is used it is "
                  "changed a little "
                  "at random, so the network must learn what stays the same. Test images are never "
                  "changed."));
    unavailable_->setText(tr("For image data only."));
    translateLabel_->setText(tr("Shift"));
    translate_->setSuffix(tr(" px"));
    translate_->setToolTip(
        tr("Move each image by up to this many pixels left or right and up or down"));
    rotateLabel_->setText(tr("Rotation"));
    rotate_->setToolTip(tr("Turn each image by up to this many degrees either way"));
    flip_->setText(tr("Mirror left-right"));
    flip_->setToolTip(
        mirrorKeepsClass_ || !images_
            ? tr("Mirror half of the images: a mirrored shirt is still a shirt")
            : tr("Not for this data: a mirrored image may belong to another class (a mirrored 2 is "
                 "no 2)"));
    brightnessLabel_->setText(tr("Brightness"));
    brightness_->setToolTip(
        tr("Add or take away up to this much from every pixel (pixels run from 0 to 1)"));
    contrastLabel_->setText(tr("Contrast"));
    contrast_->setToolTip(tr("Multiply the contrast by a factor between 1 − C and 1 + C"));
}

}  // namespace koto::gui
