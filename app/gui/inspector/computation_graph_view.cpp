#include "inspector/computation_graph_view.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

#include "inspector/stage_text.h"
#include "look/presentation.h"

namespace koto::gui {
namespace {

// Up to three values of one row: "[0.41, −0.2, 0.93 …]".
QString rowText(const TracedTensor* t, int row) {
    if (!t || t->rows == 0) return {};
    const int64_t r = std::min<int64_t>(row, t->rows - 1);
    QStringList values;
    for (int64_t c = 0; c < std::min<int64_t>(t->cols, 3); ++c)
        values << QString::number(t->at(r, c), 'g', 3).replace(QLatin1Char('-'), QChar(0x2212));
    return QStringLiteral("[") + values.join(QStringLiteral(", ")) +
           (t->cols > 3 ? QStringLiteral(" …]") : QStringLiteral("]"));
}

}  // namespace

ComputationGraphView::ComputationGraphView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(480, 300);
}

void ComputationGraphView::setTrace(const StepTrace* trace, const StageText* text) {
    trace_ = trace;
    text_ = text;
    stage_ = 0;
    rebuild();
}

void ComputationGraphView::setStage(int stage) {
    stage_ = stage;
    rebuild();
}

void ComputationGraphView::setSample(int sample) {
    sample_ = sample;
    rebuild();
}

