// The weights view, offscreen, in the main window: copied by the training thread only while the
// tab is shown; each matrix's cell (i, j) holds that parameter's W[i, j] of the network (the
// initial weights of seed 1, worked out here by a network of our own), under the curriculum's
// names (W, b, V, c; an LSTM's gate blocks Wxi, Wxf, ...), and hovering over it says what it
// connects; the gradient and update modes show the step's dJ/dW and ΔW = W after − W before it;
// after an L1 run the cells drawn as exact zeros are exactly the weights that are 0.

#include <qcustomplot.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <cmath>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "koto_test_support.h"
#include "main_window_fixture.h"
#include "training/training_controller.h"
#include "views/loss_curve_view.h"
#include "views/weight_view.h"
#include "window/main_window.h"

using namespace koto;
using namespace koto::gui;
using kototest::downloadFloats;
using kototest::waitForSnapshot;

namespace {

// Every cell of the view's chosen matrix holds `values` (rows x cols, from column `column` of a
// wider matrix), exact zeros drawn apart.
bool showsValues(const WeightView& view, const std::vector<float>& values, int64_t rows,
                 int64_t cols, int64_t column = 0, int64_t width = -1) {
    if (width < 0) width = cols;
    if (view.shownRows() != rows || view.shownCols() != cols) return false;
    for (int64_t i = 0; i < rows; ++i)
        for (int64_t j = 0; j < cols; ++j) {
            const float v = values[static_cast<size_t>(i * width + column + j)];
            if (v == 0 ? !view.shownAsExactZero(i, j) : view.shownValue(i, j) != double(v))
                return false;
        }
    return true;
}

bool weightsAtStep(const TrainingSnapshot& s, int64_t step) {
    return s.weights && s.weights->step == step && s.paused;
}

}  // namespace

class TestWeightsView : public QObject {
    Q_OBJECT
private slots:
    void cellsAreTheNetworksWeights();
    void gradientAndUpdateOfTheStep();
    void l1ZerosAreShownAsZeros();
    void lstmGateBlocks();
    void historyStaysBoundedInALongRun();
};

// A million epochs at full speed must not grow memory: the percentiles kept are thinned as the
// learning curve is, every second epoch once full, the first epoch always kept.
void TestWeightsView::historyStaysBoundedInALongRun() {
    WeightView view;
    for (int64_t start = 0; start < 100000; start += 1000) {
        std::vector<EpochWeightPercentiles> batch;
        for (int64_t e = start; e < start + 1000; ++e)
            batch.push_back({e, {{-1.0f, -0.5f, 0.0f, 0.5f, 1.0f}}});
        view.addPercentiles(batch);
    }
    const auto& kept = view.history();
    QVERIFY(kept.size() <= 2048 && kept.size() > 1024);
    QCOMPARE(kept.front().epoch, int64_t{0});
    for (size_t i = 1; i < kept.size(); ++i) QVERIFY(kept[i].epoch > kept[i - 1].epoch);
}

