// The run's history in the main window (issue 16), offscreen: the slider under the charts shows
// exactly a checkpoint's weights and then the run as it stands again; "Fork here" keeps the run
// and goes on from the checkpoint with the panels' settings (with unchanged settings it trains
// the original's later epochs bit for bit), its parent drawn beside it on the learning curve;
// kept runs are renamed, deleted and taken up again; a saved project brings them all back.

#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "views/run_timeline.h"
#include "experiments/runs_dialog.h"
#include "main_window_fixture.h"
#include "panels/training_panel.h"
#include "training/training_controller.h"
#include "views/loss_curve_view.h"
#include "window/main_window.h"

using namespace koto;
using namespace koto::gui;
using kototest::waitForSnapshot;

namespace {

// The snapshot's weights by parameter id, as files keep them.
std::vector<SavedTensor> shownWeights(const TrainingSnapshot& snapshot) {
    std::vector<SavedTensor> weights;
    for (const WeightMatrix& m : snapshot.weights->matrices)
        weights.push_back({m.id, m.rows, m.cols, m.values});
    return weights;
}

const RunCheckpoint* checkpointOf(const Project& project, int64_t epoch) {
    for (const RunCheckpoint& checkpoint : project.checkpoints)
        if (checkpoint.epoch == epoch) return &checkpoint;
    return nullptr;
}

}  // namespace

class TestRunTimeline : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY(fixture_.open(kototest::lesson("spiral", "dense:8:tanh"))); }
    void cleanup() { fixture_.close(); }

    void theSliderShowsExactlyACheckpointsWeights();
    void aForkWithUnchangedSettingsTrainsTheSameEpochs();
    void aForkWithAnotherRateKeepsItsParentBesideIt();
    void keptRunsAreRenamedDeletedAndTakenUpAgain();
    void aProjectBringsBackItsHistoryAndRuns();

private:
    // Trains whole epochs at full speed, paused after them.
    bool trainEpochs(int64_t epochs) {
        const int64_t perEpoch = fixture_.window->latestSnapshot()->batchesPerEpoch;
        const int64_t steps = fixture_.window->latestSnapshot()->steps + epochs * perEpoch;
        return kototest::trainTo(*fixture_.window, steps);
    }
    // Moves the slider to the checkpoint of `epoch` (-1: its right end) and waits for the views.
    bool scrubTo(int64_t epoch) {
        MainWindow& window = *fixture_.window;
        window.showChart(QStringLiteral("weights"));  // the snapshots then carry the weights
        const std::vector<int64_t> epochs = window.latestSnapshot()->checkpointEpochs;
        int place = static_cast<int>(epochs.size());
        for (size_t i = 0; i < epochs.size(); ++i)
            if (epochs[i] == epoch) place = static_cast<int>(i);
        window.views().timeline().slider().setValue(place);
        return waitForSnapshot(window, [epoch](const TrainingSnapshot& s) {
            return s.viewedEpoch == epoch && s.weights;
        });
    }

    kototest::MainWindowFixture fixture_;
};

void TestRunTimeline::theSliderShowsExactlyACheckpointsWeights() {
    MainWindow& window = *fixture_.window;
    QVERIFY(window.showChart(QStringLiteral("weights")));
    QVERIFY(trainEpochs(5));
    const std::optional<Project> run = window.captureProject();
    QVERIFY(run);
    QCOMPARE(window.latestSnapshot()->checkpointEpochs, (std::vector<int64_t>{0, 1, 2, 3, 4, 5}));
    const std::vector<float> gridNow = window.latestSnapshot()->grid;

    QVERIFY(scrubTo(2));
    QVERIFY(shownWeights(*window.latestSnapshot()) == checkpointOf(*run, 2)->weights);
    QCOMPARE(window.latestSnapshot()->latest.epoch, int64_t{2});
    QVERIFY(window.latestSnapshot()->grid != gridNow);  // the boundary as it was then
    QVERIFY(!window.controller().isPlaying());
    QCOMPARE(window.views().timeline().chosenEpoch(), int64_t{2});

    QVERIFY(scrubTo(0));
    QVERIFY(shownWeights(*window.latestSnapshot()) == checkpointOf(*run, 0)->weights);

    QVERIFY(scrubTo(-1));  // the right end: the run as it stands, untouched by the scrubbing
    QVERIFY(shownWeights(*window.latestSnapshot()) == run->weights);
    QCOMPARE(window.latestSnapshot()->grid, gridNow);
    // Play goes on from where the run stands, not from the epoch looked at.
    QVERIFY(scrubTo(1));
    QVERIFY(trainEpochs(1));
    QCOMPARE(window.latestSnapshot()->epochs, int64_t{6});
    QCOMPARE(window.latestSnapshot()->viewedEpoch, int64_t{-1});
}

void TestRunTimeline::aForkWithUnchangedSettingsTrainsTheSameEpochs() {
    // With momentum, whose velocity the fork must carry on too.
    MainWindow& window = *fixture_.window;
    TrainingSettings momentum = kototest::lesson("spiral", "dense:8:tanh").settings;
    momentum.optimizer = "momentum";
    window.trainingPanel().setSettings(momentum, 0);
    window.rebuild();
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.batchesPerEpoch > 0; }));
    QVERIFY(trainEpochs(4));
    const std::optional<Project> original = window.captureProject();
    QVERIFY(original);
    QVERIFY(window.forkAt(2));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.epochs == 2; }));
    QCOMPARE(window.latestSnapshot()->steps, checkpointOf(*original, 2)->steps);
    QVERIFY(trainEpochs(2));
    const std::optional<Project> fork = window.captureProject();
    QVERIFY(fork);
    QCOMPARE(fork->training.optimizer, std::string("momentum"));
    QVERIFY(fork->weights == original->weights);  // every bit, after the same two epochs
    QVERIFY(*checkpointOf(*fork, 4) == *checkpointOf(*original, 4));
    QCOMPARE(fork->curves.back().test.loss, original->curves.back().test.loss);
}

