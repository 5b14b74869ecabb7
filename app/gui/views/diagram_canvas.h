#pragma once
// The network diagram itself: every node a small picture of what that unit outputs over the input
// plane (the inputs x1 and x2 are the plane's two directions), links red where a weight excites
// (w > 0) and blue where it inhibits (w < 0), as thick as |w| is large next to the largest drawn.
// A click on a node or a link chooses it (drawn outlined); hovering tells what it is.

#include <QImage>
#include <QPainterPath>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <memory>

#include "inspect/neuron_maps.h"
#include "views/diagram_layout.h"

namespace koto::gui {

class DiagramCanvas : public QWidget {
    Q_OBJECT
public:
    explicit DiagramCanvas(QWidget* parent = nullptr);

    // The weights drawn (their dense layers' W and b) and the units' outputs over a
    // gridSize x gridSize grid (null: grey nodes until they come).
    void setWeights(std::shared_ptr<const NetworkWeights> weights);
    void setMaps(std::shared_ptr<const NeuronMaps> maps, int gridSize);
    // Over each column: what the curriculum calls it ("X", "Z1 (tanh)", "Y (softmax)").
    void setColumnNames(const QStringList& names);
    // What a node or a link is, for hovering (the view knows the names).
    void setDescriber(std::function<QString(const DiagramNode*, const DiagramLink*)> describe);

    const DiagramLayout& layout() const { return layout_; }
    const NetworkWeights* weights() const { return weights_.get(); }
    const NeuronMaps* maps() const { return maps_.get(); }
    int gridSize() const { return gridSize_; }
    // The picture of what a node's unit outputs over the plane (top row: x2 = 6), null if none.
    QImage unitImage(const DiagramNode& node) const;
    // A link's colour and pen width: red or blue by sign, stronger and wider with |w|.
    QColor linkColour(const DiagramLink& link) const;
    double linkWidth(const DiagramLink& link) const;

    // The chosen node (column, unit) or link (matrix, element); -1 for none.
    void chooseNode(int column, int64_t unit);
    void chooseLink(size_t matrix, int64_t index);
    const DiagramNode* chosenNode() const;
    const DiagramLink* chosenLink() const;
    // The node or link at a point of the widget, or null.
    const DiagramNode* nodeAt(QPointF at) const;
    const DiagramLink* linkAt(QPointF at) const;

signals:
    void chosen();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    void relayOut();
    QPainterPath linkPath(const DiagramLink& link) const;

    std::shared_ptr<const NetworkWeights> weights_;
    std::shared_ptr<const NeuronMaps> maps_;
    int gridSize_ = 0;
    QStringList columnNames_;
    std::function<QString(const DiagramNode*, const DiagramLink*)> describe_;
    DiagramLayout layout_;
    // What is chosen, by what it is rather than by place, so that it stays chosen as the layout
    // changes: a node's (column, unit), or a link's (matrix, element).
    int chosenColumn_ = -1;
    int64_t chosenUnit_ = 0;
    size_t chosenMatrix_ = 0;
    int64_t chosenElement_ = -1;
};

}  // namespace koto::gui
