#include "inspector/network_diagram_view.h"

#include <QPainter>
#include <algorithm>

#include "look/notation.h"
#include "look/presentation.h"
#include "network/layer_registry.h"

namespace koto::gui {
namespace {

constexpr double kMargin = 30;
// Room above the units (for J) and below them (for the columns' names), growing with the text.
double topSpace() { return 24 * Presentation::instance().fontScale(); }
double bottomSpace() { return 40 * Presentation::instance().fontScale(); }

// A line with a small head at `to`; dashed where it stands for steps left out.
void drawArrow(QPainter& painter, QPointF from, QPointF to, bool dashed = false) {
    QPen pen = painter.pen();
    pen.setStyle(dashed ? Qt::DashLine : Qt::SolidLine);
    painter.setPen(pen);
    painter.drawLine(from, to);
    pen.setStyle(Qt::SolidLine);
    painter.setPen(pen);
    const QLineF line(to, from);
    if (line.length() < 1) return;
    const QPointF back = line.pointAt(std::min(1.0, 6 / line.length()));
    const QPointF across(-(from - to).y() / line.length() * 3, (from - to).x() / line.length() * 3);
    painter.setBrush(pen.color());
    painter.drawPolygon(QPolygonF{to, back + across, back - across});
}

bool isRecurrentType(const std::string& type) { return type == "rnn" || type == "lstm"; }

}  // namespace

NetworkDiagramView::NetworkDiagramView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(220, 220);
}

void NetworkDiagramView::setNetwork(const NetworkSpec& spec) {
    sizes_.clear();
    names_.clear();
    shapes_.clear();
    steps_.clear();
    recurrent_.clear();
    const Notation notation(spec);
    std::vector<std::vector<int64_t>> shapes;
    try {
        shapes = inferShapes(spec);
    } catch (const std::exception&) {  // a spec that cannot be built: drawn without shapes
        shapes.assign(spec.layers.size(), {});
    }
    // A sequence is T x width per sample; after seq:many every column goes on step by step.
    int perStep = 0;
    auto add = [&](const std::vector<int64_t>& shape, const QString& name, bool recurrent) {
        int64_t size = shape.empty() ? 0 : 1;
        for (int64_t d : shape) size *= d;
        sizes_.push_back(size);
        shapes_.push_back(shape);
        names_.push_back(name);
        steps_.push_back(shape.size() == 2   ? static_cast<int>(shape[0])
                         : shape.size() == 1 ? perStep
                                             : 0);
        recurrent_.push_back(recurrent);
    };
    add(spec.inputShape, QStringLiteral("X"), false);
    for (size_t i = 0; i < spec.layers.size(); ++i) {
        if (spec.layers[i].type == "sequence_many") perStep = steps_.back();
        add(shapes[i], notation.layer(static_cast<int>(i)).output,
            isRecurrentType(spec.layers[i].type));
    }
    // Stacks of feature maps and their shapes need room.
    const bool images =
        std::any_of(shapes_.begin(), shapes_.end(), [](const auto& s) { return s.size() == 3; });
    setMinimumWidth(images ? 70 * static_cast<int>(shapes_.size()) : 220);
    update();
}

void NetworkDiagramView::setHighlight(Highlight highlight, int layer) {
    highlight_ = highlight;
    layer_ = layer;
    update();
}

void NetworkDiagramView::setTimeStep(int step) {
    step_ = step;
    update();
}

std::vector<int> NetworkDiagramView::stepsDrawn(int steps, int current) {
    std::vector<int> drawn;
    for (int t = 1; t <= steps; ++t) {
        const bool shown = steps <= kMaxStepsDrawn || t <= 3 || t == steps || t == current;
        if (shown && !drawn.empty() && drawn.back() != 0 && drawn.back() != t - 1)
            drawn.push_back(0);
        if (shown) drawn.push_back(t);
    }
    return drawn;
}

double NetworkDiagramView::columnX(int column) const {
    const int columns = static_cast<int>(sizes_.size());
    const double right = width() - kMargin;
    return columns == 1 ? width() / 2.0 : kMargin + (right - kMargin) * column / (columns - 1);
}

QRectF NetworkDiagramView::slotRect(int column, int slot, int slotCount) const {
    const int columns = static_cast<int>(sizes_.size());
    const double spacing =
        columns == 1 ? width() - 2 * kMargin : (width() - 2 * kMargin) / (columns - 1);
    const double top = topSpace(), bottom = height() - bottomSpace();
    const double pitch = (bottom - top) / std::max(slotCount, 1);
    const double scale = Presentation::instance().fontScale();  // a slot holds "h(12)"
    const double h = std::min(30.0 * scale, pitch * 0.7),
                 w = std::clamp(spacing * 0.5, 36.0 * scale, 60.0 * scale);
    return {columnX(column) - w / 2, top + pitch * (slot + 0.5) - h / 2, w, h};
}

