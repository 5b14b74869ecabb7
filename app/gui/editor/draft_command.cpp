#include "editor/draft_command.h"

#include "editor/network_document.h"

namespace koto::gui {

DraftCommand::DraftCommand(NetworkDocument& document, Kind kind, const QString& text,
                           NetworkDraft before, NetworkDraft after, QString mergeKey)
    : QUndoCommand(text), document_(document), kind_(kind), before_(std::move(before)),
      after_(std::move(after)), mergeKey_(std::move(mergeKey)) {}

void DraftCommand::undo() { document_.replaceDraft(before_); }

void DraftCommand::redo() { document_.replaceDraft(after_); }

bool DraftCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const DraftCommand*>(other);  // same id(), so a DraftCommand
    if (next->kind_ != kind_ || next->mergeKey_ != mergeKey_) return false;
    after_ = next->after_;
    // A parameter changed and changed back is no edit at all: the step leaves the stack.
    setObsolete(after_ == before_);
    return true;
}

}  // namespace koto::gui
