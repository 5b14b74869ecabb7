// Recurrent networks (part 13): SimpleRNN and LSTM gradients against finite differences in double
// (several time steps, many-to-one through seq:last and many-to-many through seq:many, stacked
// layers, every initialisation); the per-step gradient norms ||dJ/dh(t)|| and ||dJ/dc(t)||
// against finite differences of a forward pass written out here by hand; the LSTM's forget bias;
// the initialisations' ranges and orthogonality; tokens, shapes and the errors naming the layer;
// gradient clipping; and a small RNN and LSTM learning which bit came first.

#include <QtTest>

#include <cmath>
#include <vector>

#include "backend/cpu_backend.h"
#include "check/gradient_check.h"
#include "inspect/step_tracer.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "koto_test_support.h"
#include "layers/lstm_layer.h"
#include "layers/rnn_layer.h"
#include "network/layer_registry.h"
#include "network/network.h"
#include "training/gradient_clipping.h"
#include "training/training_run.h"
#include "util/errors.h"
#include "util/random.h"

using namespace koto;
using kototest::dense;
using kototest::downloaded;
using kototest::networkSpec;
using kototest::qs;
using kototest::uniformValues;

namespace {

LayerSpec rnn(int64_t units, const std::string& activation, const std::string& init = "uniform") {
    LayerSpec layer;
    layer.type = "rnn";
    layer.parameters = {{"units", units}, {"activation", activation}, {"init", init}};
    return layer;
}

LayerSpec lstm(int64_t units, const std::string& init = "uniform") {
    LayerSpec layer;
    layer.type = "lstm";
    layer.parameters = {{"units", units}, {"init", init}};
    return layer;
}

LayerSpec sequenceLayer(const std::string& type) {
    LayerSpec layer;
    layer.type = type;
    return layer;
}

// firstbit in small: `count` sequences of `length` random bits (one value a step), the label
// being the first bit, which the network must carry through every later step.
Dataset firstBitDataset(int64_t length, int64_t trainCount, int64_t testCount, uint64_t seed) {
    Dataset data;
    data.name = "tiny-firstbit";
    data.task = Task::Classification;
    data.inputSize = length;
    data.classCount = 2;
    data.classNames = {"0", "1"};
    data.sequenceLength = length;
    Random random(seed, 7);
    for (DataSplit* split : {&data.train, &data.test}) {
        split->count = split == &data.train ? trainCount : testCount;
        for (int64_t n = 0; n < split->count; ++n) {
            for (int64_t t = 0; t < length; ++t)
                split->inputs.push_back(random.uniform() < 0.5 ? 0.0f : 1.0f);
            split->labels.push_back(
                static_cast<int32_t>(split->inputs[static_cast<size_t>(n * length)]));
        }
    }
    return data;
}

double sigmoid(double a) { return 1.0 / (1.0 + std::exp(-a)); }

// A recurrent network written out by hand: one recurrent layer (SimpleRNN with tanh, or LSTM),
// seq:last, a softmax layer, mean cross-entropy. Weights as the network holds them.
struct HandNetwork {
    bool isLstm = false;
    int64_t steps = 0, inputs = 0, units = 0, classes = 0;
    std::vector<double> wx, wh, b, w, c;  // Wx (D x G*U), Wh (U x G*U), b, dense W (U x K), dense b

    int64_t width() const { return (isLstm ? 4 : 1) * units; }

    // One step from (h, cell) with input x; both updated.
    void step(const double* x, std::vector<double>& h, std::vector<double>& cell) const {
        std::vector<double> a(static_cast<size_t>(width()));
        for (int64_t k = 0; k < width(); ++k) {
            double sum = b[static_cast<size_t>(k)];
            for (int64_t d = 0; d < inputs; ++d)
                sum += x[d] * wx[static_cast<size_t>(d * width() + k)];
            for (int64_t v = 0; v < units; ++v)
                sum += h[static_cast<size_t>(v)] * wh[static_cast<size_t>(v * width() + k)];
            a[static_cast<size_t>(k)] = sum;
        }
        for (int64_t u = 0; u < units; ++u) {
            const auto i = static_cast<size_t>(u), U = static_cast<size_t>(units);
            if (!isLstm) {
                h[i] = std::tanh(a[i]);
                continue;
            }
            const double in = sigmoid(a[i]), f = sigmoid(a[U + i]), o = sigmoid(a[2 * U + i]),
                         g = std::tanh(a[3 * U + i]);
            cell[i] = f * cell[i] + in * g;
            h[i] = o * std::tanh(cell[i]);
        }
    }

