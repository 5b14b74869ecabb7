#pragma once
// The network being edited: the draft (nodes, links, node positions), the undo history of its
// edits, and the check that runs after every edit (shapes, per-node errors, the trainable spec).
// Views redraw from changed(); the history's clean state is the window's modified mark.
// While training runs the structure is locked: adding, removing, connecting, pasting and
// templates are refused (moves and parameters are not; a parameter change starts a new run).

#include <QObject>
#include <QPointF>
#include <QUndoStack>
#include <optional>

#include "editor/draft_check.h"
#include "editor/network_draft.h"
#include "network/templates.h"

namespace koto::gui {

class NetworkDocument : public QObject {
    Q_OBJECT
public:
    explicit NetworkDocument(QObject* parent = nullptr);
    // The history empties itself when destroyed: nobody listening may hear of that.
    ~NetworkDocument() override { undo_.disconnect(); }

    const NetworkDraft& draft() const { return draft_; }
    const DraftCheck& check() const { return check_; }
    QUndoStack& undoStack() { return undo_; }
    // The network core trains (the chain, with node positions), when the draft is one.
    const std::optional<NetworkSpec>& network() const { return check_.network; }

    // The data the network is for (input shape, outputs). Not an edit: the data panel chooses it.
    void setData(const DataShape& data);
    const DataShape& data() const { return data_; }

    // Replaces the whole network (opening a file, a lesson): no undo step, history emptied, clean.
    void load(const NetworkSpec& spec);
    // The same for unfinished work as a project file kept it.
    void load(const NetworkDraft& draft);

    void setStructureLocked(bool locked);
    bool structureLocked() const { return locked_; }

    // Edits, each one undo step. A refused edit changes nothing and returns why (else "").
    // Adds a layer at position; into a link when intoLinkFrom names the node whose link it splits.
    QString addLayer(LayerSpec layer, QPointF position, const std::string& intoLinkFrom = {},
                     std::string* name = nullptr);
    // Adds a layer at the end of the chain, the nodes after it moving down to make room: before
    // the output layer (the chain's last dense layer), or, for an output layer, just before the
    // output. Beside the network when nothing reaches the output.
    QString appendLayer(LayerSpec layer, bool outputLayer = false, std::string* name = nullptr);
    QString removeNodes(const std::vector<std::string>& names);  // the two ends cannot be removed
    QString connectNodes(const std::string& from, const std::string& to);
    QString disconnectNodes(const std::string& from);
    // Node name (or kInputNode / kOutputNode) -> new position. Moves with the same dragId merge.
    void moveNodes(const std::map<std::string, QPointF>& positions, int dragId);
    void setParameter(const std::string& node, const std::string& key, const LayerParameter& value);
    void setLoss(LossKind loss);
    // The nodes and the links among them, for the clipboard.
    NetworkDraft copy(const std::vector<std::string>& names) const;
    // Adds the clip's nodes under fresh names, moved by offset; returns their names.
    QString paste(const NetworkDraft& clip, QPointF offset,
                  std::vector<std::string>* names = nullptr);
    QString applyTemplate(const Template& networkTemplate);
    // The network as another view edited it (the layer list): nodes that keep their name and
    // type keep their place.
    void adoptNetwork(const NetworkSpec& spec, const QString& text);
    // Makes the last layer and the loss fit the data: K softmax units with cross-entropy for K
    // classes, linear units with squared error for regression (binary cross-entropy's one sigmoid
    // unit stays). One undo step, or none when they fit.
    void fitOutputToData();
    void layOutNodes();

    // Sets the draft as it is (the undo commands use this).
    void replaceDraft(const NetworkDraft& draft);

signals:
    void changed();

private:
    QString lockedReason() const;
    void push(int kind, const QString& text, NetworkDraft after, const QString& mergeKey = {});

    NetworkDraft draft_;
    DataShape data_;
    DraftCheck check_;
    QUndoStack undo_;
    bool locked_ = false;
};

}  // namespace koto::gui
