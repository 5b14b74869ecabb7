// The network diagram (TensorFlow Playground's picture, issue 13), offscreen in the main window:
// its links are the network's weights and biases (the initial weights of seed 1, worked out here
// by a network of our own), red where a weight excites and blue where it inhibits, wider as |w|
// grows; each unit's picture is that unit's output over the plane; a weight set by hand while
// paused reaches the training thread's network and the boundary, and Undo gives the value it
// had back bit for bit. The tab is there only for dense networks on 2-D data. And the boundary
// plot's line P = 0.5 lies where the output crosses 0.5.

#include <QTabWidget>
#include <QTest>
#include <QUndoStack>
#include <cmath>
#include <cstring>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "data/playground_datasets.h"
#include "inspect/neuron_maps.h"
#include "io/layer_tokens.h"
#include "koto_test_support.h"
#include "main_window_fixture.h"
#include "training/training_controller.h"
#include "training/training_worker.h"
#include "views/decision_boundary_view.h"
#include "views/diagram_canvas.h"
#include "views/level_line.h"
#include "views/network_playground_view.h"
#include "window/main_window.h"

using namespace koto;
using namespace koto::gui;
using kototest::downloadFloats;
using kototest::waitForSnapshot;

namespace {

NetworkPlaygroundView& networkView(MainWindow& window) {
    return *window.findChild<NetworkPlaygroundView*>(QStringLiteral("networkPlayground"));
}

bool sameBits(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// The weights' element `index` of parameter `matrix` in the latest snapshot, once it has them.
std::optional<float> shownWeight(MainWindow& window, size_t matrix, int64_t index) {
    const auto& snapshot = window.latestSnapshot();
    if (!snapshot || !snapshot->weights || snapshot->weights->matrices.size() <= matrix)
        return std::nullopt;
    return snapshot->weights->matrices[matrix].values[static_cast<size_t>(index)];
}

}  // namespace

class TestNetworkView : public QObject {
    Q_OBJECT
private slots:
    void linksAndPicturesAreTheNetworks();
    void aWeightSetByHandAndUndone();
    void onlyForDenseNetworksOnThePlane();
    void decisionLineWhereTheOutputIsHalf();
};

// XOR with three tanh units: every one of its 2*3 + 3 + 3*2 + 2 = 17 weights and biases drawn.
void TestNetworkView::linksAndPicturesAreTheNetworks() {
    kototest::MainWindowFixture fixture;
    const StartingWork lesson = kototest::lesson("xor", "dense:3:tanh");
    QVERIFY(fixture.open(lesson));
    MainWindow& window = *fixture.window;
    NetworkPlaygroundView& view = networkView(window);
    const int tab = window.charts().indexOf(&view);
    QVERIFY(window.charts().isTabVisible(tab));
    QCOMPARE(window.charts().tabText(tab), QStringLiteral("Network"));
    QVERIFY(!window.latestSnapshot()->neuronMaps);  // not made while nobody looks
    QVERIFY(window.showChart(QStringLiteral("network")));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) {
        return s.neuronMaps && s.weights && s.paused && s.steps == 0;
    }));
    QTest::qWait(50);

    const auto data =
        std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(lesson.dataset)));
    CpuBackend backend;
    Network network(backend, networkSpecFromTokens(lesson.layers, *data), 4);
    network.initialize(1);
    std::vector<std::vector<float>> parameters;
    for (const NamedParameter& named : network.parameters())
        parameters.push_back(downloadFloats(backend, named.parameter->value));

    const DiagramCanvas& canvas = view.canvas();
    const DiagramLayout& layout = canvas.layout();
    QCOMPARE(layout.columns.size(), size_t{3});
    QCOMPARE(layout.linkCount, int64_t{17});
    QCOMPARE(layout.links.size(), size_t{17});
    float largest = 0;
    for (const DiagramLink& link : layout.links) {
        QCOMPARE(link.weight, parameters[link.matrix][static_cast<size_t>(link.index)]);
        largest = std::max(largest, std::abs(link.weight));
        const QColor colour = canvas.linkColour(link);
        if (link.weight > 0) QVERIFY(colour.red() > colour.blue());
        if (link.weight < 0) QVERIFY(colour.blue() > colour.red());
    }
    QCOMPARE(layout.largestWeight, largest);
    // Wider as |w| grows: ordered by |w|, the widths never shrink; the strongest is the widest.
    std::vector<const DiagramLink*> links;
    for (const DiagramLink& link : layout.links) links.push_back(&link);
    std::sort(links.begin(), links.end(),
              [](auto* a, auto* b) { return std::abs(a->weight) < std::abs(b->weight); });
    for (size_t i = 1; i < links.size(); ++i)
        QVERIFY(canvas.linkWidth(*links[i]) >= canvas.linkWidth(*links[i - 1]));
    QVERIFY(canvas.linkWidth(*links.back()) > canvas.linkWidth(*links.front()));
    // Each link starts at the unit its row is and ends at the unit its column is.
    for (const DiagramLink& link : layout.links) {
        const DiagramNode& from = layout.nodes[static_cast<size_t>(link.from)];
        const DiagramNode& to = layout.nodes[static_cast<size_t>(link.to)];
        const int64_t cols = to.column == 1 ? 3 : 2;
        QCOMPARE(to.unit, link.index % cols);
        QCOMPARE(from.unit, link.matrix % 2 == 1 ? int64_t{-1} : link.index / cols);
    }

    // The units' outputs over the plane are the reference network's over the same grid.
    const int size = TrainingWorker::kUnitGridSize;
    QCOMPARE(window.latestSnapshot()->unitGridSize, size);
    std::vector<float> points;
    const double cell = 2 * kPlaygroundExtent / size;
    for (int row = 0; row < size; ++row)
        for (int column = 0; column < size; ++column) {
            points.push_back(static_cast<float>(-kPlaygroundExtent + (column + 0.5) * cell));
            points.push_back(static_cast<float>(-kPlaygroundExtent + (row + 0.5) * cell));
        }
    const NeuronMaps expected = computeNeuronMaps(network, points, size * size);
    const NeuronMaps& shown = *window.latestSnapshot()->neuronMaps;
    QCOMPARE(shown.layers.size(), expected.layers.size());
    for (size_t l = 0; l < shown.layers.size(); ++l)
        for (size_t i = 0; i < shown.layers[l].values.size(); ++i)
            QVERIFY(std::abs(shown.layers[l].values[i] - expected.layers[l].values[i]) < 1e-5f);
    // A hidden unit's picture: its top-left pixel is its output at (-6 + cell/2, 6 - cell/2).
    const DiagramNode& unit = layout.nodes[static_cast<size_t>(layout.nodeOf(1, 2))];
    const QImage image = canvas.unitImage(unit);
    QCOMPARE(image.size(), QSize(size, size));
    const float topLeft = expected.layers[0].at(static_cast<int64_t>(size - 1) * size, 2);
    const QColor drawn(image.pixel(0, 0));
    QVERIFY(topLeft > 0 ? drawn.red() > drawn.blue() : drawn.blue() > drawn.red());
}

