// The step-through inspector's core: a traced step of a fixed tiny 2-3-2 network (sigmoid hidden
// layer, softmax output, the weights written below) shows the values of the curriculum's
// formulas (part 7), worked out here in double from those formulas; the update is exactly one
// call of the optimizer; the numerical check agrees with the gradient; and the 1-D lessons and
// the "by hand" tolerance behave as the lessons say.

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <vector>

#include "backend/cpu_backend.h"
#include "inspect/descent_lesson.h"
#include "inspect/hand_answer.h"
#include "inspect/numerical_gradient.h"
#include "inspect/step_tracer.h"
#include "inspect/time_sums.h"
#include "inspect/window_sums.h"
#include "koto_test_support.h"
#include "training/optimizer.h"
#include "training/trainer.h"
#include "util/errors.h"

using namespace koto;
using kototest::dense;
using kototest::layer;
using kototest::networkSpec;

namespace {

using Matrix = std::vector<std::vector<double>>;

// Two samples of two features, classes 1 and 0, and the network's weights.
const Matrix kX{{0.5, -1.0}, {1.5, 0.25}};
const std::vector<int32_t> kLabels{1, 0};
const Matrix kW{{0.1, -0.2, 0.3}, {0.4, 0.5, -0.6}};
const std::vector<double> kB{0.01, -0.02, 0.03};
const Matrix kV{{0.7, -0.8}, {0.9, 0.1}, {-0.3, 0.2}};
const std::vector<double> kC{0.05, -0.05};

std::vector<float> flat(const Matrix& m) {
    std::vector<float> v;
    for (const auto& row : m) v.insert(v.end(), row.begin(), row.end());
    return v;
}

std::vector<float> flat(const std::vector<double>& row) { return {row.begin(), row.end()}; }

// The curriculum's formulas for the rows of X given, in double.
struct ByHand {
    Matrix a, Z, logits, Y, T, dLogits, dV, dZ, dA, dW;
    std::vector<double> dc, db;
    double J = 0;

    explicit ByHand(const Matrix& X, const std::vector<int32_t>& labels) {
        const size_t N = X.size(), M = 3, K = 2;
        a = Z = dZ = dA = Matrix(N, std::vector<double>(M));
        logits = Y = T = dLogits = Matrix(N, std::vector<double>(K));
        dV = Matrix(M, std::vector<double>(K));
        dW = Matrix(2, std::vector<double>(M));
        dc.assign(K, 0);
        db.assign(M, 0);
        for (size_t n = 0; n < N; ++n) {
            for (size_t m = 0; m < M; ++m) {  // a = XW + b, Z = 1 / (1 + exp(-a))
                a[n][m] = kB[m] + X[n][0] * kW[0][m] + X[n][1] * kW[1][m];
                Z[n][m] = 1 / (1 + std::exp(-a[n][m]));
            }
            double sum = 0;
            for (size_t k = 0; k < K; ++k) {  // Y = softmax(ZV + c)
                logits[n][k] = kC[k];
                for (size_t m = 0; m < M; ++m) logits[n][k] += Z[n][m] * kV[m][k];
                sum += std::exp(logits[n][k]);
            }
            for (size_t k = 0; k < K; ++k) {
                Y[n][k] = std::exp(logits[n][k]) / sum;
                T[n][k] = labels[n] == static_cast<int32_t>(k) ? 1 : 0;
                J -= T[n][k] * std::log(Y[n][k]) /
                     static_cast<double>(N);  // J is the mean over the batch
                dLogits[n][k] = (Y[n][k] - T[n][k]) / static_cast<double>(N);
            }
        }
        for (size_t m = 0; m < M; ++m)  // dJ/dV[m,k] = sum_n (Y[n,k] - T[n,k]) / N Z[n,m]
            for (size_t k = 0; k < K; ++k)
                for (size_t n = 0; n < N; ++n) dV[m][k] += dLogits[n][k] * Z[n][m];
        for (size_t k = 0; k < K; ++k)
            for (size_t n = 0; n < N; ++n) dc[k] += dLogits[n][k];
        for (size_t n = 0; n < N; ++n)
            for (size_t m = 0; m < M; ++m) {  // dJ/da = (dJ/dlogits V^T) Z (1 - Z)
                for (size_t k = 0; k < K; ++k) dZ[n][m] += dLogits[n][k] * kV[m][k];
                dA[n][m] = dZ[n][m] * Z[n][m] * (1 - Z[n][m]);
            }
        for (size_t d = 0; d < 2; ++d)  // dJ/dW[d,m] = sum_n X[n,d] dJ/da[n,m]
            for (size_t m = 0; m < M; ++m)
                for (size_t n = 0; n < N; ++n) dW[d][m] += X[n][d] * dA[n][m];
        for (size_t m = 0; m < M; ++m)
            for (size_t n = 0; n < N; ++n) db[m] += dA[n][m];
    }
};

// The tiny run: two training samples, batch 2, the fixed weights.
struct TinyRun {
    CpuBackend backend;
    Dataset data;
    std::unique_ptr<Network> network;
    std::unique_ptr<Optimizer> optimizer;
    std::unique_ptr<Trainer> trainer;

    explicit TinyRun(const std::string& optimizerName,
                     const std::vector<LayerSpec>& hidden = {dense(3, "sigmoid")}) {
        data.name = "tiny";
        data.inputSize = 2;
        data.classCount = 2;
        data.train.count = 2;
        data.train.inputs = flat(kX);
        data.train.labels = kLabels;
        std::vector<LayerSpec> layers = hidden;
        layers.push_back(dense(2, "softmax"));
        network =
            std::make_unique<Network>(backend, networkSpec({2}, LossKind::CrossEntropy, layers), 2);
        setWeights(*network, backend);
        TrainingSettings settings;
        settings.batchSize = 2;
        settings.learningRate = 0.5;
        settings.optimizer = optimizerName;
        optimizer = makeOptimizer(settings);
        trainer = std::make_unique<Trainer>(*network, *optimizer, data, settings);
    }

