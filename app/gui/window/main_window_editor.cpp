// The main window's side of the network editor: the editor's page beside the training page, the
// Edit and Templates menus, and what an edit of the network does to training. The editor and the
// training page's layer list are kept in step by EditorListBridge.

#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>

#include "data/dataset_spec.h"
#include "editor/network_document.h"
#include "editor/network_editor.h"
#include "editor/network_scene.h"
#include "editor/network_view.h"
#include "models/model_projects.h"
#include "panels/dataset_panel.h"
#include "panels/layer_list_editor.h"
#include "panels/training_panel.h"
#include "window/editor_list_bridge.h"
#include "window/main_window.h"

namespace koto::gui {
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
        QAction* action = templatesMenu_->addAction(
            QString(), this, [this, &networkTemplate] { openTemplate(networkTemplate); });
        action->setData(QString::fromStdString(networkTemplate.name));
    }

    bridge_ = new EditorListBridge(*document_, *layers_, this);
    connect(bridge_, &EditorListBridge::networkEdited, this, &MainWindow::networkEdited);
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
    undo_->setText(history.undoText().isEmpty() ? tr("&Undo")
                                                : tr("&Undo %1").arg(history.undoText()));
    redo_->setText(history.redoText().isEmpty() ? tr("&Redo")
                                                : tr("&Redo %1").arg(history.redoText()));
}

bool MainWindow::showChart(const QString& name) {
    if (!views_->showChart(name)) return false;
    pages_->setCurrentWidget(trainingPage_);
    return true;
}

// A template's one-line description in the learner's language (core keeps the English one).
QString MainWindow::templateDescription(const Template& shown) {
    const std::string& name = shown.name;
    if (name == "logistic")
        return tr("One sigmoid unit y = s(XW + b): a straight boundary between two classes");
    if (name == "mlp")
        return tr("The curriculum's network: Z = s(XW + b), Y = softmax(ZV + c); it can bend the "
                  "boundary into a ring");
    if (name == "deep-relu")
        return tr("Three hidden ReLU layers: enough depth to untangle the spiral");
    if (name == "lenet")
        return tr("Convolutions and pooling find local patterns in the images, dense layers "
                  "classify them");
    if (name == "rnn")
        return tr("h(t) = tanh(x(t)Wx + h(t-1)Wh + b) reads 8 bits one by one and must remember "
                  "the first");
    if (name == "lstm")
        return tr("An LSTM reads each image row by row (28 steps of 28 pixels) and classifies it "
                  "from h(T)");
    if (name == "autoencoder")
        return tr("Encoder 784-128-32 and mirrored decoder back to 784 pixels, trained to "
                  "reconstruct its input (T = X)");
    if (name == "rbm")
        return tr("64 binary hidden units h learn the images' patterns by contrastive divergence: "
                  "p(h = 1 | v) = s(vW + c), p(v = 1 | h) = s(hW^T + b)");
    return QString::fromStdString(shown.description);
}

void MainWindow::retranslateEditor() {
    retranslateEditMenu();
    pages_->setTabText(pages_->indexOf(trainingPage_), tr("Training"));
    pages_->setTabText(pages_->indexOf(editor_), tr("Network editor"));
    templatesMenu_->setTitle(tr("T&emplates"));
    for (QAction* action : templatesMenu_->actions()) {
        const QString name = action->data().toString();
        const Template& shown = *findTemplate(name.toStdString());
        action->setText(name == QLatin1String("logistic") ? tr("Logistic regression")
                        : name == QLatin1String("mlp") ? tr("One hidden layer (sigmoid, softmax)")
                        : name == QLatin1String("deep-relu") ? tr("Deep ReLU network")
                        : name == QLatin1String("lenet")     ? tr("LeNet-like CNN (Fashion-MNIST)")
                        : name == QLatin1String("rnn")  ? tr("Simple RNN (remember the first bit)")
                        : name == QLatin1String("lstm") ? tr("LSTM classifier (images row by row)")
                        : name == QLatin1String("autoencoder") ? tr("Autoencoder")
                        : name == QLatin1String("rbm")         ? tr("Restricted Boltzmann machine")
                                                       : QString::fromStdString(shown.title));
        const QString description = templateDescription(shown);
        action->setToolTip(
            shown.model.empty()
                ? description
                : tr("Opens in the Autoencoder and RBM window: %1").arg(description));
    }
}

void MainWindow::openTemplate(const Template& networkTemplate) {
    // An autoencoder or an RBM learns without labels, in a window of its own; this one stays as it
    // is.
    if (!networkTemplate.model.empty()) {
        try {
            showModelProject(untrainedModelProject(networkTemplate), QString());
        } catch (const std::exception& error) {
            QMessageBox::warning(this, tr("The template cannot be opened"),
                                 QString::fromStdString(error.what()));
        }
        return;
    }
    controller_.pause();
    {
        const QSignalBlocker block(datasetPanel_);
        datasetPanel_->setSpec(DatasetSpec::parse(networkTemplate.dataset));
    }
    bridge_->applyTemplate(networkTemplate);
    pages_->setCurrentWidget(editor_);
    rebuild();
    showNetworkInList();
    // The first layer selected: the inspector shows what a node's parameters look like.
    if (const std::vector<std::string> chain = document_->draft().chainFromInput(); !chain.empty())
        editor_->scene().selectNodes({chain.front()});
    projectEdited();
    QTimer::singleShot(0, editor_, [this] { editor_->view().fitAll(); });
}

void MainWindow::networkEdited() {
    // A move, or an edit that leaves what core trains as it is: nothing to start again.
    if (networkProblem_.isEmpty() && bridge_->editorTrains(spec_, trainingPanel_->inputNoise())) {
        bridge_->placeAsInEditor(spec_);
        return;
    }
    if (!document_->network() && networkProblem_ == document_->check().problem) return;
    showNetworkInList();
    rebuild();
}

void MainWindow::showNetworkInList() {
    if (dataset_) bridge_->showInList(*dataset_);
}

void MainWindow::refuseToTrain(const QString& reason) {
    networkProblem_ = reason;
    controller_.pause();
    updateCounters();
}

}  // namespace koto::gui
