// The network editor: every edit is an undo step that undo and redo replay exactly (also over
// 1,000 random edits), parameter changes and drags merge, and the canvas works through real
// events: a Dense node dropped from the palette, connected by dragging from port to port, its
// units changed in the inspector, the shapes following, and a refused connection saying why.
// Last, the editor in the main window: a template opens in it, and Play waits for a network
// that can train.

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <functional>
#include <random>
#include <set>

#include "editor/edge_item.h"
#include "editor/layer_catalog.h"
#include "editor/layer_palette.h"
#include "editor/network_document.h"
#include "editor/network_editor.h"
#include "editor/network_scene.h"
#include "editor/network_view.h"
#include "editor/node_item.h"
#include "editor/node_properties.h"
#include "main_window_fixture.h"
#include "network/templates.h"
#include "unsupervised/unsupervised_window.h"
#include "window/language.h"

using namespace koto;
using namespace koto::gui;

namespace {

LayerSpec dense(int64_t units, const std::string& activation) {
    return {"dense", "", {{"units", units}, {"activation", activation}}, std::nullopt};
}

// 2 inputs, 2 classes: input -> dense_1 (4, tanh) -> dense_2 (2, softmax) -> output.
NetworkSpec smallSpec() {
    NetworkSpec spec;
    spec.inputShape = {2};
    spec.layers = {dense(4, "tanh"), dense(2, "softmax")};
    return spec;
}

DataShape twoClassesOnThePlane() {
    DataShape data;
    data.values = 2;
    data.outputs = 2;
    return data;
}

// Every node has at most one input and feeds at most one node, and no link ends at a node that is
// gone.
bool linksAreSequential(const NetworkDraft& draft) {
    std::set<std::string> targets;
    for (const auto& [from, to] : draft.links) {
        if (!targets.insert(to).second) return false;
        if ((from != kInputNode && !draft.node(from)) || (to != kOutputNode && !draft.node(to)))
            return false;
    }
    return true;
}

// The edits of the document, one per command kind, each on the small network.
const std::map<QString, std::function<void(NetworkDocument&)>>& edits() {
    static const std::map<QString, std::function<void(NetworkDocument&)>> table{
        {"add", [](NetworkDocument& d) { d.addLayer(dense(8, "relu"), QPointF(300, 40)); }},
        {"add into a link",
         [](NetworkDocument& d) { d.addLayer(dense(8, "relu"), QPointF(0, 40), "dense_1"); }},
        {"append",
         [](NetworkDocument& d) {
             d.appendLayer({"dropout", "", {{"keep", 0.5}}, std::nullopt});
         }},
        {"remove", [](NetworkDocument& d) { d.removeNodes({"dense_1"}); }},
        {"disconnect", [](NetworkDocument& d) { d.disconnectNodes("dense_1"); }},
        {"connect",
         [](NetworkDocument& d) {
             d.disconnectNodes("dense_1");
             d.undoStack().clear();  // the step under test is the connection alone
             d.connectNodes("dense_1", "dense_2");
         }},
        {"move",
         [](NetworkDocument& d) {
             d.moveNodes({{"dense_1", QPointF(55, 66)}, {kOutputNode, QPointF(1, 2)}}, 1);
         }},
        {"change parameter",
         [](NetworkDocument& d) { d.setParameter("dense_1", "units", int64_t{9}); }},
        {"change loss", [](NetworkDocument& d) { d.setLoss(LossKind::MeanSquaredError); }},
        {"paste",
         [](NetworkDocument& d) {
             d.paste(d.copy({"dense_1", "dense_2"}), QPointF(40, 40));
         }},
        {"apply template", [](NetworkDocument& d) { d.applyTemplate(*findTemplate("deep-relu")); }},
        {"lay out",
         [](NetworkDocument& d) {
             d.moveNodes({{"dense_1", QPointF(500, 500)}}, 1);
             d.undoStack().clear();
             d.layOutNodes();
         }},
        {"adopt a network",
         [](NetworkDocument& d) {
             d.adoptNetwork(findTemplate("mlp")->network, QStringLiteral("list"));
         }},
        {"fit the output",
         [](NetworkDocument& d) {
             DataShape data = twoClassesOnThePlane();
             data.outputs = 5;
             d.setData(data);
             d.fitOutputToData();
         }},
    };
    return table;
}

// The viewport point of a scene point.
QPoint at(NetworkView& view, QPointF scenePoint) { return view.mapFromScene(scenePoint); }

QPointF centreOf(NodeItem& node) {
    return node.pos() + QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2);
}