    // The output gate o(t) of an LSTM step, for h(t) = o tanh(c(t)) when c(t) is moved by hand.
    std::vector<double> outputGate(const double* x, const std::vector<double>& hPrevious) const {
        std::vector<double> o(static_cast<size_t>(units));
        for (int64_t u = 0; u < units; ++u) {
            const int64_t k = 2 * units + u;
            double sum = b[static_cast<size_t>(k)];
            for (int64_t d = 0; d < inputs; ++d)
                sum += x[d] * wx[static_cast<size_t>(d * width() + k)];
            for (int64_t v = 0; v < units; ++v)
                sum += hPrevious[static_cast<size_t>(v)] * wh[static_cast<size_t>(v * width() + k)];
            o[static_cast<size_t>(u)] = sigmoid(sum);
        }
        return o;
    }

    // -log softmax(h W + c)[label]: one sample's cost from the last hidden state.
    double cost(const std::vector<double>& h, int label) const {
        std::vector<double> logits(static_cast<size_t>(classes));
        double largest = -1e300;
        for (int64_t k = 0; k < classes; ++k) {
            double sum = c[static_cast<size_t>(k)];
            for (int64_t u = 0; u < units; ++u)
                sum += h[static_cast<size_t>(u)] * w[static_cast<size_t>(u * classes + k)];
            logits[static_cast<size_t>(k)] = sum;
            largest = std::max(largest, sum);
        }
        double total = 0;
        for (const double l : logits) total += std::exp(l - largest);
        return -(logits[static_cast<size_t>(label)] - largest - std::log(total));
    }

    // The cost of one sample whose state after step t (0-based) is (h, cell): the steps after t.
    double costFrom(const double* sample, int64_t t, std::vector<double> h,
                    std::vector<double> cell, int label) const {
        for (int64_t s = t + 1; s < steps; ++s) step(sample + s * inputs, h, cell);
        return cost(h, label);
    }

    // The states after every step of one sample.
    void run(const double* sample, std::vector<std::vector<double>>& hs,
             std::vector<std::vector<double>>& cells) const {
        std::vector<double> h(static_cast<size_t>(units), 0.0),
            cell(static_cast<size_t>(units), 0.0);
        for (int64_t t = 0; t < steps; ++t) {
            step(sample + t * inputs, h, cell);
            hs.push_back(h);
            cells.push_back(cell);
        }
    }
};

}  // namespace

class TestRecurrent : public QObject {
    Q_OBJECT

private slots:
    void gradients_data();
    void gradients();
    void stepNormsEqualFiniteDifferences_data();
    void stepNormsEqualFiniteDifferences();
    void lstmForgetBiasStartsAtOne();
    void initializations_data();
    void initializations();
    void tokensAndShapes();
    void errorsNameTheLayer_data();
    void errorsNameTheLayer();
    void clippingScalesTheGradientNorm();
    void trainerStepsAreClipped();
    void clipNormIsSavedInProjects();
    void lstmTraceShowsGatesAndStates();
    void learnsTheFirstBit_data();
    void learnsTheFirstBit();
};

void TestRecurrent::gradients_data() {
    QTest::addColumn<NetworkSpec>("spec");
    QTest::newRow("rnn tanh, 4 steps, seq:last, softmax")
        << networkSpec({4, 3}, LossKind::CrossEntropy,
                       {rnn(5, "tanh"), sequenceLayer("sequence_last"), dense(3, "softmax")});
    QTest::newRow("rnn sigmoid, orthogonal, 5 steps, mse") << networkSpec(
        {5, 2}, LossKind::MeanSquaredError,
        {rnn(4, "sigmoid", "orthogonal"), sequenceLayer("sequence_last"), dense(2, "linear")});
    QTest::newRow("lstm, 5 steps, seq:last, softmax")
        << networkSpec({5, 2}, LossKind::CrossEntropy,
                       {lstm(4), sequenceLayer("sequence_last"), dense(3, "softmax")});
    QTest::newRow("lstm xavier into rnn orthogonal (dJ/dX of the rnn)")
        << networkSpec({4, 3}, LossKind::CrossEntropy,
                       {lstm(3, "xavier"), rnn(4, "tanh", "orthogonal"),
                        sequenceLayer("sequence_last"), dense(2, "softmax")});
    QTest::newRow("rnn into lstm orthogonal (dJ/dX of the lstm)")
        << networkSpec({3, 2}, LossKind::MeanSquaredError,
                       {rnn(3, "tanh"), lstm(2, "orthogonal"), sequenceLayer("sequence_last"),
                        dense(1, "linear")});
    QTest::newRow("rnn, seq:many, dense per step, mse")
        << networkSpec({4, 2}, LossKind::MeanSquaredError,
                       {rnn(3, "tanh"), sequenceLayer("sequence_many"), dense(2, "linear")});
    QTest::newRow("lstm, seq:many, hidden dense and softmax per step") << networkSpec(
        {3, 2}, LossKind::CrossEntropy,
        {lstm(3), sequenceLayer("sequence_many"), dense(4, "tanh"), dense(3, "softmax")});
}

