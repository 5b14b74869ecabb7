#include "inspector/network_diagram_view.h"

#include <QPainter>
#include <algorithm>

#include "inspector/notation.h"

namespace koto::gui {

NetworkDiagramView::NetworkDiagramView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(220, 220);
}

void NetworkDiagramView::setNetwork(const NetworkSpec& spec) {
    sizes_.clear();
    names_.clear();
    const Notation notation(spec);
    int64_t input = 1;
    for (int64_t d : spec.inputShape) input *= d;
    sizes_.push_back(input);
    names_.push_back(QStringLiteral("X"));
    for (size_t i = 0; i < spec.layers.size(); ++i) {
        const LayerSpec& layer = spec.layers[i];
        sizes_.push_back(layer.type == "dense" ? layer.integer("units") : sizes_.back());
        names_.push_back(notation.layer(static_cast<int>(i)).output);
    }
    update();
}

void NetworkDiagramView::setHighlight(Highlight highlight, int layer) {
    highlight_ = highlight;
    layer_ = layer;
    update();
}

void NetworkDiagramView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());
    if (sizes_.empty()) return;
    const int columns = static_cast<int>(sizes_.size());
    const double left = 30, right = width() - 30.0, top = 24, bottom = height() - 40.0;
    auto columnX = [&](int c) { return columns == 1 ? width() / 2.0 : left + (right - left) * c / (columns - 1); };
    auto shown = [&](int c) { return static_cast<int>(std::min<int64_t>(sizes_[static_cast<size_t>(c)], kMaxUnitsDrawn)); };
    auto unitY = [&](int c, int u) {
        const int n = shown(c) + (sizes_[static_cast<size_t>(c)] > kMaxUnitsDrawn ? 1 : 0);
        return top + (bottom - top) * (u + 0.5) / n;
    };
    const QColor forward(40, 110, 220), backward(235, 130, 20), quiet(190, 190, 190);
    // Column c + 1 is layer c's output, so layer c's connections join columns c and c + 1.
    auto edgeColour = [&](int layer) {
        switch (highlight_) {
        case Highlight::Forward: return layer == layer_ ? forward : quiet;
        case Highlight::Backward: return layer == layer_ ? backward : quiet;
        case Highlight::Update: return QColor(60, 160, 80);
        default: return quiet;
        }
    };
    for (int c = 0; c + 1 < columns; ++c) {
        const QColor colour = edgeColour(c);
        painter.setPen(QPen(colour, colour == quiet ? 0.6 : 1.4));
        const bool same = sizes_[static_cast<size_t>(c)] == sizes_[static_cast<size_t>(c + 1)] &&
                          shown(c) == shown(c + 1) && c + 1 < columns;
        for (int a = 0; a < shown(c); ++a)
            for (int b = 0; b < shown(c + 1); ++b) {
                // A layer without weights (dropout, noise) joins each unit to its own only.
                const bool joined = names_[static_cast<size_t>(c + 1)].endsWith(QChar(0x0303)) ? (same && a == b) : true;
                if (joined) painter.drawLine(QPointF(columnX(c), unitY(c, a)), QPointF(columnX(c + 1), unitY(c + 1, b)));
            }
    }
    for (int c = 0; c < columns; ++c) {
        const bool lit = (highlight_ == Highlight::Forward && c == layer_ + 1) ||
                         (highlight_ == Highlight::Backward && c == layer_ + 1) ||
                         (highlight_ == Highlight::Loss && c == columns - 1);
        const QColor fill = !lit ? QColor(245, 245, 245) : highlight_ == Highlight::Backward ? backward.lighter(150)
                                                                                            : forward.lighter(160);
        painter.setPen(QPen(Qt::darkGray, 1));
        painter.setBrush(fill);
        for (int u = 0; u < shown(c); ++u) painter.drawEllipse(QPointF(columnX(c), unitY(c, u)), 9, 9);
        if (sizes_[static_cast<size_t>(c)] > kMaxUnitsDrawn) {
            painter.setPen(palette().text().color());
            painter.drawText(QRectF(columnX(c) - 30, unitY(c, shown(c)) - 8, 60, 16), Qt::AlignCenter,
                             QStringLiteral("… %1").arg(sizes_[static_cast<size_t>(c)]));
        }
        painter.setPen(palette().text().color());
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.drawText(QRectF(columnX(c) - 40, bottom + 8, 80, 20), Qt::AlignCenter, names_[static_cast<size_t>(c)]);
        painter.setFont(font());
    }
    if (highlight_ == Highlight::Loss) {
        painter.setPen(backward);
        painter.drawText(QRectF(columnX(columns - 1) - 28, top - 22, 56, 18), Qt::AlignCenter, QStringLiteral("J"));
    }
}

}  // namespace koto::gui