// Drags from one node's output port to another node with the mouse, as a learner does.
void dragLink(NetworkEditor& editor, const std::string& from, const std::string& to) {
    NetworkView& view = editor.view();
    NodeItem* source = editor.scene().node(from);
    NodeItem* target = editor.scene().node(to);
    QVERIFY(source && target);
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, at(view, source->outputPort()));
    QTest::mouseMove(view.viewport(), at(view, (source->outputPort() + centreOf(*target)) / 2));
    QTest::mouseMove(view.viewport(), at(view, centreOf(*target)));
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, at(view, centreOf(*target)));
}

}  // namespace

class TestNetworkEditor : public QObject {
    Q_OBJECT

private slots:
    // A node's line of key parameters: a convolution's stride and padding only when not 1 and 0,
    // so that it fits its node in Japanese too.
    void convolutionNodesSayStrideAndPaddingOnlyWhenNotPlain() {
        LayerSpec conv{"conv",
                       "conv_1",
                       {{"filters", int64_t{6}},
                        {"kernel", int64_t{5}},
                        {"stride", int64_t{1}},
                        {"padding", int64_t{0}},
                        {"activation", std::string("relu")}},
                       std::nullopt};
        Language language;  // English, with its plural forms
        language.apply(QStringLiteral("en"));
        QCOMPARE(LayerCatalog::keyParameters(conv), QStringLiteral("6 filters 5x5, relu"));
        conv.parameters["stride"] = int64_t{2};
        QCOMPARE(LayerCatalog::keyParameters(conv),
                 QStringLiteral("6 filters 5x5, stride 2, pad 0, relu"));
    }

    void everyCommandRedoesAndUndoesExactly_data() {
        QTest::addColumn<QString>("edit");
        for (const auto& [name, edit] : edits()) QTest::newRow(qPrintable(name)) << name;
    }
    void everyCommandRedoesAndUndoesExactly() {
        QFETCH(QString, edit);
        NetworkDocument document;
        document.setData(twoClassesOnThePlane());
        document.load(smallSpec());
        QVERIFY(document.network().has_value());
        edits().at(edit)(document);
        QCOMPARE(document.undoStack().count(), 1);
        const int last = document.undoStack().count();
        QVERIFY(document.undoStack().canUndo());
        const NetworkDraft after = document.draft();
        document.undoStack().undo();
        const NetworkDraft before = document.draft();
        QVERIFY2(!(before == after), "the edit changed nothing");
        document.undoStack().redo();
        QVERIFY(document.draft() == after);
        document.undoStack().undo();
        QVERIFY(document.draft() == before);
        document.undoStack().redo();
        QVERIFY(document.draft() == after);
        QCOMPARE(document.undoStack().count(), last);
        QVERIFY(linksAreSequential(after));
    }