    static void setWeights(Network& network, Backend& backend) {
        const std::vector<std::vector<float>> values{flat(kW), flat(kB), flat(kV), flat(kC)};
        for (size_t i = 0; i < network.parameters().size(); ++i)
            backend.upload(std::span<const float>(values[i]),
                           network.parameters()[i].parameter->value);
    }
};

// Row r of the trace's X is which of kX's rows (the epoch shuffles the batch)?
std::vector<size_t> rowOrder(const TracedTensor& x) {
    std::vector<size_t> order;
    for (int64_t r = 0; r < x.rows; ++r)
        for (size_t k = 0; k < kX.size(); ++k)
            if (x.at(r, 0) == static_cast<float>(kX[k][0]) &&
                x.at(r, 1) == static_cast<float>(kX[k][1]))
                order.push_back(k);
    return order;
}

// Every element of a traced tensor against the formula's, within float32 rounding.
void compareRows(const TracedTensor* traced, const Matrix& expected,
                 const std::vector<size_t>& order, const char* what) {
    QVERIFY2(traced, what);
    QCOMPARE(traced->rows, static_cast<int64_t>(order.size()));
    QCOMPARE(traced->cols, static_cast<int64_t>(expected[0].size()));
    for (int64_t r = 0; r < traced->rows; ++r)
        for (int64_t c = 0; c < traced->cols; ++c) {
            const double want = expected[order[static_cast<size_t>(r)]][static_cast<size_t>(c)];
            QVERIFY2(std::abs(traced->at(r, c) - want) <= 1e-6 + 1e-5 * std::abs(want),
                     qPrintable(QStringLiteral("%1[%2,%3] = %4, the formula gives %5")
                                    .arg(what)
                                    .arg(r)
                                    .arg(c)
                                    .arg(traced->at(r, c), 0, 'g', 9)
                                    .arg(want, 0, 'g', 9)));
        }
}

void compareMatrix(const TracedTensor* traced, const Matrix& expected, const char* what) {
    std::vector<size_t> identity(expected.size());
    for (size_t i = 0; i < identity.size(); ++i) identity[i] = i;
    compareRows(traced, expected, identity, what);
}

// A small CNN on three 2 x 7 x 7 images: conv 3@3x3 stride 2 padding 1 (tanh) -> max pooling 2
// -> conv 2@2x2 padding 1 (sigmoid) -> average pooling 2 (which leaves the last row and column of
// its 3 x 3 input out) -> flatten -> softmax over 2 classes. The second conv passes dJ/dX back.
struct CnnRun {
    CpuBackend backend;
    Dataset data;
    std::unique_ptr<Network> network;
    std::unique_ptr<Optimizer> optimizer;
    std::unique_ptr<Trainer> trainer;

    CnnRun() {
        data.name = "tiny images";
        data.inputSize = 2 * 7 * 7;
        data.classCount = 2;
        data.train.count = 3;
        for (int i = 0; i < 3 * 98; ++i)
            data.train.inputs.push_back(static_cast<float>(std::sin(0.37 * i + 0.2) * 0.9));
        data.train.labels = {0, 1, 1};
        const std::vector<LayerSpec> layers{layer("conv", {{"filters", int64_t{3}},
                                                           {"kernel", int64_t{3}},
                                                           {"stride", int64_t{2}},
                                                           {"padding", int64_t{1}},
                                                           {"activation", std::string("tanh")}}),
                                            layer("maxpool", {{"kernel", int64_t{2}}}),
                                            layer("conv", {{"filters", int64_t{2}},
                                                           {"kernel", int64_t{2}},
                                                           {"stride", int64_t{1}},
                                                           {"padding", int64_t{1}},
                                                           {"activation", std::string("sigmoid")}}),
                                            layer("avgpool", {{"kernel", int64_t{2}}}),
                                            layer("flatten", {}),
                                            dense(2, "softmax")};
        network = std::make_unique<Network>(
            backend, networkSpec({2, 7, 7}, LossKind::CrossEntropy, layers), 3);
        network->initialize(7);
        TrainingSettings settings;
        settings.batchSize = 3;
        settings.learningRate = 0.1;
        optimizer = makeOptimizer(settings);
        trainer = std::make_unique<Trainer>(*network, *optimizer, data, settings);
    }
};

// A recurrent layer on three sequences of T = 4 steps of 2 values, its last step classified:
// rnn:3 (tanh) or lstm:3, then seq:last and softmax over 2 classes.
struct SequenceRun {
    CpuBackend backend;
    Dataset data;
    std::unique_ptr<Network> network;
    std::unique_ptr<Optimizer> optimizer;
    std::unique_ptr<Trainer> trainer;

    explicit SequenceRun(const char* type) : data(kototest::tinySequences()) {
        const std::vector<LayerSpec> layers{layer(type, {{"units", int64_t{3}}}),
                                            layer("sequence_last"), dense(2, "softmax")};
        network = std::make_unique<Network>(backend,
                                            networkSpec({4, 2}, LossKind::CrossEntropy, layers), 3);
        network->initialize(5);
        TrainingSettings settings;
        settings.batchSize = 3;
        optimizer = makeOptimizer(settings);
        trainer = std::make_unique<Trainer>(*network, *optimizer, data, settings);
    }
};

// A sum of float32 products written out in double against the value training computed.
void compareSum(const WindowSum& sum, double traced, const QString& what) {
    double size = std::abs(sum.constant);
    for (const WindowTerm& t : sum.terms) size += std::abs(t.first * t.second);
    QVERIFY2(std::abs(sum.total() - traced) <= 1e-6 + 1e-5 * size,
             qPrintable(QStringLiteral("%1: the written-out sum gives %2, training computed %3")
                            .arg(what)
                            .arg(sum.total(), 0, 'g', 9)
                            .arg(traced, 0, 'g', 9)));
}

}  // namespace

