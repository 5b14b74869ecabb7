// The CPU backend's activations and losses against values worked out by hand, in float and in
// double: s(a) forward, s'(a) written from Z backward, softmax row by row, and the three losses
// with their gradients, including logits so large that a naive formula would overflow.

#include <QtTest>

#include <cmath>
#include <numeric>
#include <vector>

#include "backend/cpu_backend.h"
#include "koto_test_support.h"

using namespace koto;

namespace {

Tensor tensorOf(CpuBackend& backend, int64_t rows, int64_t cols, const QList<double>& values,
                DType type) {
    Tensor t = backend.allocate({rows, cols}, type);
    backend.upload(std::span<const double>(values.data(), static_cast<size_t>(values.size())), t);
    return t;
}

QList<double> valuesOf(CpuBackend& backend, const Tensor& t) {
    QList<double> values(t.size());
    backend.download(t, std::span<double>(values.data(), static_cast<size_t>(values.size())));
    return values;
}

// Float keeps about 7 digits, double about 16.
double tolerance(DType type) { return type == DType::Float32 ? 1e-6 : 1e-14; }

bool near(double actual, double expected, double relative) {
    return std::abs(actual - expected) <= relative * std::max(1.0, std::abs(expected));
}

void expectNear(const QList<double>& actual, const QList<double>& expected, DType type) {
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i)
        QVERIFY2(near(actual[i], expected[i], tolerance(type)),
                 qPrintable(QStringLiteral("element %1: %2, expected %3")
                                .arg(i)
                                .arg(actual[i], 0, 'g', 17)
                                .arg(expected[i], 0, 'g', 17)));
}

// Every test row runs in both precisions.
void addBothTypes(const char* name, auto&&... columns) {
    (QTest::addRow("%s, float", name) << DType::Float32 << ... << columns);
    (QTest::addRow("%s, double", name) << DType::Float64 << ... << columns);
}

const double sigmoid2 = 0.8807970779778823;    // 1 / (1 + e^-2)
const double sigmoidM2 = 0.11920292202211755;  // 1 / (1 + e^2)
const double tanh1 = 0.7615941559557649;
// softmax([1, 2, 3])
const QList<double> softmax123{0.09003057317038046, 0.24472847105479767, 0.6652409557748219};

}  // namespace

class TestActivationsLosses : public QObject {
    Q_OBJECT

private slots:
    void activationForward_data();
    void activationForward();
    void activationBackwardFromOutput_data();
    void activationBackwardFromOutput();
    void softmaxIsRowWise_data();
    void softmaxIsRowWise();
    void softmaxCrossEntropyByHand_data();
    void softmaxCrossEntropyByHand();
    void sigmoidBinaryCrossEntropyByHand_data();
    void sigmoidBinaryCrossEntropyByHand();
    void meanSquaredErrorByHand_data();
    void meanSquaredErrorByHand();
    void extremeLogitsStayFinite_data();
    void extremeLogitsStayFinite();
    void extremeBinaryLogitsStayFinite_data();
    void extremeBinaryLogitsStayFinite();
};

void TestActivationsLosses::activationForward_data() {
    QTest::addColumn<DType>("type");
    QTest::addColumn<Activation>("activation");
    QTest::addColumn<QList<double>>("a");
    QTest::addColumn<QList<double>>("z");
    addBothTypes("linear: z = a", Activation::Linear, QList<double>{-2, 0, 3.5},
                 QList<double>{-2, 0, 3.5});
    addBothTypes("sigmoid(0) = 0.5", Activation::Sigmoid, QList<double>{0, 2, -2},
                 QList<double>{0.5, sigmoid2, sigmoidM2});
    addBothTypes("tanh(1)", Activation::Tanh, QList<double>{0, 1, -1},
                 QList<double>{0, tanh1, -tanh1});
    addBothTypes("relu: a * (a > 0)", Activation::Relu, QList<double>{-1.5, 0, 2.5},
                 QList<double>{0, 0, 2.5});
    addBothTypes("sigmoid saturates", Activation::Sigmoid, QList<double>{-100, 100, 40},
                 QList<double>{0, 1, 1});
}

void TestActivationsLosses::activationForward() {
    QFETCH(DType, type);
    QFETCH(Activation, activation);
    QFETCH(QList<double>, a);
    QFETCH(QList<double>, z);
    CpuBackend backend;
    const Tensor in = tensorOf(backend, 1, a.size(), a, type);
    Tensor out = backend.allocate({1, a.size()}, type);
    backend.fill(out, std::nan(""));  // the output is overwritten, whatever it held
    backend.activationForward(activation, in, out);
    expectNear(valuesOf(backend, out), z, type);
}