void ComputationGraphView::rebuild() {
    nodes_.clear();
    if (!trace_ || !text_) {
        update();
        return;
    }
    const Notation& notation = text_->notation();
    // Has the walk reached this stage?
    auto reached = [&](StageKind kind, int layer) {
        const int index = trace_->indexOf(kind, layer);
        return index >= 0 && index <= stage_;
    };
    for (int l = 0; l < notation.layerCount(); ++l) {
        const LayerNotation& n = notation.layer(l);
        const TraceStage* forward = trace_->find(StageKind::Forward, l);
        const TraceStage* backward = trace_->find(StageKind::Backward, l);
        const bool f = reached(StageKind::Forward, l), b = reached(StageKind::Backward, l);
        auto value = [&](const char* name) {
            return f ? rowText(forward->tensor(name), sample_) : QString();
        };
        auto gradient = [&](const char* name) {
            return b ? rowText(backward->tensor(name), sample_) : QString();
        };
        const std::string& type = trace_->spec.layers[static_cast<size_t>(l)].type;
        if (n.convolution) {
            nodes_.push_back(
                {QStringLiteral("conv  %1 ∗ %2 + %3").arg(n.weight, n.input, n.bias),
                 QStringLiteral("∂/∂%1 = %2 patch,  ∂/∂%2 = %1").arg(n.weight, n.input), l,
                 value("a"), gradient("dJ/da")});
        } else if (n.pooling) {
            const bool max = type == "maxpool";
            nodes_.push_back(
                {QStringLiteral("%1  → %2")
                     .arg(max ? QStringLiteral("max pool") : QStringLiteral("avg pool"), n.output),
                 max ? QStringLiteral("∂%1/∂%2 = 1 (winner), 0").arg(n.output, n.input)
                     : QStringLiteral("∂%1/∂%2 = 1/K²").arg(n.output, n.input),
                 l, value("Z"), gradient("dJ/dZ")});
            continue;
        } else if (n.recurrent) {
            const bool lstm = type == "lstm";
            nodes_.push_back(
                {lstm ? QStringLiteral("LSTM  i f o g → c, h") : QStringLiteral("RNN  → h(1 … T)"),
                 lstm ? QStringLiteral("∂c(t)/∂c(t−1) = f(t)")
                      : QStringLiteral("∂h(t)/∂h(t−1) = s′·%1ᵀ").arg(n.recurrentWeight),
                 l, value("h"), gradient("dJ/dh")});
            continue;
        } else if (type == "sequence_last" || type == "sequence_many") {
            nodes_.push_back({type == "sequence_last"
                                  ? QStringLiteral("last step  → %1").arg(n.output)
                                  : QStringLiteral("every t  → rows"),
                              QStringLiteral("∂/∂%1 = 1").arg(n.input), l,
                              value(type == "sequence_last" ? "Z" : "X"), gradient("dJ/dZ")});
            continue;
        } else if (type == "flatten") {
            nodes_.push_back({QStringLiteral("flatten  → %1").arg(n.output),
                              QStringLiteral("∂/∂%1 = 1").arg(n.input), l, value("X"),
                              gradient("dJ/dZ")});
            continue;
        } else if (n.dense) {
            nodes_.push_back({QStringLiteral("matmul  %1·%2").arg(n.input, n.weight),
                              QStringLiteral("∂/∂%1 = %2ᵀ,  ∂/∂%2 = %1").arg(n.weight, n.input), l,
                              f ? QStringLiteral("%1×%2")
                                      .arg(forward->tensor("a")->rows)
                                      .arg(forward->tensor("a")->cols)
                                : QString(),
                              b ? QStringLiteral("dJ/d%1: ").arg(n.weight) +
                                      rowText(backward->tensor("dJ/dW"), 0)
                                : QString()});
            nodes_.push_back({QStringLiteral("+ %1  → %2").arg(n.bias, n.preActivation),
                              QStringLiteral("∂/∂%1 = 1").arg(n.bias), l, value("a"),
                              gradient("dJ/da")});
        }
        if (n.dense || n.convolution) {
            if (forward->tensor("Z")) {
                const QString local =
                    n.activation == Activation::Sigmoid ? QStringLiteral("%1(1 − %1)").arg(n.output)
                    : n.activation == Activation::Tanh
                        ? QStringLiteral("1 − %1").arg(n.output) + QStringLiteral("²")
                    : n.activation == Activation::Relu ? QStringLiteral("u(%1)").arg(n.output)
                                                       : QStringLiteral("1");
                const QString name = n.activation == Activation::Sigmoid ? QStringLiteral("σ")
                                     : n.activation == Activation::Tanh  ? QStringLiteral("tanh")
                                     : n.activation == Activation::Relu  ? QStringLiteral("relu")
                                                                         : QStringLiteral("id");
                nodes_.push_back(
                    {QStringLiteral("%1  → %2").arg(name, n.output),
                     QStringLiteral("∂%1/∂%2 = ").arg(n.output, n.preActivation) + local, l,
                     value("Z"), gradient("dJ/dZ")});
            }
        } else {
            const bool mask = forward->tensor("mask") != nullptr;
            nodes_.push_back(
                {(mask ? QStringLiteral("× M  → ") : QStringLiteral("+ ε  → ")) + n.output,
                 QStringLiteral("∂%1/∂%2 = ").arg(n.output, n.input) +
                     (mask ? QStringLiteral("M") : QStringLiteral("1")),
                 l, value("Z"), gradient("dJ/dZ")});
        }
    }
    const TraceStage* loss = trace_->find(StageKind::Loss);
    const bool lossReached = reached(StageKind::Loss, -1);
    const int last = notation.layerCount() - 1;
    const bool lastBack = reached(StageKind::Backward, last);
    const QString lossName =
        trace_->spec.loss == LossKind::CrossEntropy         ? QStringLiteral("softmax + CE")
        : trace_->spec.loss == LossKind::BinaryCrossEntropy ? QStringLiteral("σ + CE")
                                                            : QStringLiteral("squared error");
    const TracedTensor* lastGradient =
        trace_->find(StageKind::Backward, last)
            ->tensor(trace_->find(StageKind::Forward, last)->tensor("Z") ? "dJ/dZ" : "dJ/da");
    nodes_.push_back(
        {lossName + QStringLiteral("  → Y"),
         trace_->spec.loss == LossKind::MeanSquaredError
             ? QStringLiteral("∂J/∂Y = 2(Y − T)/N")
             : QStringLiteral("∂J/∂%1 = (Y − T)/N").arg(notation.layer(last).preActivation),
         -1, lossReached ? rowText(loss->tensor("Y"), sample_) : QString(),
         lastBack ? rowText(lastGradient, sample_) : QString()});
    nodes_.push_back({QStringLiteral("J"), QStringLiteral("∂J/∂J = 1"), -1,
                      lossReached ? StageText::number(loss->scalar("J").value_or(0)) : QString(),
                      lossReached && stage_ > trace_->indexOf(StageKind::Loss) ? QStringLiteral("1")
                                                                               : QString()});
    update();
}

