#pragma once
// Keeps the network editor's document and the training page's layer list showing one network.
// The document holds the network; the list is a second, simpler view of it: an edit in the list
// becomes an undo step of the document (when training asks for the network), and an edit on the
// canvas shows in the list where the list can show it (else the list is disabled, saying why).
// Input noise is a setting of the training panel: in front of the trained spec, never in the
// editor or the list.

#include <QObject>
#include <string>

#include "data/dataset.h"
#include "network/network_spec.h"
#include "network/templates.h"

namespace koto::gui {

class LayerListEditor;
class NetworkDocument;

class EditorListBridge : public QObject {
    Q_OBJECT
public:
    EditorListBridge(NetworkDocument& document, LayerListEditor& list, QObject* parent = nullptr);

    // The spec to train on `data`: the editor's network after the list's edits if it has any,
    // with input noise of this sigma in front (0: none). With new data the editor's output fits
    // them. Throws InputError saying why there is no network to train.
    NetworkSpec networkToTrain(const Dataset& data, bool newData, double inputNoise);
    // A run of `trained` (with input noise of `inputNoise` in front) starts: the editor shows it
    // unless it shows it already. True if that gave up undo steps not yet saved.
    bool showInEditor(const NetworkSpec& trained, double inputNoise);
    // The list shows the editor's network where it can (`data`: what its tokens are read against).
    void showInList(const Dataset& data);
    // Data a project brought: the editor checks the network against its shape from now on (the
    // project's own network follows; nothing is started again).
    void followData(const Dataset& data);
    // The editor opens a template, as one undo step.
    void applyTemplate(const Template& networkTemplate);
    // Gives the spec's layers the positions their nodes have in the editor now.
    void placeAsInEditor(NetworkSpec& spec) const;
    // Whether what the editor holds trains as `trained` does (input noise of `inputNoise` aside).
    bool editorTrains(const NetworkSpec& trained, double inputNoise) const;

signals:
    // The learner edited the network on the canvas (not the window through this bridge).
    void networkEdited();

private:
    NetworkDocument& document_;
    LayerListEditor& list_;
    std::string listTokensShown_;  // the list's tokens when it last showed the editor's network
    bool following_ = false;       // while the bridge itself changes the document
};

}  // namespace koto::gui
