// L1 and L2 (part 11): the penalty added to the cost, L2's pull on the gradients, L1's step that
// stops at zero, and what training does with them: exact zeros with L1, smaller weights with L2.

#include <QtTest>

#include <cmath>
#include <memory>
#include <vector>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "training/regularization.h"
#include "training/training_run.h"
#include "util/errors.h"

using namespace koto;

namespace {

struct TwoParameters {
    CpuBackend backend;
    Parameter w{"W", backend.allocate({1, 4}, DType::Float64),
                backend.allocate({1, 4}, DType::Float64)};
    Parameter b{"b", backend.allocate({1, 2}, DType::Float64),
                backend.allocate({1, 2}, DType::Float64)};
    std::vector<NamedParameter> list{{"dense_1.W", "dense_1", &w}, {"dense_1.b", "dense_1", &b}};

    TwoParameters() {
        const std::vector<double> weights{0.5, -0.05, 0.02, -0.8}, biases{0.3, -0.1};
        backend.upload(std::span<const double>(weights), w.value);
        backend.upload(std::span<const double>(biases), b.value);
    }
    std::vector<double> read(const Tensor& t) {
        std::vector<double> values(static_cast<size_t>(t.size()));
        backend.download(t, std::span<double>(values));
        return values;
    }
};

std::vector<SavedTensor> trainSpiral(double l1, double l2) {
    CpuBackend backend;
    auto data = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("spiral")));
    TrainingSettings settings;
    settings.learningRate = 0.1;
    settings.l1 = l1;
    settings.l2 = l2;
    TrainingRun run(backend, networkSpecFromTokens("dense:16:tanh,dense:16:tanh", *data), data,
                    settings);
    run.trainer().train(50);
    return captureWeights(run.network());
}

int zeros(const std::vector<SavedTensor>& weights) {
    int count = 0;
    for (const SavedTensor& t : weights)
        for (float v : t.values) count += v == 0.0f;
    return count;
}

double sumOfSquaredWeights(const std::vector<SavedTensor>& weights) {
    double sum = 0;
    for (const SavedTensor& t : weights)
        if (t.name.ends_with(".W"))
            for (float v : t.values) sum += static_cast<double>(v) * v;
    return sum;
}

}  // namespace

class TestRegularization : public QObject {
    Q_OBJECT

private slots:
    void penaltyIsTheCurriculumsSum() {
        TwoParameters p;
        const double absW = 0.5 + 0.05 + 0.02 + 0.8, squaresW = 0.25 + 0.0025 + 0.0004 + 0.64;
        const double absB = 0.4, squaresB = 0.09 + 0.01;
        QCOMPARE(Regularization(0.1, 0, false).penalty(p.backend, p.list), 0.1 * absW);
        QCOMPARE(Regularization(0, 0.2, false).penalty(p.backend, p.list), 0.2 * squaresW);
        QVERIFY(std::abs(Regularization(0.1, 0.2, true).penalty(p.backend, p.list) -
                         (0.1 * (absW + absB) + 0.2 * (squaresW + squaresB))) < 1e-15);
        QCOMPARE(Regularization(0, 0, true).penalty(p.backend, p.list), 0.0);
    }

    void l2PullsEveryGradientByTwiceL2TimesTheWeight() {
        TwoParameters p;
        p.backend.fill(p.w.gradient, 1.0);
        p.backend.fill(p.b.gradient, 1.0);
        Regularization(0, 0.5, false).addToGradients(p.backend, p.list);
        const std::vector<double> expected{1.0 + 0.5, 1.0 - 0.05, 1.0 + 0.02,
                                           1.0 - 0.8};  // g + 2 * 0.5 * w
        const std::vector<double> gradient = p.read(p.w.gradient);
        for (size_t i = 0; i < expected.size(); ++i)
            QVERIFY(std::abs(gradient[i] - expected[i]) < 1e-15);
        QCOMPARE(p.read(p.b.gradient), (std::vector<double>{1.0, 1.0}));  // biases left alone
    }

    void l1StepStopsAtZero() {
        TwoParameters p;
        Regularization(1.0, 0, true).shrink(p.backend, p.list, 0.1);  // lr * l1 = 0.1
        const std::vector<double> w = p.read(p.w.value), b = p.read(p.b.value);
        QCOMPARE(w[0], 0.4);
        QCOMPARE(w[1], 0.0);  // -0.05 would have crossed zero: it stops there
        QCOMPARE(w[2], 0.0);
        QCOMPARE(w[3], -0.8 + 0.1);
        QCOMPARE(b[0], 0.3 - 0.1);
        QCOMPARE(b[1], 0.0);
    }

    void l1LeavesExactZerosAndL2ShrinksTheWeights() {
        const auto plain = trainSpiral(0, 0);
        const auto withL1 = trainSpiral(0.003, 0);
        const auto withL2 = trainSpiral(0, 0.003);
        QCOMPARE(zeros(plain), 0);
        QVERIFY2(zeros(withL1) > 50, qPrintable(QString::number(zeros(withL1))));
        QVERIFY(sumOfSquaredWeights(withL2) < 0.5 * sumOfSquaredWeights(plain));
    }

    // The reported cost is J + penalty, on the same weights.
    void reportedCostIncludesThePenalty() {
        CpuBackend backend;
        auto data = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse("xor:n=60")));
        const NetworkSpec spec = networkSpecFromTokens("dense:4:tanh", *data);
        TrainingSettings settings;
        TrainingRun plain(backend, spec, data, settings);
        settings.l1 = 0.01;
        settings.l2 = 0.02;
        TrainingRun regularized(backend, spec, data, settings);
        const double penalty =
            Regularization(0.01, 0.02, false).penalty(backend, regularized.network().parameters());
        QVERIFY(penalty > 0);
        const EpochMetrics a = plain.trainer().evaluate(), b = regularized.trainer().evaluate();
        QVERIFY(std::abs(b.train.loss - (a.train.loss + penalty)) < 1e-9);
        QVERIFY(std::abs(b.test.loss - (a.test.loss + penalty)) < 1e-9);
        QCOMPARE(b.test.accuracy, a.test.accuracy);
    }

    void negativePenaltiesAreRefused() {
        QVERIFY_THROWS_EXCEPTION(InputError, Regularization(-0.1, 0, false));
        QVERIFY_THROWS_EXCEPTION(InputError, Regularization(0, std::nan(""), false));
    }
};

QTEST_APPLESS_MAIN(TestRegularization)
#include "test_regularization.moc"
