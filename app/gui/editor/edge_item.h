#pragma once
// A link on the canvas: a curve from one node's output port to the next node's input port,
// labelled with the shape of the tensor that flows along it; red when the node it feeds cannot
// take that shape (the reason in its tooltip). Select it and press Delete to disconnect.

#include <QGraphicsPathItem>

namespace koto::gui {

class EdgeItem : public QGraphicsPathItem {
public:
    EdgeItem(std::string from, std::string to);

    const std::string& from() const { return from_; }
    const std::string& to() const { return to_; }
    void setEnds(QPointF start, QPointF end);
    void setContent(const QString& shape, const QString& error);
    const QString& shapeText() const { return shape_; }
    const QString& errorText() const { return error_; }

    QPainterPath shape() const override;
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    std::string from_, to_;
    QString shape_, error_;
    QPointF labelAt_;
};

}  // namespace koto::gui
