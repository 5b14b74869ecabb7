// The optimizer race (issue 16): every entrant starts from bit-identical weights and sees the
// same mini-batches in the same order, so an entrant trains exactly as a run of its own would;
// the list of entrants is read with each optimizer's parameters and refused by name when wrong;
// an entrant that diverges drops out and the others go on.

#include <QtTest>

#include <cmath>
#include <memory>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "training/checkpoint.h"
#include "training/optimizer_race.h"
#include "util/errors.h"

using namespace koto;

namespace {

std::shared_ptr<const Dataset> spiral() {
    return std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("spiral:n=200")));
}

TrainingSettings smallBatches() {
    TrainingSettings settings;
    settings.learningRate = 0.1;
    settings.batchSize = 10;
    settings.seed = 7;
    return settings;
}

}  // namespace

class TestOptimizerRace : public QObject {
    Q_OBJECT

private slots:
    void entrantsAreReadWithTheirParameters();
    void badEntrantsAreRefusedByName_data();
    void badEntrantsAreRefusedByName();
    void everyEntrantStartsAlikeAndSeesTheSameBatches();
    void anEntrantTrainsAsARunOfItsOwn();
    void aDivergingEntrantDropsOutAndTheOthersGoOn();
};

void TestOptimizerRace::entrantsAreReadWithTheirParameters() {
    const std::vector<RaceEntrant> entrants =
        raceEntrants("sgd,momentum:0.5@0.05,rmsprop:0.95:0.3,adam@0.001", smallBatches());
    QCOMPARE(entrants.size(), size_t{4});
    QCOMPARE(entrants[1].label, std::string("momentum:0.5@0.05"));
    QCOMPARE(entrants[0].settings.optimizer, std::string("sgd"));
    QCOMPARE(entrants[0].settings.learningRate, 0.1);  // the race's own rate
    QCOMPARE(entrants[1].settings.momentum, 0.5);
    QCOMPARE(entrants[1].settings.learningRate, 0.05);
    QCOMPARE(entrants[2].settings.decay, 0.95);
    QCOMPARE(entrants[2].settings.momentum, 0.3);
    QCOMPARE(entrants[3].settings.optimizer, std::string("adam"));
    QCOMPARE(entrants[3].settings.learningRate, 0.001);
    QCOMPARE(entrants[3].settings.batchSize, int64_t{10});
}

void TestOptimizerRace::badEntrantsAreRefusedByName_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("named");
    QTest::newRow("one") << "adam" << "from 2 to 8";
    QTest::newRow("unknown") << "sgd,rprop" << "rprop";
    QTest::newRow("parameter of sgd") << "sgd:0.9,adam" << "takes no parameter";
    QTest::newRow("mu out of range") << "sgd,momentum:1.5" << "momentum";
    QTest::newRow("rate not a number") << "sgd,adam@fast" << "learning rate";
    QTest::newRow("negative rate") << "sgd,adam@-1" << "learning_rate";
    QTest::newRow("nine") << "sgd,sgd,sgd,sgd,sgd,sgd,sgd,sgd,sgd" << "from 2 to 8";
}

void TestOptimizerRace::badEntrantsAreRefusedByName() {
    QFETCH(QString, text);
    QFETCH(QString, named);
    try {
        raceEntrants(text.toStdString(), smallBatches());
        QFAIL("accepted");
    } catch (const InputError& error) {
        QVERIFY2(QString::fromStdString(error.what()).contains(named), error.what());
    }
}

void TestOptimizerRace::everyEntrantStartsAlikeAndSeesTheSameBatches() {
    CpuBackend backend;
    const auto data = spiral();
    const NetworkSpec spec = networkSpecFromTokens("dense:8:tanh", *data, std::nullopt);
    OptimizerRace race(backend, spec, data,
                       raceEntrants("sgd,momentum:0.9,adam@0.01", smallBatches()));
    const auto checkpoint = [&](size_t i) {
        return takeCheckpoint(race.run(i).trainer(), TrainingCheckpoint::Taken::AtEpochEnd);
    };
    for (size_t i = 1; i < race.size(); ++i)
        QVERIFY(checkpoint(i).weights == checkpoint(0).weights);  // every bit
    for (int epoch = 1; epoch <= 3; ++epoch) {
        QVERIFY(race.trainEpoch().empty());
        const TrainingCheckpoint first = checkpoint(0);
        QCOMPARE(first.shuffleOrder.size(), size_t{100});
        for (size_t i = 1; i < race.size(); ++i) {
            const TrainingCheckpoint other = checkpoint(i);
            QVERIFY(other.shuffleOrder == first.shuffleOrder);
            QCOMPARE(other.steps, first.steps);
            QVERIFY(!(other.weights == first.weights));  // each optimizer went its own way
        }
    }
}

void TestOptimizerRace::anEntrantTrainsAsARunOfItsOwn() {
    CpuBackend backend;
    const auto data = spiral();
    const NetworkSpec spec = networkSpecFromTokens("dense:8:tanh", *data, std::nullopt);
    const std::vector<RaceEntrant> entrants = raceEntrants("adam@0.01,momentum:0.9", smallBatches());
    OptimizerRace race(backend, spec, data, entrants);
    race.trainEpoch();
    race.trainEpoch();
    TrainingRun alone(backend, spec, data, entrants[1].settings);
    alone.trainer().train(2);
    const auto weights = [](TrainingRun& run) {
        return takeCheckpoint(run.trainer(), TrainingCheckpoint::Taken::AtEpochEnd).weights;
    };
    QVERIFY(weights(race.run(1)) == weights(alone));
    QCOMPARE(race.run(1).trainer().curve().latest().test.loss,
             alone.trainer().curve().latest().test.loss);
}

void TestOptimizerRace::aDivergingEntrantDropsOutAndTheOthersGoOn() {
    CpuBackend backend;
    const auto data = spiral();
    const NetworkSpec spec = networkSpecFromTokens("dense:8:relu", *data, std::nullopt);
    OptimizerRace race(backend, spec, data, raceEntrants("sgd@1e30,adam@0.01", smallBatches()));
    const std::vector<size_t> dropped = race.trainEpoch();
    QCOMPARE(dropped, std::vector<size_t>{0});
    QVERIFY(race.dropOut(0).has_value());
    QVERIFY(!race.dropOut(1).has_value());
    QVERIFY(race.trainEpoch().empty());
    QCOMPARE(race.run(1).trainer().epochsDone(), int64_t{2});
    QVERIFY(std::isfinite(race.run(1).trainer().curve().latest().train.loss));
}

QTEST_APPLESS_MAIN(TestOptimizerRace)
#include "test_optimizer_race.moc"