class TestStepTrace : public QObject {
    Q_OBJECT

private slots:
    void stagesComeInTheOrderOfTheStep() {
        TinyRun run("sgd");
        const std::optional<StepTrace> trace = traceStep(*run.trainer);
        QVERIFY(trace);
        QCOMPARE(trace->stages.size(), size_t(6));  // forward 0, 1, loss, backward 1, 0, update
        QCOMPARE(trace->indexOf(StageKind::Forward, 0), 0);
        QCOMPARE(trace->indexOf(StageKind::Forward, 1), 1);
        QCOMPARE(trace->indexOf(StageKind::Loss), 2);
        QCOMPARE(trace->indexOf(StageKind::Backward, 1), 3);
        QCOMPARE(trace->indexOf(StageKind::Backward, 0), 4);
        QCOMPARE(trace->indexOf(StageKind::Update), 5);
        QCOMPARE(trace->step, int64_t(1));
        QCOMPARE(trace->rows(), int64_t(2));
        QCOMPARE(run.trainer->stepsDone(), int64_t(1));  // it was a real step
    }

    void forwardAndBackwardEqualTheCurriculumsFormulas() {
        TinyRun run("sgd");
        const std::optional<StepTrace> trace = traceStep(*run.trainer);
        QVERIFY(trace);
        const ByHand want(kX, kLabels);
        const TraceStage* hidden = trace->find(StageKind::Forward, 0);
        const std::vector<size_t> order = rowOrder(*hidden->tensor("X"));
        QCOMPARE(order.size(), size_t(2));
        compareRows(hidden->tensor("a"), want.a, order, "a = XW + b");
        compareRows(hidden->tensor("Z"), want.Z, order, "Z = sigmoid(a)");
        const TraceStage* output = trace->find(StageKind::Forward, 1);
        compareRows(output->tensor("X"), want.Z, order, "the output layer's input");
        compareRows(output->tensor("a"), want.logits, order, "ZV + c");
        QVERIFY(!output->tensor("Z"));  // softmax is the loss's: the logits go on to it

        const TraceStage* loss = trace->find(StageKind::Loss);
        compareRows(loss->tensor("Y"), want.Y, order, "Y = softmax(ZV + c)");
        compareRows(loss->tensor("T"), want.T, order, "T");
        QVERIFY(std::abs(*loss->scalar("J") - want.J) < 1e-6);

        const TraceStage* back1 = trace->find(StageKind::Backward, 1);
        compareRows(back1->tensor("dJ/da"), want.dLogits, order, "(Y - T) / N");
        compareMatrix(back1->tensor("dJ/dW"), want.dV, "dJ/dV");
        compareMatrix(back1->tensor("dJ/db"), {want.dc}, "dJ/dc");
        compareRows(back1->tensor("dJ/dX"), want.dZ, order, "the error passed back");
        const TraceStage* back0 = trace->find(StageKind::Backward, 0);
        compareRows(back0->tensor("dJ/dZ"), want.dZ, order, "dJ/dZ");
        Matrix derivative = want.Z;
        for (auto& row : derivative)
            for (double& z : row) z = z * (1 - z);
        compareRows(back0->tensor("s'(a)"), derivative, order, "Z(1 - Z)");
        compareRows(back0->tensor("dJ/da"), want.dA, order, "dJ/da");
        compareMatrix(back0->tensor("dJ/dW"), want.dW, "dJ/dW");
        compareMatrix(back0->tensor("dJ/db"), {want.db}, "dJ/db");
        QVERIFY(!back0->tensor("dJ/dX"));  // nobody needs it left of the first layer
    }

    void oneSampleStepTrainsOnThatSampleAlone() {
        TinyRun run("sgd");
        const std::optional<StepTrace> trace = traceStep(*run.trainer, 1);
        QVERIFY(trace);
        QVERIFY(trace->oneSample);
        QCOMPARE(trace->sample, 1);
        QCOMPARE(trace->rows(), int64_t(1));
        const ByHand want({kX[1]}, {kLabels[1]});
        compareMatrix(trace->find(StageKind::Forward, 0)->tensor("X"), {kX[1]}, "X");
        compareMatrix(trace->find(StageKind::Backward, 1)->tensor("dJ/dW"), want.dV, "dJ/dV");
        compareMatrix(trace->find(StageKind::Backward, 0)->tensor("dJ/dW"), want.dW, "dJ/dW");
        QVERIFY(std::abs(*trace->find(StageKind::Loss)->scalar("J") - want.J) < 1e-6);
        // A step of its own: the epoch's batches have not moved on.
        QCOMPARE(run.trainer->stepsDone(), int64_t(1));
        QCOMPARE(run.trainer->epochsDone(), int64_t(0));
        QVERIFY_THROWS_EXCEPTION(InputError, run.trainer->stepOn(std::vector<int32_t>{2}));
    }