    void thousandRandomEditsUndoAndRedoAll() {
        NetworkDocument document;
        document.setData(twoClassesOnThePlane());
        document.load(smallSpec());
        const NetworkDraft initial = document.draft();
        std::mt19937 random(7);
        auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
        auto anyNode = [&]() -> std::string {
            const auto& nodes = document.draft().nodes;
            return nodes.empty()
                       ? kInputNode
                       : nodes[static_cast<size_t>(pick(static_cast<int>(nodes.size())))].name;
        };
        const char* const types[] = {"dense", "dropout", "noise", "flatten"};
        int refused = 0;
        for (int i = 0; i < 1000; ++i) {
            switch (pick(10)) {
            case 0:
            case 1: {
                LayerSpec layer{types[pick(4)], "", {}, std::nullopt};
                if (layer.type == "dense") layer = dense(1 + pick(20), "relu");
                if (layer.type == "dropout") layer.parameters["keep"] = 0.5;
                if (layer.type == "noise") layer.parameters["sigma"] = 0.1;
                if (document.draft().nodes.size() < 30)
                    document.addLayer(layer, QPointF(pick(900), pick(900)),
                                      pick(2) ? anyNode() : "");
                break;
            }
            case 2: document.removeNodes({anyNode()}); break;
            case 3:
            case 4:
                refused += !document
                                .connectNodes(pick(5) ? anyNode() : kInputNode,
                                              pick(5) ? anyNode() : kOutputNode)
                                .isEmpty();
                break;
            case 5: document.disconnectNodes(pick(4) ? anyNode() : kInputNode); break;
            case 6:
                document.moveNodes({{anyNode(), QPointF(pick(900), pick(900))}}, pick(3));
                break;
            case 7: {
                const std::string name = anyNode();
                const LayerSpec* node = document.draft().node(name);
                if (node && node->type == "dense")
                    document.setParameter(name, "units", int64_t{1 + pick(64)});
                break;
            }
            case 8:
                document.paste(document.copy({anyNode(), anyNode()}), QPointF(pick(99), pick(99)));
                break;
            case 9:
                pick(2) ? document.layOutNodes()
                        : document.setLoss(pick(2) ? LossKind::CrossEntropy
                                                   : LossKind::MeanSquaredError);
                break;
            }
            QVERIFY(linksAreSequential(document.draft()));
        }
        QVERIFY(refused > 0);  // some links were refused, with a reason, and changed nothing
        const NetworkDraft final = document.draft();
        QVERIFY(document.undoStack().count() > 300);
        document.undoStack().setIndex(0);
        QVERIFY(document.draft() == initial);
        QVERIFY(document.undoStack().isClean());
        document.undoStack().setIndex(document.undoStack().count());
        QVERIFY(document.draft() == final);
    }

    void changesOfOneParameterMergeIntoOneStep() {
        NetworkDocument document;
        document.setData(twoClassesOnThePlane());
        document.load(smallSpec());
        for (int64_t units : {5, 6, 7}) document.setParameter("dense_1", "units", units);
        QCOMPARE(document.undoStack().count(), 1);
        document.setParameter("dense_1", "activation",
                              std::string("relu"));  // another parameter: a step of its own
        QCOMPARE(document.undoStack().count(), 2);
        document.setParameter("dense_1", "units", int64_t{9});
        QCOMPARE(document.undoStack().count(), 3);
        document.undoStack().undo();
        document.undoStack().undo();
        QCOMPARE(document.draft().node("dense_1")->integer("units"), 7);
        document.undoStack().undo();
        QCOMPARE(document.draft().node("dense_1")->integer("units"), 4);
        QVERIFY(document.undoStack().isClean());

        // A value changed and changed back is no step at all.
        document.setParameter("dense_2", "units", int64_t{3});
        document.setParameter("dense_2", "units", int64_t{2});
        QCOMPARE(document.undoStack().count(), 0);

        // The moves of one drag merge; another drag is another step.
        document.moveNodes({{"dense_1", QPointF(10, 10)}}, 1);
        document.moveNodes({{"dense_1", QPointF(20, 20)}}, 1);
        document.moveNodes({{"dense_1", QPointF(30, 30)}}, 2);
        QCOMPARE(document.undoStack().count(), 2);
        document.undoStack().undo();
        QCOMPARE(*document.draft().node("dense_1")->position, std::pair(20.0, 20.0));
    }

