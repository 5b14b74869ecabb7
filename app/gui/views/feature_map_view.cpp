#include "views/feature_map_view.h"

#include <QLabel>
#include <QSpinBox>
#include <algorithm>

#include "look/ui_text.h"
#include "views/csv_text.h"
#include "views/image_stack_view.h"

namespace koto::gui {
namespace {
constexpr int kFilterTile = 40;
constexpr int kInputTile = 84;
constexpr int kMapTile = 56;
}  // namespace

FeatureMapView::FeatureMapView(QWidget* parent)
    : OneSampleView(QStringLiteral("featureSampleSpin"), parent) {
    column_->setSpacing(12);
    retranslate();
}

void FeatureMapView::setDataset(std::shared_ptr<const Dataset> dataset) {
    dataset_ = std::move(dataset);
    maps_.reset();
    setSampleRange(dataset_.get());
    redraw();
}

void FeatureMapView::setFeatureMaps(std::shared_ptr<const FeatureMaps> maps, int64_t sample) {
    if (maps == maps_ && sample == mapsSample_) return;  // the same maps in a newer snapshot
    maps_ = std::move(maps);
    mapsSample_ = sample;
    redraw();
}

std::vector<const ImageStackView*> FeatureMapView::stacksShown() const { return shown(stacks_); }

QString FeatureMapView::csv() const {
    const std::vector<const ImageStackView*> shownStacks = stacksShown();
    if (shownStacks.empty()) return {};
    QString text =
        csvRow({QStringLiteral("quantity"), QStringLiteral("layer"), QStringLiteral("tile"),
                QStringLiteral("row"), QStringLiteral("column"), QStringLiteral("value")});
    for (size_t k = 0; k < shownStacks.size(); ++k) {
        const ImageStack& stack = shownStacks[k]->stack();
        const QString quantity = k == 0   ? QStringLiteral("input")
                                 : k == 1 ? QStringLiteral("filter")
                                          : QStringLiteral("feature_map");
        const QString layer = QString::fromStdString(stack.layer);
        for (int64_t image = 0; image < stack.count; ++image)
            for (int64_t y = 0; y < stack.height; ++y)
                for (int64_t x = 0; x < stack.width; ++x)
                    text +=
                        csvRow({quantity, layer, QString::number(image + 1), QString::number(y + 1),
                                QString::number(x + 1), csvNumber(stack.at(image, y, x))});
    }
    return text;
}

// The chosen test image and its class, as the data holds them (pixels 0..1), first.
void FeatureMapView::showInput() {
    if (!dataset_ || dataset_->imageWidth < 1 || dataset_->test.count < 1) return;
    const int64_t sample = std::min<int64_t>(chosenSample(), dataset_->test.count - 1);
    ImageStack input{"X",
                     "input",
                     1,
                     dataset_->imageHeight,
                     dataset_->imageWidth,
                     dataset_->test.floatInputs(sample, 1, dataset_->inputSize)};
    const auto label = static_cast<size_t>(dataset_->test.labels[static_cast<size_t>(sample)]);
    about_->setText(tr("Class: %1").arg(classTitle(dataset_->classNames.at(label))));
    picture(stacks_, 0)
        ->setStack(std::move(input), tr("Input X (test image %1)").arg(sample + 1), kInputTile,
                   {QString()}, ColourScale{0, 1, false, true});
}

// The input first, then the filters and each layer's maps, in the network's order.
void FeatureMapView::redraw() {
    hideAll(stacks_);
    if (!dataset_) return;
    showInput();
    // The maps are those of the chosen image once the training thread has caught up.
    const bool current = maps_ && mapsSample_ == chosenSample();
    note_->setText(
        current
            ? tr("Each tile is one channel, its values as colours (the scale under its title). A "
                 "filter's map is bright where the image has that filter's pattern: "
                 "Z = s(W ∗ X + b). Pooling keeps the strongest answer of each window.")
            : tr("The maps appear once the training thread has computed them for this image "
                 "(also while training is paused)."));
    if (!maps_) return;
    const QString layer = QString::fromStdString(maps_->filters.layer);
    const QString filtersTitle = maps_->filterChannels == 1
                                     ? tr("Filters W of %1: %2 of %3 × %3")
                                           .arg(layer)
                                           .arg(maps_->filters.count)
                                           .arg(maps_->filters.height)
                                     : tr("Filters W of %1: %2 filters × %n channel(s) of %3 × %3",
                                          nullptr, static_cast<int>(maps_->filterChannels))
                                           .arg(layer)
                                           .arg(maps_->filters.count / maps_->filterChannels)
                                           .arg(maps_->filters.height);
    size_t next = 1;
    picture(stacks_, next++)->setStack(maps_->filters, filtersTitle, kFilterTile);
    for (const ImageStack& stack : maps_->maps) {
        const QString kind = stack.type == "conv"      ? tr("convolution")
                             : stack.type == "maxpool" ? tr("max pooling")
                                                       : tr("average pooling");
        picture(stacks_, next++)
            ->setStack(
                stack,
                tr("%1 (%2): Z, %n channel(s) of %3 × %4", nullptr, static_cast<int>(stack.count))
                    .arg(QString::fromStdString(stack.layer), kind)
                    .arg(stack.height)
                    .arg(stack.width),
                kMapTile);
    }
}

void FeatureMapView::retranslate() {
    sampleLabel_->setText(tr("Test image"));
    sample_->setToolTip(tr("Which test image to follow through the network"));
    redraw();
}

}  // namespace koto::gui