    void sgdUpdateIsTheCurriculumsRule() {
        TinyRun run("sgd");
        const std::optional<StepTrace> trace = traceStep(*run.trainer);
        QVERIFY(trace);
        const ByHand want(kX, kLabels);
        const TraceStage* update = trace->find(StageKind::Update);
        QCOMPARE(*update->scalar("learning rate"), 0.5);
        const ParameterUpdate* v = update->update("dense_2.W");
        QVERIFY(v);
        Matrix after = kV;  // V = V - learning_rate * dJ/dV
        for (size_t m = 0; m < 3; ++m)
            for (size_t k = 0; k < 2; ++k) after[m][k] -= 0.5 * want.dV[m][k];
        compareMatrix(&v->before, kV, "V before");
        compareMatrix(&v->after, after, "V after");
        QVERIFY(v->stateBefore.empty() && v->stateAfter.empty());
    }

    // The update stage against one call of the optimizer: a second network with the traced
    // weights and gradients, and the same optimizer kind, updated the same way step after step.
    void updateEqualsOneCallOfTheOptimizer_data() {
        QTest::addColumn<QString>("optimizer");
        for (const char* name : {"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"})
            QTest::newRow(name) << name;
    }
    void updateEqualsOneCallOfTheOptimizer() {
        QFETCH(QString, optimizer);
        TinyRun run(optimizer.toStdString());
        CpuBackend backend;
        Network copy(backend, run.network->spec(), 2);
        TinyRun::setWeights(copy, backend);
        TrainingSettings settings = run.trainer->settings();
        const std::unique_ptr<Optimizer> reference = makeOptimizer(settings);
        for (int step = 1; step <= 3; ++step) {  // later steps start from non-zero state
            const std::optional<StepTrace> trace = traceStep(*run.trainer);
            QVERIFY(trace);
            const TraceStage* update = trace->find(StageKind::Update);
            const auto& parameters = copy.parameters();
            for (size_t i = 0; i < parameters.size(); ++i) {
                const ParameterUpdate* traced = update->update(parameters[i].id);
                QVERIFY(traced);
                QVERIFY(kototest::sameBits(
                    kototest::downloaded<float>(backend, parameters[i].parameter->value),
                    traced->before.values));
                backend.upload(std::span<const float>(traced->gradient.values),
                               parameters[i].parameter->gradient);
                // Before the first update the state shows as zeros under the names it will have.
                QCOMPARE(traced->stateBefore.size(), reference->state(i).empty()
                                                         ? traced->stateAfter.size()
                                                         : reference->state(i).size());
                const std::vector<TracedBuffer> state = reference->state(i);
                for (size_t s = 0; s < state.size(); ++s)
                    QVERIFY(
                        kototest::sameBits(kototest::downloaded<float>(backend, *state[s].tensor),
                                           traced->stateBefore[s].values));
            }
            QVERIFY(!reference->apply(backend, parameters, *update->scalar("learning rate")));
            for (size_t i = 0; i < parameters.size(); ++i) {
                const ParameterUpdate* traced = update->update(parameters[i].id);
                QVERIFY2(
                    kototest::sameBits(
                        kototest::downloaded<float>(backend, parameters[i].parameter->value),
                        traced->after.values),
                    qPrintable(
                        QStringLiteral("%1 at step %2").arg(kototest::qs(traced->id)).arg(step)));
                const std::vector<TracedBuffer> state = reference->state(i);
                QCOMPARE(state.size(), traced->stateAfter.size());
                for (size_t s = 0; s < state.size(); ++s) {
                    QCOMPARE(kototest::qs(state[s].name), kototest::qs(traced->stateAfter[s].name));
                    QVERIFY(
                        kototest::sameBits(kototest::downloaded<float>(backend, *state[s].tensor),
                                           traced->stateAfter[s].values));
                }
            }
        }
        if (optimizer == "adam") {  // the t the fourth update would use
            QCOMPARE(run.optimizer->constants().back().second, 4.0);
        }
    }

    void numericalCheckAgreesWithTheGradient_data() {
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("col");
        QTest::newRow("V[2,1]") << "dense_2.W" << 2 << 1;
        QTest::newRow("c[0]") << "dense_2.b" << 0 << 0;
        QTest::newRow("W[1,0]") << "dense_1.W" << 1 << 0;
        QTest::newRow("b[2]") << "dense_1.b" << 0 << 2;
    }
    void numericalCheckAgreesWithTheGradient() {
        QFETCH(QString, parameter);
        QFETCH(int, row);
        QFETCH(int, col);
        TinyRun run("sgd");
        const std::optional<StepTrace> trace = traceStep(*run.trainer);
        QVERIFY(trace);
        const WeightCheck check = checkWeight(*trace, parameter.toStdString(), row, col);
        QVERIFY2(check.relativeError < 1e-4, qPrintable(QStringLiteral("analytic %1, numeric %2")
                                                            .arg(check.analytic, 0, 'g', 9)
                                                            .arg(check.numeric, 0, 'g', 9)));
        QVERIFY(std::abs(check.analyticDouble - check.numeric) < 1e-8);
        QCOMPARE(check.numeric, (check.costPlus - check.costMinus) / (2 * check.step));
        QVERIFY(std::abs(check.analytic) > 1e-4);  // a real gradient, not two zeros agreeing
        // The weight before the update, not after it.
        const ParameterUpdate* update =
            trace->find(StageKind::Update)->update(parameter.toStdString());
        QCOMPARE(check.weight, static_cast<double>(update->before.at(row, col)));
        QVERIFY_THROWS_EXCEPTION(InputError, checkWeight(*trace, parameter.toStdString(), 7, 0));
    }