void TestRecurrent::gradients() {
    QFETCH(NetworkSpec, spec);
    const std::vector<std::vector<int64_t>> shapes = inferShapes(spec);
    const int64_t steps = spec.inputShape[0], inputs = steps * spec.inputShape[1];
    const int64_t outputs = shapes.back()[0];
    bool perStep = false;
    for (const LayerSpec& layer : spec.layers) perStep = perStep || layer.type == "sequence_many";
    GradientCheckInput data;
    data.rows = 3;
    data.inputs = uniformValues(data.rows * inputs, -1, 1, 17);
    const int64_t targetRows = data.rows * (perStep ? steps : 1);
    if (spec.loss == LossKind::CrossEntropy) {
        data.targets.assign(static_cast<size_t>(targetRows * outputs), 0.0);
        for (int64_t n = 0; n < targetRows; ++n)
            data.targets[static_cast<size_t>(n * outputs + (n * 7 % 5) % outputs)] = 1.0;
    } else {
        data.targets = uniformValues(targetRows * outputs, -1, 1, 23);
    }

    const std::vector<GradientCheckResult> results = checkGradients(spec, data, /*seed=*/5);
    int64_t recurrentTensors = 0;
    for (const GradientCheckResult& r : results) {
        QVERIFY2(r.elementsChecked > 0, qPrintable(qs(r.tensor)));
        QVERIFY2(
            r.maxRelativeError < 1e-6,
            qPrintable(
                QStringLiteral("%1: relative error %2").arg(qs(r.tensor)).arg(r.maxRelativeError)));
        recurrentTensors += r.tensor.starts_with("rnn_") || r.tensor.starts_with("lstm_") ? 1 : 0;
    }
    int64_t recurrentLayers = 0;
    for (const LayerSpec& layer : spec.layers)
        recurrentLayers += layer.type == "rnn" || layer.type == "lstm" ? 1 : 0;
    QCOMPARE(recurrentTensors, 3 * recurrentLayers);  // Wx, Wh and b of every recurrent layer
}

void TestRecurrent::stepNormsEqualFiniteDifferences_data() {
    QTest::addColumn<bool>("isLstm");
    QTest::newRow("rnn") << false;
    QTest::newRow("lstm") << true;
}

