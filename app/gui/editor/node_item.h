#pragma once
// One node of the canvas: a layer (or the network's input or output) as a card with its type,
// key parameters and output shape, an input port on top and an output port below. A node that
// cannot work is drawn red with the reason underneath and in its tooltip.

#include <QGraphicsItem>
#include <QString>

namespace koto::gui {

class NetworkScene;

class NodeItem : public QGraphicsItem {
public:
    static constexpr double kWidth = 230;
    static constexpr double kHeight = 66;
    static constexpr double kPortRadius = 7;

    NodeItem(NetworkScene& scene, std::string name, bool hasInput, bool hasOutput, QColor colour);

    const std::string& name() const { return name_; }
    // What the card says: the title in bold with the layer's name beside it, a line of detail,
    // and the output shape, or the error instead when there is one.
    void setContent(const QString& title, const QString& layerName, const QString& detail,
                    const QString& shape, const QString& error, const QString& description);
    const QString& shapeText() const { return shape_; }
    const QString& errorText() const { return error_; }

    QPointF inputPort() const { return pos() + QPointF(kWidth / 2, 0); }
    QPointF outputPort() const { return pos() + QPointF(kWidth / 2, kHeight); }
    // Whether a scene point is on this node's output port (where a connection starts).
    bool onOutputPort(QPointF scenePoint) const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    NetworkScene& scene_;
    std::string name_;
    bool hasInput_, hasOutput_;
    QColor colour_;
    QString title_, layerName_, detail_, shape_, error_;
};

}  // namespace koto::gui