    void dropoutShowsItsMaskAndTheCheckUsesIt() {
        LayerSpec dropout;
        dropout.type = "dropout";
        dropout.parameters["keep"] = 0.5;
        TinyRun run("sgd", {dense(3, "sigmoid"), dropout});
        // The fixed weights are the 2-3-2 ones; dropout has none.
        const std::optional<StepTrace> trace = traceStep(*run.trainer);
        QVERIFY(trace);
        const TraceStage* stage = trace->find(StageKind::Forward, 1);
        const TracedTensor* x = stage->tensor("X");
        const TracedTensor* mask = stage->tensor("mask");
        const TracedTensor* z = stage->tensor("Z");
        QVERIFY(x && mask && z);
        for (size_t i = 0; i < mask->values.size(); ++i) {
            QVERIFY(mask->values[i] == 0.0f || mask->values[i] == 2.0f);  // 1/p for a kept unit
            QCOMPARE(z->values[i], x->values[i] * mask->values[i]);
        }
        QVERIFY(trace->find(StageKind::Backward, 1)->tensor("dJ/dX"));
        for (int col = 0; col < 3; ++col) {
            const WeightCheck check = checkWeight(*trace, "dense_1.W", 0, col);
            QVERIFY2(check.relativeError < 1e-4 || std::abs(check.analytic - check.numeric) < 1e-7,
                     qPrintable(QStringLiteral("W[0,%1]: analytic %2, numeric %3")
                                    .arg(col)
                                    .arg(check.analytic)
                                    .arg(check.numeric)));
        }
    }

