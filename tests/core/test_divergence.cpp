// When training blows up (NaN or Inf in the loss or in an update), the trainer throws
// DivergenceError naming the step and the layer, and keeps the weights of the last finite step,
// so that the learner can look at them.

#include <QtTest>

#include <cmath>
#include <limits>

#include "backend/cpu_backend.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "koto_test_support.h"
#include "training/training_run.h"
#include "util/errors.h"

using namespace koto;
using kototest::firstDifference;
using kototest::qs;
using kototest::sameWeights;

namespace {

// Keeps the weights after every successful step.
class WeightRecorder final : public TrainingObserver {
public:
    explicit WeightRecorder(Network& network)
        : network_(network), weights(captureWeights(network)) {}
    void afterStep(const StepReport& report) override {
        lastStep = report.step;
        weights = captureWeights(network_);
    }

    Network& network_;
    int64_t lastStep = 0;
    std::vector<SavedTensor> weights;  // initially the initial weights
};

}  // namespace

class TestDivergence : public QObject {
    Q_OBJECT

private slots:
    void divergenceKeepsLastFiniteWeights_data();
    void divergenceKeepsLastFiniteWeights();
};

void TestDivergence::divergenceKeepsLastFiniteWeights_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("layers");
    QTest::addColumn<double>("learningRate");
    QTest::addColumn<double>("inputScale");      // multiplies every training input
    QTest::addColumn<bool>("nanInput");          // one training input is NaN
    QTest::addColumn<QString>("expectedWhere");  // empty: any layer of the network or "the loss"

    // lr * gradient overflows float in the very first update: the optimizer refuses it.
    QTest::newRow("update overflows float") << "spiral"
                                            << "dense:8:tanh" << 1e300 << 1.0 << false << "dense_1";
    QTest::newRow("lr 1e30, linear network") << "plane"
                                             << "dense:8:linear" << 1e30 << 1.0 << false << "";
    QTest::newRow("lr 1e30, relu network") << "spiral"
                                           << "dense:8:relu" << 1e30 << 1.0 << false << "";
    QTest::newRow("lr 10 on a regression") << "plane"
                                           << "dense:8:tanh" << 10.0 << 1.0 << false << "";
    QTest::newRow("inputs scaled by 1e15") << "plane"
                                           << "dense:8:linear" << 0.03 << 1e15 << false << "";
    QTest::newRow("a NaN in the data") << "xor"
                                       << "dense:4:tanh" << 0.03 << 1.0 << true << "the input data";
}

void TestDivergence::divergenceKeepsLastFiniteWeights() {
    QFETCH(QString, dataset);
    QFETCH(QString, layers);
    QFETCH(double, learningRate);
    QFETCH(double, inputScale);
    QFETCH(bool, nanInput);
    QFETCH(QString, expectedWhere);

    Dataset data = *kototest::dataset(dataset.toStdString());
    for (float& x : data.train.inputs) x = static_cast<float>(x * inputScale);
    if (nanInput) data.train.inputs[2 * 100 + 1] = std::numeric_limits<float>::quiet_NaN();
    const auto shared = std::make_shared<const Dataset>(std::move(data));

    CpuBackend backend;
    TrainingSettings settings;
    settings.learningRate = learningRate;
    const NetworkSpec spec = networkSpecFromTokens(layers.toStdString(), *shared);
    TrainingRun run(backend, spec, shared, settings);
    WeightRecorder recorder(run.network());
    run.trainer().addObserver(&recorder);

    bool thrown = false;
    try {
        run.trainer().train(50);
    } catch (const DivergenceError& error) {
        thrown = true;
        const QString message = QString::fromUtf8(error.what());
        QVERIFY(error.step() > 0);
        QCOMPARE(error.step(), recorder.lastStep + 1);
        QCOMPARE(run.trainer().stepsDone(), recorder.lastStep);
        QVERIFY2(message.contains(QStringLiteral("step %1").arg(error.step())),
                 qPrintable(message));

        const QString where = qs(error.layer());
        if (!expectedWhere.isEmpty()) {
            QCOMPARE(where, expectedWhere);
        } else {
            bool known = where == "the loss";
            for (const LayerSpec& layer : spec.layers) known = known || where == qs(layer.name);
            QVERIFY2(known, qPrintable(where));
        }
        QVERIFY2(message.contains(where), qPrintable(message));

        const auto after = captureWeights(run.network());
        QVERIFY2(sameWeights(after, recorder.weights),
                 qPrintable(firstDifference(after, recorder.weights)));
        for (const SavedTensor& tensor : after)
            for (float w : tensor.values) QVERIFY(std::isfinite(w));
    }
    QVERIFY2(thrown, "training did not diverge");
}

QTEST_APPLESS_MAIN(TestDivergence)
#include "test_divergence.moc"
