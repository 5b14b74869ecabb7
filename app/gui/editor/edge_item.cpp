#include "editor/edge_item.h"

#include <QPainter>
#include <QPainterPathStroker>

#include "look/presentation.h"

namespace koto::gui {
namespace {
const QColor kErrorColour(0xc6, 0x28, 0x28);
constexpr double kLabelWidth = 150;
}  // namespace

EdgeItem::EdgeItem(std::string from, std::string to) : from_(std::move(from)), to_(std::move(to)) {
    setFlag(ItemIsSelectable);
    setZValue(0);
}

void EdgeItem::setEnds(QPointF start, QPointF end) {
    QPainterPath path(start);
    constexpr double kClearance = 18;  // how far a link runs straight out of a port and into one
    if (end.y() - start.y() >= 2 * kClearance) {
        const double bend = std::max(30.0, (end.y() - start.y()) / 2);
        path.cubicTo(start + QPointF(0, bend), end - QPointF(0, bend), end);
        labelAt_ = path.pointAtPercent(0.5) + QPointF(8, 0);
    } else {
        // Up to a node above (the next column of a long network): down out of the port, through
        // the gap halfway between the two, and down into the input port, behind no node.
        const double gapX = (start.x() + end.x()) / 2;
        path.lineTo(start.x(), start.y() + kClearance);
        path.lineTo(gapX, start.y() + kClearance);
        path.lineTo(gapX, end.y() - kClearance);
        path.lineTo(end.x(), end.y() - kClearance);
        path.lineTo(end);
        labelAt_ = QPointF(end.x() + 8, end.y() - kClearance);
    }
    prepareGeometryChange();
    setPath(path);
}

void EdgeItem::setContent(const QString& shape, const QString& error) {
    shape_ = shape;
    error_ = error;
    setToolTip(error.isEmpty() ? shape : error);
    update();
}

QPainterPath EdgeItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(12);  // easy to click
    return stroker.createStroke(path());
}

QRectF EdgeItem::boundingRect() const {
    return QGraphicsPathItem::boundingRect()
        .united(QRectF(labelAt_ - QPointF(0, 10), QSizeF(kLabelWidth, 20)))
        .adjusted(-8, -8, 8, 8);
}

void EdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const bool bad = !error_.isEmpty();
    QColor colour = bad ? kErrorColour : QColor(0x75, 0x75, 0x75);
    if (isSelected()) colour = QColor(0x19, 0x76, 0xd2);
    painter->setPen(QPen(colour, isSelected() ? 3.0 : 2.0));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
    // An arrow head at the input port.
    const QPointF end = path().pointAtPercent(1);
    painter->setBrush(colour);
    painter->setPen(Qt::NoPen);
    painter->drawPolygon(QPolygonF({end, end + QPointF(-5, -9), end + QPointF(5, -9)}));
    if (shape_.isEmpty()) return;
    QFont font = painter->font();
    font.setPointSizeF(8);
    painter->setFont(font);
    // The shape in blue: dark on the light canvas, light on the dark one.
    const QColor shapeColour =
        Presentation::instance().dark() ? QColor(0x8c, 0xc4, 0xff) : QColor(0x0b, 0x4f, 0x8a);
    painter->setPen(bad ? kErrorColour : shapeColour);
    painter->drawText(QRectF(labelAt_ - QPointF(0, 10), QSizeF(kLabelWidth, 20)),
                      Qt::AlignLeft | Qt::AlignVCenter, shape_);
}

}  // namespace koto::gui
