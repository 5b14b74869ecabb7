// When training blows up (NaN or Inf in the loss or in an update, or a loss that grew past
// Trainer::kBlowUpFactor times its first value), the trainer throws DivergenceError naming the
// step and the layer, and keeps the weights of the last finite step, so that the learner can look
// at them. Under a memory ceiling (memory_guard.h), as every test of a class of failure.

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

#include "backend/cpu_backend.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "koto_test_support.h"
#include "memory_guard.h"
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
    void initTestCase() { kototest::limitMemory(); }
    void divergenceKeepsLastFiniteWeights_data();
    void divergenceKeepsLastFiniteWeights();
    void blowUpRule();
    void lossThatGrowsWithoutNaNIsDivergence_data();
    void lossThatGrowsWithoutNaNIsDivergence();
    void healthyRunWhoseLossRisesIsNotFlagged();
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

// kBlowUpFactor x max(first, kBlowUpFloor), on both sides of the line.
void TestDivergence::blowUpRule() {
    QCOMPARE(Trainer::kBlowUpFactor, 1e4);
    QCOMPARE(Trainer::kBlowUpFloor, 1.0);
    QVERIFY(!Trainer::lossBlewUp(2.3e4 * 0.999, 2.3));
    QVERIFY(Trainer::lossBlewUp(2.3e4 * 1.001, 2.3));
    // A first loss below the floor counts as the floor: ordinary noise after a lucky first batch.
    QVERIFY(!Trainer::lossBlewUp(9999.0, 0.001));
    QVERIFY(Trainer::lossBlewUp(10001.0, 0.001));
    // A loss that rose, even tenfold, is not a blow-up.
    QVERIFY(!Trainer::lossBlewUp(7.0, 0.7));
}

void TestDivergence::lossThatGrowsWithoutNaNIsDivergence_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("layers");
    // Saturating units keep the output finite: the loss goes to millions, never to NaN.
    QTest::newRow("tanh, lr 1e6") << "xor"
                                  << "dense:8:tanh";
    QTest::newRow("sigmoid, lr 1e6") << "spiral"
                                     << "dense:8:sigmoid,dense:8:sigmoid";
}

void TestDivergence::lossThatGrowsWithoutNaNIsDivergence() {
    QFETCH(QString, dataset);
    QFETCH(QString, layers);
    const auto data = kototest::dataset(dataset.toStdString());
    CpuBackend backend;
    TrainingSettings settings;
    settings.learningRate = 1e6;
    TrainingRun run(backend, networkSpecFromTokens(layers.toStdString(), *data), data, settings);
    WeightRecorder recorder(run.network());
    run.trainer().addObserver(&recorder);
    try {
        run.trainer().train(20);
        QFAIL("a loss that grew by orders of magnitude was not flagged");
    } catch (const DivergenceError& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(error.kind() == DivergenceError::Kind::LossGrew, qPrintable(message));
        QCOMPARE(qs(error.layer()), QStringLiteral("the loss"));
        QVERIFY(error.step() >= 2);  // the first step's loss is the yardstick
        QCOMPARE(error.step(), recorder.lastStep + 1);
        QVERIFY2(message.contains(QStringLiteral("at step %1: the loss grew to").arg(error.step())),
                 qPrintable(message));
        QVERIFY2(message.contains("more than 10000 times"), qPrintable(message));
        // The step that saw the loss was not applied.
        QCOMPARE(run.trainer().stepsDone(), recorder.lastStep);
        const auto after = captureWeights(run.network());
        QVERIFY2(sameWeights(after, recorder.weights),
                 qPrintable(firstDifference(after, recorder.weights)));
    }
}

// A learning rate a little too high makes the loss jump above its first value: no divergence.
void TestDivergence::healthyRunWhoseLossRisesIsNotFlagged() {
    class LossRecorder final : public TrainingObserver {
    public:
        void afterStep(const StepReport& report) override {
            if (report.step == 1) first = report.loss;
            highest = std::max(highest, report.loss);
        }
        double first = 0, highest = 0;
    } losses;
    const auto data = kototest::dataset("spiral:noise=0.2");
    CpuBackend backend;
    TrainingSettings settings;
    settings.learningRate = 3.0;
    settings.batchSize = 1;  // single samples: the noisiest losses
    TrainingRun run(backend, networkSpecFromTokens("dense:16:tanh,dense:16:tanh", *data), data,
                    settings);
    run.trainer().addObserver(&losses);
    run.trainer().train(3);
    QVERIFY2(
        losses.highest > 2 * losses.first,
        qPrintable(QStringLiteral("first %1, highest %2").arg(losses.first).arg(losses.highest)));
}

QTEST_APPLESS_MAIN(TestDivergence)
#include "test_divergence.moc"
