// The main window's side of the network editor: the editor's page beside the training page, the
// Templates menu, and the ways between the editor and the layer list of the training page. The
// editor's document holds the network; the list is a second, simpler view of it: an edit in the
// list becomes an undo step of the document, and an edit on the canvas shows in the list where
// the list can show it.

#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QUndoStack>
#include <QScopeGuard>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTimer>

#include "data/data_shape.h"
#include "data/dataset_spec.h"
#include "panels/dataset_panel.h"
#include "editor/network_document.h"
#include "editor/network_editor.h"
#include "editor/network_scene.h"
#include "editor/network_view.h"
#include "io/layer_tokens.h"
#include "models/model_projects.h"
#include "panels/layer_list_editor.h"
#include "window/main_window.h"
#include "panels/training_panel.h"
#include "util/errors.h"

namespace koto::gui {
namespace {

const std::string kInputNoiseName = "input_noise";

// The network without the input noise the training panel puts in front of it.
NetworkSpec withoutInputNoise(NetworkSpec spec, double inputNoise) {
    if (inputNoise > 0 && !spec.layers.empty() && spec.layers.front().type == "noise") spec.layers.erase(spec.layers.begin());
    return spec;
}

}  // namespace

void MainWindow::buildEditor() {
    document_ = new NetworkDocument(this);
    editor_ = new NetworkEditor(*document_);
    pages_ = new QTabWidget;
    pages_->setObjectName(QStringLiteral("pages"));
    pages_->setDocumentMode(true);
    pages_->addTab(trainingPage_, QString());
    pages_->addTab(editor_, QString());
    setCentralWidget(pages_);

    templatesMenu_ = new QMenu(this);
    templatesMenu_->setObjectName(QStringLiteral("templatesMenu"));
    templatesMenu_->setToolTipsVisible(true);
    for (const Template& networkTemplate : networkTemplates()) {
        QAction* action = templatesMenu_->addAction(QString(), this, [this, &networkTemplate] { openTemplate(networkTemplate); });
        action->setData(QString::fromStdString(networkTemplate.name));
    }

    connect(document_, &NetworkDocument::changed, this, &MainWindow::networkEdited);
    // The history's clean state is the network's part of the modified mark.
    session_->setHistory(&document_->undoStack());
    connect(&controller_, &TrainingController::playingChanged, this,
            [this] { document_->setStructureLocked(controller_.isPlaying()); });
}

void MainWindow::buildEditMenu() {
    // Undo and redo in the whole window, the standard keys (Ctrl+Z, Ctrl+Shift+Z) included; text
    // fields keep their own undo while they have the focus. Delete, copy and paste belong to the
    // canvas and act only while it has the focus.
    editMenu_ = menuBar()->addMenu(QString());
    editMenu_->setObjectName(QStringLiteral("editMenu"));
    QUndoStack& history = document_->undoStack();
    undo_ = history.createUndoAction(this);
    undo_->setObjectName(QStringLiteral("undoAction"));
    undo_->setShortcut(QKeySequence::Undo);
    redo_ = history.createRedoAction(this);
    redo_->setObjectName(QStringLiteral("redoAction"));
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)))
        redoKeys.prepend(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    redo_->setShortcuts(redoKeys);
    editMenu_->addActions({undo_, redo_});
    // The stack names the edit in the language of the moment it was made; these words in the
    // language of now (connected after the stack's own, so they win).
    connect(&history, &QUndoStack::undoTextChanged, this, &MainWindow::retranslateEditMenu);
    connect(&history, &QUndoStack::redoTextChanged, this, &MainWindow::retranslateEditMenu);
}

void MainWindow::retranslateEditMenu() {
    const QUndoStack& history = document_->undoStack();
    editMenu_->setTitle(tr("&Edit"));
    undo_->setText(history.undoText().isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(history.undoText()));
    redo_->setText(history.redoText().isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(history.redoText()));
}

void MainWindow::retranslateEditor() {
    retranslateEditMenu();
    pages_->setTabText(pages_->indexOf(trainingPage_), tr("Training"));
    pages_->setTabText(pages_->indexOf(editor_), tr("Network editor"));
    templatesMenu_->setTitle(tr("T&emplates"));
    for (QAction* action : templatesMenu_->actions()) {
        const QString name = action->data().toString();
        const Template& shown = *findTemplate(name.toStdString());
        action->setText(name == QLatin1String("logistic")      ? tr("Logistic regression")
                        : name == QLatin1String("mlp")         ? tr("One hidden layer (sigmoid, softmax)")
                        : name == QLatin1String("deep-relu")   ? tr("Deep ReLU network")
                        : name == QLatin1String("lenet")       ? tr("LeNet-like CNN (Fashion-MNIST)")
                        : name == QLatin1String("rnn")         ? tr("Simple RNN (remember the first bit)")
                        : name == QLatin1String("lstm")        ? tr("LSTM classifier (images row by row)")
                        : name == QLatin1String("autoencoder") ? tr("Autoencoder")
                        : name == QLatin1String("rbm")         ? tr("Restricted Boltzmann machine")
                                                               : QString::fromStdString(shown.title));
        action->setToolTip(shown.model.empty() ? QString::fromStdString(shown.description)
                                               : tr("Opens in the Autoencoder and RBM window: %1")
                                                     .arg(QString::fromStdString(shown.description)));
    }
}

