#include "window/editor_list_bridge.h"

#include <QScopeGuard>
#include <QSignalBlocker>

#include "data/data_shape.h"
#include "editor/network_document.h"
#include "io/layer_tokens.h"
#include "panels/layer_list_editor.h"
#include "util/errors.h"

namespace koto::gui {
namespace {

const std::string kInputNoiseName = "input_noise";

// The network without the input noise the training panel puts in front of it.
NetworkSpec withoutInputNoise(NetworkSpec spec, double inputNoise) {
    if (inputNoise > 0 && !spec.layers.empty() && spec.layers.front().type == "noise")
        spec.layers.erase(spec.layers.begin());
    return spec;
}

}  // namespace

EditorListBridge::EditorListBridge(NetworkDocument& document, LayerListEditor& list,
                                   QObject* parent)
    : QObject(parent), document_(document), list_(list) {
    connect(&document_, &NetworkDocument::changed, this, [this] {
        if (!following_) emit networkEdited();
    });
}

NetworkSpec EditorListBridge::networkToTrain(const Dataset& data, bool newData, double inputNoise) {
    following_ = true;
    const auto done = qScopeGuard([this] { following_ = false; });
    if (newData) document_.setData(dataShapeOf(data));
    const std::string tokens = list_.tokens();
    const bool firstNetwork = document_.draft().nodes.empty() && document_.draft().links.empty();
    if (tokens != listTokensShown_ || firstNetwork) {  // the list was edited: the canvas follows
        const NetworkSpec listed = networkSpecFromTokens(tokens, data);
        if (firstNetwork) document_.load(listed);
        else document_.adoptNetwork(listed, tr("Change the layer list"));
        listTokensShown_ = tokens;
    } else if (newData) {
        document_.fitOutputToData();
    }
    const auto& network = document_.network();
    if (!network) throw InputError(document_.check().problem.toStdString());
    NetworkSpec spec = *network;
    if (inputNoise > 0) {
        LayerSpec noise{"noise", kInputNoiseName, {{"sigma", inputNoise}}, std::nullopt};
        spec.layers.insert(spec.layers.begin(), noise);
    }
    return spec;
}

void EditorListBridge::followData(const Dataset& data) {
    following_ = true;
    const auto done = qScopeGuard([this] { following_ = false; });
    document_.setData(dataShapeOf(data));
}

bool EditorListBridge::editorTrains(const NetworkSpec& trained, double inputNoise) const {
    const auto& network = document_.network();
    return network && trainsAlike(*network, withoutInputNoise(trained, inputNoise), true);
}

bool EditorListBridge::showInEditor(const NetworkSpec& trained, double inputNoise) {
    if (editorTrains(trained, inputNoise)) return false;
    following_ = true;
    const auto done = qScopeGuard([this] { following_ = false; });
    const bool unsavedSteps = !document_.undoStack().isClean();
    document_.load(
        withoutInputNoise(trained, inputNoise));  // a project opened: its own history starts here
    listTokensShown_ = list_.tokens();
    return unsavedSteps;  // the steps are gone from the history, not their changes
}

void EditorListBridge::showInList(const Dataset& data) {
    const auto& network = document_.network();
    if (!network) return;
    bool shown = false;
    try {
        const std::string tokens = hiddenLayerTokens(*network);
        if (LayerListEditor::unsupportedToken(tokens).empty()) {
            const QSignalBlocker block(&list_);
            list_.setTokens(tokens);
            // Only if the list, read back, is this very network (it cannot show every output and
            // loss).
            shown = trainsAlike(networkSpecFromTokens(list_.tokens(), data, network->loss),
                                *network, false);
        }
    } catch (const std::exception&) {
        shown = false;  // layers the tokens cannot write
    }
    list_.setEnabled(shown);
    list_.setToolTip(
        shown ? QString()
              : tr("This network has layers or an output the list cannot show: edit it in the "
                   "network editor"));
    listTokensShown_ = list_.tokens();
}

void EditorListBridge::applyTemplate(const Template& networkTemplate) {
    following_ = true;
    const auto done = qScopeGuard([this] { following_ = false; });
    document_.applyTemplate(networkTemplate);
}

void EditorListBridge::placeAsInEditor(NetworkSpec& spec) const {
    for (LayerSpec& layer : spec.layers)
        if (const LayerSpec* node = document_.draft().node(layer.name))
            layer.position = node->position;
}

}  // namespace koto::gui