// ||dJ/dh(t)|| (and ||dJ/dc(t)||) after backward against central differences of the cost with
// respect to each element of h(t) (and c(t)) of each sample, through the forward pass above.
void TestRecurrent::stepNormsEqualFiniteDifferences() {
    QFETCH(bool, isLstm);
    HandNetwork hand;
    hand.isLstm = isLstm;
    hand.steps = 6, hand.inputs = 2, hand.units = 3, hand.classes = 2;
    const int64_t rows = 3;
    const NetworkSpec spec =
        networkSpec({hand.steps, hand.inputs}, LossKind::CrossEntropy,
                    {isLstm ? lstm(hand.units) : rnn(hand.units, "tanh"),
                     sequenceLayer("sequence_last"), dense(hand.classes, "softmax")});
    CpuBackend backend;
    Network network(backend, spec, rows, DType::Float64);
    network.initialize(3);
    const auto& parameters = network.parameters();
    QCOMPARE(parameters.size(), size_t{5});
    hand.wx = downloaded<double>(backend, parameters[0].parameter->value);
    hand.wh = downloaded<double>(backend, parameters[1].parameter->value);
    hand.b = downloaded<double>(backend, parameters[2].parameter->value);
    hand.w = downloaded<double>(backend, parameters[3].parameter->value);
    hand.c = downloaded<double>(backend, parameters[4].parameter->value);

    const std::vector<double> x = uniformValues(rows * hand.steps * hand.inputs, -1, 1, 9);
    const std::vector<int> labels{1, 0, 1};
    std::vector<double> targets(static_cast<size_t>(rows * hand.classes), 0.0);
    for (int64_t n = 0; n < rows; ++n)
        targets[static_cast<size_t>(n * hand.classes + labels[static_cast<size_t>(n)])] = 1;
    Tensor inputs = backend.allocate({rows, hand.steps * hand.inputs}, DType::Float64);
    Tensor targetTensor = backend.allocate({rows, hand.classes}, DType::Float64);
    backend.upload(std::span<const double>(x), inputs);
    backend.upload(std::span<const double>(targets), targetTensor);
    QVERIFY(network.forward(inputs));
    const double loss = network.computeLoss(targetTensor);
    QVERIFY(network.backward());
    const auto& layer = dynamic_cast<const RecurrentLayer&>(network.layer(0));
    const std::vector<double> hiddenNorms = layer.hiddenGradientNorms();
    const std::vector<double> cellNorms = layer.cellGradientNorms();
    QCOMPARE(static_cast<int64_t>(hiddenNorms.size()), hand.steps);
    QCOMPARE(static_cast<int64_t>(cellNorms.size()), isLstm ? hand.steps : int64_t{0});

    // The hand-written forward pass computes the network's cost.
    double handLoss = 0;
    std::vector<std::vector<std::vector<double>>> hs(rows), cells(rows);
    for (int64_t n = 0; n < rows; ++n) {
        const double* sample = x.data() + n * hand.steps * hand.inputs;
        hand.run(sample, hs[static_cast<size_t>(n)], cells[static_cast<size_t>(n)]);
        handLoss +=
            hand.cost(hs[static_cast<size_t>(n)].back(), labels[static_cast<size_t>(n)]) / rows;
    }
    QVERIFY2(std::abs(handLoss - loss) < 1e-12,
             qPrintable(QStringLiteral("%1 against %2").arg(handLoss).arg(loss)));

    const double h = 1e-5;
    for (int64_t t = 0; t < hand.steps; ++t) {
        double hiddenSquares = 0, cellSquares = 0;
        for (int64_t n = 0; n < rows; ++n) {
            const auto sn = static_cast<size_t>(n), st = static_cast<size_t>(t);
            const double* sample = x.data() + n * hand.steps * hand.inputs;
            const int label = labels[sn];
            for (int64_t u = 0; u < hand.units; ++u) {
                const auto su = static_cast<size_t>(u);
                auto moved = [&](double offset) {
                    std::vector<double> hidden = hs[sn][st];
                    hidden[su] += offset;
                    return hand.costFrom(sample, t, hidden, cells[sn][st], label) / rows;
                };
                const double dh = (moved(h) - moved(-h)) / (2 * h);
                hiddenSquares += dh * dh;
                if (!isLstm) continue;
                // c(t) moved: h(t) = o(t) tanh(c(t)) follows, o(t) does not depend on c(t).
                const std::vector<double> previous =
                    t > 0 ? hs[sn][st - 1]
                          : std::vector<double>(static_cast<size_t>(hand.units), 0.0);
                const std::vector<double> o = hand.outputGate(sample + t * hand.inputs, previous);
                auto movedCell = [&](double offset) {
                    std::vector<double> cell = cells[sn][st];
                    cell[su] += offset;
                    std::vector<double> hidden = hs[sn][st];
                    hidden[su] = o[su] * std::tanh(cell[su]);
                    return hand.costFrom(sample, t, hidden, cell, label) / rows;
                };
                const double dc = (movedCell(h) - movedCell(-h)) / (2 * h);
                cellSquares += dc * dc;
            }
        }
        const double hiddenExpected = std::sqrt(hiddenSquares);
        QVERIFY2(relativeError(hiddenNorms[static_cast<size_t>(t)], hiddenExpected) < 1e-7,
                 qPrintable(QStringLiteral("step %1: ||dJ/dh|| %2, finite differences %3")
                                .arg(t + 1)
                                .arg(hiddenNorms[static_cast<size_t>(t)])
                                .arg(hiddenExpected)));
        if (isLstm) {
            const double cellExpected = std::sqrt(cellSquares);
            QVERIFY2(relativeError(cellNorms[static_cast<size_t>(t)], cellExpected) < 1e-7,
                     qPrintable(QStringLiteral("step %1: ||dJ/dc|| %2, finite differences %3")
                                    .arg(t + 1)
                                    .arg(cellNorms[static_cast<size_t>(t)])
                                    .arg(cellExpected)));
        }
    }
    // Through seq:last only step T receives gradient from the output; each earlier step only
    // what the recurrence carries back, which for these small weights fades.
    QVERIFY(hiddenNorms.back() > 0);
    QVERIFY(hiddenNorms.front() < hiddenNorms.back());
}