    void shapesAndReasonsFollowEveryEdit() {
        NetworkDocument document;
        DataShape images;
        images.values = 28 * 28;
        images.imageHeight = images.imageWidth = 28;
        images.outputs = 10;
        document.setData(images);
        document.load(findTemplate("lenet")->network);
        const DraftCheck& check = document.check();
        QVERIFY(check.problem.isEmpty());
        QCOMPARE(batchShapeText(check.shapes.at(kInputNode)), QStringLiteral("N x 1 x 28 x 28"));
        QCOMPARE(batchShapeText(check.shapes.at("conv_1")), QStringLiteral("N x 6 x 24 x 24"));
        QCOMPARE(batchShapeText(check.shapes.at("dense_1")), QStringLiteral("N x 120"));
        // Without the flatten a dense layer cannot take the images: it says so, and Play has that
        // reason.
        QVERIFY(document.removeNodes({"flatten_1"}).isEmpty());
        QVERIFY(!document.network());
        QVERIFY(document.check().errors.at("dense_1").contains(QStringLiteral("flatten")));
        QCOMPARE(document.check().problem, document.check().errors.at("dense_1"));
        document.undoStack().undo();
        QVERIFY(document.network());
        // A layer beside the chain: not connected, and the network cannot train.
        document.addLayer(dense(3, "relu"), QPointF(600, 0));
        QVERIFY(document.check().errors.at("dense_4").contains(QStringLiteral("not connected")));
        QVERIFY(!document.network());
        // Output units that do not fit the classes.
        document.undoStack().undo();
        document.setParameter("dense_3", "units", int64_t{3});
        QVERIFY(document.check().errors.at(kOutputNode).contains(QStringLiteral("10 classes")));
        // While training runs, the structure stays as it is.
        document.setStructureLocked(true);
        QVERIFY(!document.addLayer(dense(3, "relu"), QPointF()).isEmpty());
        QVERIFY(!document.removeNodes({"dense_1"}).isEmpty());
        QCOMPARE(document.draft().nodes.size(), size_t{8});
    }

    // The palette says in a visible line what the entry pointed at computes.
    void paletteShowsTheDescriptionOfTheEntryPointedAt() {
        NetworkDocument document;
        NetworkEditor editor(document);
        editor.resize(1100, 800);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const auto* line =
            editor.palette().findChild<QLabel*>(QStringLiteral("paletteDescription"));
        QVERIFY(line && line->isVisible());
        QVERIFY(editor.palette().shownDescription().contains(QStringLiteral("Drag")));
        QTreeWidgetItem* lstm = editor.palette().item(QStringLiteral("lstm"));
        editor.palette().tree().setCurrentItem(lstm);
        QCOMPARE(editor.palette().shownDescription(), lstm->toolTip(0));
        QVERIFY(editor.palette().shownDescription().contains(QStringLiteral("forget")));
        QTreeWidgetItem* dense = editor.palette().item(QStringLiteral("dense"));
        emit editor.palette().tree().itemEntered(dense, 0);
        QCOMPARE(editor.palette().shownDescription(),
                 QStringLiteral("Fully connected: a = XW + b, Z = s(a)"));
    }

    // A layer dropped onto a link takes the place of the node the link led to; that node and the
    // rest of the chain move down a row, so no two nodes overlap (before, they did until Lay out).
    void layerDroppedOnALinkMakesRoom() {
        NetworkDocument document;
        NetworkSpec spec;
        spec.inputShape = {2};
        spec.layers = {dense(4, "tanh"), dense(3, "tanh"), dense(2, "softmax")};
        document.load(spec);
        NetworkEditor editor(document);
        editor.resize(1100, 800);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        NetworkView& view = editor.view();
        NetworkScene& scene = editor.scene();
        view.fitAll();
        EdgeItem* link = scene.edgeFrom("dense_1");
        QVERIFY(link);
        const auto before = document.draft();
        const QPoint dropAt = at(view, link->path().pointAtPercent(0.5));
        std::unique_ptr<QMimeData> carried(
            editor.palette().tree().mimeData({editor.palette().item(QStringLiteral("dense"))}));
        QDragEnterEvent enter(dropAt, Qt::CopyAction, carried.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view.viewport(), &enter);
        QDragMoveEvent move(dropAt, Qt::CopyAction, carried.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view.viewport(), &move);
        QDropEvent drop(dropAt, Qt::CopyAction, carried.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view.viewport(), &drop);

        const NetworkDraft& after = document.draft();
        QCOMPARE(after.links.at("dense_1"), std::string("dense_4"));
        QCOMPARE(after.links.at("dense_4"), std::string("dense_2"));
        QCOMPARE(*after.node("dense_4")->position, *before.node("dense_2")->position);
        QCOMPARE(after.node("dense_2")->position->second,
                 before.node("dense_2")->position->second + kRowSpacing);
        QCOMPARE(after.outputPosition.second, before.outputPosition.second + kRowSpacing);
        QCOMPARE(*after.node("dense_1")->position, *before.node("dense_1")->position);
        const std::vector<std::string> names{kInputNode, "dense_1", "dense_4",
                                             "dense_2",  "dense_3", kOutputNode};
        for (size_t i = 0; i < names.size(); ++i)
            for (size_t j = i + 1; j < names.size(); ++j)
                QVERIFY2(!scene.node(names[i])->sceneBoundingRect().intersects(
                             scene.node(names[j])->sceneBoundingRect()),
                         (names[i] + " overlaps " + names[j]).c_str());
        document.undoStack().undo();  // one undo step puts everything back
        QVERIFY(document.draft() == before);
    }

