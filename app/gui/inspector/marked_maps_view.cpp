#include "inspector/marked_maps_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

namespace koto::gui {
namespace {

constexpr int kGap = 6;
constexpr int kTitleHeight = 18;
constexpr int kMaxTile = 100;               // a tile's largest side on screen
const QColor kHiddenColour(205, 205, 205);  // an element still to be worked out by hand

float valueAt(const MapFocus& m, int64_t channel, int64_t y, int64_t x) {
    return m.tensor->at(m.row, (channel * m.height + y) * m.width + x);
}

}  // namespace

MarkedMapsView::MarkedMapsView(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void MarkedMapsView::setMaps(std::vector<MapFocus> maps, bool hideChosen) {
    maps_ = std::move(maps);
    hideChosen_ = hideChosen;
    updateGeometry();
    update();
}

std::vector<MarkedMapsView::Placed> MarkedMapsView::place(int width, int* height) const {
    std::vector<Placed> placed;
    // The tensors flow left to right, each a block of tiles, onto a new line when one does not fit.
    int left = 0, top = 0, lineBottom = 0;
    for (const MapFocus& m : maps_) {
        Placed p;
        // Small maps (a 5 x 5 filter) are drawn large, big ones (28 x 28) fitted to kMaxTile.
        p.cell = std::clamp(kMaxTile / static_cast<int>(std::max<int64_t>({m.height, m.width, 1})),
                            2, 16);
        const int tileWidth = static_cast<int>(m.width) * p.cell,
                  tileHeight = static_cast<int>(m.height) * p.cell;
        const int perLine = std::max(
            1, std::min(static_cast<int>(m.channels), (width + kGap) / (tileWidth + kGap)));
        const int blockWidth = std::max(perLine * (tileWidth + kGap) - kGap, 120);
        if (left > 0 && left + blockWidth > width) {
            left = 0;
            top = lineBottom;
        }
        p.title = QRect(left, top, blockWidth, kTitleHeight);
        for (int64_t c = 0; c < m.channels; ++c) {
            const int line = static_cast<int>(c) / perLine, column = static_cast<int>(c) % perLine;
            p.tiles.emplace_back(left + column * (tileWidth + kGap),
                                 top + kTitleHeight + line * (tileHeight + kGap), tileWidth,
                                 tileHeight);
        }
        lineBottom = std::max(lineBottom, p.tiles.back().bottom() + 1 + 2 * kGap);
        left += blockWidth + 4 * kGap;
        placed.push_back(std::move(p));
    }
    if (height) *height = lineBottom;
    return placed;
}

int MarkedMapsView::heightForWidth(int width) const {
    int height = 0;
    place(width, &height);
    return height;
}

QRect MarkedMapsView::pixelRect(int block, int64_t channel, int64_t y, int64_t x) const {
    if (block < 0 || block >= static_cast<int>(maps_.size())) return {};
    const std::vector<Placed> placed = place(width());
    const Placed& p = placed[static_cast<size_t>(block)];
    if (channel < 0 || channel >= static_cast<int64_t>(p.tiles.size())) return {};
    const QRect& tile = p.tiles[static_cast<size_t>(channel)];
    return {tile.x() + static_cast<int>(x) * p.cell, tile.y() + static_cast<int>(y) * p.cell,
            p.cell, p.cell};
}

void MarkedMapsView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const std::vector<Placed> placed = place(width());
    for (size_t b = 0; b < maps_.size(); ++b) {
        const MapFocus& m = maps_[b];
        const Placed& p = placed[b];
        painter.setPen(palette().text().color());
        painter.drawText(p.title, Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("%1   %2×%3×%4")
                             .arg(m.label)
                             .arg(m.channels)
                             .arg(m.height)
                             .arg(m.width));
        // The element asked for by hand: neutral, and out of the scale (were it the largest, the
        // others' shades would tell).
        const PixelMark* hidden = nullptr;
        for (const PixelMark& mark : m.marks)
            if (hideChosen_ && b == 0 && mark.kind == PixelMark::Kind::Chosen) hidden = &mark;
        auto isHidden = [hidden](int64_t c, int64_t y, int64_t x) {
            return hidden && hidden->channel == c && hidden->y == y && hidden->x == x;
        };
        float largest = 0;
        for (int64_t c = 0; c < m.channels; ++c)
            for (int64_t y = 0; y < m.height; ++y)
                for (int64_t x = 0; x < m.width; ++x)
                    if (!isHidden(c, y, x))
                        largest = std::max(largest, std::abs(valueAt(m, c, y, x)));
        for (int64_t c = 0; c < m.channels; ++c) {
            QImage tile(static_cast<int>(m.width), static_cast<int>(m.height),
                        QImage::Format_RGB32);
            for (int64_t y = 0; y < m.height; ++y)
                for (int64_t x = 0; x < m.width; ++x) {
                    const float value = valueAt(m, c, y, x);
                    const int fade = static_cast<int>(
                        255 - 200 * (largest == 0 ? 0 : std::abs(value) / largest));
                    tile.setPixel(static_cast<int>(x), static_cast<int>(y),
                                  isHidden(c, y, x) ? kHiddenColour.rgb()
                                  : value >= 0      ? qRgb(255, fade, fade)
                                                    : qRgb(fade, fade, 255));
                }
            const QRect& r = p.tiles[static_cast<size_t>(c)];
            painter.drawImage(r, tile);
            painter.setPen(QPen(QColor(170, 170, 170), 1));
            painter.drawRect(r.adjusted(0, 0, -1, -1));
        }
        // The window as the outline of its pixels (a patch is one square), then the winner and
        // the element over it.
        std::set<std::tuple<int64_t, int64_t, int64_t>> window;
        for (const PixelMark& mark : m.marks)
            if (mark.kind == PixelMark::Kind::Window) window.insert({mark.channel, mark.y, mark.x});
        painter.setPen(QPen(QColor(240, 150, 0), 2));
        for (const auto& [channel, y, x] : window) {
            const QRectF r = pixelRect(static_cast<int>(b), channel, y, x);
            if (!window.count({channel, y - 1, x})) painter.drawLine(r.topLeft(), r.topRight());
            if (!window.count({channel, y + 1, x}))
                painter.drawLine(r.bottomLeft(), r.bottomRight());
            if (!window.count({channel, y, x - 1})) painter.drawLine(r.topLeft(), r.bottomLeft());
            if (!window.count({channel, y, x + 1})) painter.drawLine(r.topRight(), r.bottomRight());
        }
        for (const PixelMark::Kind kind : {PixelMark::Kind::Winner, PixelMark::Kind::Chosen})
            for (const PixelMark& mark : m.marks) {
                if (mark.kind != kind) continue;
                painter.setPen(QPen(
                    kind == PixelMark::Kind::Winner ? QColor(20, 150, 60) : QColor(0, 0, 0), 2.5));
                painter.setBrush(Qt::NoBrush);
                painter.drawRect(
                    QRectF(pixelRect(static_cast<int>(b), mark.channel, mark.y, mark.x))
                        .adjusted(0.5, 0.5, -0.5, -0.5));
            }
        if (hidden) {  // the "?" over the element, readable even where a pixel is a few points wide
            const QRect r = pixelRect(static_cast<int>(b), hidden->channel, hidden->y, hidden->x);
            QFont font = painter.font();
            font.setBold(true);
            font.setPixelSize(std::max(r.height(), 11));
            painter.setFont(font);
            painter.setPen(Qt::black);
            painter.drawText(r.adjusted(-8, -8, 8, 8), Qt::AlignCenter, QStringLiteral("?"));
            painter.setFont(this->font());
        }
    }
}

void MarkedMapsView::mousePressEvent(QMouseEvent* event) {
    if (maps_.empty()) return;
    const MapFocus& m = maps_.front();
    const Placed p = place(width()).front();
    for (size_t c = 0; c < p.tiles.size(); ++c) {
        const QRect& tile = p.tiles[c];
        if (!tile.contains(event->position().toPoint())) continue;
        const int64_t x = (event->position().toPoint().x() - tile.x()) / p.cell;
        const int64_t y = (event->position().toPoint().y() - tile.y()) / p.cell;
        emit elementChosen(
            static_cast<int>(m.row),
            static_cast<int>((static_cast<int64_t>(c) * m.height + y) * m.width + x));
        return;
    }
}

}  // namespace koto::gui
