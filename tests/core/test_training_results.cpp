// Known results: small networks trained with plain SGD learn the Playground's problems as well as
// they do in TF Playground. If one of these drops, something in training got worse (a gradient,
// the shuffle, the initial weights, the data).

#include <QtTest>

#include "backend/cpu_backend.h"
#include "io/layer_tokens.h"
#include "koto_test_support.h"
#include "training/training_run.h"

using namespace koto;

class TestTrainingResults : public QObject {
    Q_OBJECT

private slots:
    void classificationReachesAccuracy_data();
    void classificationReachesAccuracy();
    void regressionReachesSmallError_data();
    void regressionReachesSmallError();
};

namespace {

struct Trained {
    EpochMetrics first, last;
    size_t epochsRecorded;
};

Trained train(const QString& datasetSpec, const QString& layers, double learningRate, int batch,
              int epochs) {
    CpuBackend backend;
    const auto data = kototest::dataset(datasetSpec.toStdString());
    TrainingSettings settings;
    settings.learningRate = learningRate;
    settings.batchSize = batch;
    settings.epochs = epochs;
    TrainingRun run(backend, networkSpecFromTokens(layers.toStdString(), *data), data, settings);
    const Trainer::Outcome outcome = run.trainer().train(epochs);
    if (outcome != Trainer::Outcome::Finished) return {};
    const LearningCurve& curve = run.trainer().curve();
    return {curve.points().front(), curve.latest(), curve.points().size()};
}

void addColumns() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("layers");
    QTest::addColumn<double>("learningRate");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("epochs");
}

}  // namespace

void TestTrainingResults::classificationReachesAccuracy_data() {
    addColumns();
    QTest::addColumn<double>("minimumTestAccuracy");
    // TF Playground's spiral (500 points, no noise, half for testing) needs two layers of 16.
    QTest::newRow("spiral") << "spiral"
                            << "dense:16:tanh,dense:16:tanh" << 0.1 << 10 << 500 << 0.95;
    QTest::newRow("xor") << "xor"
                         << "dense:8:tanh,dense:8:tanh" << 0.03 << 10 << 100 << 0.97;
    QTest::newRow("circle") << "circle"
                            << "dense:8:tanh,dense:8:tanh" << 0.03 << 10 << 100 << 0.97;
    QTest::newRow("gauss") << "gauss"
                           << "dense:4:tanh" << 0.03 << 10 << 50 << 0.97;
    QTest::newRow("moons") << "moons"
                           << "dense:8:tanh,dense:8:tanh" << 0.03 << 10 << 100 << 0.97;
}

void TestTrainingResults::classificationReachesAccuracy() {
    QFETCH(QString, dataset);
    QFETCH(QString, layers);
    QFETCH(double, learningRate);
    QFETCH(int, batch);
    QFETCH(int, epochs);
    QFETCH(double, minimumTestAccuracy);
    const Trained result = train(dataset, layers, learningRate, batch, epochs);
    QCOMPARE(result.epochsRecorded, size_t(epochs));
    QCOMPARE(result.last.epoch, int64_t{epochs});
    QCOMPARE(result.last.steps, int64_t{epochs} * (250 / batch));
    QVERIFY(!result.last.regression);
    QVERIFY2(result.last.test.accuracy >= minimumTestAccuracy,
             qPrintable(QStringLiteral("test accuracy %1").arg(result.last.test.accuracy)));
    QCOMPARE(result.last.test.errorRate, 1.0 - result.last.test.accuracy);
    QVERIFY(result.last.train.loss < result.first.train.loss);
}

void TestTrainingResults::regressionReachesSmallError_data() {
    addColumns();
    QTest::addColumn<double>("maximumTestRmse");
    // The targets of plane, (x + y) / 10, spread over [-1, 1].
    QTest::newRow("plane") << "plane"
                           << "dense:8:tanh" << 0.03 << 10 << 100 << 0.05;
}

void TestTrainingResults::regressionReachesSmallError() {
    QFETCH(QString, dataset);
    QFETCH(QString, layers);
    QFETCH(double, learningRate);
    QFETCH(int, batch);
    QFETCH(int, epochs);
    QFETCH(double, maximumTestRmse);
    const Trained result = train(dataset, layers, learningRate, batch, epochs);
    QCOMPARE(result.epochsRecorded, size_t(epochs));
    QVERIFY(result.last.regression);
    QVERIFY2(result.last.test.rmse <= maximumTestRmse,
             qPrintable(QStringLiteral("test RMSE %1").arg(result.last.test.rmse)));
    // With mse the loss is the mean squared error itself: RMSE^2 for one output.
    QVERIFY(std::abs(result.last.test.loss - result.last.test.rmse * result.last.test.rmse) < 1e-6);
}

QTEST_APPLESS_MAIN(TestTrainingResults)
#include "test_training_results.moc"
