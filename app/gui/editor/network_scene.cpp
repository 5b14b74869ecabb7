#include "editor/network_scene.h"

#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>

#include "editor/edge_item.h"
#include "editor/layer_catalog.h"
#include "editor/node_item.h"
#include "look/ui_text.h"

namespace koto::gui {

NetworkScene::NetworkScene(NetworkDocument& document, QObject* parent)
    : QGraphicsScene(parent), document_(document) {
    connect(&document_, &NetworkDocument::changed, this, &NetworkScene::sync);
    sync();
}

NetworkScene::~NetworkScene() {
    blockSignals(true);
    clear();
}

NodeItem* NetworkScene::node(const std::string& name) const {
    const auto found = nodes_.find(name);
    return found == nodes_.end() ? nullptr : found->second;
}

EdgeItem* NetworkScene::edgeFrom(const std::string& from) const {
    for (EdgeItem* edge : edges_)
        if (edge->from() == from) return edge;
    return nullptr;
}

std::vector<std::string> NetworkScene::selectedNodeNames() const {
    std::vector<std::string> names;
    for (const LayerSpec& layer : document_.draft().nodes)  // in the draft's order
        if (nodes_.count(layer.name) && nodes_.at(layer.name)->isSelected())
            names.push_back(layer.name);
    return names;
}

std::vector<std::string> NetworkScene::selectedLinkSources() const {
    std::vector<std::string> sources;
    for (EdgeItem* edge : edges_)
        if (edge->isSelected()) sources.push_back(edge->from());
    return sources;
}

void NetworkScene::selectNodes(const std::vector<std::string>& names) {
    clearSelection();
    for (const std::string& name : names)
        if (NodeItem* item = node(name)) item->setSelected(true);
}

std::string NetworkScene::linkAt(QPointF scenePoint) const {
    for (QGraphicsItem* item : items(QRectF(scenePoint - QPointF(8, 8), QSizeF(16, 16))))
        if (auto* edge = dynamic_cast<EdgeItem*>(item)) return edge->from();
    return {};
}

void NetworkScene::sync() {
    const NetworkDraft& draft = document_.draft();
    const DraftCheck& check = document_.check();
    const auto errorOf = [&](const std::string& name) {
        const auto found = check.errors.find(name);
        return found == check.errors.end() ? QString() : found->second;
    };
    const auto shapeOf = [&](const std::string& name) {
        const auto found = check.shapes.find(name);
        return found == check.shapes.end() ? QStringLiteral("N x ?")
                                           : batchShapeText(found->second);
    };
    syncing_ = true;
    std::map<std::string, NodeItem*> kept;
    auto place = [&](const std::string& name, bool hasInput, bool hasOutput, QColor colour,
                     std::pair<double, double> at) {
        NodeItem* item = node(name);
        if (!item) {
            item = new NodeItem(*this, name, hasInput, hasOutput, colour);
            addItem(item);
        }
        if (item->pos() != QPointF(at.first, at.second)) item->setPos(at.first, at.second);
        kept[name] = item;
        return item;
    };
    const QColor endColour(0x45, 0x5a, 0x64);
    place(kInputNode, false, true, endColour, draft.inputPosition)
        ->setContent(tr("Input X"), QString(), tr("one sample a row"), shapeOf(kInputNode),
                     errorOf(kInputNode), tr("The data go in here: a mini-batch of N samples"));
    const std::string last = draft.source(kOutputNode);
    place(kOutputNode, true, false, LayerCatalog::colour(LayerGroup::LossesOutputs),
          draft.outputPosition)
        ->setContent(tr("Output and loss"), QString(), tr("loss: %1").arg(lossTitle(draft.loss)),
                     last.empty() ? QStringLiteral("N x ?") : shapeOf(last), errorOf(kOutputNode),
                     tr("The network's answer Y, compared with the targets T by the loss J"));
    for (const LayerSpec& layer : draft.nodes) {
        NodeItem* item =
            place(layer.name, true, true, LayerCatalog::colour(LayerCatalog::groupOf(layer.type)),
                  layer.position.value_or(std::pair{0.0, 0.0}));
        item->setContent(LayerCatalog::typeTitle(layer.type), QString::fromStdString(layer.name),
                         LayerCatalog::keyParameters(layer), shapeOf(layer.name),
                         errorOf(layer.name), LayerCatalog::typeTitle(layer.type));
    }
    for (auto& [name, item] : nodes_)
        if (!kept.count(name)) delete item;
    nodes_ = kept;

    for (EdgeItem* edge : edges_) delete edge;
    edges_.clear();
    for (const auto& [from, to] : draft.links) {
        if (!node(from) || !node(to)) continue;
        auto* edge = new EdgeItem(from, to);
        addItem(edge);
        const auto shape = check.shapes.find(from);
        edge->setContent(shape == check.shapes.end() ? QString() : batchShapeText(shape->second),
                         errorOf(to));
        edges_.push_back(edge);
    }
    placeEdges();
    for (auto& [name, item] : nodes_) item->setFlag(QGraphicsItem::ItemIsMovable, true);
    syncing_ = false;
}

void NetworkScene::placeEdges() {
    for (EdgeItem* edge : edges_)
        edge->setEnds(node(edge->from())->outputPort(), node(edge->to())->inputPort());
}

void NetworkScene::nodeMoved() {
    if (!syncing_) placeEdges();
}

NodeItem* NetworkScene::nodeAt(QPointF scenePoint) const {
    for (QGraphicsItem* item : items(scenePoint))
        if (auto* found = dynamic_cast<NodeItem*>(item)) return found;
    return nullptr;
}

void NetworkScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        for (auto& [name, item] : nodes_) {
            if (!item->onOutputPort(event->scenePos())) continue;
            pendingFrom_ = name;
            pending_ = addLine(QLineF(item->outputPort(), event->scenePos()),
                               QPen(QColor(0x19, 0x76, 0xd2), 2, Qt::DashLine));
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    dragging_ = event->button() == Qt::LeftButton && dynamic_cast<NodeItem*>(mouseGrabberItem());
    if (dragging_) ++dragId_;
}

void NetworkScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    if (pending_) {
        pending_->setLine(QLineF(pending_->line().p1(), event->scenePos()));
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
    if (!dragging_) return;
    // Every move of one drag goes to the document now, merged into one undo step.
    std::map<std::string, QPointF> positions;
    for (auto& [name, item] : nodes_)
        if (item->isSelected()) positions[name] = item->pos();
    if (!positions.empty()) document_.moveNodes(positions, dragId_);
}

void NetworkScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    if (pending_) {
        delete pending_;
        pending_ = nullptr;
        const std::string from = std::exchange(pendingFrom_, {});
        NodeItem* target = nodeAt(event->scenePos());
        if (target && target->name() != from)
            emit message(document_.connectNodes(from, target->name()));
        return;
    }
    dragging_ = false;
    QGraphicsScene::mouseReleaseEvent(event);
}

}  // namespace koto::gui
