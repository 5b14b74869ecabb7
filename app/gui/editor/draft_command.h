#pragma once
// One edit of the network: the draft before and after it. Every edit the document offers (add,
// remove, connect, disconnect, move, change a parameter, paste, apply a template, lay out, take
// the layer list's network) is one of these; undo puts the draft back exactly as it was. Successive
// moves of one drag, and successive changes of one parameter of one node, merge into one undo step.

#include <QUndoCommand>

#include "editor/network_draft.h"

namespace koto::gui {

class NetworkDocument;

class DraftCommand : public QUndoCommand {
public:
    enum Kind {
        Add,
        Remove,
        Connect,
        Disconnect,
        Move,
        ChangeParameter,
        Paste,
        ApplyTemplate,
        LayOut,
        Replace
    };

    // mergeKey: edits of the same kind and the same non-empty key merge ("dense_1/units", a drag's
    // number).
    DraftCommand(NetworkDocument& document, Kind kind, const QString& text, NetworkDraft before,
                 NetworkDraft after, QString mergeKey = {});

    void undo() override;
    void redo() override;
    int id() const override { return mergeKey_.isEmpty() ? -1 : kind_; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    NetworkDocument& document_;
    Kind kind_;
    NetworkDraft before_;
    NetworkDraft after_;
    QString mergeKey_;
};

}  // namespace koto::gui
