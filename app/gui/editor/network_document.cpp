#include "editor/network_document.h"

#include <set>

#include "editor/draft_command.h"

namespace koto::gui {
namespace {
std::pair<double, double> pairOf(QPointF p) { return {p.x(), p.y()}; }
QString qs(const std::string& text) { return QString::fromStdString(text); }

// Where a layer put in front of `next` goes: `next`'s place, after `next` and every node after it
// (to the output, or to the end of its chain) have moved down a row to make room; `otherwise`
// where `next` has no place yet.
std::pair<double, double> makeRoomBefore(NetworkDraft& draft, const std::string& next,
                                         std::pair<double, double> otherwise) {
    const auto place = [&](const std::string& name) -> std::pair<double, double>* {
        if (name == kOutputNode) return &draft.outputPosition;
        LayerSpec* node = draft.node(name);
        return node && node->position ? &*node->position : nullptr;
    };
    const std::pair<double, double>* taken = place(next);
    if (!taken) return otherwise;
    const std::pair<double, double> result = *taken;
    std::set<std::string> moved;  // a broken draft may hold a loop: move each node once
    for (std::string at = next; !at.empty() && moved.insert(at).second;) {
        std::pair<double, double>* position = place(at);
        if (!position) break;
        position->second += kRowSpacing;
        const auto link = draft.links.find(at);
        at = link == draft.links.end() ? std::string() : link->second;
    }
    return result;
}
}  // namespace

NetworkDocument::NetworkDocument(QObject* parent) : QObject(parent) {
    check_ = DraftCheck::of(draft_, data_);
}

void NetworkDocument::setData(const DataShape& data) {
    data_ = data;
    check_ = DraftCheck::of(draft_, data_);
    emit changed();
}

void NetworkDocument::load(const NetworkSpec& spec) { load(draftFromSpec(spec)); }

void NetworkDocument::load(const NetworkDraft& draft) {
    undo_.clear();
    replaceDraft(draft);
    undo_.setClean();
}

void NetworkDocument::setStructureLocked(bool locked) {
    if (locked_ == locked) return;
    locked_ = locked;
    emit changed();
}

QString NetworkDocument::lockedReason() const {
    return locked_ ? tr("Training is running: pause it before changing the network's structure")
                   : QString();
}

void NetworkDocument::replaceDraft(const NetworkDraft& draft) {
    draft_ = draft;
    check_ = DraftCheck::of(draft_, data_);
    emit changed();
}

void NetworkDocument::push(int kind, const QString& text, NetworkDraft after,
                           const QString& mergeKey) {
    if (after == draft_) return;  // nothing would change: no empty undo step
    undo_.push(new DraftCommand(*this, static_cast<DraftCommand::Kind>(kind), text, draft_,
                                std::move(after), mergeKey));
}

QString NetworkDocument::addLayer(LayerSpec layer, QPointF position,
                                  const std::string& intoLinkFrom, std::string* name) {
    if (locked_) return lockedReason();
    NetworkDraft after = draft_;
    layer.name = after.freeName(layer.type);
    layer.position = pairOf(position);
    if (name) *name = layer.name;
    if (const auto link = after.links.find(intoLinkFrom); link != after.links.end()) {
        // Dropped onto a link: the layer takes the place of the node the link led to, which moves
        // down a row with the rest of the chain, so nothing overlaps.
        layer.position = makeRoomBefore(after, link->second, *layer.position);
        after.links[layer.name] = link->second;
        link->second = layer.name;
    }
    after.nodes.push_back(layer);
    push(DraftCommand::Add, tr("Add %1").arg(qs(layer.name)), std::move(after));
    return {};
}

QString NetworkDocument::appendLayer(LayerSpec layer, bool outputLayer, std::string* name) {
    if (locked_) return lockedReason();
    std::string next = kOutputNode;
    std::string previous = draft_.source(kOutputNode);
    if (previous.empty()) {
        double right = draft_.inputPosition.first;
        for (const LayerSpec& node : draft_.nodes)
            right = std::max(right, node.position.value_or(std::pair{0.0, 0.0}).first);
        return addLayer(std::move(layer),
                        QPointF(right + kColumnSpacing, draft_.inputPosition.second), {}, name);
    }
    if (const LayerSpec* last = draft_.node(previous);
        !outputLayer && last && last->type == "dense" && !draft_.source(previous).empty()) {
        next = previous;
        previous = draft_.source(next);
    }
    NetworkDraft after = draft_;
    layer.name = after.freeName(layer.type);
    if (name) *name = layer.name;
    after.links[previous] = layer.name;
    after.links[layer.name] = next;
    layer.position = makeRoomBefore(after, next, after.outputPosition);
    after.nodes.push_back(layer);
    push(DraftCommand::Add, tr("Add %1").arg(qs(layer.name)), std::move(after));
    return {};
}

QString NetworkDocument::removeNodes(const std::vector<std::string>& names) {
    if (locked_) return lockedReason();
    NetworkDraft after = draft_;
    QStringList removed;
    for (const std::string& name : names) {
        if (!after.node(name)) continue;  // the two ends stay
        // The nodes before and after it are joined, so deleting a layer from a chain keeps the
        // chain.
        const std::string from = after.source(name);
        const auto to = after.links.find(name);
        const std::string next = to == after.links.end() ? std::string() : to->second;
        if (!from.empty()) after.links.erase(from);
        if (to != after.links.end()) after.links.erase(to);
        if (!from.empty() && !next.empty()) after.links[from] = next;
        std::erase_if(after.nodes, [&](const LayerSpec& layer) { return layer.name == name; });
        removed << qs(name);
    }
    if (removed.isEmpty())
        return tr("The input and the output belong to every network and cannot be deleted");
    push(DraftCommand::Remove, tr("Delete %1").arg(removed.join(QStringLiteral(", "))),
         std::move(after));
    return {};
}

QString NetworkDocument::connectNodes(const std::string& from, const std::string& to) {
    if (locked_) return lockedReason();
    const auto shown = [](const std::string& name) {
        return name == kInputNode    ? tr("the input")
               : name == kOutputNode ? tr("the output")
                                     : qs(name);
    };
    if (from == kOutputNode)
        return tr("The output is the end of the network: nothing comes out of it");
    if (to == kInputNode) return tr("The input is where the data come in: nothing can feed it");
    if (from == to) return tr("A layer cannot feed itself");
    if ((from != kInputNode && !draft_.node(from)) || (to != kOutputNode && !draft_.node(to)))
        return tr("There is no such node");
    if (draft_.reaches(to, from))
        return tr("This link would make a loop (%1 already leads to %2): data must flow from the "
                  "input to the output")
            .arg(shown(to), shown(from));
    if (const auto taken = draft_.links.find(from); taken != draft_.links.end())
        return tr("%1 already feeds %2: in a sequential network each layer feeds exactly one "
                  "layer; delete that "
                  "link first (select it and press Delete)")
            .arg(shown(from), shown(taken->second));
    if (const std::string source = draft_.source(to); !source.empty())
        return tr("%1 already takes its input from %2: in a sequential network each layer has "
                  "exactly one input; "
                  "delete that link first")
            .arg(shown(to), shown(source));
    NetworkDraft after = draft_;
    after.links[from] = to;
    push(DraftCommand::Connect, tr("Connect %1 to %2").arg(shown(from), shown(to)),
         std::move(after));
    return {};
}

QString NetworkDocument::disconnectNodes(const std::string& from) {
    if (locked_) return lockedReason();
    if (!draft_.links.count(from)) return tr("That link does not exist");
    NetworkDraft after = draft_;
    after.links.erase(from);
    push(DraftCommand::Disconnect, tr("Disconnect"), std::move(after));
    return {};
}

void NetworkDocument::moveNodes(const std::map<std::string, QPointF>& positions, int dragId) {
    NetworkDraft after = draft_;
    for (const auto& [name, position] : positions) {
        if (name == kInputNode) after.inputPosition = pairOf(position);
        else if (name == kOutputNode) after.outputPosition = pairOf(position);
        else if (LayerSpec* node = after.node(name)) node->position = pairOf(position);
    }
    push(DraftCommand::Move, tr("Move"), std::move(after), QStringLiteral("drag %1").arg(dragId));
}

void NetworkDocument::setParameter(const std::string& node, const std::string& key,
                                   const LayerParameter& value) {
    NetworkDraft after = draft_;
    LayerSpec* layer = after.node(node);
    if (!layer) return;
    layer->parameters[key] = value;
    push(DraftCommand::ChangeParameter, tr("Change %1 of %2").arg(qs(key), qs(node)),
         std::move(after), qs(node + "/" + key));
}

void NetworkDocument::setLoss(LossKind loss) {
    NetworkDraft after = draft_;
    after.loss = loss;
    push(DraftCommand::ChangeParameter, tr("Change the loss"), std::move(after),
         QStringLiteral("loss"));
}

NetworkDraft NetworkDocument::copy(const std::vector<std::string>& names) const {
    NetworkDraft clip;
    const std::set<std::string> chosen(names.begin(), names.end());
    for (const LayerSpec& layer : draft_.nodes)
        if (chosen.count(layer.name)) clip.nodes.push_back(layer);
    for (const auto& [from, to] : draft_.links)
        if (chosen.count(from) && chosen.count(to)) clip.links[from] = to;
    return clip;
}

QString NetworkDocument::paste(const NetworkDraft& clip, QPointF offset,
                               std::vector<std::string>* names) {
    if (locked_) return lockedReason();
    if (clip.nodes.empty()) return tr("Nothing to paste: copy some layers first");
    NetworkDraft after = draft_;
    std::map<std::string, std::string> renamed;
    for (LayerSpec layer : clip.nodes) {
        const std::string fresh = after.freeName(layer.type);
        renamed[layer.name] = fresh;
        layer.name = fresh;
        const auto [x, y] = layer.position.value_or(std::pair{0.0, 0.0});
        layer.position = std::pair{x + offset.x(), y + offset.y()};
        after.nodes.push_back(layer);
        if (names) names->push_back(fresh);
    }
    for (const auto& [from, to] : clip.links) after.links[renamed.at(from)] = renamed.at(to);
    push(DraftCommand::Paste, tr("Paste %n layer(s)", nullptr, static_cast<int>(clip.nodes.size())),
         std::move(after));
    return {};
}

QString NetworkDocument::applyTemplate(const Template& networkTemplate) {
    if (locked_) return lockedReason();
    push(DraftCommand::ApplyTemplate, tr("Template %1").arg(qs(networkTemplate.name)),
         draftFromSpec(networkTemplate.network));
    return {};
}

void NetworkDocument::adoptNetwork(const NetworkSpec& spec, const QString& text) {
    NetworkDraft after = draftFromSpec(spec);
    bool placed = true;
    for (LayerSpec& node : after.nodes) {
        const LayerSpec* before = draft_.node(node.name);
        node.position = before && before->type == node.type ? before->position : std::nullopt;
        placed = placed && node.position.has_value();
    }
    after.inputPosition = draft_.inputPosition;
    after.outputPosition = draft_.outputPosition;
    if (!placed) layOut(after);
    push(DraftCommand::Replace, text, std::move(after));
}

void NetworkDocument::fitOutputToData() {
    if (data_.outputs < 1) return;
    NetworkDraft after = draft_;
    LayerSpec* last = after.node(after.source(kOutputNode));
    if (data_.regression) after.loss = LossKind::MeanSquaredError;
    else if (after.loss == LossKind::MeanSquaredError) after.loss = LossKind::CrossEntropy;
    if (last && last->type == "dense" && after.loss != LossKind::BinaryCrossEntropy) {
        last->parameters["units"] = data_.outputs;
        last->parameters["activation"] = std::string(data_.regression ? "linear" : "softmax");
    }
    push(DraftCommand::Replace, tr("Fit the output to the data"), std::move(after));
}

void NetworkDocument::layOutNodes() {
    NetworkDraft after = draft_;
    layOut(after);
    push(DraftCommand::LayOut, tr("Lay out"), std::move(after));
}

}  // namespace koto::gui