// W[2,3] set to 0.75 while paused: the training thread's network has it (its next snapshot's
// weights and boundary), Undo gives the old value back bit for bit, Redo sets it again; while
// training runs nothing can be set.
void TestNetworkView::aWeightSetByHandAndUndone() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(kototest::lesson("xor", "dense:3:tanh")));
    MainWindow& window = *fixture.window;
    NetworkPlaygroundView& view = networkView(window);
    QVERIFY(window.showChart(QStringLiteral("network")));
    QVERIFY(
        waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.weights && s.paused; }));
    QTest::qWait(50);
    const float before = *shownWeight(window, 0, 1 * 3 + 2);
    const std::vector<float> gridBefore = window.latestSnapshot()->grid;

    view.canvas().chooseLink(0, 1 * 3 + 2);
    QVERIFY(view.setChosenValue(0.75));
    QVERIFY(QTest::qWaitFor([&] { return shownWeight(window, 0, 5) == 0.75f; }, 20000));
    QVERIFY(window.latestSnapshot()->grid != gridBefore);  // the boundary redrawn with it
    QCOMPARE(view.undoStack().count(), 1);

    view.undoStack().undo();
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto value = shownWeight(window, 0, 5);
            return value && sameBits(*value, before);
        },
        20000));
    QTest::qWait(100);
    QCOMPARE(window.latestSnapshot()->grid, gridBefore);  // as it was, to the bit
    view.undoStack().redo();
    QVERIFY(QTest::qWaitFor([&] { return shownWeight(window, 0, 5) == 0.75f; }, 20000));

    // A unit chosen: its bias is what can be set (b[2] of the hidden layer, matrix 1).
    view.canvas().chooseNode(1, 1);
    QVERIFY(view.setChosenValue(-0.5));
    QVERIFY(QTest::qWaitFor([&] { return shownWeight(window, 1, 1) == -0.5f; }, 20000));

    // Training: the next steps start from the weights set by hand, and nothing can be set now.
    window.controller().setEpochsPerSecond(2);
    window.controller().play();
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return !s.paused; }));
    QTest::qWait(50);
    view.canvas().chooseLink(0, 0);
    QVERIFY(!view.setChosenValue(1.25));
    window.controller().pause();
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.paused; }));
    // A new run forgets what was set by hand in the last.
    window.controller().reset();
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.steps == 0; }));
}

void TestNetworkView::onlyForDenseNetworksOnThePlane() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(kototest::lesson("fashion-mnist:n=200", "dense:8:relu")));
    MainWindow& window = *fixture.window;
    QVERIFY(!window.charts().isTabVisible(window.charts().indexOf(&networkView(window))));
    QVERIFY(!window.showChart(QStringLiteral("network")));
}

// A plane whose output is (x + y) / 12 + 0.5: the line P = 0.5 is x + y = 0, and none where
// the output never reaches 0.5; the window draws the line for a classifier.
void TestNetworkView::decisionLineWhereTheOutputIsHalf() {
    const int size = 30;
    const double extent = 6, cell = 2 * extent / size;
    std::vector<float> grid;
    for (int row = 0; row < size; ++row)
        for (int column = 0; column < size; ++column) {
            const double x = -extent + (column + 0.5) * cell, y = -extent + (row + 0.5) * cell;
            grid.push_back(static_cast<float>((x + y) / 12 + 0.5));
        }
    const std::vector<LineSegment> line = levelLine(grid, size, 0.5, extent);
    QVERIFY(line.size() >= static_cast<size_t>(size - 1));
    for (const LineSegment& segment : line)
        for (const QPointF& point : segment) QVERIFY(std::abs(point.x() + point.y()) < 1e-4);
    std::vector<float> below(grid.size(), 0.2f);
    QVERIFY(levelLine(below, size, 0.5, extent).empty());

    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(kototest::lesson("xor", "dense:3:tanh")));
    QTest::qWait(100);
    const std::vector<QPointF> drawn = fixture.window->boundaryView().decisionLine();
    QVERIFY(!drawn.empty());
}

QTEST_MAIN(TestNetworkView)
#include "test_network_view.moc"
