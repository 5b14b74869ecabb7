// A run's history (issue 16): a checkpoint holds exactly the weights the run had after its
// epoch; a fork from epoch k with unchanged settings trains the original's later epochs bit for
// bit (dropout, momentum, Adam's moments and the shuffle included); a fork with another learning
// rate differs from its first step on; the history stays within its capacity however long the
// run, and within its stated size in a project file, which reads it back as it was written and
// refuses a history that would index samples that are not there.

#include <QtTest>

#include <memory>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "io/run_record_json.h"
#include "training/project_capture.h"
#include "training/run_history.h"
#include "util/errors.h"

using namespace koto;

namespace {

std::shared_ptr<const Dataset> spiral() {
    return std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("spiral:n=200")));
}

TrainingSettings settingsWith(const std::string& optimizer) {
    TrainingSettings settings;
    settings.learningRate = optimizer == "adam" ? 0.01 : 0.1;
    settings.batchSize = 16;
    settings.seed = 11;
    settings.optimizer = optimizer;
    settings.momentum = 0.9;
    return settings;
}

// A network with dropout, so that a fork must also draw the original's masks.
NetworkSpec spec(const Dataset& data) {
    return networkSpecFromTokens("dense:12:relu,dropout:0.2,dense:8:tanh", data, std::nullopt);
}

// A run of `epochs` epochs with its history kept.
void train(TrainingRun& run, RunHistory& history, int64_t epochs) {
    HistoryKeeper keeper(run.trainer(), history);
    run.trainer().addObserver(&keeper);
    run.trainer().train(epochs);
    run.trainer().removeObserver(&keeper);
}

}  // namespace

class TestRunHistory : public QObject {
    Q_OBJECT

private slots:
    void aCheckpointHoldsTheWeightsOfItsEpoch();
    void aForkWithUnchangedSettingsReproducesTheRun_data();
    void aForkWithUnchangedSettingsReproducesTheRun();
    void aForkWithAnotherRateDiffersFromItsFirstStep();
    void aForkToAnotherOptimizerStartsItsStateAfresh();
    void theHistoryIsBoundedHoweverLongTheRun();
    void aProjectKeepsItsHistoryWithinItsStatedSize();
    void aProjectReadsBackItsHistoryAndForks();
    void aHostileHistoryIsRefused_data();
    void aHostileHistoryIsRefused();
};

void TestRunHistory::aCheckpointHoldsTheWeightsOfItsEpoch() {
    CpuBackend backend;
    const auto data = spiral();
    TrainingRun run(backend, spec(*data), data, settingsWith("momentum"));
    RunHistory history;
    train(run, history, 5);
    QCOMPARE(history.checkpoints().size(), size_t{6});  // epoch 0 and five epoch ends
    for (int64_t epoch = 0; epoch <= 5; ++epoch) {
        TrainingRun separate(backend, spec(*data), data, settingsWith("momentum"));
        separate.trainer().train(epoch);
        const RunCheckpoint* checkpoint = history.at(epoch);
        QVERIFY(checkpoint);
        QVERIFY(checkpoint->weights == captureWeights(separate.network()));
        QCOMPARE(checkpoint->steps, separate.trainer().stepsDone());
    }
}