// The curriculum writes each derivative from the output Z: Z(1-Z), 1-Z^2, u(Z).
void TestActivationsLosses::activationBackwardFromOutput_data() {
    QTest::addColumn<DType>("type");
    QTest::addColumn<Activation>("activation");
    QTest::addColumn<QList<double>>("z");
    QTest::addColumn<QList<double>>("dZ");
    QTest::addColumn<QList<double>>("dA");
    addBothTypes("linear: dA = dZ", Activation::Linear, QList<double>{0.3, -0.7, 2},
                 QList<double>{1, 2, -3}, QList<double>{1, 2, -3});
    addBothTypes("sigmoid: dZ Z(1-Z)", Activation::Sigmoid, QList<double>{0.5, 0.25, 0.9},
                 QList<double>{1, 2, -1}, QList<double>{0.25, 0.375, -0.09});
    addBothTypes("tanh: dZ (1-Z^2)", Activation::Tanh, QList<double>{0, 0.5, -0.9},
                 QList<double>{1, 2, 3}, QList<double>{1, 1.5, 0.57});
    addBothTypes("relu: dZ u(Z)", Activation::Relu, QList<double>{0, 1.5, 0, 0.25},
                 QList<double>{4, 5, 6, -7}, QList<double>{0, 5, 0, -7});
}

void TestActivationsLosses::activationBackwardFromOutput() {
    QFETCH(DType, type);
    QFETCH(Activation, activation);
    QFETCH(QList<double>, z);
    QFETCH(QList<double>, dZ);
    QFETCH(QList<double>, dA);
    CpuBackend backend;
    const Tensor zT = tensorOf(backend, 1, z.size(), z, type);
    const Tensor dZT = tensorOf(backend, 1, dZ.size(), dZ, type);
    Tensor dAT = backend.allocate({1, z.size()}, type);
    backend.fill(dAT, INFINITY);
    backend.activationBackward(activation, zT, dZT, dAT);
    expectNear(valuesOf(backend, dAT), dA, type);
}

// Activation::Softmax normalises each row on its own.
void TestActivationsLosses::softmaxIsRowWise_data() {
    QTest::addColumn<DType>("type");
    QTest::addRow("float") << DType::Float32;
    QTest::addRow("double") << DType::Float64;
}

void TestActivationsLosses::softmaxIsRowWise() {
    QFETCH(DType, type);
    CpuBackend backend;
    const Tensor a = tensorOf(backend, 3, 3, {1, 2, 3, /**/ 0, 0, 0, /**/ 1000, 0, -1000}, type);
    Tensor z = backend.allocate({3, 3}, type);
    backend.activationForward(Activation::Softmax, a, z);
    const QList<double> y = valuesOf(backend, z);
    expectNear(y.mid(0, 3), softmax123, type);
    expectNear(y.mid(3, 3), {1.0 / 3, 1.0 / 3, 1.0 / 3}, type);
    expectNear(y.mid(6, 3), {1, 0, 0}, type);
    for (int row = 0; row < 3; ++row) {
        const QList<double> r = y.mid(row * 3, 3);
        QVERIFY(near(std::accumulate(r.begin(), r.end(), 0.0), 1.0, tolerance(type)));
    }
}

// Two rows: logits [1, 2, 3] with target class 2, logits [0, 0, 0] with target class 0.
// J = -(log softmax(1,2,3)[2] + log 1/3) / 2, dJ/dlogits = (Y - T) / N.
void TestActivationsLosses::softmaxCrossEntropyByHand_data() { softmaxIsRowWise_data(); }

void TestActivationsLosses::softmaxCrossEntropyByHand() {
    QFETCH(DType, type);
    CpuBackend backend;
    const Tensor logits = tensorOf(backend, 2, 3, {1, 2, 3, 0, 0, 0}, type);
    const Tensor targets = tensorOf(backend, 2, 3, {0, 0, 1, 1, 0, 0}, type);
    Tensor y = backend.allocate({2, 3}, type);
    Tensor d = backend.allocate({2, 3}, type);
    backend.fill(d, INFINITY);
    const double loss = backend.softmaxCrossEntropy(logits, targets, y, d);
    QVERIFY2(near(loss, 0.7531091265562451, tolerance(type)),
             qPrintable(QString::number(loss, 'g', 17)));
    const QList<double> third{1.0 / 3, 1.0 / 3, 1.0 / 3};
    expectNear(valuesOf(backend, y), softmax123 + third, type);
    const QList<double> gradient{softmax123[0] / 2, softmax123[1] / 2, (softmax123[2] - 1) / 2,
                                 (1.0 / 3 - 1) / 2, 1.0 / 6,           1.0 / 6};
    expectNear(valuesOf(backend, d), gradient, type);
}

// Three logits [0, 2, -1] with targets [1, 0, 0]:
// J = (log 2 + softplus(2) + softplus(-1)) / 3, dJ/dl = (sigmoid(l) - t) / 3.
void TestActivationsLosses::sigmoidBinaryCrossEntropyByHand_data() { softmaxIsRowWise_data(); }

