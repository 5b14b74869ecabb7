// Backpropagation is right: the analytic gradients of every activation and every loss agree with
// finite differences (koto::checkGradients, double precision), and backward() overwrites a
// gradient completely instead of adding to whatever was there before.

#include <QtTest>

#include <cmath>
#include <limits>
#include <vector>

#include "backend/cpu_backend.h"
#include "check/gradient_check.h"
#include "koto_test_support.h"
#include "network/network.h"
#include "util/random.h"

using namespace koto;
using kototest::dense;
using kototest::networkSpec;
using kototest::qs;

namespace {

constexpr int64_t kRows = 6;
constexpr int64_t kInputs = 3;

// kRows samples of kInputs values in [-2, 2].
std::vector<double> sampleInputs(uint64_t seed) {
    Random random(seed, 1);
    std::vector<double> inputs(kRows * kInputs);
    for (double& x : inputs) x = random.uniform(-2, 2);
    return inputs;
}

// Targets that fit the loss: one-hot rows for ce, 0/1 for bce, values for mse (in (0, 1) when
// the output is a sigmoid, which cannot reach anything else).
std::vector<double> sampleTargets(LossKind loss, int64_t outputs, bool sigmoidOutput,
                                  uint64_t seed) {
    Random random(seed, 2);
    std::vector<double> targets(static_cast<size_t>(kRows * outputs), 0.0);
    for (int64_t n = 0; n < kRows; ++n) {
        double* row = targets.data() + n * outputs;
        switch (loss) {
        case LossKind::CrossEntropy: row[random.below(static_cast<uint64_t>(outputs))] = 1.0; break;
        case LossKind::BinaryCrossEntropy: row[0] = static_cast<double>(n % 2); break;
        case LossKind::MeanSquaredError:
            for (int64_t k = 0; k < outputs; ++k)
                row[k] = sigmoidOutput ? random.uniform(0.1, 0.9) : random.uniform(-1, 1);
            break;
        }
    }
    return targets;
}

void expectGradientsAgree(const NetworkSpec& spec, const GradientCheckInput& input) {
    const std::vector<GradientCheckResult> results = checkGradients(spec, input, /*seed=*/7);
    QCOMPARE(results.size(), 2 * spec.layers.size());  // W and b of every dense layer
    for (size_t i = 0; i < results.size(); ++i) {
        const GradientCheckResult& r = results[i];
        const std::string expectedName = spec.layers[i / 2].name + (i % 2 == 0 ? ".W" : ".b");
        QCOMPARE(qs(r.tensor), qs(expectedName));
        QVERIFY2(r.elementsChecked > 0, qPrintable(qs(r.tensor)));
        QVERIFY2(
            r.maxRelativeError < 1e-6,
            qPrintable(
                QStringLiteral("%1: relative error %2").arg(qs(r.tensor)).arg(r.maxRelativeError)));
    }
}

}  // namespace

class TestGradients : public QObject {
    Q_OBJECT

private slots:
    void relativeErrorIsRelative();
    void everyHiddenActivation_data();
    void everyHiddenActivation();
    void everyLoss_data();
    void everyLoss();
    void staleInfinityInGradientsIsOverwritten_data();
    void staleInfinityInGradientsIsOverwritten();
};

void TestGradients::relativeErrorIsRelative() {
    QCOMPARE(relativeError(1.0, 1.0), 0.0);
    QCOMPARE(relativeError(2.0, 1.0), 0.5);
    QCOMPARE(relativeError(-1e-3, 1e-3), 2.0);
    // Both essentially zero: divided by 1e-8, not blown up.
    QVERIFY(relativeError(1e-20, -1e-20) < 1e-11);
}

// Two hidden layers of each activation under a softmax output trained with cross-entropy.
void TestGradients::everyHiddenActivation_data() {
    QTest::addColumn<QString>("activation");
    for (const char* name : {"linear", "sigmoid", "tanh", "relu"})
        QTest::addRow("%s", name) << QString(name);
}

void TestGradients::everyHiddenActivation() {
    QFETCH(QString, activation);
    const std::string hidden = activation.toStdString();
    const NetworkSpec spec = networkSpec({kInputs}, LossKind::CrossEntropy,
                                         {dense(5, hidden), dense(4, hidden), dense(3, "softmax")});
    GradientCheckInput input;
    input.rows = kRows;
    input.inputs = sampleInputs(11);
    input.targets = sampleTargets(LossKind::CrossEntropy, 3, false, 11);
    expectGradientsAgree(spec, input);
}