void TestRecurrent::lstmForgetBiasStartsAtOne() {
    const int64_t units = 5;
    const NetworkSpec spec =
        networkSpec({3, 2}, LossKind::CrossEntropy,
                    {lstm(units), sequenceLayer("sequence_last"), dense(2, "softmax")});
    CpuBackend backend;
    Network network(backend, spec, 4);
    network.initialize(1);
    const NamedParameter& bias = network.parameters()[2];
    QCOMPARE(qs(bias.id), QStringLiteral("lstm_1.b"));
    const std::vector<double> b = downloaded<double>(backend, bias.parameter->value);
    QCOMPARE(static_cast<int64_t>(b.size()), 4 * units);
    for (int64_t k = 0; k < 4 * units; ++k)  // the blocks i, f, o, g: only f starts at 1
        QCOMPARE(b[static_cast<size_t>(k)], k >= units && k < 2 * units ? 1.0 : 0.0);
}

void TestRecurrent::initializations_data() {
    QTest::addColumn<QString>("init");
    QTest::addColumn<bool>("isLstm");
    for (const char* init : {"uniform", "xavier", "orthogonal"}) {
        QTest::addRow("rnn %s", init) << QString::fromLatin1(init) << false;
        QTest::addRow("lstm %s", init) << QString::fromLatin1(init) << true;
    }
}

void TestRecurrent::initializations() {
    QFETCH(QString, init);
    QFETCH(bool, isLstm);
    const int64_t units = 6, inputs = 3, blocks = isLstm ? 4 : 1;
    const std::string name = init.toStdString();
    const NetworkSpec spec = networkSpec({4, inputs}, LossKind::CrossEntropy,
                                         {isLstm ? lstm(units, name) : rnn(units, "tanh", name),
                                          sequenceLayer("sequence_last"), dense(2, "softmax")});
    CpuBackend backend;
    Network network(backend, spec, 2);
    network.initialize(4);
    const std::vector<double> wx =
        downloaded<double>(backend, network.parameters()[0].parameter->value);
    const std::vector<double> wh =
        downloaded<double>(backend, network.parameters()[1].parameter->value);
    const double uniformLimit = 1 / std::sqrt(double(units));
    const double inputLimit =
        name == "uniform" ? uniformLimit : std::sqrt(6.0 / double(inputs + units));
    double largestInput = 0;
    for (const double v : wx) largestInput = std::max(largestInput, std::abs(v));
    QVERIFY(largestInput <= inputLimit);
    QVERIFY(largestInput > 0.5 * inputLimit);  // drawn over the range, not squeezed
    if (name == "orthogonal") {
        // Every U x U block of Wh: its columns orthonormal, Wh_k^T Wh_k = I (within float
        // rounding).
        for (int64_t k = 0; k < blocks; ++k)
            for (int64_t i = 0; i < units; ++i)
                for (int64_t j = 0; j < units; ++j) {
                    double dot = 0;
                    for (int64_t r = 0; r < units; ++r)
                        dot += wh[static_cast<size_t>(r * blocks * units + k * units + i)] *
                               wh[static_cast<size_t>(r * blocks * units + k * units + j)];
                    QVERIFY2(
                        std::abs(dot - (i == j ? 1.0 : 0.0)) < 1e-6,
                        qPrintable(
                            QStringLiteral("block %1 (%2, %3): %4").arg(k).arg(i).arg(j).arg(dot)));
                }
    } else {
        const double limit = name == "uniform" ? uniformLimit : std::sqrt(6.0 / double(2 * units));
        double largest = 0;
        for (const double v : wh) largest = std::max(largest, std::abs(v));
        QVERIFY(largest <= limit && largest > 0.5 * limit);
    }
}