void TestActivationsLosses::sigmoidBinaryCrossEntropyByHand() {
    QFETCH(DType, type);
    CpuBackend backend;
    const Tensor logits = tensorOf(backend, 3, 1, {0, 2, -1}, type);
    const Tensor targets = tensorOf(backend, 3, 1, {1, 0, 0}, type);
    Tensor p = backend.allocate({3, 1}, type);
    Tensor d = backend.allocate({3, 1}, type);
    backend.fill(d, INFINITY);
    const double loss = backend.sigmoidBinaryCrossEntropy(logits, targets, p, d);
    QVERIFY2(near(loss, 1.0444456263737136, tolerance(type)),
             qPrintable(QString::number(loss, 'g', 17)));
    const double sigmoidM1 = 1 / (1 + std::exp(1.0));
    expectNear(valuesOf(backend, p), {0.5, sigmoid2, sigmoidM1}, type);
    expectNear(valuesOf(backend, d), {(0.5 - 1) / 3, sigmoid2 / 3, sigmoidM1 / 3}, type);
}

// Outputs [[1, 2], [3, 4], [0, -1]] against [[0, 2], [5, 3], [0, 0]]: differences 1, 0, -2, 1,
// 0, -1, so J = (1 + 0 + 4 + 1 + 0 + 1) / 3 = 7/3 and dJ/dY = 2 (Y - T) / 3.
void TestActivationsLosses::meanSquaredErrorByHand_data() { softmaxIsRowWise_data(); }

void TestActivationsLosses::meanSquaredErrorByHand() {
    QFETCH(DType, type);
    CpuBackend backend;
    const Tensor y = tensorOf(backend, 3, 2, {1, 2, 3, 4, 0, -1}, type);
    const Tensor t = tensorOf(backend, 3, 2, {0, 2, 5, 3, 0, 0}, type);
    Tensor d = backend.allocate({3, 2}, type);
    backend.fill(d, std::nan(""));
    const double loss = backend.meanSquaredError(y, t, d);
    QVERIFY2(near(loss, 7.0 / 3, tolerance(type)), qPrintable(QString::number(loss, 'g', 17)));
    expectNear(valuesOf(backend, d), {2.0 / 3, 0, -4.0 / 3, 2.0 / 3, 0, -2.0 / 3}, type);
}

// Logits [1000, 0, -1000]: exp(1000) overflows, yet the loss (through log-sum-exp) is finite and
// the probabilities sum to 1. With the target on the -1000 class the cost is 2000.
void TestActivationsLosses::extremeLogitsStayFinite_data() {
    QTest::addColumn<DType>("type");
    QTest::addColumn<int>("targetClass");
    QTest::addColumn<double>("expectedLoss");
    addBothTypes("target class 0", 0, 0.0);
    addBothTypes("target class 2", 2, 2000.0);
}

void TestActivationsLosses::extremeLogitsStayFinite() {
    QFETCH(DType, type);
    QFETCH(int, targetClass);
    QFETCH(double, expectedLoss);
    CpuBackend backend;
    QList<double> target{0, 0, 0};
    target[targetClass] = 1;
    const Tensor logits = tensorOf(backend, 1, 3, {1000, 0, -1000}, type);
    const Tensor targets = tensorOf(backend, 1, 3, target, type);
    Tensor y = backend.allocate({1, 3}, type);
    Tensor d = backend.allocate({1, 3}, type);
    const double loss = backend.softmaxCrossEntropy(logits, targets, y, d);
    QVERIFY(std::isfinite(loss));
    QVERIFY2(near(loss, expectedLoss, 1e-12), qPrintable(QString::number(loss, 'g', 17)));
    const QList<double> probabilities = valuesOf(backend, y);
    for (double p : probabilities) QVERIFY(std::isfinite(p) && p >= 0 && p <= 1);
    QCOMPARE(std::accumulate(probabilities.begin(), probabilities.end(), 0.0), 1.0);
    QList<double> expectedGradient{1, 0, 0};
    expectedGradient[targetClass] -= 1;
    expectNear(valuesOf(backend, d), expectedGradient, type);
}

// Sigmoid + binary cross-entropy with logits of +-1000: J = (1000 + 1000 + 0 + 0) / 4.
void TestActivationsLosses::extremeBinaryLogitsStayFinite_data() { softmaxIsRowWise_data(); }

void TestActivationsLosses::extremeBinaryLogitsStayFinite() {
    QFETCH(DType, type);
    CpuBackend backend;
    const Tensor logits = tensorOf(backend, 4, 1, {1000, -1000, 1000, -1000}, type);
    const Tensor targets = tensorOf(backend, 4, 1, {0, 1, 1, 0}, type);
    Tensor p = backend.allocate({4, 1}, type);
    Tensor d = backend.allocate({4, 1}, type);
    const double loss = backend.sigmoidBinaryCrossEntropy(logits, targets, p, d);
    QVERIFY2(near(loss, 500.0, 1e-12), qPrintable(QString::number(loss, 'g', 17)));
    expectNear(valuesOf(backend, p), {1, 0, 1, 0}, type);
    expectNear(valuesOf(backend, d), {0.25, -0.25, 0, 0}, type);
}

QTEST_APPLESS_MAIN(TestActivationsLosses)
#include "test_activations_losses.moc"