// Each loss with the output layer it goes with, behind a tanh hidden layer.
void TestGradients::everyLoss_data() {
    QTest::addColumn<LossKind>("loss");
    QTest::addColumn<QString>("outputActivation");
    QTest::addColumn<int>("outputs");
    QTest::newRow("cross-entropy, softmax output") << LossKind::CrossEntropy << "softmax" << 3;
    QTest::newRow("binary cross-entropy, one sigmoid unit")
        << LossKind::BinaryCrossEntropy << "sigmoid" << 1;
    QTest::newRow("squared error, linear output") << LossKind::MeanSquaredError << "linear" << 2;
    QTest::newRow("squared error, sigmoid output") << LossKind::MeanSquaredError << "sigmoid" << 2;
}

void TestGradients::everyLoss() {
    QFETCH(LossKind, loss);
    QFETCH(QString, outputActivation);
    QFETCH(int, outputs);
    const NetworkSpec spec = networkSpec(
        {kInputs}, loss, {dense(5, "tanh"), dense(outputs, outputActivation.toStdString())});
    GradientCheckInput input;
    input.rows = kRows;
    input.inputs = sampleInputs(23);
    input.targets = sampleTargets(loss, outputs, outputActivation == "sigmoid", 23);
    expectGradientsAgree(spec, input);
}

// backward() must write every gradient completely (the backend's beta = 0 contract): a gradient
// that holds +Inf or NaN from before must come out finite and equal to a fresh network's.
void TestGradients::staleInfinityInGradientsIsOverwritten_data() {
    QTest::addColumn<DType>("type");
    QTest::addColumn<QString>("activation");
    QTest::addColumn<double>("stale");
    const double inf = std::numeric_limits<double>::infinity();
    for (const char* activation : {"linear", "sigmoid", "tanh", "relu"}) {
        QTest::addRow("float32 %s, +Inf", activation)
            << DType::Float32 << QString(activation) << inf;
        QTest::addRow("float64 %s, +Inf", activation)
            << DType::Float64 << QString(activation) << inf;
    }
    QTest::addRow("float32 tanh, NaN") << DType::Float32 << "tanh" << std::nan("");
    QTest::addRow("float64 tanh, -Inf") << DType::Float64 << "tanh" << -inf;
}

void TestGradients::staleInfinityInGradientsIsOverwritten() {
    QFETCH(DType, type);
    QFETCH(QString, activation);
    QFETCH(double, stale);
    const NetworkSpec spec = networkSpec({kInputs}, LossKind::CrossEntropy,
                                         {dense(5, activation.toStdString()), dense(3, "softmax")});
    const std::vector<double> inputs = sampleInputs(5);
    const std::vector<double> targets = sampleTargets(LossKind::CrossEntropy, 3, false, 5);

    // One forward/loss/backward pass; returns every gradient element, prefilled or not.
    std::vector<double> losses;
    auto gradients = [&](bool prefill) {
        CpuBackend backend;
        Network network(backend, spec, kRows, type);
        network.initialize(3);
        if (prefill)
            for (const NamedParameter& p : network.parameters())
                backend.fill(p.parameter->gradient, stale);
        Tensor x = backend.allocate({kRows, kInputs}, type);
        Tensor t = backend.allocate({kRows, 3}, type);
        backend.upload(std::span<const double>(inputs), x);
        backend.upload(std::span<const double>(targets), t);
        network.forward(x);
        losses.push_back(network.computeLoss(t));
        network.backward();
        std::vector<std::vector<double>> all;
        for (const NamedParameter& p : network.parameters()) {
            std::vector<double> values(static_cast<size_t>(p.parameter->gradient.size()));
            backend.download(p.parameter->gradient, std::span<double>(values));
            all.push_back(values);
        }
        return all;
    };

    const auto prefilled = gradients(true);
    const auto fresh = gradients(false);
    QVERIFY(std::isfinite(losses[0]));
    QCOMPARE(losses[0], losses[1]);
    QCOMPARE(prefilled.size(), size_t{4});
    QCOMPARE(prefilled.size(), fresh.size());
    bool anyNonZero = false;
    for (size_t i = 0; i < prefilled.size(); ++i) {
        QCOMPARE(prefilled[i].size(), fresh[i].size());
        for (size_t k = 0; k < prefilled[i].size(); ++k) {
            QVERIFY2(std::isfinite(prefilled[i][k]),
                     qPrintable(QStringLiteral("tensor %1 element %2").arg(i).arg(k)));
            QCOMPARE(prefilled[i][k], fresh[i][k]);
            anyNonZero = anyNonZero || prefilled[i][k] != 0.0;
        }
    }
    QVERIFY(anyNonZero);  // a network whose gradients are all zero would prove nothing
}

QTEST_APPLESS_MAIN(TestGradients)
#include "test_gradients.moc"