void TestRecurrent::tokensAndShapes() {
    const Dataset data = firstBitDataset(5, 4, 2, 1);
    const NetworkSpec spec =
        networkSpecFromTokens("rnn:8:relu:orthogonal,lstm:6:xavier,seq:last", data);
    QCOMPARE(spec.inputShape, (std::vector<int64_t>{5, 1}));
    const std::vector<std::vector<int64_t>> expected{{5, 8}, {5, 6}, {6}, {2}};
    QCOMPARE(inferShapes(spec), expected);
    QCOMPARE(qs(spec.layers[0].text("activation")), QStringLiteral("relu"));
    QCOMPARE(qs(spec.layers[0].text("init")), QStringLiteral("orthogonal"));
    QCOMPARE(qs(spec.layers[1].text("init")), QStringLiteral("xavier"));
    QCOMPARE(qs(spec.layers[2].type), QStringLiteral("sequence_last"));
    QCOMPARE(qs(hiddenLayerTokens(spec)),
             QStringLiteral("rnn:8:relu:orthogonal,lstm:6:xavier,seq:last"));
    // Defaults: tanh and uniform; the activation and the initialisation in either order.
    const NetworkSpec defaults = networkSpecFromTokens("rnn:4,seq:last,dense:3:tanh", data);
    QCOMPARE(qs(hiddenLayerTokens(defaults)),
             QStringLiteral("rnn:4:tanh:uniform,seq:last,dense:3:tanh"));
    QCOMPARE(qs(networkSpecFromTokens("rnn:4:xavier:sigmoid,seq:last", data)
                    .layers[0]
                    .text("activation")),
             QStringLiteral("sigmoid"));
    // A spec written by hand may leave the activation and the initialisation out: tanh, uniform.
    NetworkSpec bare =
        networkSpec({5, 1}, LossKind::CrossEntropy,
                    {rnn(3, "tanh"), sequenceLayer("sequence_last"), dense(2, "softmax")});
    bare.layers[0].parameters.erase("activation");
    bare.layers[0].parameters.erase("init");
    QCOMPARE(inferShapes(bare).front(), (std::vector<int64_t>{5, 3}));
    QCOMPARE(qs(hiddenLayerTokens(bare)), QStringLiteral("rnn:3:tanh:uniform,seq:last"));
    // The network builds and runs: N x T x U out of the rnn, N x U out of seq:last.
    CpuBackend backend;
    Network network(backend, spec, 4);
    network.initialize(1);
    Tensor x = backend.allocate({3, 5}, DType::Float32);
    backend.fill(x, 0.5);
    QVERIFY(network.forward(x));
    QCOMPARE(network.layer(0).outputShape(), (Shape{3, 5, 8}));  // the batch's rows
    QCOMPARE(network.output().rows(), int64_t{3});
    QCOMPARE(network.output().cols(), int64_t{2});
}

void TestRecurrent::errorsNameTheLayer_data() {
    QTest::addColumn<QString>("tokens");
    QTest::addColumn<bool>("sequenceData");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("rnn on data that is not a sequence")
        << "rnn:4,seq:last" << false << QStringList{"rnn_1", "sequence"};
    QTest::newRow("lstm after dropout on data that is not a sequence")
        << "dropout:0.5,lstm:4,seq:last" << false << QStringList{"lstm_1", "sequence"};
    QTest::newRow("dense directly after rnn")
        << "rnn:4,dense:3:tanh" << true << QStringList{"dense_1", "rnn_1", "seq:last", "seq:many"};
    QTest::newRow("output layer directly after lstm")
        << "lstm:4" << true << QStringList{"seq:last", "lstm_1"};
    QTest::newRow("seq:last without a sequence")
        << "dense:4:tanh,seq:last" << true << QStringList{"sequence_last_1", "dense_1"};
    QTest::newRow("zero units") << "rnn:0,seq:last" << true << QStringList{"rnn:0", "units"};
    QTest::newRow("softmax inside") << "rnn:4:softmax,seq:last" << true << QStringList{"softmax"};
    QTest::newRow("an lstm's activation")
        << "lstm:4:relu,seq:last" << true << QStringList{"relu", "initialisation"};
    QTest::newRow("unknown initialisation")
        << "rnn:4:tanh:he,seq:last" << true << QStringList{"he", "orthogonal"};
    QTest::newRow("seq:first") << "rnn:4,seq:first" << true << QStringList{"seq:first", "seq:last"};
    QTest::newRow("seq:many without a target per step")
        << "rnn:4,seq:many" << true
        << QStringList{"sequence_many_1", "every time step", "seq:last"};
}

void TestRecurrent::errorsNameTheLayer() {
    QFETCH(QString, tokens);
    QFETCH(bool, sequenceData);
    QFETCH(QStringList, mentions);
    Dataset data = firstBitDataset(5, 4, 2, 1);
    if (!sequenceData) data.sequenceLength = 0;
    const QString why = kototest::whyTokensNotRefused(tokens.toStdString(), data, mentions);
    QVERIFY2(why.isEmpty(), qPrintable(why));
}

