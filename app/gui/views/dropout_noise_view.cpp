#include "views/dropout_noise_view.h"

#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "look/column_scroll.h"
#include "views/csv_text.h"
#include "views/image_stack_view.h"

namespace koto::gui {
namespace {

constexpr int kBatchTile = 200;  // a layer's whole batch as one picture
constexpr int kImageTile = 52;   // one sample as an image
constexpr int64_t kImages = 6;   // samples shown as images

// The rows x values of one of a pass's tensors as a single image.
ImageStack batchPicture(const StochasticPass& pass, const std::vector<float>& values,
                        const std::string& name) {
    return {name, pass.type, 1, pass.rows, pass.values, values};
}

}  // namespace

DropoutNoiseView::DropoutNoiseView(QWidget* parent) : QWidget(parent) {
    note_ = new QLabel;
    note_->setWordWrap(true);
    note_->setObjectName(QStringLiteral("dropoutNoiseNote"));
    auto* content = new QWidget;
    column_ = new QVBoxLayout(content);
    column_->addWidget(note_);
    column_->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(columnScroll(content, this), 1);
    redraw();
}

void DropoutNoiseView::setDataset(std::shared_ptr<const Dataset> dataset) {
    dataset_ = std::move(dataset);
    passes_.reset();
    redraw();
}

void DropoutNoiseView::setPasses(std::shared_ptr<const std::vector<StochasticPass>> passes,
                                 int64_t step) {
    if (passes == passes_) return;  // the same passes in a newer snapshot
    passes_ = std::move(passes);
    step_ = step;
    redraw();
}

std::vector<const ImageStackView*> DropoutNoiseView::stacksShown() const {
    std::vector<const ImageStackView*> visible;
    for (const ImageStackView* view : stacks_)
        if (!view->isHidden()) visible.push_back(view);
    return visible;
}

// A layer on the data itself, of image data: its rows are images.
bool DropoutNoiseView::asImages(const StochasticPass& pass) const {
    return pass.layerIndex == 0 && dataset_ && dataset_->imageWidth > 0 &&
           pass.values == dataset_->imageWidth * dataset_->imageHeight;
}

void DropoutNoiseView::redraw() {
    for (ImageStackView* view : stacks_) view->hide();
    if (!passes_ || passes_->empty()) {
        note_->setText(tr("Dropout and noise act only while training: take a step, or play, to "
                          "see what they do to each mini-batch."));
        return;
    }
    note_->setText(tr("The first samples of the mini-batch of step %1, as the layers changed "
                      "them (rows: samples; columns: units or values). Each step draws anew.")
                       .arg(step_));
    for (size_t i = 0; i < passes_->size(); ++i) {
        const StochasticPass& pass = (*passes_)[i];
        if (stacks_.size() <= i) {
            stacks_.push_back(new ImageStackView);
            column_->insertWidget(column_->count() - 1, stacks_.back());
        }
        ImageStackView& view = *stacks_[i];
        view.show();
        const QString name = QString::fromStdString(pass.layer);
        const bool dropout = pass.type == "dropout";
        if (asImages(pass)) {
            // Each sample clean (X) over what the network got (Z), on the pixels' grey scale.
            const int64_t count = std::min(kImages, pass.rows);
            const int64_t side = dataset_->imageWidth * dataset_->imageHeight;
            ImageStack images{pass.layer,           pass.type, 2 * count, dataset_->imageHeight,
                              dataset_->imageWidth, {}};
            QStringList captions;
            for (const auto* tensor : {&pass.input, &pass.output})
                for (int64_t s = 0; s < count; ++s) {
                    images.values.insert(images.values.end(), tensor->begin() + s * side,
                                         tensor->begin() + (s + 1) * side);
                    captions << (tensor == &pass.input ? QStringLiteral("X%1")
                                                       : QStringLiteral("Z%1"))
                                    .arg(s + 1);
                }
            const QString title =
                dropout
                    ? tr("%1, keep p = %2: X above, Z below").arg(name).arg(pass.setting)
                    : tr("%1, σ = %2: X above, Z = X + noise below").arg(name).arg(pass.setting);
            // Grey as images are, from the darkest value to the brightest (noise leaves 0..1).
            float low = 0, high = 1;
            for (float v : images.values) {
                low = std::min(low, v);
                high = std::max(high, v);
            }
            view.setStack(std::move(images), title, kImageTile, captions,
                          ColourScale{low, high, false, true});
        } else if (dropout) {
            // The mask: white where the unit was kept (1/p), black where it was dropped (0).
            std::vector<float> kept(pass.random.size());
            std::transform(pass.random.begin(), pass.random.end(), kept.begin(),
                           [](float mask) { return mask != 0 ? 1.0f : 0.0f; });
            int64_t dropped = 0;
            for (float k : kept) dropped += k == 0;
            view.setStack(batchPicture(pass, kept, "M"),
                          tr("%1 (p = %2): %3 of %4 dropped")
                              .arg(name)
                              .arg(pass.setting)
                              .arg(dropped)
                              .arg(kept.size()),
                          kBatchTile, {tr("mask M")}, ColourScale{0, 1, false, true});
        } else {
            // What came in and what went on, side by side on one scale.
            float extent = 1e-6f;
            for (const auto* tensor : {&pass.input, &pass.output})
                for (float v : *tensor) extent = std::max(extent, std::abs(v));
            ImageStack both{pass.layer, pass.type, 2, pass.rows, pass.values, pass.input};
            both.values.insert(both.values.end(), pass.output.begin(), pass.output.end());
            view.setStack(std::move(both),
                          tr("%1, σ = %2: X and Z = X + noise").arg(name).arg(pass.setting),
                          kBatchTile * 3 / 4, {tr("X"), tr("Z = X + noise")},
                          ColourScale{-extent, extent, true});
        }
    }
}

QString DropoutNoiseView::csv() const {
    if (!passes_ || passes_->empty()) return {};
    QString text =
        csvRow({QStringLiteral("step"), QStringLiteral("layer"), QStringLiteral("type"),
                QStringLiteral("setting"), QStringLiteral("sample"), QStringLiteral("value"),
                QStringLiteral("x"), QStringLiteral("random"), QStringLiteral("z")});
    for (const StochasticPass& pass : *passes_)
        for (int64_t row = 0; row < pass.rows; ++row)
            for (int64_t value = 0; value < pass.values; ++value)
                text += csvRow({QString::number(step_), QString::fromStdString(pass.layer),
                                QString::fromStdString(pass.type), csvNumber(pass.setting),
                                QString::number(row + 1), QString::number(value + 1),
                                csvNumber(pass.at(pass.input, row, value)),
                                csvNumber(pass.at(pass.random, row, value)),
                                csvNumber(pass.at(pass.output, row, value))});
    return text;
}

void DropoutNoiseView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) redraw();
    QWidget::changeEvent(event);
}

}  // namespace koto::gui