// The curriculum's two-layer network on XOR: W (2 x 8), b, V (8 x 2), c at their initial values.
void TestWeightsView::cellsAreTheNetworksWeights() {
    kototest::MainWindowFixture fixture;
    const StartingWork lesson = kototest::lesson("xor", "dense:8:tanh");
    QVERIFY(fixture.open(lesson));
    MainWindow& window = *fixture.window;
    QTabWidget& charts = window.charts();
    const int tab = charts.indexOf(&window.weightView());
    QVERIFY(charts.isTabVisible(tab) && charts.isTabEnabled(tab));
    QCOMPARE(charts.tabText(tab), QStringLiteral("Weights"));
    QVERIFY(!window.latestSnapshot()->weights);  // not copied while nobody looks
    QVERIFY(window.showChart(QStringLiteral("weights")));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return weightsAtStep(s, 0); }));

    const auto data =
        std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(lesson.dataset)));
    CpuBackend backend;
    Network network(backend, networkSpecFromTokens(lesson.layers, *data), 4);
    network.initialize(1);
    WeightView& view = window.weightView();
    QCOMPARE(view.matrixCount(), 4);
    const QStringList names{"W", "b", "V", "c"};
    for (int k = 0; k < 4; ++k) {
        QCOMPARE(view.matrixName(k), names[k]);
        view.chooseMatrix(k);
        const Parameter& p = *network.parameters()[static_cast<size_t>(k)].parameter;
        QVERIFY2(
            showsValues(view, downloadFloats(backend, p.value), p.value.rows(), p.value.cols()),
            qPrintable(names[k]));
    }
    // W[2,7] connects input x2 to hidden unit 7 (counted from 1); V[7,2] hidden unit 7 to y2.
    view.chooseMatrix(0);
    const std::vector<float> w = downloadFloats(backend, network.parameters()[0].parameter->value);
    QCOMPARE(view.cellText(1, 6), QStringLiteral("W[2,7] = %1: input x2 → hidden unit 7")
                                      .arg(QString::number(w[1 * 8 + 6], 'g', 4)));
    view.chooseMatrix(2);
    QVERIFY(view.cellText(6, 1).endsWith(QStringLiteral(": hidden unit 7 → output y2")));
    QVERIFY(view.cellText(6, 1).startsWith(QStringLiteral("V[7,2] = ")));
    view.chooseMatrix(1);
    QVERIFY(view.cellText(0, 2).endsWith(QStringLiteral(": bias of hidden unit 3")));

    // Pointing at a cell says the same under the plot.
    view.chooseMatrix(0);
    QTest::qWait(100);  // the layout and the queued replot
    auto* plot = view.findChild<QCustomPlot*>(QStringLiteral("weightHeatmap"));
    QVERIFY(plot && plot->isVisible());
    plot->replot();
    const QPoint at(static_cast<int>(plot->xAxis->coordToPixel(7)),
                    static_cast<int>(plot->yAxis->coordToPixel(2)));
    QTest::mouseMove(plot, at);
    QMouseEvent move(QEvent::MouseMove, QPointF(at), plot->mapToGlobal(QPointF(at)), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(plot, &move);
    QCOMPARE(view.findChild<QLabel*>(QStringLiteral("weightHoverText"))->text(),
             view.cellText(1, 6));

    // A fixed range keeps its colours; an automatic one spans the largest magnitude.
    double largest = 0;
    for (float v : w) largest = std::max(largest, std::abs(double(v)));
    QCOMPARE(view.scale().high, largest);
    view.setFixedRange(true, 2);
    QCOMPARE(view.scale().low, -2.0);
    QCOMPARE(view.scale().high, 2.0);
    QVERIFY(view.scale().diverging);

    // Another tab: the weights are no longer copied.
    charts.setCurrentWidget(&window.lossCurve());
    window.controller().stepBatch();
    QVERIFY(waitForSnapshot(window,
                            [](const TrainingSnapshot& s) { return s.steps == 1 && s.paused; }));
    QVERIFY(!window.latestSnapshot()->weights);
}

// One step of plain gradient descent: ΔW = W after − W before, and ΔW = −learning_rate · dJ/dW.
void TestWeightsView::gradientAndUpdateOfTheStep() {
    kototest::MainWindowFixture fixture;
    const StartingWork lesson = kototest::lesson("xor", "dense:8:tanh");
    QCOMPARE(lesson.settings.optimizer, std::string("sgd"));
    QVERIFY(fixture.open(lesson));
    MainWindow& window = *fixture.window;
    QVERIFY(window.showChart(QStringLiteral("weights")));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return weightsAtStep(s, 0); }));
    const std::shared_ptr<const NetworkWeights> before = window.latestSnapshot()->weights;
    QCOMPARE(before->updateStep, int64_t{0});
    WeightView& view = window.weightView();
    view.setQuantity(WeightView::Quantity::Update);
    QCOMPARE(view.shownRows(), int64_t{0});  // no update yet

    for (int64_t step = 1; step <= 2; ++step) {
        const std::shared_ptr<const NetworkWeights> previous = window.latestSnapshot()->weights;
        window.controller().stepBatch();
        QVERIFY(waitForSnapshot(
            window, [step](const TrainingSnapshot& s) { return weightsAtStep(s, step); }));
        const NetworkWeights& after = *window.latestSnapshot()->weights;
        QCOMPARE(after.updateStep, step);
        const double rate = window.latestSnapshot()->stepLearningRate;
        QVERIFY(rate > 0);
        for (size_t k = 0; k < after.matrices.size(); ++k) {
            const WeightMatrix& m = after.matrices[k];
            QCOMPARE(m.update.size(), m.values.size());
            QCOMPARE(m.gradient.size(), m.values.size());
            for (size_t i = 0; i < m.values.size(); ++i) {
                QCOMPARE(m.update[i], m.values[i] - previous->matrices[k].values[i]);
                QVERIFY(std::abs(m.update[i] + rate * m.gradient[i]) <=
                        1e-6 * (1 + std::abs(m.values[i])));
            }
            view.chooseMatrix(static_cast<int>(k));
            view.setQuantity(WeightView::Quantity::Update);
            QVERIFY(showsValues(view, m.update, m.rows, m.cols));
            view.setQuantity(WeightView::Quantity::Gradient);
            QVERIFY(showsValues(view, m.gradient, m.rows, m.cols));
            QVERIFY(view.cellText(0, 0).startsWith(QStringLiteral("dJ/d")));
        }
    }
}

