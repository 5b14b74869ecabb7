#pragma once
// The network editor: the palette on the left, the canvas in the middle with its tool bar (undo,
// redo, delete, copy, paste, lay out, fit, zoom), the selected node's properties on the right, and
// under the canvas a line that says whether the network can train and, if not, why.

#include <QWidget>

#include "editor/network_draft.h"

class QAction;
class QLabel;
class QToolBar;

namespace koto::gui {

class LayerPalette;
class NetworkDocument;
class NetworkScene;
class NetworkView;
class NodeProperties;

class NetworkEditor : public QWidget {
    Q_OBJECT
public:
    explicit NetworkEditor(NetworkDocument& document, QWidget* parent = nullptr);

    LayerPalette& palette() const { return *palette_; }
    NetworkScene& scene() const { return *scene_; }
    NetworkView& view() const { return *view_; }
    NodeProperties& properties() const { return *properties_; }
    // The line under the canvas: a refused edit's reason, or whether the network can train.
    QString statusText() const;

    void deleteSelection();
    void copySelection();
    void paste();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildActions();
    void retranslate();
    void showStatus();
    void selectionChanged();

    NetworkDocument& document_;
    LayerPalette* palette_;
    NetworkScene* scene_;
    NetworkView* view_;
    NodeProperties* properties_;
    QToolBar* toolBar_;
    QLabel* status_;
    QString refused_;  // the last refused edit's reason, until the next edit
    NetworkDraft clip_;
    int pastes_ = 0;  // successive pastes land a little further each time
    bool fitted_ = false;
    QAction* undo_;
    QAction* redo_;
    QAction* delete_;
    QAction* copy_;
    QAction* paste_;
    QAction* layOut_;
    QAction* fit_;
    QAction* zoomIn_;
    QAction* zoomOut_;
};

}  // namespace koto::gui