void TestRecurrent::clippingScalesTheGradientNorm() {
    const NetworkSpec spec =
        networkSpec({3, 2}, LossKind::CrossEntropy,
                    {rnn(2, "tanh"), sequenceLayer("sequence_last"), dense(2, "softmax")});
    CpuBackend backend;
    Network network(backend, spec, 1, DType::Float64);
    // Gradients of known values: every element of tensor i is (i + 1), so ||g||^2 = sum size_i
    // (i+1)^2.
    double squares = 0;
    std::vector<std::vector<double>> before;
    for (size_t i = 0; i < network.parameters().size(); ++i) {
        Tensor& g = network.parameters()[i].parameter->gradient;
        backend.fill(g, double(i + 1));
        squares += double(g.size()) * double((i + 1) * (i + 1));
        before.push_back(downloaded<double>(backend, g));
    }
    const double norm = std::sqrt(squares);
    // Above the norm: nothing changes.
    QCOMPARE(clipGradientNorm(backend, network.parameters(), norm * 2), norm);
    QCOMPARE(downloaded<double>(backend, network.parameters()[0].parameter->gradient), before[0]);
    // Below it: every gradient scaled by max / norm, so the new norm is max.
    const double max = norm / 4;
    QCOMPARE(clipGradientNorm(backend, network.parameters(), max), norm);
    double after = 0;
    for (size_t i = 0; i < network.parameters().size(); ++i) {
        const std::vector<double> g =
            downloaded<double>(backend, network.parameters()[i].parameter->gradient);
        for (size_t k = 0; k < g.size(); ++k) {
            QVERIFY(std::abs(g[k] - before[i][k] / 4) < 1e-12);
            after += g[k] * g[k];
        }
    }
    QVERIFY(std::abs(std::sqrt(after) - max) < 1e-12);
    // 0 is off.
    QCOMPARE(clipGradientNorm(backend, network.parameters(), 0.0), max);
}

// With plain gradient descent, one clipped step moves the weights by exactly lr * clipNorm in
// all (the gradient's norm is above the limit); unclipped, by more.
void TestRecurrent::trainerStepsAreClipped() {
    auto data = std::make_shared<const Dataset>(firstBitDataset(6, 32, 8, 5));
    const NetworkSpec spec = networkSpecFromTokens("rnn:8,seq:last", *data);
    const auto stepLength = [&](double clipNorm) {
        TrainingSettings settings;
        settings.learningRate = 0.1;
        settings.batchSize = 16;
        settings.clipNorm = clipNorm;
        CpuBackend cpu;
        TrainingRun run(cpu, spec, data, settings);
        std::vector<std::vector<double>> before;
        for (const NamedParameter& p : run.network().parameters())
            before.push_back(downloaded<double>(cpu, p.parameter->value));
        run.trainer().step();
        double squares = 0;
        for (size_t i = 0; i < before.size(); ++i) {
            const std::vector<double> after =
                downloaded<double>(cpu, run.network().parameters()[i].parameter->value);
            for (size_t k = 0; k < after.size(); ++k)
                squares += (after[k] - before[i][k]) * (after[k] - before[i][k]);
        }
        return std::sqrt(squares);
    };
    QVERIFY(stepLength(0) > 0.1 * 1e-2);
    const double clipped = stepLength(1e-2);
    QVERIFY2(std::abs(clipped - 0.1 * 1e-2) < 1e-7, qPrintable(QString::number(clipped, 'g', 10)));
}

void TestRecurrent::clipNormIsSavedInProjects() {
    Project project;
    project.network = networkSpec({3, 2}, LossKind::CrossEntropy,
                                  {lstm(2), sequenceLayer("sequence_last"), dense(2, "softmax")});
    project.training.clipNorm = 0.75;
    project.dataset = "firstbit:3";
    const Project again = projectFromJson(projectToJson(project), "test");
    QCOMPARE(again.training.clipNorm, 0.75);
    QCOMPARE(again.network, project.network);
}

