#include "editor/network_draft.h"

#include <set>

namespace koto::gui {

const LayerSpec* NetworkDraft::node(const std::string& name) const {
    for (const LayerSpec& layer : nodes)
        if (layer.name == name) return &layer;
    return nullptr;
}

LayerSpec* NetworkDraft::node(const std::string& name) {
    for (LayerSpec& layer : nodes)
        if (layer.name == name) return &layer;
    return nullptr;
}

std::string NetworkDraft::source(const std::string& name) const {
    for (const auto& [from, to] : links)
        if (to == name) return from;
    return {};
}

std::vector<std::string> NetworkDraft::chainFromInput() const {
    std::vector<std::string> chain;
    std::set<std::string> seen;  // links cannot make a loop, but a draft from elsewhere might
    for (auto link = links.find(kInputNode); link != links.end() && link->second != kOutputNode;
         link = links.find(link->second)) {
        if (!seen.insert(link->second).second) break;
        chain.push_back(link->second);
    }
    return chain;
}

bool NetworkDraft::reaches(const std::string& from, const std::string& to) const {
    std::set<std::string> seen;
    for (std::string at = from; seen.insert(at).second;) {
        if (at == to) return true;
        const auto link = links.find(at);
        if (link == links.end()) return false;
        at = link->second;
    }
    return false;
}

std::string NetworkDraft::freeName(const std::string& type) const {
    for (int k = 1;; ++k) {
        std::string candidate = type + "_" + std::to_string(k);
        if (!node(candidate)) return candidate;
    }
}

NetworkDraft draftFromSpec(const NetworkSpec& spec) {
    NetworkDraft draft;
    draft.loss = spec.loss;
    draft.nodes = spec.layers;
    NetworkSpec named = spec;
    assignLayerNames(named);
    for (size_t i = 0; i < named.layers.size(); ++i) draft.nodes[i].name = named.layers[i].name;
    std::string previous = kInputNode;
    for (const LayerSpec& layer : draft.nodes) {
        draft.links[previous] = layer.name;
        previous = layer.name;
    }
    draft.links[previous] = kOutputNode;
    bool placed = true;
    for (const LayerSpec& layer : draft.nodes) placed = placed && layer.position.has_value();
    if (placed && !draft.nodes.empty()) {
        // Input above the first node and output below the last, where the learner left them.
        const auto [firstX, firstY] = *draft.nodes.front().position;
        const auto [lastX, lastY] = *draft.nodes.back().position;
        draft.inputPosition = {firstX, firstY - kRowSpacing};
        draft.outputPosition = {lastX, lastY + kRowSpacing};
    } else {
        layOut(draft);
    }
    return draft;
}

EditorDraft savedDraft(const NetworkDraft& draft) {
    return {draft.nodes, draft.links, draft.loss, draft.inputPosition, draft.outputPosition};
}

NetworkDraft draftFromSaved(const EditorDraft& saved) {
    NetworkDraft draft{saved.nodes, saved.links, saved.loss, saved.inputPosition,
                       saved.outputPosition};
    for (const LayerSpec& node : draft.nodes)
        if (!node.position) {
            layOut(draft);
            break;
        }
    return draft;
}

void layOut(NetworkDraft& draft) {
    auto place = [&](const std::string& name, double x, double y) {
        if (name == kInputNode) draft.inputPosition = {x, y};
        else if (name == kOutputNode) draft.outputPosition = {x, y};
        else draft.node(name)->position = std::pair{x, y};
    };
    // The input, the chain from it and the output, in columns of at most kMaxRows, as evenly
    // filled as they can be: a long network reads like a newspaper, top to bottom, left to right.
    std::vector<std::string> main{kInputNode};
    for (const std::string& name : draft.chainFromInput()) main.push_back(name);
    main.push_back(kOutputNode);
    const size_t columns = (main.size() + kMaxRows - 1) / kMaxRows;
    const size_t rows = (main.size() + columns - 1) / columns;
    std::set<std::string> placed;
    for (size_t i = 0; i < main.size(); ++i) {
        place(main[i], static_cast<double>(i / rows) * kColumnSpacing,
              static_cast<double>(i % rows) * kRowSpacing);
        placed.insert(main[i]);
    }
    double x = static_cast<double>(columns) * kColumnSpacing;
    // The rest, one column per chain, each column from its head (a node nothing feeds).
    auto placeColumn = [&](const std::string& head) {
        double y = 0;
        for (std::string at = head; !at.empty() && !placed.count(at);) {
            place(at, x, y);
            placed.insert(at);
            y += kRowSpacing;
            const auto link = draft.links.find(at);
            at = link == draft.links.end() ? std::string() : link->second;
        }
        x += kColumnSpacing;
    };
    for (const LayerSpec& layer : draft.nodes)
        if (!placed.count(layer.name) && draft.source(layer.name).empty()) placeColumn(layer.name);
    // Nodes left over sit on a loop of links (only a file could make one).
    for (const LayerSpec& layer : draft.nodes)
        if (!placed.count(layer.name)) placeColumn(layer.name);
}

}  // namespace koto::gui