QRectF NetworkDiagramView::stepRect(int column, int step) const {
    if (column < 0 || column >= static_cast<int>(steps_.size()) || step < 1) return {};
    const std::vector<int> drawn = stepsDrawn(steps_[static_cast<size_t>(column)], step_);
    const auto at = std::find(drawn.begin(), drawn.end(), step);
    if (at == drawn.end()) return {};
    return slotRect(column, static_cast<int>(at - drawn.begin()), static_cast<int>(drawn.size()));
}

void NetworkDiagramView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());
    if (sizes_.empty()) return;
    const int columns = static_cast<int>(sizes_.size());
    const double left = kMargin, right = width() - kMargin, top = topSpace(),
                 bottom = height() - bottomSpace();
    const double line = QFontMetricsF(font()).height() + 2;  // a line of text's height
    auto columnX = [this](int c) { return this->columnX(c); };
    auto shown = [&](int c) {
        return static_cast<int>(std::min<int64_t>(sizes_[static_cast<size_t>(c)], kMaxUnitsDrawn));
    };
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
    // Images: a stack of up to four feature maps, the front one at the column's centre.
    auto isImage = [&](int c) { return shapes_[static_cast<size_t>(c)].size() == 3; };
    const double spacing = columns == 1 ? right - left : (right - left) / (columns - 1);
    const double side = std::max(14.0, std::min({56.0, spacing * 0.5, (bottom - top) * 0.4}));
    const double middle = (top + bottom) / 2;
    auto maps = [&](int c) {
        return static_cast<int>(std::min<int64_t>(shapes_[static_cast<size_t>(c)][0], 4));
    };
    auto mapRect = [&](int c,
                       int k) {  // k = 0 is the front map; the others lie behind, up and right
        const double shift = 5.0 * k;
        return QRectF(columnX(c) - side / 2 + shift, middle - side / 2 - shift, side, side);
    };
    for (int c = 0; c + 1 < columns; ++c) {
        const QColor colour = edgeColour(c);
        painter.setPen(linePen(colour, colour == quiet ? 0.6 : 1.4));
        if (const int steps = steps_[static_cast<size_t>(c)]; steps > 0) {
            if (steps_[static_cast<size_t>(c + 1)] == steps) {  // step t to step t: x(t) → h(t)
                for (const int t : stepsDrawn(steps, step_))
                    if (t > 0) {
                        const QRectF from = stepRect(c, t), to = stepRect(c + 1, t);
                        drawArrow(painter, QPointF(from.right(), from.center().y()),
                                  QPointF(to.left() - 1, to.center().y()));
                    }
            } else {  // seq:last: only h(T) goes on
                const QRectF last = stepRect(c, steps);
                for (int b = 0; b < shown(c + 1); ++b)
                    painter.drawLine(QPointF(last.right(), last.center().y()),
                                     QPointF(columnX(c + 1) - 9, unitY(c + 1, b)));
            }
            continue;
        }
        if (isImage(c)) {
            // A window of the input stack read into one value of the next column.
            const QRectF from = mapRect(c, 0);
            const QRectF window(from.center().x() - side / 6, from.center().y() - side / 6,
                                side / 3, side / 3);
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(window);
            const std::vector<QPointF> targets =
                isImage(c + 1) ? std::vector<QPointF>{mapRect(c + 1, 0).center()} : [&] {
                    std::vector<QPointF> units;
                    for (int b = 0; b < shown(c + 1); ++b)
                        units.emplace_back(columnX(c + 1), unitY(c + 1, b));
                    return units;
                }();
            for (const QPointF& target : targets) {
                painter.drawLine(window.topRight(), target);
                painter.drawLine(window.bottomRight(), target);
            }
            continue;
        }
        const bool same = sizes_[static_cast<size_t>(c)] == sizes_[static_cast<size_t>(c + 1)] &&
                          shown(c) == shown(c + 1) && c + 1 < columns;
        for (int a = 0; a < shown(c); ++a)
            for (int b = 0; b < shown(c + 1); ++b) {
                // A layer without weights (dropout, noise) joins each unit to its own only.
                const bool joined = names_[static_cast<size_t>(c + 1)].endsWith(QChar(0x0303))
                                        ? (same && a == b)
                                        : true;
                if (joined)
                    painter.drawLine(QPointF(columnX(c), unitY(c, a)),
                                     QPointF(columnX(c + 1), unitY(c + 1, b)));
            }
    }
    for (int c = 0; c < columns; ++c) {
        const bool lit = (highlight_ == Highlight::Forward && c == layer_ + 1) ||
                         (highlight_ == Highlight::Backward && c == layer_ + 1) ||
                         (highlight_ == Highlight::Loss && c == columns - 1);
        const QColor fill = !lit                                ? palette().alternateBase().color()
                            : highlight_ == Highlight::Backward ? backward.lighter(150)
                                                                : forward.lighter(160);
        painter.setPen(linePen(Qt::darkGray, 1));
        painter.setBrush(fill);
        const std::vector<int64_t>& shape = shapes_[static_cast<size_t>(c)];
        if (const int steps = steps_[static_cast<size_t>(c)]; steps > 0) {
            // The step being stepped through: filled strongly in the layer's column, outlined in
            // its input's.
            const bool input =
                (highlight_ == Highlight::Forward || highlight_ == Highlight::Backward) &&
                c == layer_;
            const QColor strong = highlight_ == Highlight::Backward ? backward : forward;
            const std::vector<int> drawn = stepsDrawn(steps, step_);
            const int slotCount = static_cast<int>(drawn.size());
            for (int i = 0; i < slotCount; ++i) {
                const QRectF r = slotRect(c, i, slotCount);
                if (recurrent_[static_cast<size_t>(c)] && i > 0) {  // h(t−1) → h(t)
                    const QColor colour = edgeColour(c - 1);
                    painter.setPen(linePen(colour == quiet ? Qt::gray : colour, 1.2));
                    const QRectF above = slotRect(c, i - 1, slotCount);
                    drawArrow(painter, QPointF(above.center().x(), above.bottom() + 1),
                              QPointF(r.center().x(), r.top() - 1),
                              drawn[static_cast<size_t>(i)] == 0 ||
                                  drawn[static_cast<size_t>(i - 1)] == 0);
                }
                const int t = drawn[static_cast<size_t>(i)];
                if (t == 0) continue;  // "⋮", drawn below over the arrows
                const bool current = t == step_ && (lit || input);
                painter.setPen(linePen(current ? strong : QColor(Qt::darkGray), current ? 2.2 : 1));
                painter.setBrush(current && lit ? strong.lighter(125) : fill);
                painter.drawRoundedRect(r, 4, 4);
                painter.setPen(current && lit ? QColor(Qt::white) : palette().text().color());
                painter.drawText(
                    r, Qt::AlignCenter,
                    QStringLiteral("%1(%2)").arg(names_[static_cast<size_t>(c)]).arg(t));
            }
            painter.setPen(palette().text().color());
            for (int i = 0; i < slotCount; ++i)
                if (drawn[static_cast<size_t>(i)] == 0)
                    painter.drawText(slotRect(c, i, slotCount), Qt::AlignCenter,
                                     QStringLiteral("⋮"));
        } else if (isImage(c)) {
            for (int k = maps(c) - 1; k >= 0; --k) painter.drawRect(mapRect(c, k));
            painter.setPen(palette().text().color());
            // Shapes alternate under and over their stacks, so that neighbours do not overlap.
            const double y =
                c % 2 == 0 ? mapRect(c, 0).bottom() + 4 : mapRect(c, maps(c) - 1).top() - 4 - line;
            painter.drawText(QRectF(columnX(c) - spacing, y, 2 * spacing, line), Qt::AlignCenter,
                             QStringLiteral("%1×%2×%3").arg(shape[0]).arg(shape[1]).arg(shape[2]));
        } else {
            const double radius = markerSize(9);
            for (int u = 0; u < shown(c); ++u)
                painter.drawEllipse(QPointF(columnX(c), unitY(c, u)), radius, radius);
            if (sizes_[static_cast<size_t>(c)] > kMaxUnitsDrawn) {
                painter.setPen(palette().text().color());
                painter.drawText(QRectF(columnX(c) - 45, unitY(c, shown(c)) - line / 2, 90, line),
                                 Qt::AlignCenter,
                                 QStringLiteral("… %1").arg(sizes_[static_cast<size_t>(c)]));
            }
        }
        painter.setPen(palette().text().color());
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.drawText(QRectF(columnX(c) - 45, bottom + 8, 90, line), Qt::AlignCenter,
                         names_[static_cast<size_t>(c)]);
        painter.setFont(font());
    }
    if (highlight_ == Highlight::Loss) {
        painter.setPen(backward);
        painter.drawText(QRectF(columnX(columns - 1) - 28, top - line - 2, 56, line),
                         Qt::AlignCenter,
                         QStringLiteral("J"));
    }
}

}  // namespace koto::gui
