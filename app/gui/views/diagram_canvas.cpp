#include "views/diagram_canvas.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPathStroker>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "data/playground_datasets.h"
#include "look/heatmap_colours.h"
#include "look/presentation.h"

namespace koto::gui {
namespace {

// The scale a unit's outputs are drawn on: fixed where the activation bounds them (sigmoid and
// softmax 0..1, tanh -1..1), else from the values (ReLU from 0, linear symmetric about 0).
ColourScale scaleFor(const LayerMaps& layer, int64_t unit, int64_t points) {
    if (layer.activation == "sigmoid" || layer.activation == "softmax") return {0, 1, false};
    if (layer.activation == "tanh") return {-1, 1, true};
    float low = 0, high = 0;
    for (int64_t p = 0; p < points; ++p) {
        low = std::min(low, layer.at(p, unit));
        high = std::max(high, layer.at(p, unit));
    }
    if (layer.activation == "relu") return ColourScale::forRange(0, std::max(high, 1e-6f));
    return ColourScale::forRange(std::min(low, -high), std::max(high, -low));
}

}  // namespace

DiagramCanvas::DiagramCanvas(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setMinimumSize(200, 150);
}

void DiagramCanvas::setWeights(std::shared_ptr<const NetworkWeights> weights) {
    weights_ = std::move(weights);
    relayOut();
}

void DiagramCanvas::setMaps(std::shared_ptr<const NeuronMaps> maps, int gridSize) {
    maps_ = std::move(maps);
    gridSize_ = gridSize;
    update();
}

void DiagramCanvas::setColumnNames(const QStringList& names) {
    columnNames_ = names;
    update();
}

void DiagramCanvas::setDescriber(
    std::function<QString(const DiagramNode*, const DiagramLink*)> describe) {
    describe_ = std::move(describe);
}

void DiagramCanvas::relayOut() {
    layout_ = weights_ ? layOutDiagram(*weights_, size()) : DiagramLayout{};
    update();
}

QImage DiagramCanvas::unitImage(const DiagramNode& node) const {
    if (node.unit < 0 || gridSize_ <= 0) return {};
    QImage image(gridSize_, gridSize_, QImage::Format_RGB32);
    if (node.column == 0) {  // x1 or x2 itself over the plane
        const ColourScale scale{-kPlaygroundExtent, kPlaygroundExtent, true};
        for (int row = 0; row < gridSize_; ++row)
            for (int column = 0; column < gridSize_; ++column) {
                const int along = node.unit == 0 ? column : row;
                const double value =
                    -kPlaygroundExtent + (along + 0.5) * 2 * kPlaygroundExtent / gridSize_;
                image.setPixel(column, gridSize_ - 1 - row, scale.colour(value));
            }
        return image;
    }
    const auto layer = static_cast<size_t>(node.column - 1);
    if (!maps_ || layer >= maps_->layers.size() ||
        maps_->points != static_cast<int64_t>(gridSize_) * gridSize_)
        return {};
    const LayerMaps& maps = maps_->layers[layer];
    if (node.unit >= maps.units) return {};
    const ColourScale scale = scaleFor(maps, node.unit, maps_->points);
    // The grid's rows go from the bottom (x2 = -6) up; an image's from the top down.
    for (int row = 0; row < gridSize_; ++row)
        for (int column = 0; column < gridSize_; ++column)
            image.setPixel(column, gridSize_ - 1 - row,
                           scale.colour(maps.at(row * gridSize_ + column, node.unit)));
    return image;
}

QColor DiagramCanvas::linkColour(const DiagramLink& link) const {
    const double largest = std::max(layout_.largestWeight, 1e-12f);
    // Never paler than a third of the way along the scale: a weak link stays visible.
    const double strength = 0.35 + 0.65 * std::min(1.0, std::abs(link.weight) / largest);
    const ColourScale scale{-1, 1, true};
    return QColor(scale.colour(link.weight >= 0 ? strength : -strength));
}

double DiagramCanvas::linkWidth(const DiagramLink& link) const {
    const double largest = std::max(layout_.largestWeight, 1e-12f);
    return (0.5 + 3.5 * std::min(1.0, std::abs(link.weight) / largest)) *
           Presentation::instance().lineScale();
}

QPainterPath DiagramCanvas::linkPath(const DiagramLink& link) const {
    const QRectF& from = layout_.nodes[static_cast<size_t>(link.from)].box;
    const QRectF& to = layout_.nodes[static_cast<size_t>(link.to)].box;
    const QPointF start(from.right(), from.center().y());
    const QPointF end(to.left(), to.center().y());
    const double bend = (end.x() - start.x()) / 2;
    QPainterPath path(start);
    path.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end);
    return path;
}

void DiagramCanvas::chooseNode(int column, int64_t unit) {
    chosenColumn_ = column;
    chosenUnit_ = unit;
    chosenElement_ = -1;
    update();
    emit chosen();
}

void DiagramCanvas::chooseLink(size_t matrix, int64_t index) {
    chosenColumn_ = -1;
    chosenMatrix_ = matrix;
    chosenElement_ = index;
    update();
    emit chosen();
}

const DiagramNode* DiagramCanvas::chosenNode() const {
    if (chosenColumn_ < 0) return nullptr;
    const int node = layout_.nodeOf(chosenColumn_, chosenUnit_);
    return node < 0 ? nullptr : &layout_.nodes[static_cast<size_t>(node)];
}

const DiagramLink* DiagramCanvas::chosenLink() const {
    if (chosenElement_ < 0) return nullptr;
    for (const DiagramLink& link : layout_.links)
        if (link.matrix == chosenMatrix_ && link.index == chosenElement_) return &link;
    return nullptr;
}

