#include "views/image_stack_view.h"

#include <QPainter>
#include <algorithm>
#include <limits>

#include "look/presentation.h"

namespace koto::gui {
namespace {
constexpr int kGap = 6;         // between tiles
constexpr int kBarWidth = 110;  // the colour bar in the title line
}  // namespace

ImageStackView::ImageStackView(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    // The scale's colours change with colour-blind-safe mode.
    connect(&Presentation::instance(), &Presentation::changed, this, [this] {
        colourTiles();
        update();
    });
}

void ImageStackView::setStack(ImageStack stack, const QString& title, int tileSide,
                              const QStringList& captions, std::optional<ColourScale> scale) {
    stack_ = std::move(stack);
    title_ = title;
    captions_ = captions;
    tileSide_ = std::max(tileSide, 8);
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (float v : stack_.values) {
        low = std::min(low, static_cast<double>(v));
        high = std::max(high, static_cast<double>(v));
    }
    scale_ = scale                   ? *scale
             : stack_.values.empty() ? ColourScale{}
                                     : ColourScale::forRange(low, high);
    colourTiles();
    updateGeometry();
    update();
}

void ImageStackView::colourTiles() {
    tiles_.clear();
    for (int64_t i = 0; i < stack_.count; ++i) {
        QImage tile(static_cast<int>(stack_.width), static_cast<int>(stack_.height),
                    QImage::Format_RGB32);
        for (int64_t y = 0; y < stack_.height; ++y)
            for (int64_t x = 0; x < stack_.width; ++x)
                tile.setPixel(static_cast<int>(x), static_cast<int>(y),
                              scale_.colour(stack_.at(i, y, x)));
        tiles_.push_back(std::move(tile));
    }
}

QRgb ImageStackView::shownColour(int64_t image, int64_t y, int64_t x) const {
    return tiles_.at(static_cast<size_t>(image)).pixel(static_cast<int>(x), static_cast<int>(y));
}

// The title, then the colour bar on a line of its own.
int ImageStackView::headerHeight() const { return 2 * fontMetrics().height() + 8; }
int ImageStackView::cellHeight() const { return tileSide_ + fontMetrics().height() + kGap; }

int ImageStackView::columnsFor(int width) const {
    return std::max(1, (width + kGap) / (tileSide_ + kGap));
}

int ImageStackView::heightForWidth(int width) const {
    const int count = static_cast<int>(tiles_.size());
    const int rows = (count + columnsFor(width) - 1) / columnsFor(width);
    return headerHeight() + rows * cellHeight();
}

QSize ImageStackView::sizeHint() const {
    const int width = std::max(
        std::min<int>(static_cast<int>(tiles_.size()), 8) * (tileSide_ + kGap), 2 * kBarWidth);
    return {width, heightForWidth(width)};
}

QSize ImageStackView::minimumSizeHint() const {
    return {tileSide_ + kGap, heightForWidth(tileSide_ + kGap)};
}

void ImageStackView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QFontMetrics metrics = fontMetrics();
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.drawText(0, metrics.ascent() + 2,
                     QFontMetrics(bold).elidedText(title_, Qt::ElideRight, width()));
    painter.setFont(font());
    if (!tiles_.empty()) {  // low [colour bar] high
        const int baseline = metrics.height() + metrics.ascent() + 4;
        const QString low = QString::number(scale_.low, 'g', 3),
                      high = QString::number(scale_.high, 'g', 3);
        painter.drawText(0, baseline, low);
        const QRect bar(metrics.horizontalAdvance(low) + 4, metrics.height() + 6, kBarWidth,
                        metrics.height() - 4);
        painter.drawImage(bar, scale_.bar(bar.width(), bar.height()));
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawRect(bar.adjusted(0, 0, -1, -1));
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(bar.right() + 5, baseline, high);
    }
    const int columns = columnsFor(width());
    for (size_t i = 0; i < tiles_.size(); ++i) {
        const int column = static_cast<int>(i) % columns;
        const int row = static_cast<int>(i) / columns;
        const QRect tile(column * (tileSide_ + kGap), headerHeight() + row * cellHeight(),
                         tileSide_, tileSide_);
        painter.drawImage(tile, tiles_[i]);  // unsmoothed: each value stays a visible square
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawRect(tile.adjusted(0, 0, -1, -1));
        painter.setPen(palette().color(QPalette::WindowText));
        const QString caption = i < static_cast<size_t>(captions_.size())
                                    ? captions_[static_cast<int>(i)]
                                    : QString::number(i + 1);
        painter.drawText(QRect(tile.left(), tile.bottom() + 1, tileSide_, metrics.height()),
                         Qt::AlignHCenter, metrics.elidedText(caption, Qt::ElideRight, tileSide_));
    }
}

}  // namespace koto::gui
