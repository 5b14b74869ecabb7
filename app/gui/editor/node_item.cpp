#include "editor/node_item.h"

#include <QFontMetrics>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <algorithm>

#include "editor/network_scene.h"

namespace koto::gui {
namespace {
const QColor kErrorColour(0xc6, 0x28, 0x28);
const QColor kShapeColour(0x0b, 0x4f, 0x8a);
}  // namespace

NodeItem::NodeItem(NetworkScene& scene, std::string name, bool hasInput, bool hasOutput,
                   QColor colour)
    : scene_(scene), name_(std::move(name)), hasInput_(hasInput), hasOutput_(hasOutput),
      colour_(colour) {
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setZValue(1);  // above the edges
}

void NodeItem::setContent(const QString& title, const QString& layerName, const QString& detail,
                          const QString& shape, const QString& error, const QString& description) {
    if (title == title_ && layerName == layerName_ && detail == detail_ && shape == shape_ &&
        error == error_)
        return;
    title_ = title;
    layerName_ = layerName;
    detail_ = detail;
    shape_ = shape;
    error_ = error;
    setToolTip(error.isEmpty() ? description : error);
    update();
}

bool NodeItem::onOutputPort(QPointF scenePoint) const {
    return hasOutput_ && QLineF(scenePoint, outputPort()).length() <= kPortRadius + 5;
}

QRectF NodeItem::boundingRect() const {
    const double r = kPortRadius + 1;
    return QRectF(-2, -r, kWidth + 4, kHeight + 2 * r);
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card(0, 0, kWidth, kHeight);
    const bool bad = !error_.isEmpty();
    QPen border(bad ? kErrorColour : QColor(0x9e, 0x9e, 0x9e), bad ? 2.0 : 1.0);
    if (isSelected()) border = QPen(QColor(0x19, 0x76, 0xd2), 3.0);
    painter->setPen(border);
    painter->setBrush(bad ? QColor(0xfd, 0xec, 0xea) : Qt::white);
    painter->drawRoundedRect(card, 8, 8);
    // The group's colour as a band on the left.
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour_);
    painter->drawRoundedRect(QRectF(1, 1, 9, kHeight - 2), 4, 4);

    const double left = 18, width = kWidth - left - 8;
    QFont font = painter->font();
    font.setPointSizeF(8.5);
    QFont bold = font;
    bold.setPointSizeF(9.5);
    bold.setBold(true);
    // The title in bold, and the layer's name on the right of its row in grey; when both do not
    // fit, the title keeps at least 60 % of the row.
    painter->setFont(bold);
    const double titleNeeds = painter->fontMetrics().horizontalAdvance(title_);
    painter->setFont(font);
    const double nameNeeds = painter->fontMetrics().horizontalAdvance(layerName_);
    const double gap = layerName_.isEmpty() ? 0 : 8;
    const double titleWidth = titleNeeds + gap + nameNeeds <= width
                                  ? titleNeeds
                                  : std::max(width - gap - nameNeeds, 0.6 * width);
    const double nameWidth = std::max(0.0, width - titleWidth - gap);
    painter->setPen(QColor(0x75, 0x75, 0x75));
    painter->drawText(
        QRectF(left + width - nameWidth, 4, nameWidth, 19), Qt::AlignRight | Qt::AlignVCenter,
        painter->fontMetrics().elidedText(layerName_, Qt::ElideRight, static_cast<int>(nameWidth)));
    painter->setFont(bold);
    painter->setPen(Qt::black);
    painter->drawText(QRectF(left, 4, titleWidth + 1, 19), Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(title_, Qt::ElideRight,
                                                        static_cast<int>(titleWidth + 1)));
    painter->setFont(font);
    const QFontMetrics metrics = painter->fontMetrics();
    painter->setPen(QColor(0x42, 0x42, 0x42));
    painter->drawText(QRectF(left, 23, width, 18), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(detail_, Qt::ElideRight, static_cast<int>(width)));
    painter->setPen(bad ? kErrorColour : kShapeColour);
    const QString last = bad ? QStringLiteral("⚠ ") + error_ : shape_;
    painter->drawText(QRectF(left, 42, width, 18), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(last, Qt::ElideRight, static_cast<int>(width)));

    painter->setPen(QPen(QColor(0x61, 0x61, 0x61), 1.2));
    painter->setBrush(QColor(0xee, 0xee, 0xee));
    if (hasInput_) painter->drawEllipse(QPointF(kWidth / 2, 0), kPortRadius - 1, kPortRadius - 1);
    painter->setBrush(colour_);
    if (hasOutput_)
        painter->drawEllipse(QPointF(kWidth / 2, kHeight), kPortRadius - 1, kPortRadius - 1);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionHasChanged) scene_.nodeMoved();
    return QGraphicsItem::itemChange(change, value);
}

}  // namespace koto::gui