const DiagramNode* DiagramCanvas::nodeAt(QPointF at) const {
    for (const DiagramNode& node : layout_.nodes)
        if (node.box.adjusted(-2, -2, 2, 2).contains(at)) return &node;
    return nullptr;
}

const DiagramLink* DiagramCanvas::linkAt(QPointF at) const {
    // Within a few pixels of its curve; the thinnest first, as a thick link hides thin ones.
    QPainterPathStroker stroker;
    const DiagramLink* found = nullptr;
    for (const DiagramLink& link : layout_.links) {
        stroker.setWidth(std::max(7.0, linkWidth(link) + 3));
        if (stroker.createStroke(linkPath(link)).contains(at) &&
            (!found || std::abs(link.weight) < std::abs(found->weight)))
            found = &link;
    }
    return found;
}

void DiagramCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect(), palette().base());
    if (layout_.nodes.empty()) return;

    // The weakest links first, so that strong ones are drawn over them.
    std::vector<const DiagramLink*> links;
    for (const DiagramLink& link : layout_.links) links.push_back(&link);
    std::stable_sort(links.begin(), links.end(), [](const auto* a, const auto* b) {
        return std::abs(a->weight) < std::abs(b->weight);
    });
    const DiagramLink* chosenLink = this->chosenLink();
    for (const DiagramLink* link : links) {
        painter.setPen(QPen(linkColour(*link), linkWidth(*link), Qt::SolidLine, Qt::RoundCap));
        painter.drawPath(linkPath(*link));
    }
    if (chosenLink) {
        // An outline 2 pixels wide (ordinarily) on each side of the link.
        painter.setPen(QPen(palette().text().color(),
                            linkWidth(*chosenLink) + 4 * Presentation::instance().lineScale()));
        painter.drawPath(linkPath(*chosenLink));
        painter.setPen(QPen(linkColour(*chosenLink), linkWidth(*chosenLink)));
        painter.drawPath(linkPath(*chosenLink));
    }

    const DiagramNode* chosenNode = this->chosenNode();
    const QColor frame = palette().mid().color();
    for (const DiagramNode& node : layout_.nodes) {
        const bool chosen = &node == chosenNode;
        const QPen border = linePen(chosen ? palette().text().color() : frame, chosen ? 3 : 1);
        painter.setPen(border);
        if (node.unit < 0) {  // the "1" whose links are biases
            painter.setBrush(palette().window());
            painter.drawEllipse(node.box);
            painter.setPen(palette().text().color());
            painter.drawText(node.box, Qt::AlignCenter, QStringLiteral("1"));
            continue;
        }
        if (node.column == 0) {  // the inputs by name, x₁ and x₂, on their left
            painter.setPen(palette().text().color());
            // No taller than its node, so that x₁ and x₂ stay apart on small nodes.
            QFont small = font();
            small.setPixelSize(std::max(
                8, std::min(QFontInfo(font()).pixelSize(), static_cast<int>(node.box.height()))));
            painter.setFont(small);
            const QRectF label(node.box.left() - 40, node.box.top() - 4, 36,
                               node.box.height() + 8);
            painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter,
                             QStringLiteral("x") + QChar(0x2081 + static_cast<int>(node.unit)));
            painter.setFont(font());
            painter.setPen(border);
        }
        const QImage image = unitImage(node);
        if (image.isNull()) painter.fillRect(node.box, palette().window());
        else painter.drawImage(node.box, image);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(node.box);
    }

    // Each column's name over it, and how many of its units it shows when not all.
    painter.setPen(palette().text().color());
    const QFontMetrics metrics(font());
    for (size_t c = 0; c < layout_.columns.size(); ++c) {
        double top = height(), bottom = 0, centre = 0;
        for (const DiagramNode& node : layout_.nodes) {
            if (node.column != static_cast<int>(c)) continue;
            top = std::min(top, node.box.top());
            bottom = std::max(bottom, node.box.bottom());
            centre = node.box.center().x();
        }
        // A little narrower than a column, so that neighbouring names never touch.
        const double width = 0.92 * this->width() / static_cast<double>(layout_.columns.size());
        if (c < static_cast<size_t>(columnNames_.size()))
            painter.drawText(QRectF(centre - width / 2, top - 2 * metrics.height() - 4, width,
                                    2 * metrics.height()),
                             Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap,
                             columnNames_[static_cast<int>(c)]);
        const DiagramColumn& column = layout_.columns[c];
        if (static_cast<int64_t>(column.shown.size()) < column.units)
            painter.drawText(
                QRectF(centre - width * 0.42, bottom + 2, width * 0.84, 2 * metrics.height()),
                Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                tr("%1 of %2 units").arg(column.shown.size()).arg(column.units));
    }
}

void DiagramCanvas::resizeEvent(QResizeEvent* event) {
    relayOut();
    QWidget::resizeEvent(event);
}

void DiagramCanvas::mousePressEvent(QMouseEvent* event) {
    const QPointF at = event->position();
    if (const DiagramNode* node = nodeAt(at)) chooseNode(node->column, node->unit);
    else if (const DiagramLink* link = linkAt(at)) chooseLink(link->matrix, link->index);
    QWidget::mousePressEvent(event);
}

bool DiagramCanvas::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip && describe_) {
        const QPointF at = static_cast<QHelpEvent*>(event)->pos();
        const DiagramNode* node = nodeAt(at);
        const DiagramLink* link = node ? nullptr : linkAt(at);
        if (node || link)
            QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(), describe_(node, link),
                               this);
        else QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

}  // namespace koto::gui
