#pragma once
// The network editor's work as it stands, saved in a .koto project beside the network core
// trains: while the learner builds, a layer may stand apart or a chain may be broken, and such a
// draft cannot be a NetworkSpec, yet Save and the autosave must keep it. A project holds one only
// while the editor's network cannot train; its "network" stays the last network that could.
//
// "draft": {"nodes": <a network object (network_spec_json.h) with no input shape (the data give
//                     it) whose layers are the nodes, in no particular order, each with its
//                     "position"; its loss is the output's>,
//           "links": [["(input)", "dense_1"], ["dense_1", "(output)"], ...],
//           "input_position": [x, y], "output_position": [x, y]}
//
// A link goes from a node (or the input) to the one it feeds (or the output). Each node feeds at
// most one node and takes its input from at most one: the network is one chain when finished.

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <utility>
#include <vector>

#include "network/network_spec.h"

namespace koto {

// The two fixed ends of every draft, named so that they never clash with a layer's "type_k" name.
inline constexpr const char* kDraftInputName = "(input)";
inline constexpr const char* kDraftOutputName = "(output)";

struct EditorDraft {
    std::vector<LayerSpec> nodes;              // every layer on the canvas, with its position
    std::map<std::string, std::string> links;  // from -> to
    LossKind loss = LossKind::CrossEntropy;    // what the output computes
    std::pair<double, double> inputPosition{0, 0};
    std::pair<double, double> outputPosition{0, 0};

    bool operator==(const EditorDraft&) const = default;
};

nlohmann::json toJson(const EditorDraft& draft);
// Throws InputError for a draft that cannot be shown: wrong types, a layer type this version does
// not know, two nodes of one name, a link to a node that is not there, a node fed twice, a loop.
// Parameters are not checked: a draft may hold a layer the learner has not finished setting up.
EditorDraft editorDraftFromJson(const nlohmann::json& json);

// The layers from the input along the links, as far as they go (the output left out).
std::vector<std::string> draftChain(const EditorDraft& draft);

}  // namespace koto