void ComputationGraphView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());
    if (nodes_.empty()) return;
    const TraceStage* current = trace_ && stage_ < static_cast<int>(trace_->stages.size())
                                    ? &trace_->stages[static_cast<size_t>(stage_)]
                                    : nullptr;
    const int perRow =
        std::max(1, std::min<int>(static_cast<int>(nodes_.size()), (width() - 20) / 200));
    const int rows = (static_cast<int>(nodes_.size()) + perRow - 1) / perRow;
    const double cellWidth = (width() - 20.0) / perRow;
    const double cellHeight = std::max(120.0, (height() - 20.0) / rows);
    const double boxWidth = cellWidth - 36, boxHeight = 54;
    // Forward in blue, backward in orange; lighter on a dark theme, boxes tinted to suit.
    const bool dark = Presentation::instance().dark();
    const QColor forward = dark ? QColor(100, 160, 240) : QColor(40, 110, 220);
    const QColor backward = dark ? QColor(245, 160, 70) : QColor(235, 130, 20);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);
    auto centre = [&](int i) {
        const int row = i / perRow, column = i % perRow;
        return QPointF(10 + cellWidth * (column + 0.5), 10 + cellHeight * (row + 0.5));
    };
    for (size_t i = 0; i < nodes_.size(); ++i) {
        const Node& node = nodes_[i];
        const QPointF c = centre(static_cast<int>(i));
        const QRectF box(c.x() - boxWidth / 2, c.y() - boxHeight / 2, boxWidth, boxHeight);
        const bool lit = current && ((node.layer >= 0 && node.layer == current->layer) ||
                                     (node.layer < 0 && current->kind == StageKind::Loss));
        const bool goingBack = current && current->kind == StageKind::Backward;
        painter.setPen(
            linePen(lit ? (goingBack ? backward : forward) : QColor(120, 120, 120), lit ? 2.5 : 1));
        const QColor litFill =
            dark ? (goingBack ? backward : forward).darker(330)
                 : QColor(goingBack ? 255 : 232, goingBack ? 240 : 240, goingBack ? 225 : 255);
        painter.setBrush(lit ? litFill : palette().alternateBase().color());
        painter.drawRoundedRect(box, 8, 8);
        painter.setPen(palette().text().color());
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        // Long texts are elided to the space they have rather than clipped.
        auto write = [&](const QRectF& area, const QString& text) {
            painter.drawText(area, Qt::AlignCenter,
                             painter.fontMetrics().elidedText(text, Qt::ElideRight,
                                                              static_cast<int>(area.width())));
        };
        write(box.adjusted(4, 4, -4, -boxHeight / 2), node.operation);
        painter.setFont(small);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        write(box.adjusted(4, boxHeight / 2, -4, -4), node.local);
        // Forward value above, flowing right; gradient below, flowing back left.
        const double line = QFontMetricsF(small).height() + 2;
        const QRectF above(c.x() - cellWidth / 2 + 2, box.top() - line - 4, cellWidth - 4, line);
        const QRectF below(c.x() - cellWidth / 2 + 2, box.bottom() + 4, cellWidth - 4, line);
        painter.setPen(forward);
        write(above, node.value.isEmpty() ? QString() : node.value + QStringLiteral("  →"));
        painter.setPen(backward);
        write(below, node.gradient.isEmpty() ? QString() : QStringLiteral("←  ") + node.gradient);
        painter.setFont(font());
        if (i + 1 < nodes_.size()) {
            const QPointF next = centre(static_cast<int>(i + 1));
            painter.setPen(linePen(QColor(120, 120, 120), 1.2));
            if (std::abs(next.y() - c.y()) < 1) {
                const QPointF from(box.right(), c.y()), to(next.x() - boxWidth / 2, c.y());
                painter.drawLine(from, to);
                painter.drawLine(to, to + QPointF(-7, -4));
                painter.drawLine(to, to + QPointF(-7, 4));
            } else {  // on to the next row
                QPainterPath path(QPointF(box.right(), c.y()));
                path.lineTo(box.right() + 14, c.y());
                path.lineTo(box.right() + 14, c.y() + cellHeight / 2);
                path.lineTo(next.x() - boxWidth / 2 - 14, c.y() + cellHeight / 2);
                path.lineTo(next.x() - boxWidth / 2 - 14, next.y());
                path.lineTo(next.x() - boxWidth / 2, next.y());
                painter.setBrush(Qt::NoBrush);
                painter.drawPath(path);
            }
        }
    }
}

}  // namespace koto::gui