void TestRunTimeline::aForkWithAnotherRateKeepsItsParentBesideIt() {
    MainWindow& window = *fixture_.window;
    QVERIFY(trainEpochs(4));
    const double rate = window.trainingPanel().learningRate();
    QVERIFY(scrubTo(2));
    window.trainingPanel().setLearningRate(rate / 10);
    window.views().timeline().forkButton().click();
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) {
        return s.epochs == 2 && s.viewedEpoch == -1;
    }));
    QCOMPARE(window.runs().kept().size(), size_t{1});
    const RunRecord& parent = window.runs().kept()[0];
    QCOMPARE(parent.name, std::string("Run 1"));
    QCOMPARE(parent.curves.size(), size_t{4});
    QCOMPARE(parent.settings.learningRate, rate);
    QCOMPARE(window.runs().current().name, std::string("Run 2"));
    QCOMPARE(window.runs().current().parent, std::string("Run 1"));
    QCOMPARE(window.runs().current().forkEpoch, int64_t{2});
    QCOMPARE(window.views().lossCurve().otherRunCount(), 1);
    // The fork's curve holds the parent's first two epochs, then its own.
    QCOMPARE(window.views().lossCurve().curve().latest().epoch, int64_t{2});
    QVERIFY(trainEpochs(1));
    const std::optional<Project> fork = window.captureProject();
    QVERIFY(fork);
    QCOMPARE(fork->training.learningRate, rate / 10);
    QVERIFY(!(fork->weights == checkpointOf(*fork, 2)->weights));
    QVERIFY(!(checkpointOf(*fork, 3)->weights == parent.checkpoints[3].weights));
    QVERIFY(RunBook::difference(parent.settings, fork->training).contains("learning rate"));
    // Rebuilt from initial weights (as a change of batch size does), the run is forked from
    // nothing any more; the run kept beside it stays.
    window.rebuild();
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.steps == 0; }));
    QVERIFY(window.runs().current().parent.empty());
    QCOMPARE(window.runs().kept().size(), size_t{1});
}

void TestRunTimeline::keptRunsAreRenamedDeletedAndTakenUpAgain() {
    MainWindow& window = *fixture_.window;
    QVERIFY(trainEpochs(3));
    QVERIFY(window.forkAt(1));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.epochs == 1; }));
    QVERIFY(trainEpochs(1));
    QCOMPARE(window.runs().kept().size(), size_t{1});

    // Taking up Run 1 again: it stands at epoch 3, and Run 2 (at epoch 2) is kept instead.
    QVERIFY(window.continueKeptRun(0));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.epochs == 3; }));
    QCOMPARE(window.runs().current().name, std::string("Run 1"));
    QCOMPARE(window.runs().kept()[0].name, std::string("Run 2"));
    QCOMPARE(window.runs().kept()[0].curves.back().epoch, int64_t{2});

    // The runs table: a name is edited in place (a taken one refused), a run deleted.
    RunBook& book = const_cast<RunBook&>(window.runs());
    RunsDialog dialog(book, {}, {"Run 2"});
    QCOMPARE(dialog.table().rowCount(), 2);
    dialog.table().item(1, 1)->setText(QStringLiteral("slow"));
    QCOMPARE(book.kept()[0].name, std::string("slow"));
    QVERIFY(dialog.shownRuns().count("slow"));
    dialog.table().item(1, 1)->setText(QStringLiteral("Run 1"));  // taken
    QCOMPARE(book.kept()[0].name, std::string("slow"));
    QCOMPARE(dialog.table().item(1, 1)->text(), QStringLiteral("slow"));
    dialog.chooseRow(1);
    dialog.findChild<QPushButton*>(QStringLiteral("deleteRun"))->click();
    QCOMPARE(book.kept().size(), size_t{0});
    QCOMPARE(dialog.table().rowCount(), 1);
}

void TestRunTimeline::aProjectBringsBackItsHistoryAndRuns() {
    MainWindow& window = *fixture_.window;
    QVERIFY(trainEpochs(3));
    QVERIFY(window.forkAt(2));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.epochs == 2; }));
    QVERIFY(trainEpochs(1));
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("runs.koto"));
    QVERIFY(window.session().saveTo(path));
    QVERIFY(window.session().openFile(path));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) {
        return s.epochs == 3 && s.checkpointEpochs.size() == 4;
    }));
    QCOMPARE(window.runs().current().name, std::string("Run 2"));
    QCOMPARE(window.runs().current().parent, std::string("Run 1"));
    QCOMPARE(window.runs().kept().size(), size_t{1});
    QCOMPARE(window.runs().kept()[0].checkpoints.back().epoch, int64_t{3});
    QCOMPARE(window.views().lossCurve().otherRunCount(), 1);
    // Scrubbing works on the reopened run's history.
    QVERIFY(scrubTo(1));
}

QTEST_MAIN(TestRunTimeline)
#include "test_run_timeline.moc"
