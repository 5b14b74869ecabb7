#pragma once
// The network on the editor's canvas while the learner builds it. Core trains a NetworkSpec: one
// chain input -> layer -> ... -> layer -> output. While editing, a layer may stand apart or a chain
// may be broken in two, so the draft keeps every node and the links between them explicitly; it
// is a network core can train only when one chain runs from the input through every node to the
// output (DraftCheck says so, or why not). Plain data, no Qt: the undo commands copy it.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "io/editor_draft.h"
#include "network/network_spec.h"

namespace koto::gui {

// The two fixed ends of every draft, named as a project file names them (io/editor_draft.h).
inline const std::string kInputNode = kDraftInputName;
inline const std::string kOutputNode = kDraftOutputName;

struct NetworkDraft {
    std::vector<LayerSpec> nodes;              // every layer on the canvas, with its position
    std::map<std::string, std::string> links;  // from -> to: each node feeds at most one node
    LossKind loss = LossKind::CrossEntropy;    // what the output node computes
    std::pair<double, double> inputPosition{0, 0};
    std::pair<double, double> outputPosition{0, 0};

    bool operator==(const NetworkDraft&) const = default;

    const LayerSpec* node(const std::string& name) const;
    LayerSpec* node(const std::string& name);
    // The node linked into `name`, or "" when none is.
    std::string source(const std::string& name) const;
    // The names from the input along the links, input and output left out; stops at a node that
    // feeds nothing (or at the output).
    std::vector<std::string> chainFromInput() const;
    // Whether following links from `from` reaches `to`.
    bool reaches(const std::string& from, const std::string& to) const;
    // "type_k" with the smallest k that no node uses yet.
    std::string freeName(const std::string& type) const;
};

// The whole spec as one chain, its nodes where the spec puts them (laid out if it does not).
NetworkDraft draftFromSpec(const NetworkSpec& spec);

// The draft as a project file keeps it, and back (nodes a file left without a position are laid
// out).
EditorDraft savedDraft(const NetworkDraft& draft);
NetworkDraft draftFromSaved(const EditorDraft& saved);

// Places the nodes top to bottom: the input, the chain from it and the output in the first
// columns (of at most kMaxRows nodes), every other chain (or lone node) in a column of its own to
// the right.
void layOut(NetworkDraft& draft);

// Vertical distance between two nodes of a column, and horizontal between columns.
constexpr double kRowSpacing = 96;
constexpr double kColumnSpacing = 300;
constexpr size_t kMaxRows = 6;

}  // namespace koto::gui