void TestRunHistory::aForkWithUnchangedSettingsReproducesTheRun_data() {
    QTest::addColumn<QString>("optimizer");
    for (const char* name : {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"})
        QTest::newRow(name) << name;
}

void TestRunHistory::aForkWithUnchangedSettingsReproducesTheRun() {
    QFETCH(QString, optimizer);
    CpuBackend backend;
    const auto data = spiral();
    const TrainingSettings settings = settingsWith(optimizer.toStdString());
    TrainingRun original(backend, spec(*data), data, settings);
    RunHistory history;
    train(original, history, 8);
    const std::vector<EpochMetrics>& curve = original.trainer().curve().points();

    auto fork = forkTrainingRun(backend, spec(*data), data, settings, *history.at(3), curve);
    QCOMPARE(fork->trainer().epochsDone(), int64_t{3});
    QCOMPARE(fork->trainer().curve().points().size(), size_t{3});  // the curve up to the fork
    RunHistory forkHistory;
    train(*fork, forkHistory, 5);
    for (int64_t epoch = 4; epoch <= 8; ++epoch)
        QVERIFY2(*forkHistory.at(epoch) == *history.at(epoch),
                 qPrintable(QString("epoch %1").arg(epoch)));
    const std::vector<EpochMetrics>& forkCurve = fork->trainer().curve().points();
    QCOMPARE(forkCurve.size(), curve.size());
    for (size_t i = 0; i < curve.size(); ++i) {
        QCOMPARE(forkCurve[i].train.loss, curve[i].train.loss);
        QCOMPARE(forkCurve[i].test.accuracy, curve[i].test.accuracy);
    }
}

void TestRunHistory::aForkWithAnotherRateDiffersFromItsFirstStep() {
    CpuBackend backend;
    const auto data = spiral();
    const TrainingSettings settings = settingsWith("momentum");
    TrainingRun original(backend, spec(*data), data, settings);
    RunHistory history;
    train(original, history, 4);
    const auto& curve = original.trainer().curve().points();
    TrainingSettings lower = settings;
    lower.learningRate = settings.learningRate / 10;
    auto same = forkTrainingRun(backend, spec(*data), data, settings, *history.at(2), curve);
    auto slower = forkTrainingRun(backend, spec(*data), data, lower, *history.at(2), curve);
    QVERIFY(captureWeights(same->network()) == captureWeights(slower->network()));
    QVERIFY(same->trainer().step());
    QVERIFY(slower->trainer().step());
    QVERIFY(!(captureWeights(same->network()) == captureWeights(slower->network())));
}

void TestRunHistory::aForkToAnotherOptimizerStartsItsStateAfresh() {
    CpuBackend backend;
    const auto data = spiral();
    TrainingRun original(backend, spec(*data), data, settingsWith("adam"));
    RunHistory history;
    train(original, history, 2);
    QCOMPARE(history.at(2)->optimizer.optimizer, std::string("adam"));
    QCOMPARE(history.at(2)->optimizer.tensors.size(), size_t{2 * 6});  // m and v of 6 parameters
    auto fork = forkTrainingRun(backend, spec(*data), data, settingsWith("momentum"),
                                *history.at(2), {});
    QCOMPARE(fork->trainer().optimizer().saveState(backend).tensors.size(), size_t{0});
    // A state of another optimizer is refused by name, not read as this one's.
    try {
        fork->trainer().optimizer().restoreState(backend, fork->network().parameters(),
                                                 history.at(2)->optimizer);
        QFAIL("adam's state restored into momentum");
    } catch (const InputError& error) {
        QVERIFY(QString(error.what()).contains("adam"));
    }
}

void TestRunHistory::theHistoryIsBoundedHoweverLongTheRun() {
    CpuBackend backend;
    const auto data =
        std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("xor:n=8")));
    TrainingSettings settings = settingsWith("sgd");
    settings.batchSize = 8;
    TrainingRun run(backend, networkSpecFromTokens("dense:2:tanh", *data, std::nullopt), data,
                    settings);
    RunHistory history(16);
    train(run, history, 10'000);
    const auto& kept = history.checkpoints();
    QVERIFY(kept.size() <= 16);
    QVERIFY(kept.size() >= 8);  // thinning halves a full history, no more
    QCOMPARE(kept.front().epoch, int64_t{0});
    for (const RunCheckpoint& checkpoint : kept) QCOMPARE(checkpoint.epoch % history.spacing(), 0);
    QVERIFY(kept.back().epoch > 10'000 - history.spacing() - 1);
    // The capacity of a big network's history keeps it within the byte budget.
    QCOMPARE(RunHistory::capacityFor(100LL << 20), size_t{2});
    QCOMPARE(RunHistory::capacityFor(1 << 20), RunHistory::kDefaultCapacity);
    QCOMPARE(RunHistory::capacityFor(16LL << 20, 256LL << 20), size_t{16});
}

void TestRunHistory::aProjectKeepsItsHistoryWithinItsStatedSize() {
    // 40 checkpoints of 4 MB each: 160 MB in memory, thinned to kMaxHistoryBytes in the file.
    std::vector<RunCheckpoint> checkpoints;
    for (int64_t epoch = 0; epoch < 40; ++epoch) {
        RunCheckpoint checkpoint;
        checkpoint.epoch = epoch;
        checkpoint.weights.push_back({"dense_1.W", 1000, 1000, std::vector<float>(1'000'000)});
        checkpoint.shuffleRandom = {1, 2, 3, 4};
        checkpoints.push_back(std::move(checkpoint));
    }
    const nlohmann::json json = historyJson({"run 1", "", 0, {}, {}, {}}, checkpoints, {});
    const History back = historyFrom(json, "p.koto");
    QVERIFY(checkpointBytes(back.checkpoints) <= kMaxHistoryBytes);
    QVERIFY(back.checkpoints.size() >= 6);
    QCOMPARE(back.checkpoints.front().epoch, int64_t{0});
    QCOMPARE(back.checkpoints.back().epoch, int64_t{39});  // where the run stands stays
    QVERIFY(static_cast<int64_t>(json.dump().size()) <= kMaxHistoryBytes / 3 * 4 + (1 << 20));
}

void TestRunHistory::aProjectReadsBackItsHistoryAndForks() {
    CpuBackend backend;
    const auto data = spiral();
    TrainingRun run(backend, spec(*data), data, settingsWith("rmsprop"));
    RunHistory history;
    train(run, history, 3);
    Project project = captureProject(run.trainer(), "spiral:n=200");
    project.run.name = "run 1";
    project.checkpoints = history.checkpoints();
    RunRecord fork{"lr 0.01 from epoch 2", "run 1", 2, settingsWith("sgd"),
                   run.trainer().curve().points(), {*history.at(2), *history.at(3)}};
    project.otherRuns.push_back(fork);
    const Project back = projectFromJson(projectToJson(project), "p.koto");
    QCOMPARE(back.run.name, std::string("run 1"));
    QVERIFY(back.checkpoints == project.checkpoints);  // every bit, optimizer state too
    QCOMPARE(back.otherRuns.size(), size_t{1});
    QCOMPARE(back.otherRuns[0].name, fork.name);
    QCOMPARE(back.otherRuns[0].parent, fork.parent);
    QCOMPARE(back.otherRuns[0].forkEpoch, int64_t{2});
    QCOMPARE(back.otherRuns[0].settings.optimizer, std::string("sgd"));
    QCOMPARE(back.otherRuns[0].curves.size(), size_t{3});
    QVERIFY(back.otherRuns[0].checkpoints == fork.checkpoints);
    // A project without history writes none: older files and readers stay as they were.
    Project plain = project;
    plain.checkpoints.clear();
    plain.otherRuns.clear();
    QVERIFY(!QString::fromStdString(projectToJson(plain)).contains("\"history\""));
}

void TestRunHistory::aHostileHistoryIsRefused_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("named");
    QTest::newRow("order not a permutation")
        << "shuffle_order" << "\"AAAAAAAAAAA=\"" << "each sample's index once";
    QTest::newRow("order index out of range")
        << "shuffle_order" << "\"/////w==\"" << "each sample's index once";
    QTest::newRow("zero generator") << "shuffle_random" << "[0,0,0,0]" << "all zeros";
    QTest::newRow("negative generator") << "shuffle_random" << "[-1,0,0,0]" << "four whole";
    QTest::newRow("epoch back in time") << "epoch" << "0" << "later than";
    QTest::newRow("weights of another net")
        << "weights" << "[{\"name\":\"dense_1.W\",\"shape\":[1,1],\"data\":\"AAAAAA==\"}]"
        << "the network 6";
}

void TestRunHistory::aHostileHistoryIsRefused() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, named);
    CpuBackend backend;
    const auto data = spiral();
    TrainingRun run(backend, spec(*data), data, settingsWith("sgd"));
    RunHistory history;
    train(run, history, 1);
    Project project = captureProject(run.trainer(), "spiral:n=200");
    project.checkpoints = history.checkpoints();
    nlohmann::json json = nlohmann::json::parse(projectToJson(project));
    json["history"]["checkpoints"][1][field.toStdString()] =
        nlohmann::json::parse(value.toStdString());
    try {
        projectFromJson(json.dump(), "p.koto");
        QFAIL("accepted");
    } catch (const InputError& error) {
        QVERIFY2(QString(error.what()).contains(named), error.what());
        QVERIFY2(QString(error.what()).startsWith("p.koto"), error.what());
    }
}

QTEST_APPLESS_MAIN(TestRunHistory)
#include "test_run_history.moc"