    // Every element of both conv layers' a, dJ/dW, dJ/db and dJ/dX is the sum its window gives
    // with the trace's numbers; the padding's terms are left out.
    void convolutionElementsAreTheirWindowSums() {
        CnnRun run;
        const std::optional<StepTrace> trace = traceStep(*run.trainer);
        QVERIFY(trace);
        for (const int l : {0, 2}) {
            const std::optional<ImageLayerGeometry> g = imageGeometry(*trace, l);
            QVERIFY(g && g->convolution);
            const TracedTensor* a = trace->find(StageKind::Forward, l)->tensor("a");
            QCOMPARE(a->cols, g->outputChannels * g->windows.outputPixels());
            for (int64_t n = 0; n < a->rows; ++n)
                for (int64_t col = 0; col < a->cols; ++col) {
                    const ImagePoint p = g->outputPoint(col);
                    QCOMPARE(g->outputColumn(p), col);
                    compareSum(convolutionSum(*trace, l, n, p.channel, p.y, p.x), a->at(n, col),
                               QStringLiteral("layer %1 a[%2,%3,%4,%5]")
                                   .arg(l)
                                   .arg(n)
                                   .arg(p.channel)
                                   .arg(p.y)
                                   .arg(p.x));
                }
            const TraceStage* back = trace->find(StageKind::Backward, l);
            const TracedTensor* dW = back->tensor("dJ/dW");
            double largest = 0;
            for (int64_t f = 0; f < dW->rows; ++f) {
                compareSum(biasGradientSum(*trace, l, f), back->tensor("dJ/db")->at(0, f),
                           QStringLiteral("dJ/db[%1]").arg(f));
                for (int64_t c = 0; c < g->windows.channels; ++c)
                    for (int64_t ky = 0; ky < g->windows.kernel; ++ky)
                        for (int64_t kx = 0; kx < g->windows.kernel; ++kx) {
                            const double traced = dW->at(f, g->weightColumn(c, ky, kx));
                            largest = std::max(largest, std::abs(traced));
                            compareSum(weightGradientSum(*trace, l, f, c, ky, kx), traced,
                                       QStringLiteral("layer %1 dJ/dW[%2,%3,%4,%5]")
                                           .arg(l)
                                           .arg(f)
                                           .arg(c)
                                           .arg(ky)
                                           .arg(kx));
                        }
            }
            QVERIFY2(largest > 1e-4,
                     qPrintable(QStringLiteral("layer %1: largest dJ/dW %2")
                                    .arg(l)
                                    .arg(largest)));  // real gradients, not zeros agreeing
        }
        // The first conv's window (0, 0) hangs over the padding: 2 x 2 of its 3 x 3 inputs per
        // channel.
        QCOMPARE(convolutionSum(*trace, 0, 0, 0, 0, 0).terms.size(), size_t(2 * 4));
        QCOMPARE(convolutionSum(*trace, 0, 0, 0, 1, 1).terms.size(), size_t(2 * 9));
        // dJ/dX of the second conv: each input pixel collects from every window it was in.
        const ImageLayerGeometry g = *imageGeometry(*trace, 2);
        const TracedTensor* dX = trace->find(StageKind::Backward, 2)->tensor("dJ/dX");
        QVERIFY(dX);
        for (int64_t n = 0; n < dX->rows; ++n)
            for (int64_t col = 0; col < dX->cols; ++col) {
                const ImagePoint p = g.inputPoint(col);
                const WindowSum sum =
                    convolutionInputGradientSum(*trace, 2, n, p.channel, p.y, p.x);
                QCOMPARE(sum.terms.size(),
                         size_t(2 * 4));  // 2 filters, a 2x2 kernel, stride 1, padding 1
                compareSum(sum, dX->at(n, col), QStringLiteral("dJ/dX[%1,%2]").arg(n).arg(col));
            }
        QVERIFY_THROWS_EXCEPTION(
            InputError, convolutionInputGradientSum(*trace, 0, 0, 0, 0, 0));  // nobody needs it
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 convolutionSum(*trace, 0, 0, 3, 0, 0));  // only 3 filters
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 convolutionSum(*trace, 1, 0, 0, 0, 0));  // a pooling layer
        QVERIFY(!imageGeometry(*trace, 4));                               // flatten
        // The numerical check beside a conv weight, through pooling and the second conv.
        for (const char* parameter : {"conv_1.W", "conv_2.W", "conv_1.b"}) {
            const WeightCheck check = checkWeight(*trace, parameter, 0, 1);
            QVERIFY2(check.relativeError < 1e-3 &&
                         std::abs(check.analyticDouble - check.numeric) < 1e-7,
                     qPrintable(QStringLiteral("%1: analytic %2, numeric %3")
                                    .arg(parameter)
                                    .arg(check.analytic)
                                    .arg(check.numeric)));
        }
    }

    // Max pooling shows the input that won (the forward pass's own mark) and routes the gradient
    // to it alone; average pooling shows the mean and shares the gradient out; the edge that no
    // window covers gets nothing.
    void poolingShowsTheWinnerAndRoutesTheGradient() {
        CnnRun run;
        const std::optional<StepTrace> trace = traceStep(*run.trainer);
        QVERIFY(trace);
        for (const int l : {1, 3}) {
            const bool max = l == 1;
            const ImageLayerGeometry g = *imageGeometry(*trace, l);
            QVERIFY(!g.convolution);
            const TracedTensor* z = trace->find(StageKind::Forward, l)->tensor("Z");
            for (int64_t n = 0; n < z->rows; ++n)
                for (int64_t col = 0; col < z->cols; ++col) {
                    const ImagePoint p = g.outputPoint(col);
                    const PoolingWindow window = poolingWindow(*trace, l, n, p.channel, p.y, p.x);
                    QCOMPARE(window.inputs.terms.size(), size_t(4));
                    if (max) {
                        QVERIFY(window.winner >= 0);
                        const double won =
                            window.inputs.terms[static_cast<size_t>(window.winner)].first;
                        QCOMPARE(won, static_cast<double>(z->at(n, col)));
                        for (const WindowTerm& t : window.inputs.terms) QVERIFY(t.first <= won);
                    } else {
                        QCOMPARE(window.winner, -1);
                    }
                    compareSum(window.inputs, z->at(n, col),
                               QStringLiteral("layer %1 Z[%2,%3]").arg(l).arg(n).arg(col));
                }
            const TracedTensor* dX = trace->find(StageKind::Backward, l)->tensor("dJ/dX");
            int routed = 0;
            for (int64_t n = 0; n < dX->rows; ++n)
                for (int64_t col = 0; col < dX->cols; ++col) {
                    const ImagePoint p = g.inputPoint(col);
                    const WindowSum sum =
                        poolingInputGradientSum(*trace, l, n, p.channel, p.y, p.x);
                    const bool edge =
                        p.y >= 2 * g.windows.outputHeight() || p.x >= 2 * g.windows.outputWidth();
                    QCOMPARE(sum.terms.empty(), edge);
                    if (!sum.terms.empty() && sum.terms[0].second != 0) ++routed;
                    compareSum(sum, dX->at(n, col),
                               QStringLiteral("layer %1 dJ/dX[%2,%3]").arg(l).arg(n).arg(col));
                }
            // Max pooling: one input of each window; average pooling: every covered input.
            const int64_t windows = dX->rows * g.outputChannels * g.windows.outputPixels();
            QCOMPARE(routed, static_cast<int>(max ? windows : 4 * windows));
        }
    }

    // Stepping through time: the LSTM's traced gates, cell and hidden state obey the step's
    // formulas at every t, c(t) = f c(t-1) + i g and h(t) = o tanh(c(t)); the per-step gradient
    // norms the layer reports are those of the traced dJ/dh(t) and dJ/dc(t).
    void lstmStepsThroughTime() {
        SequenceRun run("lstm");
        const std::optional<StepTrace> trace = traceStep(*run.trainer);
        QVERIFY(trace);
        const TraceStage* forward = trace->find(StageKind::Forward, 0);
        const TracedTensor &i = *forward->tensor("i"), &f = *forward->tensor("f"),
                           &o = *forward->tensor("o"), &g = *forward->tensor("g"),
                           &c = *forward->tensor("c"), &h = *forward->tensor("h");
        QCOMPARE(c.cols, int64_t(4 * 3));
        for (int64_t n = 0; n < 3; ++n)
            for (int64_t t = 0; t < 4; ++t)
                for (int64_t j = 0; j < 3; ++j) {
                    const int64_t at = t * 3 + j;
                    const double previous = t == 0 ? 0.0 : c.at(n, at - 3);
                    QVERIFY(std::abs(c.at(n, at) -
                                     (f.at(n, at) * previous + i.at(n, at) * g.at(n, at))) < 1e-6);
                    QVERIFY(std::abs(h.at(n, at) - o.at(n, at) * std::tanh(static_cast<double>(
                                                                     c.at(n, at)))) < 1e-6);
                }
        const TraceStage* backward = trace->find(StageKind::Backward, 0);
        QCOMPARE(backward->hiddenGradientNorms.size(), size_t(4));
        QCOMPARE(backward->cellGradientNorms.size(), size_t(4));
        for (const auto& [name, norms] : {std::pair{"dJ/dh", &backward->hiddenGradientNorms},
                                          std::pair{"dJ/dc", &backward->cellGradientNorms}}) {
            const TracedTensor& gradient = *backward->tensor(name);
            for (int64_t t = 0; t < 4; ++t) {
                double squares = 0;
                for (int64_t n = 0; n < 3; ++n)
                    for (int64_t j = 0; j < 3; ++j)
                        squares += std::pow(gradient.at(n, t * 3 + j), 2);
                const double norm = (*norms)[static_cast<size_t>(t)];
                QVERIFY2(std::abs(norm - std::sqrt(squares)) <= 1e-6 + 1e-5 * norm,
                         qPrintable(QStringLiteral("%1 at t = %2: %3 reported, %4 traced")
                                        .arg(name)
                                        .arg(t + 1)
                                        .arg(norm)
                                        .arg(std::sqrt(squares))));
            }
            QVERIFY((*norms)[3] > 0);
        }
        QVERIFY(trace->find(StageKind::Forward, 0)->hiddenGradientNorms.empty());
    }

    // The SimpleRNN's h(t) = tanh(x(t) Wx + b + h(t-1) Wh) with the traced input part and the
    // weights before the update.
    void rnnStepsThroughTime() {
        SequenceRun run("rnn");
        const std::optional<StepTrace> trace = traceStep(*run.trainer);
        QVERIFY(trace);
        const TraceStage* forward = trace->find(StageKind::Forward, 0);
        const TracedTensor &part = *forward->tensor("x(t) Wx + b"), &h = *forward->tensor("h");
        const TracedTensor& wh = trace->find(StageKind::Update)->update("rnn_1.Wh")->before;
        for (int64_t n = 0; n < 3; ++n)
            for (int64_t t = 0; t < 4; ++t)
                for (int64_t j = 0; j < 3; ++j) {
                    double a = part.at(n, t * 3 + j);
                    for (int64_t k = 0; t > 0 && k < 3; ++k)
                        a += h.at(n, (t - 1) * 3 + k) * wh.at(k, j);
                    QVERIFY(std::abs(h.at(n, t * 3 + j) - std::tanh(a)) < 1e-6);
                }
        QCOMPARE(trace->find(StageKind::Backward, 0)->hiddenGradientNorms.size(), size_t(4));
        QVERIFY(trace->find(StageKind::Backward, 0)->cellGradientNorms.empty());
    }

    // A recurrent weight's gradient written out over samples and time steps: every element of
    // dJ/dWx, dJ/dWh and dJ/db of a SimpleRNN and an LSTM adds up, from the trace's x(t), h(t−1)
    // and dJ/da(t), to what training computed; h(0) = 0 leaves t = 1 out of dJ/dWh.
    void recurrentGradientsAreSumsOverSamplesAndTime_data() {
        QTest::addColumn<QString>("type");
        QTest::newRow("rnn") << "rnn";
        QTest::newRow("lstm") << "lstm";
    }
    void recurrentGradientsAreSumsOverSamplesAndTime() {
        QFETCH(QString, type);
        SequenceRun run(qPrintable(type));
        const std::optional<StepTrace> trace = traceStep(*run.trainer);
        QVERIFY(trace);
        const TraceStage* backward = trace->find(StageKind::Backward, 0);
        for (const char* parameter : {"Wx", "Wh", "b"}) {
            const TracedTensor& gradient = *backward->tensor(std::string("dJ/d") + parameter);
            for (int64_t i = 0; i < gradient.rows; ++i)
                for (int64_t j = 0; j < gradient.cols; ++j) {
                    const TimeSum sum = recurrentGradientSum(*trace, 0, parameter, i, j);
                    QCOMPARE(sum.samples, int64_t(3));
                    QCOMPARE(sum.steps, int64_t(4));
                    QCOMPARE(sum.terms.size(),
                             size_t(std::string_view(parameter) == "Wh" ? 3 * 3 : 3 * 4));
                    double size = 0;
                    for (const TimeTerm& t : sum.terms) size += std::abs(t.first * t.second);
                    QVERIFY2(size > 0 &&
                                 std::abs(sum.total() - gradient.at(i, j)) <= 1e-7 + 1e-5 * size,
                             qPrintable(
                                 QStringLiteral("%1 %2 dJ/d%3[%4,%5]: written out %6, training %7")
                                     .arg(type, parameter)
                                     .arg(i)
                                     .arg(j)
                                     .arg(sum.total(), 0, 'g', 9)
                                     .arg(gradient.at(i, j), 0, 'g', 9)));
                }
        }
        QVERIFY_THROWS_EXCEPTION(InputError, recurrentGradientSum(*trace, 0, "Wh", 3, 0));
        QVERIFY_THROWS_EXCEPTION(InputError, recurrentGradientSum(*trace, 0, "W", 0, 0));
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 recurrentGradientSum(*trace, 2, "Wx", 0, 0));  // the dense layer
    }

    // With L1 and L2 the trace keeps their constants: the cost adds the penalty, g has 2·l2·w in
    // it, and after the optimizer's step each weight moves learning_rate·l1 toward 0, stopping
    // there.
    void regularisationConstantsAreRecorded() {
        TinyRun run("sgd");
        TrainingSettings settings = run.trainer->settings();
        settings.l1 = 0.05;
        settings.l2 = 0.01;
        run.trainer = std::make_unique<Trainer>(*run.network, *run.optimizer, run.data, settings);
        const std::optional<StepTrace> trace = traceStep(*run.trainer);
        QVERIFY(trace);
        const TraceStage* loss = trace->find(StageKind::Loss);
        QCOMPARE(*loss->scalar("l1"), 0.05);
        QCOMPARE(*loss->scalar("l2"), 0.01);
        const TraceStage* update = trace->find(StageKind::Update);
        QCOMPARE(*update->scalar("l1"), 0.05);
        QVERIFY(update->update("dense_1.W")->regularized);
        QVERIFY(!update->update("dense_1.b")->regularized);
        double penalty = 0;
        for (const ParameterUpdate& u : update->updates)
            for (const float w : u.before.values)
                if (u.regularized) penalty += 0.05 * std::abs(w) + 0.01 * w * w;
        QVERIFY(std::abs(*loss->scalar("penalty") - penalty) < 1e-6);
        const ParameterUpdate& w = *update->update("dense_1.W");
        const TraceStage* back = trace->find(StageKind::Backward, 0);
        for (size_t i = 0; i < w.before.values.size(); ++i) {
            const double before = w.before.values[i];
            QVERIFY(std::abs(w.gradient.values[i] -
                             (back->tensor("dJ/dW")->values[i] + 2 * 0.01 * before)) < 1e-6);
            const double stepped = before - 0.5 * w.gradient.values[i];
            const double shrunk =
                std::copysign(std::max(0.0, std::abs(stepped) - 0.5 * 0.05), stepped);
            QVERIFY(std::abs(w.after.values[i] - shrunk) < 1e-6);
        }
        QVERIFY(!trace->find(StageKind::Update)->update("dense_1.b")->regularized);
        TinyRun plain("sgd");
        QVERIFY(!traceStep(*plain.trainer)->find(StageKind::Update)->scalar("l1"));
    }

    void aStoppedTracerRecordsNothing() {
        TinyRun run("sgd");
        StepTracer tracer(*run.trainer);
        run.trainer->addObserver(&tracer);
        QVERIFY(!tracer.take());
        QVERIFY(run.trainer->step());  // not armed: nothing recorded
        QVERIFY(!tracer.take());
        tracer.arm();
        QVERIFY(tracer.armed());
        QVERIFY(run.trainer->step());
        const std::optional<StepTrace> trace = tracer.take();
        QVERIFY(trace);
        QCOMPARE(trace->step, int64_t(2));
        QVERIFY(!tracer.armed());
        run.trainer->removeObserver(&tracer);
    }

    void stepChoiceMakesAOneSampleStep() {
        TinyRun run("sgd");
        int asked = 0;
        run.trainer->setStepChoice([&]() -> std::optional<std::vector<int32_t>> {
            ++asked;
            if (asked == 1) return std::vector<int32_t>{0};
            return std::nullopt;
        });
        StepTracer tracer(*run.trainer);
        run.trainer->addObserver(&tracer);
        tracer.arm(0);
        QVERIFY(run.trainer->step());
        const std::optional<StepTrace> trace = tracer.take();
        QVERIFY(trace);
        QCOMPARE(trace->rows(), int64_t(1));
        compareMatrix(trace->find(StageKind::Forward, 0)->tensor("X"), {kX[0]}, "X");
        QVERIFY(run.trainer->step());  // the next mini-batch again: both samples
        QCOMPARE(run.trainer->epochsDone(), int64_t(1));
        run.trainer->removeObserver(&tracer);
    }

    // Part 9: from u = 20, cost u*u + u + 1, learning rate 0.3: u <- 0.4u - 0.3.
    void partNineLessonGivesTheBooksNumbers() {
        const auto steps = gradientDescent(partNineCost(), 20.0, 0.3, 12);
        QCOMPARE(steps.size(), size_t(13));
        QCOMPARE(steps[1].x, 0.4 * 20 - 0.3);
        QVERIFY(std::abs(steps[12].x - (-0.5 + 20.5 * std::pow(0.4, 12))) < 1e-12);
        QVERIFY(std::abs(steps[12].x - -0.49966) < 5e-6);
        QCOMPARE(QString::number(steps[12].cost, 'f', 6), QStringLiteral("0.750000"));
    }

    void learningRateDecidesTheBehaviour_data() {
        QTest::addColumn<double>("rate");
        QTest::addColumn<int>("behaviour");
        QTest::newRow("small: creeps down") << 0.2 << int(DescentBehaviour::Converges);
        QTest::newRow("0.5: one step to the bottom") << 0.5 << int(DescentBehaviour::Converges);
        QTest::newRow("0.8: bounces and settles") << 0.8 << int(DescentBehaviour::Oscillates);
        QTest::newRow("1.0: bounces for ever") << 1.0 << int(DescentBehaviour::Cycles);
        QTest::newRow("1.1: diverges") << 1.1 << int(DescentBehaviour::Diverges);
    }
    void learningRateDecidesTheBehaviour() {
        QFETCH(double, rate);
        QFETCH(int, behaviour);
        const Quadratic j = partSevenCost();  // J = x^2 + x, gradient 2x + 1, minimum at -1/2
        QCOMPARE(j.gradient(3.0), 7.0);
        QCOMPARE(j.minimum(), -0.5);
        QCOMPARE(int(descentBehaviour(j, rate)), behaviour);
        const auto steps = gradientDescent(j, 2.0, rate, 30);
        const double first = std::abs(steps[0].x - j.minimum()),
                     last = std::abs(steps[30].x - j.minimum());
        switch (DescentBehaviour(behaviour)) {
        case DescentBehaviour::Converges:
            QVERIFY(last < 1e-3 * first);
            QVERIFY(steps[1].x <= steps[0].x);
            break;
        case DescentBehaviour::Oscillates:
            QVERIFY(last < 1e-2 * first);
            QVERIFY((steps[1].x - j.minimum()) * (steps[0].x - j.minimum()) < 0);
            break;
        case DescentBehaviour::Cycles: QVERIFY(std::abs(last - first) < 1e-9); break;
        case DescentBehaviour::Diverges: QVERIFY(last > 10 * first); break;
        }
        QCOMPARE(largestCreepingRate(j), 0.5);
        QCOMPARE(largestConvergingRate(j), 1.0);
    }

    void handAnswerAcceptsWithinTheTolerance() {
        QVERIFY(handAnswerIsRight(-0.1247, -0.12468));
        QVERIFY(handAnswerIsRight(-0.125, -0.12468));   // within 1 %
        QVERIFY(!handAnswerIsRight(-0.13, -0.12468));   // 4 % off
        QVERIFY(!handAnswerIsRight(0.1247, -0.12468));  // wrong sign
        QVERIFY(handAnswerIsRight(0.0003, 0.0));        // near zero: 0.0005 absolute
        QVERIFY(!handAnswerIsRight(0.001, 0.0));
        QVERIFY(!handAnswerIsRight(std::nan(""), 0.0));
    }
};

QTEST_APPLESS_MAIN(TestStepTrace)
#include "test_step_trace.moc"