// L1 leaves weights at exactly 0: the view draws exactly those cells in the colour of zeros.
void TestWeightsView::l1ZerosAreShownAsZeros() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(kototest::lesson("xor", "dense:8:tanh")));
    MainWindow& window = *fixture.window;
    QVERIFY(window.showChart(QStringLiteral("weights")));
    auto* l1 = window.findChild<QDoubleSpinBox*>(QStringLiteral("l1Spin"));
    QVERIFY(l1);
    l1->setValue(0.05);
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return weightsAtStep(s, 0); }));
    window.controller().setStepLimit(300);
    window.controller().play();
    QVERIFY(
        waitForSnapshot(window, [](const TrainingSnapshot& s) { return weightsAtStep(s, 300); }));
    const NetworkWeights& weights = *window.latestSnapshot()->weights;
    QCOMPARE(weights.updateStep, int64_t{300});  // the last step of a step limit is copied
    WeightView& view = window.weightView();
    view.setQuantity(WeightView::Quantity::Weights);
    int zeros = 0;
    for (size_t k = 0; k < weights.matrices.size(); ++k) {
        const WeightMatrix& m = weights.matrices[k];
        view.chooseMatrix(static_cast<int>(k));
        QVERIFY(showsValues(view, m.values, m.rows, m.cols));
        for (int64_t i = 0; i < m.rows; ++i)
            for (int64_t j = 0; j < m.cols; ++j) {
                QCOMPARE(view.shownAsExactZero(i, j), m.at(i, j) == 0);
                zeros += m.at(i, j) == 0;
            }
    }
    QVERIFY2(zeros > 0, "L1 left no weight at exactly 0");
    // Black, a colour no scale uses, and so the legend says.
    QCOMPARE(view.zeroColour(), kExactZeroColour);
    QCOMPARE(view.scale().colour(0), kExactZeroColour);
    QVERIFY(view.scale().colour(1e-9) != kExactZeroColour);
    QVERIFY(view.scale().colour(view.scale().low) != kExactZeroColour);
    if (const QByteArray folder = qgetenv("KOTO_TEST_SCREENSHOTS"); !folder.isEmpty()) {
        QTest::qWait(300);
        window.grab().save(QString::fromLocal8Bit(folder) + QStringLiteral("/weights_l1.png"));
    }
}

// An LSTM's Wx (D x 4U) as its four gates' blocks, each under its own name.
void TestWeightsView::lstmGateBlocks() {
    kototest::MainWindowFixture fixture;
    const StartingWork lesson = kototest::lesson("sine:n=40,window=6", "lstm:4,seq:last");
    QVERIFY(fixture.open(lesson));
    MainWindow& window = *fixture.window;
    QVERIFY(window.showChart(QStringLiteral("weights")));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return weightsAtStep(s, 0); }));
    WeightView& view = window.weightView();
    QCOMPARE(view.matrixCount(), 12 + 2);  // Wx, Wh and b in 4 blocks each; the dense W2, b2
    const QStringList names{"Wxi1", "Wxf1", "Wxo1", "Wxg1", "Whi1", "Whf1",
                            "Who1", "Whg1", "bi1",  "bf1",  "bo1",  "bg1"};
    for (int k = 0; k < names.size(); ++k) QCOMPARE(view.matrixName(k), names[k]);
    const WeightMatrix& wx = window.latestSnapshot()->weights->matrices[0];
    QCOMPARE(wx.cols, int64_t{16});
    view.chooseMatrix(1);  // the forget gate's block: columns 4..7 of Wx
    QVERIFY(showsValues(view, wx.values, wx.rows, 4, 4, 16));
    QVERIFY(
        view.cellText(0, 1).endsWith(QStringLiteral(": input x1(t) → forget gate f of unit 2")));
    view.chooseMatrix(5);
    QVERIFY(view.cellText(2, 0).endsWith(QStringLiteral(": h3(t−1) → forget gate f of unit 1")));
}

QTEST_MAIN(TestWeightsView)
#include "test_weights_view.moc"