void MainWindow::openTemplate(const Template& networkTemplate) {
    // An autoencoder or an RBM learns without labels, in a window of its own; this one stays as it is.
    if (!networkTemplate.model.empty()) {
        try {
            showModelProject(untrainedModelProject(networkTemplate), QString());
        } catch (const std::exception& error) {
            QMessageBox::warning(this, tr("The template cannot be opened"), QString::fromStdString(error.what()));
        }
        return;
    }
    controller_.pause();
    {
        const QSignalBlocker block(datasetPanel_);
        datasetPanel_->setSpec(DatasetSpec::parse(networkTemplate.dataset));
    }
    {
        followingEditor_ = true;
        const auto done = qScopeGuard([this] { followingEditor_ = false; });
        document_->applyTemplate(networkTemplate);
    }
    pages_->setCurrentWidget(editor_);
    rebuild();
    showNetworkInList();
    // The first layer selected: the inspector shows what a node's parameters look like.
    if (const std::vector<std::string> chain = document_->draft().chainFromInput(); !chain.empty())
        editor_->scene().selectNodes({chain.front()});
    projectEdited();
    QTimer::singleShot(0, editor_, [this] { editor_->view().fitAll(); });
}

NetworkSpec MainWindow::networkToTrain(const Dataset& data, bool newData) {
    followingEditor_ = true;
    const auto done = qScopeGuard([this] { followingEditor_ = false; });
    if (newData) document_->setData(dataShapeOf(data));
    const std::string tokens = layers_->tokens();
    const bool firstNetwork = document_->draft().nodes.empty() && document_->draft().links.empty();
    if (tokens != listTokensShown_ || firstNetwork) {  // the list was edited: the canvas follows
        const NetworkSpec listed = networkSpecFromTokens(tokens, data);
        if (firstNetwork) document_->load(listed);
        else document_->adoptNetwork(listed, tr("Change the layer list"));
        listTokensShown_ = tokens;
    } else if (newData) {
        document_->fitOutputToData();
    }
    const auto& network = document_->network();
    if (!network) throw InputError(document_->check().problem.toStdString());
    NetworkSpec spec = *network;
    if (trainingPanel_->inputNoise() > 0) {
        LayerSpec noise{"noise", kInputNoiseName, {{"sigma", trainingPanel_->inputNoise()}}, std::nullopt};
        spec.layers.insert(spec.layers.begin(), noise);
    }
    return spec;
}

void MainWindow::networkEdited() {
    if (followingEditor_) return;
    const auto& network = document_->network();
    const NetworkSpec trained = withoutInputNoise(spec_, trainingPanel_->inputNoise());
    // A move, or an edit that leaves what core trains as it is: nothing to start again.
    if (network && networkProblem_.isEmpty() && trainsAlike(*network, trained, true)) {
        placeAsInEditor(spec_);
        return;
    }
    if (!network && networkProblem_ == document_->check().problem) return;
    showNetworkInList();
    rebuild();
}

void MainWindow::showNetworkInEditor() {
    networkProblem_.clear();  // a run starts: its network can train
    const NetworkSpec shown = withoutInputNoise(spec_, trainingPanel_->inputNoise());
    const auto& network = document_->network();
    if (network && trainsAlike(*network, shown, true)) return;
    followingEditor_ = true;
    const auto done = qScopeGuard([this] { followingEditor_ = false; });
    const bool unsavedSteps = !document_->undoStack().isClean();
    document_->load(shown);  // a project opened: its own history starts here
    if (unsavedSteps) projectEdited();  // the steps are gone from the history, not their changes
    listTokensShown_ = layers_->tokens();
}

void MainWindow::showNetworkInList() {
    const auto& network = document_->network();
    if (!network || !dataset_) return;
    bool shown = false;
    try {
        const std::string tokens = hiddenLayerTokens(*network);
        if (LayerListEditor::unsupportedToken(tokens).empty()) {
            const QSignalBlocker block(layers_);
            layers_->setTokens(tokens);
            // Only if the list, read back, is this very network (it cannot show every output and loss).
            shown = trainsAlike(networkSpecFromTokens(layers_->tokens(), *dataset_, network->loss), *network, false);
        }
    } catch (const std::exception&) {
        shown = false;  // layers the tokens cannot write
    }
    layers_->setEnabled(shown);
    layers_->setToolTip(shown ? QString()
                              : tr("This network has layers or an output the list cannot show: edit it in the "
                                   "network editor"));
    listTokensShown_ = layers_->tokens();
}

void MainWindow::placeAsInEditor(NetworkSpec& spec) const {
    for (LayerSpec& layer : spec.layers)
        if (const LayerSpec* node = document_->draft().node(layer.name)) layer.position = node->position;
}

void MainWindow::refuseToTrain(const QString& reason) {
    networkProblem_ = reason;
    controller_.pause();
    updateCounters();
}

}  // namespace koto::gui
