// The dropout and noise view (issue 13, part 11), offscreen in the main window: its tab only for
// networks with dropout or noise; nothing before the first step (they act only while training);
// after a step, the mask it draws is the mask that step's dropout layer used (kept where it is
// 1/p, dropped where 0) for the mini-batch's first rows; each step draws a new one.

#include <QTabWidget>
#include <QTest>

#include "main_window_fixture.h"
#include "training/training_controller.h"
#include "training/training_worker.h"
#include "views/dropout_noise_view.h"
#include "views/image_stack_view.h"
#include "window/main_window.h"

using namespace koto;
using namespace koto::gui;
using kototest::waitForSnapshot;

namespace {

DropoutNoiseView& dropoutView(MainWindow& window) {
    return *window.findChild<DropoutNoiseView*>(QStringLiteral("dropoutNoise"));
}

}  // namespace

class TestDropoutView : public QObject {
    Q_OBJECT
private slots:
    void theMaskOfEachStep();
    void onlyForNetworksWithDropoutOrNoise();
};

void TestDropoutView::theMaskOfEachStep() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(kototest::lesson("spiral", "dense:12:tanh,dropout:0.5")));
    MainWindow& window = *fixture.window;
    DropoutNoiseView& view = dropoutView(window);
    QVERIFY(window.charts().isTabVisible(window.charts().indexOf(&view)));
    QVERIFY(window.showChart(QStringLiteral("dropout")));
    QTest::qWait(50);
    QVERIFY(view.stacksShown().empty());  // no training pass yet

    std::vector<float> previous;
    for (int64_t step = 1; step <= 2; ++step) {
        window.controller().stepBatch();
        QVERIFY(waitForSnapshot(window, [step](const TrainingSnapshot& s) {
            return s.paused && s.steps == step && s.stochasticPasses && s.stochasticStep == step;
        }));
        QTest::qWait(50);
        const std::vector<StochasticPass>& passes = *window.latestSnapshot()->stochasticPasses;
        QCOMPARE(passes.size(), size_t{1});
        const StochasticPass& pass = passes.front();
        QCOMPARE(pass.values, int64_t{12});
        QCOMPARE(pass.rows,
                 int64_t{10});  // the lesson's whole mini-batch: fewer than kStochasticRows
        for (size_t i = 0; i < pass.random.size(); ++i) {
            QVERIFY(pass.random[i] == 0 || std::abs(pass.random[i] - 2.0f) < 1e-6f);
            QVERIFY(std::abs(pass.output[i] - pass.input[i] * pass.random[i]) < 1e-6f);
        }
        // The picture: white (1) where kept, black (0) where dropped, cell for cell.
        const std::vector<const ImageStackView*> shown = view.stacksShown();
        QCOMPARE(shown.size(), size_t{1});
        const ImageStack& drawn = shown.front()->stack();
        QCOMPARE(drawn.height, pass.rows);
        QCOMPARE(drawn.width, pass.values);
        for (int64_t r = 0; r < pass.rows; ++r)
            for (int64_t v = 0; v < pass.values; ++v)
                QCOMPARE(drawn.at(0, r, v), pass.at(pass.random, r, v) != 0 ? 1.0f : 0.0f);
        QVERIFY(pass.random != previous);  // each step draws anew
        previous = pass.random;
    }
}

void TestDropoutView::onlyForNetworksWithDropoutOrNoise() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(kototest::lesson("xor", "dense:4:tanh")));
    MainWindow& window = *fixture.window;
    QVERIFY(!window.charts().isTabVisible(window.charts().indexOf(&dropoutView(window))));
    QVERIFY(!window.showChart(QStringLiteral("dropout")));
    QVERIFY(!window.latestSnapshot()->stochasticPasses);
}

QTEST_MAIN(TestDropoutView)
#include "test_dropout_view.moc"