    void dragAndDropOnTheCanvas() {
        NetworkDocument document;
        document.setData(twoClassesOnThePlane());
        NetworkSpec spec;
        spec.inputShape = {2};
        spec.layers = {dense(2, "softmax")};
        document.load(spec);
        NetworkEditor editor(document);
        editor.resize(1100, 800);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        NetworkView& view = editor.view();
        NetworkScene& scene = editor.scene();
        view.resetTransform();
        view.centerOn(scene.node("dense_1"));

        // A Dense layer from the palette, dropped beside the network, as the drag would carry it.
        QTreeWidgetItem* item = editor.palette().item(QStringLiteral("dense"));
        QVERIFY(item);
        std::unique_ptr<QMimeData> carried(editor.palette().tree().mimeData({item}));
        QVERIFY(carried);
        const QPoint dropAt =
            at(view, scene.node(kInputNode)->pos() + QPointF(kColumnSpacing + 100, 30));
        QVERIFY(view.viewport()->rect().contains(dropAt));
        QDragEnterEvent enter(dropAt, Qt::CopyAction, carried.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view.viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(dropAt, Qt::CopyAction, carried.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view.viewport(), &move);
        QDropEvent drop(dropAt, Qt::CopyAction, carried.get(), Qt::LeftButton, {});
        QApplication::sendEvent(view.viewport(), &drop);
        QCOMPARE(document.draft().nodes.size(), size_t{2});
        NodeItem* added = scene.node("dense_2");
        QVERIFY(added);
        QVERIFY(added->errorText().contains(QStringLiteral("not connected")));  // red, saying why
        QVERIFY(editor.statusText().contains(QStringLiteral("not connected")));

        // The input already feeds dense_1: that link is refused, and the reason is shown.
        dragLink(editor, kInputNode, "dense_2");
        QVERIFY(!document.draft().links.count("dense_2"));
        QVERIFY(document.draft().source("dense_2").empty());
        QVERIFY(editor.statusText().contains(QStringLiteral("already feeds")));

        // Select the link from the input and delete it, then connect input -> dense_2 -> dense_1.
        EdgeItem* link = scene.edgeFrom(kInputNode);
        QVERIFY(link);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          at(view, link->path().pointAtPercent(0.5)));
        QVERIFY(link->isSelected());
        QTest::keyClick(view.viewport(), Qt::Key_Delete);
        QVERIFY(!document.draft().links.count(kInputNode));
        dragLink(editor, kInputNode, "dense_2");
        dragLink(editor, "dense_2", "dense_1");
        QCOMPARE(document.draft().links.at(kInputNode), std::string("dense_2"));
        QCOMPARE(document.draft().links.at("dense_2"), std::string("dense_1"));
        QVERIFY2(document.network().has_value(), qPrintable(document.check().problem));
        QCOMPARE(scene.node("dense_2")->shapeText(), QStringLiteral("N x 16"));
        QVERIFY(scene.node("dense_2")->errorText().isEmpty());

        // A loop is refused with its reason.
        dragLink(editor, "dense_1", "dense_2");
        QVERIFY(editor.statusText().contains(QStringLiteral("loop")));

        // Click dense_2 and change its units in the inspector: the node and the link show N x 32.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          at(view, centreOf(*scene.node("dense_2"))));
        QCOMPARE(editor.properties().shownNode(), std::string("dense_2"));
        auto* units = qobject_cast<QSpinBox*>(editor.properties().field("units"));
        QVERIFY(units);
        units->setValue(31);
        units->setValue(32);
        QCOMPARE(document.draft().node("dense_2")->integer("units"), 32);
        QCOMPARE(scene.node("dense_2")->shapeText(), QStringLiteral("N x 32"));
        QCOMPARE(scene.edgeFrom("dense_2")->shapeText(), QStringLiteral("N x 32"));

        // Output units that do not fit the data: the output turns red, and so does the link into
        // it.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          at(view, centreOf(*scene.node("dense_1"))));
        qobject_cast<QSpinBox*>(editor.properties().field("units"))->setValue(3);
        QVERIFY(!scene.node(kOutputNode)->errorText().isEmpty());
        QVERIFY(!scene.edgeFrom("dense_1")->errorText().isEmpty());
        QVERIFY(editor.properties().findChild<QLabel*>(QStringLiteral("nodeError"))->isHidden());
        document.undoStack().undo();
        QVERIFY(scene.node(kOutputNode)->errorText().isEmpty());

        // Dragging a node with the mouse is one undo step, however many moves it takes.
        const int steps = document.undoStack().index();
        const QPointF start = centreOf(*scene.node("dense_2"));
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, at(view, start));
        for (int i = 1; i <= 5; ++i)
            QTest::mouseMove(view.viewport(), at(view, start + QPointF(12 * i, 3 * i)));
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, at(view, start + QPointF(60, 15)));
        QCOMPARE(document.undoStack().index(), steps + 1);
        QVERIFY(document.draft().node("dense_2")->position->first > 30);
        document.undoStack().undo();
        QCOMPARE(scene.node("dense_2")->pos() +
                     QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2),
                 start);

        // Copy and paste with the keyboard: a second dense layer like it, not connected.
        scene.selectNodes({"dense_2"});
        QTest::keyClick(view.viewport(), Qt::Key_C, Qt::ControlModifier);
        QTest::keyClick(view.viewport(), Qt::Key_V, Qt::ControlModifier);
        const LayerSpec* pasted = document.draft().node("dense_3");
        QVERIFY(pasted);
        QCOMPARE(pasted->integer("units"), 32);
        QVERIFY(document.draft().source("dense_3").empty());
        // Delete removes the selection (the pasted node), and the network can train again.
        QTest::keyClick(view.viewport(), Qt::Key_Delete);
        QVERIFY(!document.draft().node("dense_3"));
        QVERIFY(document.network().has_value());

        // Zoom with the keyboard; fit shows everything.
        const double zoom = view.zoom();
        QTest::keyClick(view.viewport(), Qt::Key_Equal, Qt::ControlModifier);
        QVERIFY(view.zoom() > zoom);
        view.fitAll();
        QVERIFY(view.mapToScene(view.viewport()->rect())
                    .boundingRect()
                    .contains(scene.itemsBoundingRect()));

        // A rubber band from corner to corner selects every layer.
        scene.clearSelection();
        const QRect all = view.viewport()->rect().adjusted(3, 3, -3, -3);
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, all.topLeft());
        QTest::mouseMove(view.viewport(), all.center());
        QTest::mouseMove(view.viewport(), all.bottomRight());
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, all.bottomRight());
        QCOMPARE(scene.selectedNodeNames(), (std::vector<std::string>{"dense_1", "dense_2"}));
    }

    void templateOpensInTheMainWindowAndPlayWaitsForAValidNetwork() {
        kototest::MainWindowFixture fixture;
        QVERIFY(fixture.open());
        MainWindow& window = *fixture.window;
        window.openTemplate(*findTemplate("deep-relu"));
        auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
        QCOMPARE(pages->currentWidget(), &window.networkEditor());
        NetworkDocument& document = window.networkDocument();
        QVERIFY(document.network().has_value());
        QCOMPARE(document.network()->layers.size(), size_t{4});
        QVERIFY(kototest::waitForSnapshot(window,
                                          [](const TrainingSnapshot& s) { return s.steps == 0; }));
        auto* play = window.findChild<QToolButton*>(QStringLiteral("playButton"));
        QVERIFY(play->isEnabled());
        QVERIFY(window.isWindowModified());

        // The training page's layer list shows the same network; an edit in either shows in the
        // other.
        const QList<QSpinBox*> listUnits =
            window.findChildren<QSpinBox*>(QStringLiteral("unitsSpin"));
        QCOMPARE(listUnits.size(), 3);
        QCOMPARE(listUnits[0]->value(), 32);
        listUnits[0]->setValue(20);
        QCOMPARE(document.draft().node("dense_1")->integer("units"), 20);
        QCOMPARE(document.undoStack().undoText(), QStringLiteral("Change the layer list"));
        document.setParameter("dense_2", "units", int64_t{24});
        QCoreApplication::sendPostedEvents(nullptr,
                                           QEvent::DeferredDelete);  // the list's rows are new
        const QList<QSpinBox*> shownUnits =
            window.findChildren<QSpinBox*>(QStringLiteral("unitsSpin"));
        QCOMPARE(shownUnits.size(), 3);
        QCOMPARE(shownUnits[0]->value(), 20);
        QCOMPARE(shownUnits[1]->value(), 24);
        QVERIFY(kototest::waitForSnapshot(window,
                                          [](const TrainingSnapshot& s) { return s.steps == 0; }));

        // A layer on its own: the network cannot train, Play is disabled, and the banner says why.
        QVERIFY(document.addLayer(dense(3, "relu"), QPointF(900, 0)).isEmpty());
        QVERIFY(!play->isEnabled());
        auto* banner = window.findChild<QLabel*>(QStringLiteral("problemBanner"));
        QVERIFY(banner->text().contains(QStringLiteral("not connected")));
        // Into the chain before the output: it trains with the new layer.
        QVERIFY(document.removeNodes({"dense_5"}).isEmpty());
        QVERIFY(play->isEnabled());
        QVERIFY(document.appendLayer({"dropout", "", {{"keep", 0.8}}, std::nullopt}).isEmpty());
        QVERIFY(play->isEnabled());
        QVERIFY(kototest::waitForSnapshot(window,
                                          [](const TrainingSnapshot& s) { return s.steps == 0; }));
        window.controller().stepBatch();
        QVERIFY(kototest::waitForSnapshot(
            window, [](const TrainingSnapshot& s) { return s.steps == 1 && s.failure.isEmpty(); }));

        // While training runs, the structure cannot change; a parameter can (a new run starts).
        window.controller().play();
        QVERIFY(document.structureLocked());
        QVERIFY(!document.addLayer(dense(3, "relu"), QPointF(900, 0)).isEmpty());
        window.controller().pause();
        QVERIFY(!document.structureLocked());

        // A project saved now has the nodes where they are now, though moving them started no new
        // run.
        document.moveNodes({{"dense_2", QPointF(123, 456)}}, 99);
        const std::optional<Project> project = window.captureProject();
        QVERIFY(project);
        const auto moved =
            std::find_if(project->network.layers.begin(), project->network.layers.end(),
                         [](const LayerSpec& layer) { return layer.name == "dense_2"; });
        QVERIFY(moved != project->network.layers.end());
        QCOMPARE(*moved->position, std::pair(123.0, 456.0));
        fixture.close();
    }

    // Undo and redo are in the Edit menu and work with the standard keys wherever the focus is;
    // Delete acts on the canvas only while the canvas has the focus.
    void undoWorksEverywhereDeleteOnlyOnTheCanvas() {
        kototest::MainWindowFixture fixture;
        QVERIFY(fixture.open());
        MainWindow& window = *fixture.window;
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        NetworkDocument& document = window.networkDocument();
        auto* undo = window.findChild<QAction*>(QStringLiteral("undoAction"));
        auto* redo = window.findChild<QAction*>(QStringLiteral("redoAction"));
        QVERIFY(undo && redo);
        QVERIFY(window.findChild<QMenu*>(QStringLiteral("editMenu"))->actions().contains(undo));
        QVERIFY(!undo->isEnabled());
        QCOMPARE(undo->text(), QStringLiteral("&Undo"));

        const std::string node = document.draft().chainFromInput().front();
        const NetworkDraft before = document.draft();
        document.moveNodes({{node, QPointF(321, 123)}}, 1);
        const NetworkDraft after = document.draft();
        QCOMPARE(undo->text(), QStringLiteral("&Undo Move"));

        // On the training page, the focus on the Play button.
        auto* pages = window.findChild<QTabWidget*>(QStringLiteral("pages"));
        pages->setCurrentIndex(0);
        auto* play = window.findChild<QToolButton*>(QStringLiteral("playButton"));
        play->setFocus();
        QTest::keyClick(play, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(document.draft() == before);
        QTest::keyClick(play, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(document.draft() == after);

        // Delete with a node selected: nothing on the training page nor in the palette, the node
        // on the canvas.
        NetworkEditor& editor = window.networkEditor();
        editor.scene().selectNodes({node});
        QTest::keyClick(play, Qt::Key_Delete);
        QVERIFY(document.draft().node(node));
        pages->setCurrentWidget(&editor);
        auto* paletteTree = editor.palette().findChild<QTreeWidget*>();
        paletteTree->setFocus();
        QTest::keyClick(paletteTree, Qt::Key_Delete);
        QVERIFY(document.draft().node(node));
        editor.view().setFocus();
        QTest::keyClick(editor.view().viewport(), Qt::Key_Delete);
        QVERIFY(!document.draft().node(node));
        // And Ctrl+Z there too.
        QTest::keyClick(editor.view().viewport(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(document.draft() == after);
        fixture.close();
    }

    // The autoencoder and RBM templates open, untrained, in the Autoencoder and RBM window with
    // their sizes; the main window's network stays as it is.
    void modelTemplatesOpenTheUnsupervisedWindow() {
        kototest::MainWindowFixture fixture;
        QVERIFY(fixture.open());
        MainWindow& window = *fixture.window;
        const NetworkDraft before = window.networkDocument().draft();
        auto* templates = window.findChild<QMenu*>(QStringLiteral("templatesMenu"));
        auto action = [&](const char* name) {
            for (QAction* a : templates->actions())
                if (a->data().toString() == QLatin1String(name)) return a;
            qFatal("no template %s", name);
        };
        QVERIFY(action("autoencoder")->isEnabled());
        action("autoencoder")->trigger();
        auto* unsupervised = window.findChild<UnsupervisedWindow*>();
        QVERIFY(unsupervised);
        QVERIFY(unsupervised->isVisible());
        auto* kind = unsupervised->findChild<QComboBox*>(QStringLiteral("modelKind"));
        QCOMPARE(kind->currentIndex(), 0);
        QCOMPARE(unsupervised->findChild<QLineEdit*>(QStringLiteral("encoderSizes"))->text(),
                 QStringLiteral("128,32"));
        QCOMPARE(unsupervised->findChild<QDoubleSpinBox*>(QStringLiteral("learningRate"))->value(),
                 0.001);
        QVERIFY(QTest::qWaitFor([&] { return unsupervised->shown() != nullptr; }, 20000));
        QCOMPARE(unsupervised->shown()->failure, QString());

        action("rbm")->trigger();
        QCOMPARE(window.findChildren<UnsupervisedWindow*>().size(), 1);
        QCOMPARE(kind->currentIndex(), 1);
        QCOMPARE(unsupervised->findChild<QSpinBox*>(QStringLiteral("hiddenUnits"))->value(), 64);
        QCOMPARE(unsupervised->findChild<QDoubleSpinBox*>(QStringLiteral("learningRate"))->value(),
                 0.05);
        QVERIFY(window.networkDocument().draft() == before);
        fixture.close();
    }
};

QTEST_MAIN(TestNetworkEditor)
#include "test_network_editor.moc"
