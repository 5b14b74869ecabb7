#pragma once
// The canvas' contents, redrawn from the document after every edit: a NodeItem per layer plus the
// input and the output, an EdgeItem per link. Dragging a node moves it (one undo step per drag);
// dragging from a node's output port to another node connects them, and a refused connection
// says why through message().

#include <QGraphicsScene>
#include <map>

#include "editor/network_document.h"

class QGraphicsLineItem;

namespace koto::gui {

class EdgeItem;
class NodeItem;

class NetworkScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit NetworkScene(NetworkDocument& document, QObject* parent = nullptr);
    // Removing the items changes the selection: nobody may hear of it while the scene goes.
    ~NetworkScene() override;

    NetworkDocument& document() const { return document_; }
    NodeItem* node(const std::string& name) const;
    const std::vector<EdgeItem*>& edges() const { return edges_; }
    EdgeItem* edgeFrom(const std::string& from) const;
    std::vector<std::string> selectedNodeNames() const;  // layers only, not the two ends
    std::vector<std::string> selectedLinkSources() const;
    void selectNodes(const std::vector<std::string>& names);
    // The link under a scene point (the node it starts from), "" when none: a drop there inserts.
    std::string linkAt(QPointF scenePoint) const;

    // Called by a node whose position changed: the edges follow.
    void nodeMoved();

signals:
    // A refused edit's reason, or "" once an edit went through.
    void message(const QString& text);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void sync();
    void placeEdges();
    NodeItem* nodeAt(QPointF scenePoint) const;

    NetworkDocument& document_;
    std::map<std::string, NodeItem*> nodes_;
    std::vector<EdgeItem*> edges_;
    QGraphicsLineItem* pending_ = nullptr;  // the line of a connection being dragged
    std::string pendingFrom_;
    bool dragging_ = false;
    int dragId_ = 0;
    bool syncing_ = false;
};

}  // namespace koto::gui
