#include "io/editor_draft.h"

#include <cmath>
#include <set>

#include "io/network_spec_json.h"
#include "network/layer_registry.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

// More nodes than a learner places by hand; a file naming more is not a draft.
constexpr size_t kMaxDraftNodes = 10000;

nlohmann::json positionJson(std::pair<double, double> position) {
    return {position.first, position.second};
}

std::pair<double, double> positionFrom(const nlohmann::json& json, const std::string& what) {
    const auto position = json.get<std::vector<double>>();
    if (position.size() != 2 || !std::isfinite(position[0]) || !std::isfinite(position[1]))
        throw InputError("the draft's " + what + " position must be two finite numbers");
    return {position[0], position[1]};
}

}  // namespace

nlohmann::json toJson(const EditorDraft& draft) {
    NetworkSpec nodes;
    nodes.loss = draft.loss;
    nodes.layers = draft.nodes;
    nlohmann::json links = nlohmann::json::array();
    for (const auto& [from, to] : draft.links) links.push_back({from, to});
    return {{"nodes", toJson(nodes)},
            {"links", links},
            {"input_position", positionJson(draft.inputPosition)},
            {"output_position", positionJson(draft.outputPosition)}};
}

EditorDraft editorDraftFromJson(const nlohmann::json& json) {
    try {
        if (!json.is_object()) throw InputError("the draft is not a JSON object");
        EditorDraft draft;
        const NetworkSpec nodes = networkSpecFromJson(json.at("nodes"));
        if (nodes.layers.size() > kMaxDraftNodes)
            throw InputError("the draft has " + std::to_string(nodes.layers.size()) +
                             " nodes, more than " + std::to_string(kMaxDraftNodes));
        draft.loss = nodes.loss;
        draft.nodes = nodes.layers;
        std::set<std::string> names;
        for (const LayerSpec& node : draft.nodes) {
            if (node.name.empty() || node.name == kDraftInputName || node.name == kDraftOutputName)
                throw InputError("the draft cannot be built: a node has the name " +
                                 inQuotes(node.name) +
                                 ", which is empty or belongs to the input or the output");
            if (!names.insert(node.name).second)
                throw InputError("the draft cannot be built: two nodes are named " + node.name);
            if (!findLayerType(node.type))
                throw InputError("the draft cannot be built: " + node.name +
                                 " has the layer type " + inQuotes(node.type) +
                                 ", which this version does not know");
            if (node.position &&
                (!std::isfinite(node.position->first) || !std::isfinite(node.position->second)))
                throw InputError("the draft's position of " + node.name +
                                 " must be two finite numbers");
        }
        std::set<std::string> fed;
        for (const auto& link : json.at("links")) {
            const auto pair = link.get<std::vector<std::string>>();
            if (pair.size() != 2) throw InputError("a link of the draft must name two nodes");
            const std::string& from = pair[0];
            const std::string& to = pair[1];
            if (from != kDraftInputName && !names.count(from))
                throw InputError("the draft cannot be built: a link comes from " + from +
                                 ", which is not there");
            if (to != kDraftOutputName && !names.count(to))
                throw InputError("the draft cannot be built: a link goes to " + to +
                                 ", which is not there");
            if (!draft.links.emplace(from, to).second)
                throw InputError("the draft cannot be built: " + from + " feeds two nodes");
            if (!fed.insert(to).second)
                throw InputError("the draft cannot be built: " + to + " is fed by two nodes");
        }
        // Each node feeds at most one: a loop is a walk along the links that comes back. Walks
        // that reached an end need not be walked again.
        std::set<std::string> ending;
        for (const auto& link : draft.links) {
            std::set<std::string> walked;
            for (auto at = draft.links.find(link.first);
                 at != draft.links.end() && !ending.count(at->first);
                 at = draft.links.find(at->second))
                if (!walked.insert(at->first).second)
                    throw InputError("the draft cannot be built: its links make a loop through " +
                                     at->first);
            ending.insert(walked.begin(), walked.end());
        }
        draft.inputPosition = positionFrom(json.at("input_position"), "input");
        draft.outputPosition = positionFrom(json.at("output_position"), "output");
        return draft;
    } catch (const nlohmann::json::exception& error) {
        throw InputError(std::string("the draft is incomplete or has wrong types (") +
                         error.what() + ")");
    }
}

std::vector<std::string> draftChain(const EditorDraft& draft) {
    std::vector<std::string> chain;
    std::set<std::string> seen;  // a draft read from a file has no loop; one made in code might
    for (auto link = draft.links.find(kDraftInputName);
         link != draft.links.end() && link->second != kDraftOutputName &&
         seen.insert(link->second).second;
         link = draft.links.find(link->second))
        chain.push_back(link->second);
    return chain;
}

}  // namespace koto
