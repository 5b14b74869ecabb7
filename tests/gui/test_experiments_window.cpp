// The experiments window (issue 16), offscreen: the race on a surface draws exactly the
// parameter values after each step; the race on the network starts every optimizer from the same
// weights; a sweep's cell equals a separate run with its settings (same seed); cancelling a sweep
// keeps the cells that finished; values that are not numbers are refused by name.

#include <QTableWidget>
#include <QTest>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "experiments/experiments_window.h"
#include "experiments/race_panel.h"
#include "experiments/surface_race_plot.h"
#include "experiments/sweep_panel.h"
#include "io/layer_tokens.h"
#include "training/training_run.h"

using namespace koto;
using namespace koto::gui;

namespace {

struct Subject {
    NetworkSpec spec;
    std::shared_ptr<const Dataset> dataset;
    TrainingSettings settings;
};

Subject xorSubject() {
    Subject s;
    s.dataset = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("xor:n=60")));
    s.spec = networkSpecFromTokens("dense:6:tanh", *s.dataset, std::nullopt);
    s.settings.batchSize = 10;
    s.settings.seed = 5;
    s.settings.learningRate = 0.1;
    return s;
}

bool waitForJob(BackgroundJob& job, int timeoutMs = 60000) {
    return QTest::qWaitFor([&] { return !job.running(); }, timeoutMs);
}

}  // namespace

class TestExperimentsWindow : public QObject {
    Q_OBJECT

private slots:
    void init() {
        window_ = std::make_unique<ExperimentsWindow>();
        const Subject s = xorSubject();
        window_->setSubject(s.spec, s.dataset, s.settings);
        window_->show();
    }
    void cleanup() { window_.reset(); }

    void aSurfaceRaceDrawsTheParameterValuesAfterEachStep();
    void aNetworkRaceStartsEveryOptimizerFromTheSameWeights();
    void aSweepCellEqualsASeparateRun();
    void cancellingASweepKeepsTheFinishedCells();
    void valuesThatAreNotNumbersAreRefused();

private:
    std::unique_ptr<ExperimentsWindow> window_;
};

void TestExperimentsWindow::aSurfaceRaceDrawsTheParameterValuesAfterEachStep() {
    RacePanel& race = window_->race();
    race.chooseProblem(1);  // the bowl
    race.chooseOptimizers({"sgd", "momentum", "adam"});
    race.setSteps(25);
    race.race();
    const std::vector<std::vector<QPointF>> drawn = race.surfacePlot().drawnTrails();
    const std::vector<SurfaceTrail> expected =
        raceOnSurface(lossSurface("bowl"), race.entrants(), 25);
    QCOMPARE(drawn.size(), size_t{3});
    for (size_t i = 0; i < drawn.size(); ++i) {
        QCOMPARE(drawn[i].size(), size_t{26});  // the start and 25 steps
        for (size_t k = 0; k < drawn[i].size(); ++k) {
            QCOMPARE(drawn[i][k].x(), expected[i].points[k].at.p0);
            QCOMPARE(drawn[i][k].y(), expected[i].points[k].at.p1);
        }
    }
    QCOMPARE(drawn[0].front(), QPointF(lossSurface("bowl").start.p0, lossSurface("bowl").start.p1));
    QVERIFY(race.status().contains("momentum:0.9"));
}

void TestExperimentsWindow::aNetworkRaceStartsEveryOptimizerFromTheSameWeights() {
    RacePanel& race = window_->race();
    race.chooseProblem(race.problemCount() - 1);
    race.chooseOptimizers({"sgd", "rmsprop", "adam"});
    race.setSteps(4);
    race.race();
    QVERIFY(waitForJob(race.job()));
    QCOMPARE(race.curves().size(), size_t{3});
    for (const auto& curve : race.curves()) {
        QCOMPARE(curve.size(), size_t{5});  // epoch 0 and four more
        QCOMPARE(curve.front().epoch, int64_t{0});
        QCOMPARE(curve.front().test.loss, race.curves()[0].front().test.loss);  // one start
    }
    QVERIFY(race.curves()[0].back().test.loss != race.curves()[2].back().test.loss);
}

void TestExperimentsWindow::aSweepCellEqualsASeparateRun() {
    SweepPanel& sweep = window_->sweep();
    sweep.setAxes(SweepParameter::LearningRate, QStringLiteral("0.03, 0.3"), SweepParameter::L2,
                  QStringLiteral("0 0.001"));
    sweep.setEpochs(6);
    QVERIFY(sweep.run());
    QVERIFY(waitForJob(sweep.job()));
    QCOMPARE(sweep.results().size(), size_t{4});
    const Subject s = xorSubject();
    CpuBackend backend;
    for (size_t i = 0; i < 4; ++i) {
        const SweepCell& cell = sweep.cells()[i];
        QCOMPARE(cell.settings.learningRate, i < 2 ? 0.03 : 0.3);
        QCOMPARE(cell.settings.l2, i % 2 ? 0.001 : 0.0);
        TrainingRun separate(backend, s.spec, s.dataset, cell.settings);
        separate.trainer().train(6);
        QVERIFY(sweep.results()[i].has_value());
        QCOMPARE(sweep.results()[i]->final.test.loss, separate.trainer().curve().latest().test.loss);
        QCOMPARE(sweep.results()[i]->final.train.loss,
                 separate.trainer().curve().latest().train.loss);
    }
    // The heatmap: the first values down, the second across, every cell with its number.
    QCOMPARE(sweep.heatmap().rowCount(), 2);
    QCOMPARE(sweep.heatmap().columnCount(), 2);
    QCOMPARE(sweep.heatmap().item(1, 1)->text(),
             QString::number(sweep.results()[3]->final.test.loss, 'f', 4));
    QCOMPARE(sweep.table().rowCount(), 4);
}

void TestExperimentsWindow::cancellingASweepKeepsTheFinishedCells() {
    SweepPanel& sweep = window_->sweep();
    sweep.setAxes(SweepParameter::HiddenUnits, QStringLiteral("2, 4, 8, 16, 32, 64"),
                  SweepParameter::BatchSize, QStringLiteral("1, 2, 5"));
    sweep.setEpochs(300);
    QVERIFY(sweep.run());
    QVERIFY(QTest::qWaitFor([&] { return sweep.results()[0].has_value(); }, 60000));
    sweep.cancel();
    QVERIFY(waitForJob(sweep.job()));
    const auto finished = std::count_if(sweep.results().begin(), sweep.results().end(),
                                        [](const auto& r) { return r.has_value(); });
    QVERIFY(finished >= 1);
    QVERIFY(finished < 18);
    QVERIFY(sweep.results()[0].has_value());  // the first stays, with its numbers
    QVERIFY(!sweep.heatmap().item(0, 0)->text().isEmpty());
    QVERIFY(sweep.status().contains("Cancelled"));
}

void TestExperimentsWindow::valuesThatAreNotNumbersAreRefused() {
    SweepPanel& sweep = window_->sweep();
    sweep.setAxes(SweepParameter::LearningRate, QStringLiteral("0.1, fast"), std::nullopt, {});
    QVERIFY(!sweep.run());
    QVERIFY2(sweep.status().contains("fast"), qPrintable(sweep.status()));
    sweep.setAxes(SweepParameter::Momentum, QStringLiteral("0.5, 1.5"), std::nullopt, {});
    QVERIFY(!sweep.run());
    QVERIFY2(sweep.status().contains("momentum"), qPrintable(sweep.status()));
    QVERIFY(!sweep.job().running());
}

QTEST_MAIN(TestExperimentsWindow)
#include "test_experiments_window.moc"
