// A sweep's combinations (issue 16): every pair of values, the first axis outermost, put into the
// settings or the network's hidden layers; values out of their setting's range, a network
// without hidden layers to widen and too many cells are refused by name before anything trains;
// a cell that diverges is a result that says so, not an exception.

#include <QtTest>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "training/hyperparameter_sweep.h"
#include "util/errors.h"

using namespace koto;

namespace {

std::shared_ptr<const Dataset> xorData() {
    return std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("xor:n=40")));
}

}  // namespace

class TestHyperparameterSweep : public QObject {
    Q_OBJECT

private slots:
    void everyCombinationTakesItsValues();
    void hiddenUnitsWidenEveryHiddenDenseLayer();
    void badSweepsAreRefusedByName_data();
    void badSweepsAreRefusedByName();
    void aDivergingCellIsAResult();
};

void TestHyperparameterSweep::everyCombinationTakesItsValues() {
    const auto data = xorData();
    const NetworkSpec spec = networkSpecFromTokens("dense:4:tanh", *data, std::nullopt);
    const std::vector<SweepCell> cells =
        sweepCells({{SweepParameter::LearningRate, {0.1, 0.3}},
                    {SweepParameter::BatchSize, {1, 5, 10}}},
                   TrainingSettings{}, spec);
    QCOMPARE(cells.size(), size_t{6});
    QCOMPARE(cells[4].values, (std::vector<double>{0.3, 5}));
    QCOMPARE(cells[4].settings.learningRate, 0.3);
    QCOMPARE(cells[4].settings.batchSize, int64_t{5});
    QCOMPARE(cells[2].settings.learningRate, 0.1);
    QCOMPARE(cells[2].settings.batchSize, int64_t{10});
    QVERIFY(cells[2].spec == spec);
}

void TestHyperparameterSweep::hiddenUnitsWidenEveryHiddenDenseLayer() {
    const auto data = xorData();
    const NetworkSpec spec =
        networkSpecFromTokens("dense:4:tanh,dropout:0.5,dense:3:relu", *data, std::nullopt);
    const std::vector<SweepCell> cells =
        sweepCells({{SweepParameter::HiddenUnits, {8}}}, TrainingSettings{}, spec);
    const std::vector<LayerSpec>& layers = cells[0].spec.layers;
    QCOMPARE(layers[0].integer("units"), int64_t{8});
    QCOMPARE(layers[2].integer("units"), int64_t{8});
    QCOMPARE(layers.back().integer("units"), int64_t{2});  // the output layer keeps its classes
}

void TestHyperparameterSweep::badSweepsAreRefusedByName_data() {
    QTest::addColumn<int>("parameter");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("named");
    QTest::newRow("rate 0") << int(SweepParameter::LearningRate) << 0.0 << "learning_rate";
    QTest::newRow("momentum 1") << int(SweepParameter::Momentum) << 1.0 << "momentum";
    QTest::newRow("negative L2") << int(SweepParameter::L2) << -0.1 << "l2";
    QTest::newRow("half a batch") << int(SweepParameter::BatchSize) << 0.5 << "batch";
    QTest::newRow("no units") << int(SweepParameter::HiddenUnits) << 0.0 << "units";
}

void TestHyperparameterSweep::badSweepsAreRefusedByName() {
    QFETCH(int, parameter);
    QFETCH(double, value);
    QFETCH(QString, named);
    const auto data = xorData();
    const NetworkSpec spec = networkSpecFromTokens("dense:4:tanh", *data, std::nullopt);
    try {
        sweepCells({{static_cast<SweepParameter>(parameter), {0.1 + 0.2, value}}},
                   TrainingSettings{}, spec);
        QFAIL("accepted");
    } catch (const InputError& error) {
        QVERIFY2(QString(error.what()).contains(named), error.what());
    }
}

void TestHyperparameterSweep::aDivergingCellIsAResult() {
    const auto data = xorData();
    const NetworkSpec spec = networkSpecFromTokens("dense:4:relu", *data, std::nullopt);
    TrainingSettings settings;
    settings.epochs = 3;
    const std::vector<SweepCell> cells =
        sweepCells({{SweepParameter::LearningRate, {1e30, 0.1}}}, settings, spec);
    CpuBackend backend;
    const SweepResult blown = trainSweepCell(backend, cells[0], data);
    QVERIFY(blown.diverged);
    QVERIFY(!blown.message.empty());
    const SweepResult fine = trainSweepCell(backend, cells[1], data);
    QVERIFY(!fine.diverged);
    QCOMPARE(fine.final.epoch, int64_t{3});
    // Refused before training: no hidden layer to widen, too many cells, one parameter twice.
    const NetworkSpec logistic = networkSpecFromTokens("", *data, std::nullopt);
    QVERIFY_THROWS_EXCEPTION(InputError,
                             sweepCells({{SweepParameter::HiddenUnits, {4}}}, settings, logistic));
    std::vector<double> many(21, 0.1);
    QVERIFY_THROWS_EXCEPTION(InputError, sweepCells({{SweepParameter::LearningRate, many},
                                                     {SweepParameter::L2, many}},
                                                    settings, spec));
    QVERIFY_THROWS_EXCEPTION(InputError, sweepCells({{SweepParameter::L2, {0}},
                                                     {SweepParameter::L2, {0.1}}},
                                                    settings, spec));
}

QTEST_APPLESS_MAIN(TestHyperparameterSweep)
#include "test_hyperparameter_sweep.moc"
