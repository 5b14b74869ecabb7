// Same seed, same numbers: training twice gives bit-identical weights, a different seed gives
// others, rebuilding a network from its seed restores the initial weights exactly (the app's
// Reset), and the datasets are the same for the same seed.

#include <QtTest>

#include "backend/cpu_backend.h"
#include "data/playground_datasets.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "koto_test_support.h"
#include "training/training_run.h"

using namespace koto;
using kototest::firstDifference;
using kototest::sameBits;
using kototest::sameWeights;

namespace {

TrainingSettings settingsWithSeed(uint64_t seed) {
    TrainingSettings settings;
    settings.learningRate = 0.1;
    settings.batchSize = 10;
    settings.seed = seed;
    return settings;
}

// A training run of its own: backend, data and network.
struct Run {
    Run(const QString& datasetSpec, const QString& layers, uint64_t seed)
        : data(kototest::dataset(datasetSpec.toStdString())),
          run(backend, networkSpecFromTokens(layers.toStdString(), *data), data,
              settingsWithSeed(seed)) {}
    std::vector<SavedTensor> train(int epochs) {
        run.trainer().train(epochs);
        return captureWeights(run.network());
    }
    CpuBackend backend;
    std::shared_ptr<const Dataset> data;
    TrainingRun run;
};

bool sameSplit(const DataSplit& a, const DataSplit& b) {
    return a.count == b.count && sameBits(a.inputs, b.inputs) && a.labels == b.labels &&
           sameBits(a.targets, b.targets);
}

}  // namespace

class TestDeterminism : public QObject {
    Q_OBJECT

private slots:
    void sameSeedGivesBitIdenticalWeights_data();
    void sameSeedGivesBitIdenticalWeights();
    void differentSeedGivesDifferentWeights();
    void rebuildingFromTheSeedRestoresInitialWeights();
    void datasetsAreDeterministicPerSeed_data();
    void datasetsAreDeterministicPerSeed();
    void datasetDefaultsAreThePlaygrounds();
};

void TestDeterminism::sameSeedGivesBitIdenticalWeights_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("layers");
    QTest::newRow("spiral, tanh") << "spiral"
                                  << "dense:8:tanh,dense:8:tanh";
    QTest::newRow("xor with noise, relu") << "xor:noise=0.2"
                                          << "dense:8:relu";
    QTest::newRow("plane regression, sigmoid") << "plane"
                                               << "dense:6:sigmoid";
}

void TestDeterminism::sameSeedGivesBitIdenticalWeights() {
    QFETCH(QString, dataset);
    QFETCH(QString, layers);
    // Both runs exist at once, so that nothing can depend on reusing the first one's memory.
    Run one(dataset, layers, 5), two(dataset, layers, 5);
    const auto first = one.train(20);
    const auto second = two.train(20);
    QVERIFY2(sameWeights(first, second), qPrintable(firstDifference(first, second)));
}

void TestDeterminism::differentSeedGivesDifferentWeights() {
    const auto seed5 = Run("spiral", "dense:8:tanh", 5).train(5);
    const auto seed6 = Run("spiral", "dense:8:tanh", 6).train(5);
    QCOMPARE(seed5.size(), seed6.size());
    for (size_t i = 0; i < seed5.size(); ++i)
        QVERIFY2(!sameBits(seed5[i].values, seed6[i].values), seed5[i].name.c_str());
}

// Reset: the weights a network starts with depend on its spec and seed alone, so building it
// again (or initializing a trained network again) with the same seed gives them back exactly.
void TestDeterminism::rebuildingFromTheSeedRestoresInitialWeights() {
    CpuBackend backend;
    const auto data = kototest::dataset("spiral");
    const NetworkSpec spec = networkSpecFromTokens("dense:16:tanh,dense:16:relu", *data);
    const TrainingSettings settings = settingsWithSeed(42);

    TrainingRun run(backend, spec, data, settings);
    const auto initial = captureWeights(run.network());
    run.trainer().train(3);
    const auto trained = captureWeights(run.network());
    QVERIFY(!sameWeights(initial, trained));

    TrainingRun rebuilt(backend, spec, data, settings);
    const auto rebuiltWeights = captureWeights(rebuilt.network());
    QVERIFY2(sameWeights(initial, rebuiltWeights),
             qPrintable(firstDifference(initial, rebuiltWeights)));

    run.network().initialize(settings.seed);
    const auto reinitialized = captureWeights(run.network());
    QVERIFY2(sameWeights(initial, reinitialized),
             qPrintable(firstDifference(initial, reinitialized)));

    // And they are the curriculum's starting point: biases at zero, the tanh layer's weights
    // inside the Xavier limit sqrt(6 / (fan in + fan out)).
    for (const SavedTensor& tensor : initial) {
        if (tensor.name.ends_with(".b")) {
            for (float b : tensor.values) QCOMPARE(b, 0.0f);
        } else if (tensor.name == "dense_1.W") {
            const float limit = std::sqrt(6.0f / (2 + 16));
            for (float w : tensor.values) QVERIFY(std::abs(w) <= limit);
        }
    }
}

void TestDeterminism::datasetsAreDeterministicPerSeed_data() {
    QTest::addColumn<QString>("base");  // the spec without its seed
    for (const DatasetInfo& info : datasetCatalog()) {
        if (!isPlaygroundDataset(info.name)) continue;  // files, not generated: no seed
        QTest::addRow("%s", info.name.c_str()) << kototest::qs(info.name + ":");
        QTest::addRow("%s, noise 0.1", info.name.c_str())
            << kototest::qs(info.name + ":noise=0.1,");
    }
}

// "spiral:seed=3" twice is the same data; "spiral:seed=4" is other data (without noise the same
// points, shuffled and split differently).
void TestDeterminism::datasetsAreDeterministicPerSeed() {
    QFETCH(QString, base);
    const Dataset first = loadDataset(DatasetSpec::parse(base.toStdString() + "seed=3"));
    const Dataset again = loadDataset(DatasetSpec::parse(base.toStdString() + "seed=3"));
    const Dataset other = loadDataset(DatasetSpec::parse(base.toStdString() + "seed=4"));
    QVERIFY(sameSplit(first.train, again.train));
    QVERIFY(sameSplit(first.test, again.test));
    QVERIFY(!sameBits(first.train.inputs, other.train.inputs));
}

// TF Playground's defaults: 500 points without noise, half of them for training.
void TestDeterminism::datasetDefaultsAreThePlaygrounds() {
    const PlaygroundOptions defaults;
    QCOMPARE(defaults.points, int64_t{500});
    QCOMPARE(defaults.noise, 0.0);
    QCOMPARE(defaults.testFraction, 0.5);

    const Dataset spiral = loadDataset(DatasetSpec::parse("spiral"));
    QCOMPARE(spiral.train.count, int64_t{250});
    QCOMPARE(spiral.test.count, int64_t{250});
    QCOMPARE(spiral.inputSize, int64_t{2});
    QCOMPARE(spiral.classCount, int64_t{2});
    const Dataset spelledOut =
        loadDataset(DatasetSpec::parse("spiral:n=500,noise=0,test=0.5,seed=1"));
    QVERIFY(sameSplit(spiral.train, spelledOut.train));
    QVERIFY(sameSplit(spiral.test, spelledOut.test));
}

QTEST_APPLESS_MAIN(TestDeterminism)
#include "test_determinism.moc"
