#include "editor/network_editor.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "editor/layer_catalog.h"
#include "editor/layer_palette.h"
#include "editor/network_document.h"
#include "editor/network_scene.h"
#include "editor/network_view.h"
#include "editor/node_item.h"
#include "editor/node_properties.h"
#include "look/presentation.h"
#include "look/view_colours.h"

namespace koto::gui {

NetworkEditor::NetworkEditor(NetworkDocument& document, QWidget* parent)
    : QWidget(parent), document_(document) {
    setObjectName(QStringLiteral("networkEditor"));
    palette_ = new LayerPalette;
    scene_ = new NetworkScene(document_, this);
    view_ = new NetworkView(*scene_);
    properties_ = new NodeProperties(document_);
    toolBar_ = new QToolBar;
    toolBar_->setObjectName(QStringLiteral("editorToolBar"));
    toolBar_->setIconSize(QSize(18, 18));
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    status_ = new QLabel;
    status_->setObjectName(QStringLiteral("editorStatus"));
    status_->setWordWrap(true);
    // Room for a reason of two lines, so that the canvas does not jump when one appears.
    status_->setMinimumHeight(2 * status_->fontMetrics().lineSpacing() + 12);

    auto* centre = new QWidget;
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->addWidget(toolBar_);
    centreLayout->addWidget(view_, 1);
    centreLayout->addWidget(status_);
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(palette_);
    splitter->addWidget(centre);
    splitter->addWidget(properties_);
    splitter->setStretchFactor(1, 1);
    // The palette and the properties as wide as their text wants (wider on a projector).
    auto widths = [splitter] {
        const double scale = Presentation::instance().fontScale();
        splitter->setSizes({static_cast<int>(190 * scale), 520, static_cast<int>(230 * scale)});
    };
    widths();
    connect(&Presentation::instance(), &Presentation::changed, splitter, widths);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    buildActions();
    connect(scene_, &QGraphicsScene::selectionChanged, this, &NetworkEditor::selectionChanged);
    connect(scene_, &NetworkScene::message, this, [this](const QString& text) {
        refused_ = text;
        showStatus();
    });
    connect(&document_, &NetworkDocument::changed, this, [this] {
        refused_.clear();
        showStatus();
    });
    connect(palette_, &LayerPalette::entryActivated, this, [this](const QString& id) {
        const PaletteEntry* entry = LayerCatalog::find(id);
        std::string name;
        LayerSpec layer = entry->layer;
        if (entry->group == LayerGroup::LossesOutputs && layer.text("activation") != "sigmoid" &&
            document_.data().outputs > 0)
            layer.parameters["units"] = document_.data().outputs;
        const QString refused =
            document_.appendLayer(layer, entry->group == LayerGroup::LossesOutputs, &name);
        refused_ = refused;
        showStatus();
        if (refused.isEmpty()) scene_->selectNodes({name});
    });
    retranslate();
}

void NetworkEditor::buildActions() {
    auto make = [this](QStyle::StandardPixmap icon, const QKeySequence& key, const char* name) {
        auto* action = new QAction(style()->standardIcon(icon), QString(), this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setObjectName(QLatin1String(name));
        addAction(action);
        return action;
    };
    // Buttons only: the keys (Ctrl+Z, Ctrl+Shift+Z) belong to the window's Edit menu, which
    // undoes the same history wherever the focus is.
    undo_ = document_.undoStack().createUndoAction(this, tr("Undo"));
    undo_->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    redo_ = document_.undoStack().createRedoAction(this, tr("Redo"));
    redo_->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    delete_ = make(QStyle::SP_TrashIcon, QKeySequence::Delete, "deleteAction");
    copy_ = make(QStyle::SP_FileDialogDetailedView, QKeySequence::Copy, "copyAction");
    paste_ = make(QStyle::SP_FileDialogNewFolder, QKeySequence::Paste, "pasteAction");
    // Their keys act on the canvas's selection, so only while the canvas has the focus (not in the
    // palette or the node properties); the tool bar's buttons work from anywhere.
    for (QAction* onCanvas : {delete_, copy_, paste_}) {
        removeAction(onCanvas);
        view_->addAction(onCanvas);
    }
    layOut_ =
        make(QStyle::SP_FileDialogListView, QKeySequence(Qt::CTRL | Qt::Key_L), "layOutAction");
    fit_ = make(QStyle::SP_TitleBarMaxButton, QKeySequence(Qt::CTRL | Qt::Key_0), "fitAction");
    zoomIn_ = make(QStyle::SP_ArrowUp, QKeySequence::ZoomIn, "zoomInAction");
    zoomIn_->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    zoomOut_ = make(QStyle::SP_ArrowDown, QKeySequence::ZoomOut, "zoomOutAction");
    toolBar_->addActions({undo_, redo_});
    toolBar_->addSeparator();
    toolBar_->addActions({delete_, copy_, paste_});
    toolBar_->addSeparator();
    toolBar_->addActions({layOut_, fit_, zoomIn_, zoomOut_});
    // Undo and redo as arrows: their text names the edit ("Undo Add dense_2") and shows as a
    // tooltip.
    for (QAction* action : {undo_, redo_})
        if (auto* button = qobject_cast<QToolButton*>(toolBar_->widgetForAction(action)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    connect(delete_, &QAction::triggered, this, &NetworkEditor::deleteSelection);
    connect(copy_, &QAction::triggered, this, &NetworkEditor::copySelection);
    connect(paste_, &QAction::triggered, this, &NetworkEditor::paste);
    connect(layOut_, &QAction::triggered, this, [this] {
        document_.layOutNodes();
        view_->fitAll();
    });
    connect(fit_, &QAction::triggered, view_, &NetworkView::fitAll);
    connect(zoomIn_, &QAction::triggered, this, [this] { view_->zoomBy(1.25); });
    connect(zoomOut_, &QAction::triggered, this, [this] { view_->zoomBy(0.8); });
}

void NetworkEditor::deleteSelection() {
    const std::vector<std::string> nodes = scene_->selectedNodeNames();
    const std::vector<std::string> links = scene_->selectedLinkSources();
    QString refused;
    if (!nodes.empty()) refused = document_.removeNodes(nodes);
    else if (!links.empty())
        for (const std::string& from : links) refused = document_.disconnectNodes(from);
    refused_ = refused;
    showStatus();
}

void NetworkEditor::copySelection() {
    clip_ = document_.copy(scene_->selectedNodeNames());
    pastes_ = 0;
}

void NetworkEditor::paste() {
    std::vector<std::string> names;
    ++pastes_;
    const QString refused = document_.paste(clip_, QPointF(40 * pastes_, 40 * pastes_), &names);
    refused_ = refused;
    showStatus();
    if (refused.isEmpty()) scene_->selectNodes(names);
}

void NetworkEditor::selectionChanged() {
    const std::vector<std::string> nodes = scene_->selectedNodeNames();
    std::string shown;
    if (nodes.size() == 1) shown = nodes.front();
    else if (nodes.empty())
        for (const std::string* end : {&kInputNode, &kOutputNode})
            if (NodeItem* item = scene_->node(*end); item && item->isSelected()) shown = *end;
    if (shown != properties_->shownNode()) properties_->showNode(shown);
}

QString NetworkEditor::statusText() const { return status_->text(); }

void NetworkEditor::showStatus() {
    const DraftCheck& check = document_.check();
    const bool trouble = !refused_.isEmpty() || !check.problem.isEmpty();
    if (!refused_.isEmpty()) status_->setText(refused_);
    else if (!check.problem.isEmpty())
        status_->setText(tr("Cannot train yet: %1").arg(check.problem));
    else if (document_.data().values < 1) status_->setText(QString());
    else
        status_->setText(
            tr("Ready to train: %n layer(s) from %1 to %2", nullptr,
               static_cast<int>(document_.draft().nodes.size()))
                .arg(batchShapeText(check.shapes.at(kInputNode)),
                     batchShapeText(check.network->layers.empty()
                                        ? check.shapes.at(kInputNode)
                                        : check.shapes.at(check.network->layers.back().name))));
    showAsNote(*status_, trouble ? Note::Warning : Note::Done);
    const bool locked = document_.structureLocked();
    for (QAction* action : {delete_, paste_}) action->setEnabled(!locked);
    palette_->setEnabled(!locked);
}

void NetworkEditor::retranslate() {
    delete_->setText(tr("Delete"));
    delete_->setToolTip(tr("Delete the selected layers or links (Delete)"));
    copy_->setText(tr("Copy"));
    paste_->setText(tr("Paste"));
    layOut_->setText(tr("Lay out"));
    layOut_->setToolTip(
        tr("Arrange the nodes in columns, the network from the input down (Ctrl+L)"));
    fit_->setText(tr("Fit"));
    fit_->setToolTip(tr("Show the whole network (Ctrl+0)"));
    zoomIn_->setText(QStringLiteral("+"));
    zoomIn_->setToolTip(tr("Zoom in (Ctrl+=, or Ctrl and the mouse wheel)"));
    zoomOut_->setText(QStringLiteral("−"));
    zoomOut_->setToolTip(tr("Zoom out (Ctrl+-)"));
    copy_->setToolTip(tr("Copy the selected layers (Ctrl+C)"));
    paste_->setToolTip(tr("Paste the copied layers (Ctrl+V)"));
    showStatus();
}

void NetworkEditor::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!fitted_) {
        fitted_ = true;
        QTimer::singleShot(0, view_, &NetworkView::fitAll);  // once the view has its size
    }
}

void NetworkEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace koto::gui