// What the step-through inspector records of an LSTM step: X, the gates i, f, o, g taken apart,
// c and h, each N x (T*U) as the layer's accessors hold them, and c(t) = f c(t-1) + i g,
// h(t) = o tanh(c(t)) hold between them; backward dJ/dh and dJ/dc, whose per-step norms are the
// layer's.
void TestRecurrent::lstmTraceShowsGatesAndStates() {
    auto data = std::make_shared<const Dataset>(firstBitDataset(4, 8, 4, 3));
    const NetworkSpec spec = networkSpecFromTokens("lstm:3,seq:last", *data);
    TrainingSettings settings;
    settings.batchSize = 5;
    CpuBackend cpu;
    TrainingRun run(cpu, spec, data, settings);
    const std::optional<StepTrace> trace = traceStep(run.trainer());
    QVERIFY(trace);
    const TraceStage* forward = trace->find(StageKind::Forward, 0);
    QVERIFY(forward);
    const int64_t steps = 4, units = 3;
    for (const char* name : {"X", "i", "f", "o", "g", "c", "h"}) {
        const TracedTensor* t = forward->tensor(name);
        QVERIFY2(t, name);
        QCOMPARE(t->rows, int64_t{5});
        QCOMPARE(t->cols, std::string(name) == "X" ? steps : steps * units);
    }
    const TracedTensor &i = *forward->tensor("i"), &f = *forward->tensor("f"),
                       &o = *forward->tensor("o"), &g = *forward->tensor("g"),
                       &c = *forward->tensor("c"), &h = *forward->tensor("h");
    for (int64_t n = 0; n < 5; ++n)
        for (int64_t t = 0; t < steps; ++t)
            for (int64_t u = 0; u < units; ++u) {
                const int64_t k = t * units + u;
                const double previous = t > 0 ? c.at(n, k - units) : 0.0;
                QVERIFY(std::abs(c.at(n, k) - (f.at(n, k) * previous + i.at(n, k) * g.at(n, k))) <
                        1e-6);
                QVERIFY(std::abs(h.at(n, k) - o.at(n, k) * std::tanh(c.at(n, k))) < 1e-6);
            }
    const TraceStage* backward = trace->find(StageKind::Backward, 0);
    QVERIFY(backward);
    const auto& layer = dynamic_cast<const LstmLayer&>(run.network().layer(0));
    for (const auto& [name, norms] : {std::pair{"dJ/dh", layer.hiddenGradientNorms()},
                                      std::pair{"dJ/dc", layer.cellGradientNorms()}}) {
        const TracedTensor* gradient = backward->tensor(name);
        QVERIFY2(gradient, name);
        for (int64_t t = 0; t < steps; ++t) {
            double squares = 0;
            for (int64_t n = 0; n < 5; ++n)
                for (int64_t u = 0; u < units; ++u)
                    squares += std::pow(gradient->at(n, t * units + u), 2);
            QVERIFY(std::abs(std::sqrt(squares) - norms[static_cast<size_t>(t)]) <
                    1e-6 * (1 + norms[static_cast<size_t>(t)]));
        }
    }
}

void TestRecurrent::learnsTheFirstBit_data() {
    QTest::addColumn<QString>("layers");
    QTest::addColumn<double>("clipNorm");
    QTest::newRow("lstm:8") << "lstm:8,seq:last" << 0.0;
    QTest::newRow("rnn:8, clipped at 1") << "rnn:8,seq:last" << 1.0;
}

// The first bit of 5 must survive 4 more steps: a small LSTM and a SimpleRNN learn it from 256
// sequences in a few epochs (measured: both reach 1.0 test accuracy within 15 epochs).
void TestRecurrent::learnsTheFirstBit() {
    QFETCH(QString, layers);
    QFETCH(double, clipNorm);
    auto data = std::make_shared<const Dataset>(firstBitDataset(5, 256, 128, 2));
    const NetworkSpec spec = networkSpecFromTokens(layers.toStdString(), *data);
    TrainingSettings settings;
    settings.optimizer = "adam";
    settings.learningRate = 0.02;
    settings.batchSize = 16;
    settings.epochs = 15;
    settings.clipNorm = clipNorm;
    CpuBackend cpu;
    TrainingRun run(cpu, spec, data, settings);
    QCOMPARE(run.trainer().train(settings.epochs), Trainer::Outcome::Finished);
    const auto curve = run.trainer().curve().points();
    qInfo("%s: test accuracy %.3f after %d epochs", qPrintable(layers), curve.back().test.accuracy,
          static_cast<int>(curve.size()));
    QVERIFY2(curve.back().test.accuracy >= 0.95,
             qPrintable(QStringLiteral("%1").arg(curve.back().test.accuracy)));
}

QTEST_APPLESS_MAIN(TestRecurrent)
#include "test_recurrent.moc"
