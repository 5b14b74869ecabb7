// Autoencoders and restricted Boltzmann machines (part 12 of the curriculum), and pre-training.
//
// The autoencoder is a network, so its gradients are checked like every network's, tied weights
// (one W used by two layers) included. The RBM's gradient cannot be checked by finite
// differences, because its cost needs the partition function Z; on an RBM of 4 visible and 3
// hidden units Z is a sum of 2^7 terms, so the exact log-likelihood gradient and free energy are
// enumerated here and CD-k and PCD are compared with them.

#include <QtTest>

#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "backend/cpu_backend.h"
#include "check/gradient_check.h"
#include "koto_test_support.h"
#include "layers/dense_layer.h"
#include "models/autoencoder.h"
#include "models/model_projects.h"
#include "models/pretraining.h"
#include "models/rbm.h"
#include "models/rbm_trainer.h"
#include "network/layer_registry.h"
#include "network/network.h"
#include "training/optimizer.h"
#include "training/trainer.h"
#include "util/errors.h"
#include "util/random.h"

using namespace koto;
using kototest::dense;
using kototest::networkSpec;
using kototest::qs;

namespace {

// A tiny RBM with fixed weights large enough to make the distribution far from uniform.
constexpr int64_t kVisible = 4, kHidden = 3;
const std::vector<double> kW = {2.7, -3.6, 1.2, -2.1, 1.5, 3.3, 3.9, 0.6, -2.4, -0.9, -3.0, 1.8};
const std::vector<double> kB = {0.2, -0.4, 0.1, 0.3};
const std::vector<double> kC = {-0.2, 0.5, -0.1};

// Bit i of `state` as 0 or 1.
double bit(int state, int i) { return (state >> i) & 1; }

// E(v, h) = -v b - h c - v W h for the states given as bit patterns.
double energy(int v, int h) {
    double e = 0;
    for (int i = 0; i < kVisible; ++i) e -= bit(v, i) * kB[static_cast<size_t>(i)];
    for (int j = 0; j < kHidden; ++j) e -= bit(h, j) * kC[static_cast<size_t>(j)];
    for (int i = 0; i < kVisible; ++i)
        for (int j = 0; j < kHidden; ++j)
            e -= bit(v, i) * kW[static_cast<size_t>(i * kHidden + j)] * bit(h, j);
    return e;
}

// F(v) = -log sum_h exp(-E(v, h)), by enumeration.
double enumeratedFreeEnergy(int v) {
    double sum = 0;
    for (int h = 0; h < (1 << kHidden); ++h) sum += std::exp(-energy(v, h));
    return -std::log(sum);
}

double sigmoid(double a) { return 1 / (1 + std::exp(-a)); }

// p(h_j = 1 | v) for a visible bit pattern.
double hiddenProbability(int v, int j) {
    double a = kC[static_cast<size_t>(j)];
    for (int i = 0; i < kVisible; ++i) a += bit(v, i) * kW[static_cast<size_t>(i * kHidden + j)];
    return sigmoid(a);
}

// The exact gradient of the mean negative log-likelihood of `data` (visible bit patterns),
// W's D*M values then b's D then c's M: -<.>_data + <.>_model, the model's expectation summed
// over all 2^(D+M) states with p(v, h) = exp(-E) / Z.
std::vector<double> exactGradient(const std::vector<int>& data) {
    std::vector<double> gradient(kVisible * kHidden + kVisible + kHidden, 0.0);
    double* gw = gradient.data();
    double* gb = gw + kVisible * kHidden;
    double* gc = gb + kVisible;
    const double share = 1.0 / static_cast<double>(data.size());
    for (const int v : data)
        for (int i = 0; i < kVisible; ++i) {
            gb[i] -= share * bit(v, i);
            for (int j = 0; j < kHidden; ++j)
                gw[i * kHidden + j] -= share * bit(v, i) * hiddenProbability(v, j);
        }
    for (const int v : data)
        for (int j = 0; j < kHidden; ++j) gc[j] -= share * hiddenProbability(v, j);
    double z = 0;
    for (int v = 0; v < (1 << kVisible); ++v)
        for (int h = 0; h < (1 << kHidden); ++h) z += std::exp(-energy(v, h));
    for (int v = 0; v < (1 << kVisible); ++v)
        for (int h = 0; h < (1 << kHidden); ++h) {
            const double p = std::exp(-energy(v, h)) / z;
            for (int i = 0; i < kVisible; ++i) {
                gb[i] += p * bit(v, i);
                for (int j = 0; j < kHidden; ++j) gw[i * kHidden + j] += p * bit(v, i) * bit(h, j);
            }
            for (int j = 0; j < kHidden; ++j) gc[j] += p * bit(h, j);
        }
    return gradient;
}

void setTinyWeights(Rbm& rbm) {
    Backend& backend = rbm.backend();
    backend.upload(std::span<const double>(kW), rbm.weights().value);
    backend.upload(std::span<const double>(kB), rbm.visibleBias().value);
    backend.upload(std::span<const double>(kC), rbm.hiddenBias().value);
}

// The visible bit patterns as rows of 0/1 values.
std::vector<double> patternRows(const std::vector<int>& patterns) {
    std::vector<double> rows;
    for (const int v : patterns)
        for (int i = 0; i < kVisible; ++i) rows.push_back(bit(v, i));
    return rows;
}

// The RBM's current gradient in exactGradient's order.
std::vector<double> gradientOf(Rbm& rbm) {
    std::vector<double> all;
    for (const NamedParameter& p : rbm.parameters()) {
        std::vector<double> values(static_cast<size_t>(p.parameter->gradient.size()));
        rbm.backend().download(p.parameter->gradient, std::span<double>(values));
        all.insert(all.end(), values.begin(), values.end());
    }
    return all;
}

std::vector<float> download(Backend& backend, const Tensor& t) {
    std::vector<float> values(static_cast<size_t>(t.size()));
    backend.download(t, std::span<float>(values));
    return values;
}

// Images of horizontal or vertical bars on a 4 x 4 grid (the classic RBM toy data), with their
// orientation as the label; `count` samples drawn from the seed.
Dataset barsDataset(int64_t count, uint64_t seed) {
    Dataset data;
    data.name = "bars";
    data.inputSize = 16;
    data.classCount = 2;
    data.classNames = {"horizontal", "vertical"};
    Random random(seed, 3);
    for (DataSplit* split : {&data.train, &data.test}) {
        split->count = count;
        for (int64_t n = 0; n < count; ++n) {
            const bool vertical = random.uniform() < 0.5;
            bool on[4];
            for (bool& o : on) o = random.uniform() < 0.5;
            for (int y = 0; y < 4; ++y)
                for (int x = 0; x < 4; ++x)
                    split->inputs.push_back(on[vertical ? x : y] ? 1.0f : 0.0f);
            split->labels.push_back(vertical ? 1 : 0);
        }
    }
    return data;
}

}  // namespace

class TestAutoencoderRbm : public QObject {
    Q_OBJECT

private slots:
    void autoencoderOptionsParse();
    void autoencoderOptionsRefuseBadText();
    void autoencoderSpecMirrorsTheEncoder();
    void autoencoderGradients_data();
    void autoencoderGradients();
    void tiedWeightsAreOneParameter();
    void tiedLayerRefusesAWrongPartner();
    void autoencoderReconstructionFalls();
    void bernoulliSamplesHaveTheirProbabilities();
    void freeEnergyEqualsEnumeration();
    void cdGradientApproachesTheExactGradient_data();
    void cdGradientApproachesTheExactGradient();
    void rbmReconstructionErrorFalls();
    void rbmRefusesInputsOutsideZeroOne();
    void gibbsChainGivesProbabilities();
    void pretrainingCopiesWeightsExactly_data();
    void pretrainingCopiesWeightsExactly();
    void pretrainingRefusesAWrongShape();
    void rbmProjectRoundTrip();
    void autoencoderProjectRoundTrip();
    void aPlainNetworkProjectHasNoModelField();
    void anUnknownModelKindIsRefused();
};

void TestAutoencoderRbm::autoencoderOptionsParse() {
    const AutoencoderOptions options = AutoencoderOptions::parse("256,64");
    QCOMPARE(options.encoder, (std::vector<int64_t>{256, 64}));
    QCOMPARE(options.activation, Activation::Relu);
    QCOMPARE(AutoencoderOptions::parse("32:sigmoid").activation, Activation::Sigmoid);
}

void TestAutoencoderRbm::autoencoderOptionsRefuseBadText() {
    for (const char* text : {"", "256,x", "256,,64", "0", "64:softmax", "64:swish"}) {
        try {
            AutoencoderOptions::parse(text);
            QFAIL(qPrintable(QStringLiteral("accepted \"%1\"").arg(text)));
        } catch (const InputError& error) {
            QVERIFY2(std::string(error.what()).find("autoencoder") != std::string::npos,
                     error.what());
        }
    }
}

void TestAutoencoderRbm::autoencoderSpecMirrorsTheEncoder() {
    AutoencoderOptions options = AutoencoderOptions::parse("256,64");
    const NetworkSpec spec = autoencoderSpec(784, options);
    QCOMPARE(spec.layers.size(), size_t{4});
    const std::vector<int64_t> units{256, 64, 256, 784};
    for (size_t i = 0; i < 4; ++i) QCOMPARE(spec.layers[i].integer("units"), units[i]);
    QCOMPARE(qs(spec.layers[3].text("activation")), QStringLiteral("sigmoid"));
    QCOMPARE(spec.loss, LossKind::MeanSquaredError);

    options.tied = true;
    options.denoise = 0.3;
    const NetworkSpec tied = autoencoderSpec(784, options);
    QCOMPARE(qs(tied.layers[0].type), QStringLiteral("noise"));
    QCOMPARE(qs(tied.layers[3].type), QStringLiteral("tied_dense"));
    QCOMPARE(qs(tied.layers[3].text("tied_to")), QStringLiteral("dense_2"));
    QCOMPARE(qs(tied.layers[4].text("tied_to")), QStringLiteral("dense_1"));
    QCOMPARE(inferShapes(tied).back(), (std::vector<int64_t>{784}));
}

void TestAutoencoderRbm::autoencoderGradients_data() {
    QTest::addColumn<bool>("tied");
    QTest::addColumn<double>("denoise");
    QTest::addColumn<LossKind>("loss");
    QTest::addColumn<QString>("encoder");
    QTest::newRow("untied mse") << false << 0.0 << LossKind::MeanSquaredError << "4,3:tanh";
    QTest::newRow("tied mse") << true << 0.0 << LossKind::MeanSquaredError << "4,3:tanh";
    QTest::newRow("tied bce sigmoid") << true << 0.0 << LossKind::BinaryCrossEntropy << "4:sigmoid";
    QTest::newRow("untied bce") << false << 0.0 << LossKind::BinaryCrossEntropy << "3:tanh";
    QTest::newRow("tied denoising") << true << 0.2 << LossKind::MeanSquaredError << "4,3:tanh";
}

void TestAutoencoderRbm::autoencoderGradients() {
    QFETCH(bool, tied);
    QFETCH(double, denoise);
    QFETCH(LossKind, loss);
    QFETCH(QString, encoder);
    AutoencoderOptions options = AutoencoderOptions::parse(encoder.toStdString());
    options.tied = tied;
    options.denoise = denoise;
    options.loss = loss;
    constexpr int64_t rows = 5, inputs = 6;
    GradientCheckInput data;
    data.rows = rows;
    Random random(11, 1);
    for (int64_t i = 0; i < rows * inputs; ++i) data.inputs.push_back(random.uniform(0.05, 0.95));
    data.targets = data.inputs;  // an autoencoder's targets are its inputs
    const std::vector<GradientCheckResult> results =
        checkGradients(autoencoderSpec(inputs, options), data, 5);
    QVERIFY(!results.empty());
    for (const GradientCheckResult& r : results) {
        QVERIFY2(r.elementsChecked > 0, qPrintable(qs(r.tensor)));
        QVERIFY2(
            r.maxRelativeError < 1e-6,
            qPrintable(
                QStringLiteral("%1: relative error %2").arg(qs(r.tensor)).arg(r.maxRelativeError)));
    }
}

void TestAutoencoderRbm::tiedWeightsAreOneParameter() {
    AutoencoderOptions options = AutoencoderOptions::parse("5,3");
    options.tied = true;
    CpuBackend backend;
    Network network(backend, autoencoderSpec(8, options), 4);
    QStringList ids;
    for (const NamedParameter& p : network.parameters()) ids << qs(p.id);
    QCOMPARE(ids, (QStringList{"dense_1.W", "dense_1.b", "dense_2.W", "dense_2.b", "tied_dense_1.b",
                               "tied_dense_2.b"}));
}

void TestAutoencoderRbm::tiedLayerRefusesAWrongPartner() {
    CpuBackend backend;
    LayerSpec tied{"tied_dense",
                   "tied_dense_1",
                   {{"units", int64_t{6}},
                    {"activation", std::string("sigmoid")},
                    {"tied_to", std::string("dense_2")}},
                   {}};
    // dense_2 is 5 x 3, but this layer maps 3 values to 6: W^T would have to be 3 x 6.
    NetworkSpec wrongShape =
        networkSpec({6}, LossKind::MeanSquaredError, {dense(5, "tanh"), dense(3, "tanh"), tied});
    try {
        Network network(backend, wrongShape, 2);
        QFAIL("a tied layer of the wrong shape was accepted");
    } catch (const SpecError& error) {
        QVERIFY2(std::string(error.what()).find("cannot use the transpose of dense_2") !=
                     std::string::npos,
                 error.what());
    }
    tied.parameters["tied_to"] = std::string("dense_9");
    NetworkSpec missing =
        networkSpec({6}, LossKind::MeanSquaredError, {dense(5, "tanh"), dense(3, "tanh"), tied});
    try {
        Network network(backend, missing, 2);
        QFAIL("a tied layer without its partner was accepted");
    } catch (const SpecError& error) {
        QVERIFY2(std::string(error.what()).find("\"dense_9\", which is not a dense layer") !=
                     std::string::npos,
                 error.what());
    }
}

void TestAutoencoderRbm::autoencoderReconstructionFalls() {
    const Dataset bars = barsDataset(200, 1);
    const Dataset data = reconstructionDataset(bars);
    QCOMPARE(data.train.targets, bars.train.inputs);
    AutoencoderOptions options = AutoencoderOptions::parse("8:sigmoid");
    options.tied = true;
    CpuBackend backend;
    Network network(backend, autoencoderSpec(16, options), 20);
    network.initialize(3);
    TrainingSettings settings;
    settings.optimizer = "adam";
    settings.learningRate = 0.01;
    settings.batchSize = 20;
    const auto optimizer = makeOptimizer(settings);
    Trainer trainer(network, *optimizer, data, settings);
    trainer.train(1);
    const double first = trainer.curve().latest().train.rmse;
    trainer.train(19);
    const double last = trainer.curve().latest().train.rmse;
    QVERIFY2(last * last < 0.5 * first * first,
             qPrintable(QStringLiteral("reconstruction MSE %1 after 1 epoch, %2 after 20")
                            .arg(first * first)
                            .arg(last * last)));
}

void TestAutoencoderRbm::bernoulliSamplesHaveTheirProbabilities() {
    CpuBackend backend;
    constexpr int64_t count = 20000;
    std::vector<float> p(count);
    for (int64_t i = 0; i < count; ++i)
        p[static_cast<size_t>(i)] = i % 4 == 0 ? 0.0f : i % 4 == 1 ? 1.0f : 0.3f;
    Tensor probabilities = backend.allocate({count, 1}, DType::Float32);
    Tensor samples = backend.allocate({count, 1}, DType::Float32);
    backend.upload(std::span<const float>(p), probabilities);
    backend.bernoulliSample({5, 7, 2}, probabilities, samples);
    const std::vector<float> s = download(backend, samples);
    double ones = 0, draws = 0;
    for (int64_t i = 0; i < count; ++i) {
        const float value = s[static_cast<size_t>(i)];
        QVERIFY(value == 0.0f || value == 1.0f);
        if (i % 4 == 0) QCOMPARE(value, 0.0f);
        if (i % 4 == 1) QCOMPARE(value, 1.0f);
        if (i % 4 >= 2) ones += value, ++draws;
    }
    QVERIFY2(std::abs(ones / draws - 0.3) < 0.015, qPrintable(QString::number(ones / draws)));
    // Double precision draws the same samples from the same stream.
    Tensor p64 = backend.allocate({count, 1}, DType::Float64),
           s64 = backend.allocate({count, 1}, DType::Float64);
    backend.upload(std::span<const float>(p), p64);
    backend.bernoulliSample({5, 7, 2}, p64, s64);
    QCOMPARE(download(backend, s64), s);
}

void TestAutoencoderRbm::freeEnergyEqualsEnumeration() {
    CpuBackend backend;
    Rbm rbm(backend, {kVisible, kHidden}, 16, DType::Float64);
    setTinyWeights(rbm);
    Tensor one = backend.allocate({1, kVisible}, DType::Float64);
    double mean = 0;
    for (int v = 0; v < (1 << kVisible); ++v) {
        backend.upload(std::span<const double>(patternRows({v})), one);
        const double expected = enumeratedFreeEnergy(v);
        QVERIFY2(std::abs(rbm.meanFreeEnergy(one) - expected) < 1e-12,
                 qPrintable(QStringLiteral("v = %1: %2 against %3")
                                .arg(v)
                                .arg(rbm.meanFreeEnergy(one))
                                .arg(expected)));
        mean += expected / (1 << kVisible);
    }
    std::vector<int> all(1 << kVisible);
    for (int v = 0; v < (1 << kVisible); ++v) all[static_cast<size_t>(v)] = v;
    Tensor batch = backend.allocate({1 << kVisible, kVisible}, DType::Float64);
    backend.upload(std::span<const double>(patternRows(all)), batch);
    QVERIFY(std::abs(rbm.meanFreeEnergy(batch) - mean) < 1e-12);
}

void TestAutoencoderRbm::cdGradientApproachesTheExactGradient_data() {
    QTest::addColumn<bool>("persistent");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("estimates");  // averaged, each from 20000 chains
    QTest::addColumn<bool>("close");     // within 0.015 of the exact gradient everywhere
    // These weights are large enough that one Gibbs step from the data is far from the model's
    // distribution: CD-1's estimate is biased (off by 0.14 somewhere), longer chains are not.
    QTest::newRow("CD-1 is biased") << false << 1 << 1 << false;
    QTest::newRow("CD-20") << false << 20 << 1 << true;
    QTest::newRow("CD-100") << false << 100 << 1 << true;
    QTest::newRow("PCD-1, chains run on") << true << 1 << 10 << true;
}

void TestAutoencoderRbm::cdGradientApproachesTheExactGradient() {
    QFETCH(bool, persistent);
    QFETCH(int, k);
    QFETCH(int, estimates);
    QFETCH(bool, close);
    const std::vector<int> patterns{0b0011, 0b0101, 0b1110, 0b1000};
    constexpr int64_t chains = 20000;
    std::vector<int> data;
    for (int64_t n = 0; n < chains; ++n) data.push_back(patterns[static_cast<size_t>(n % 4)]);
    const std::vector<double> exact = exactGradient(patterns);

    CpuBackend backend;
    Rbm rbm(backend, {kVisible, kHidden}, chains, DType::Float64);
    setTinyWeights(rbm);
    Tensor batch = backend.allocate({chains, kVisible}, DType::Float64);
    backend.upload(std::span<const double>(patternRows(data)), batch);
    std::vector<double> mean(exact.size(), 0.0);
    // PCD's chains start at the data: let them run 20 steps before the estimates count.
    for (int warmUp = 0; persistent && warmUp < 20; ++warmUp)
        rbm.persistentContrastiveDivergence(batch, k, 9, 1000 + warmUp);
    for (int e = 0; e < estimates; ++e) {
        if (persistent) rbm.persistentContrastiveDivergence(batch, k, 9, e + 1);
        else rbm.contrastiveDivergence(batch, k, 9, e + 1);
        const std::vector<double> g = gradientOf(rbm);
        for (size_t i = 0; i < g.size(); ++i) mean[i] += g[i] / estimates;
    }
    double largest = 0, worst = 0;
    size_t worstElement = 0;
    for (size_t i = 0; i < exact.size(); ++i) {
        largest = std::max(largest, std::abs(exact[i]));
        if (std::abs(mean[i] - exact[i]) > worst)
            worst = std::abs(mean[i] - exact[i]), worstElement = i;
    }
    QVERIFY(largest > 0.1);  // the comparison means something: the gradient is far from zero
    const QString where = QStringLiteral("element %1: estimate %2, exact %3")
                              .arg(worstElement)
                              .arg(mean[worstElement])
                              .arg(exact[worstElement]);
    if (close) QVERIFY2(worst < 0.015, qPrintable(where));
    else QVERIFY2(worst > 0.05, qPrintable(where));
}

void TestAutoencoderRbm::rbmReconstructionErrorFalls() {
    const Dataset bars = barsDataset(300, 2);
    CpuBackend backend;
    Rbm rbm(backend, {16, 8}, 20);
    rbm.initialize(4);
    TrainingSettings settings;
    settings.optimizer = "momentum";
    settings.momentum = 0.5;
    settings.learningRate = 0.5;
    settings.batchSize = 20;
    const auto optimizer = makeOptimizer(settings);
    RbmTrainer trainer(rbm, *optimizer, bars, settings, {1, false});
    const RbmEpochMetrics before = trainer.evaluate();
    trainer.train(6);
    const auto& curve = trainer.curve();
    QCOMPARE(curve.size(), size_t{6});
    QCOMPARE(curve.back().steps, int64_t{6 * 15});
    QVERIFY(curve.front().trainReconstructionError < before.trainReconstructionError);
    for (size_t e = 1; e < curve.size(); ++e)
        QVERIFY2(curve[e].trainReconstructionError < curve[e - 1].trainReconstructionError,
                 qPrintable(QStringLiteral("epoch %1: %2, epoch %3: %4")
                                .arg(e)
                                .arg(curve[e - 1].trainReconstructionError)
                                .arg(e + 1)
                                .arg(curve[e].trainReconstructionError)));
    // The data grow more probable: their free energy falls.
    QVERIFY(curve.back().trainFreeEnergy < before.trainFreeEnergy);
}

void TestAutoencoderRbm::rbmRefusesInputsOutsideZeroOne() {
    Dataset bars = barsDataset(10, 2);
    bars.train.inputs[35] = 2.0f;
    CpuBackend backend;
    Rbm rbm(backend, {16, 4}, 5);
    TrainingSettings settings;
    const auto optimizer = makeOptimizer(settings);
    try {
        RbmTrainer trainer(rbm, *optimizer, bars, settings, {});
        QFAIL("an input of 2 was accepted");
    } catch (const InputError& error) {
        QVERIFY2(std::string(error.what()).find("must lie in [0, 1], but sample 3 of bars has 2") !=
                     std::string::npos,
                 error.what());
    }
    QVERIFY_THROWS_EXCEPTION(
        InputError, rbm.contrastiveDivergence(backend.allocate({2, 16}, DType::Float32), 0, 1, 1));
    QVERIFY_THROWS_EXCEPTION(
        InputError, rbm.contrastiveDivergence(backend.allocate({2, 15}, DType::Float32), 1, 1, 1));
}

void TestAutoencoderRbm::gibbsChainGivesProbabilities() {
    CpuBackend backend;
    Rbm rbm(backend, {16, 8}, 4);
    rbm.initialize(1);
    Tensor start = backend.allocate({3, 16}, DType::Float32),
           out = backend.allocate({4, 16}, DType::Float32);
    rbm.gibbsChain(start, 5, 1, 1, out);
    QCOMPARE(out.rows(), int64_t{3});
    for (const float p : download(backend, out)) QVERIFY(p > 0.0f && p < 1.0f);
    Tensor again = backend.allocate({4, 16}, DType::Float32);
    rbm.gibbsChain(start, 5, 1, 1, again);
    QCOMPARE(download(backend, again), download(backend, out));  // the same seed, the same chain
}

void TestAutoencoderRbm::pretrainingCopiesWeightsExactly_data() {
    QTest::addColumn<QString>("kind");
    QTest::newRow("rbm") << "rbm";
    QTest::newRow("autoencoder") << "autoencoder";
}

void TestAutoencoderRbm::pretrainingCopiesWeightsExactly() {
    QFETCH(QString, kind);
    const Dataset bars = barsDataset(40, 5);
    TrainingSettings settings;
    settings.batchSize = 10;
    settings.learningRate = 0.1;
    settings.seed = 6;
    CpuBackend backend;
    Network classifier(
        backend,
        networkSpec({16}, LossKind::CrossEntropy, {dense(6, "sigmoid"), dense(2, "softmax")}), 10);
    classifier.initialize(6);
    PretrainOptions options;
    options.kind = *pretrainKindFromName(kind.toStdString());
    options.epochs = 2;
    std::vector<PretrainEpoch> reports;
    pretrainFirstLayer(classifier, bars, settings, options,
                       [&](const PretrainEpoch& e) { reports.push_back(e); });
    QCOMPARE(reports.size(), size_t{2});
    QCOMPARE(std::isnan(reports[0].freeEnergy), kind == "autoencoder");

    // The same pre-training by hand: its W and hidden bias are the classifier's, bit for bit.
    auto& first = static_cast<DenseLayer&>(classifier.layer(0));
    const auto optimizer = makeOptimizer(settings);
    std::vector<float> expectedW, expectedB;
    if (kind == "rbm") {
        Rbm rbm(backend, {16, 6}, 10);
        rbm.initialize(6);
        RbmTrainer trainer(rbm, *optimizer, bars, settings, {});
        trainer.train(2);
        expectedW = download(backend, rbm.weights().value);
        expectedB = download(backend, rbm.hiddenBias().value);
    } else {
        AutoencoderOptions autoencoder;
        autoencoder.encoder = {6};
        autoencoder.activation = Activation::Sigmoid;
        const Dataset data = reconstructionDataset(bars);
        Network network(backend, autoencoderSpec(16, autoencoder), 10);
        network.initialize(6);
        Trainer trainer(network, *optimizer, data, settings);
        trainer.train(2);
        auto& encoder = static_cast<DenseLayer&>(network.layer(0));
        expectedW = download(backend, encoder.weights().value);
        expectedB = download(backend, encoder.bias().value);
    }
    QVERIFY(kototest::sameBits(download(backend, first.weights().value), expectedW));
    QVERIFY(kototest::sameBits(download(backend, first.bias().value), expectedB));
}

void TestAutoencoderRbm::pretrainingRefusesAWrongShape() {
    CpuBackend backend;
    Network classifier(
        backend,
        networkSpec({16}, LossKind::CrossEntropy, {dense(6, "sigmoid"), dense(2, "softmax")}), 10);
    Tensor w = backend.allocate({16, 5}, DType::Float32),
           b = backend.allocate({1, 5}, DType::Float32);
    try {
        copyIntoFirstDense(classifier, w, b);
        QFAIL("weights of the wrong shape were copied");
    } catch (const InputError& error) {
        QVERIFY2(std::string(error.what()).find("16 x 5 but dense_1's W is 16 x 6") !=
                     std::string::npos,
                 error.what());
    }
    Network convFirst(backend,
                      networkSpec({1, 4, 4}, LossKind::CrossEntropy,
                                  {LayerSpec{"flatten", "", {}, {}}, dense(2, "softmax")}),
                      2);
    QVERIFY_THROWS_EXCEPTION(InputError, firstDenseLayer(convFirst));
}

void TestAutoencoderRbm::rbmProjectRoundTrip() {
    const Dataset bars = barsDataset(40, 5);
    CpuBackend backend;
    Rbm rbm(backend, {16, 6}, 10);
    rbm.initialize(2);
    TrainingSettings settings;
    settings.batchSize = 10;
    const auto optimizer = makeOptimizer(settings);
    RbmTrainer trainer(rbm, *optimizer, bars, settings, {3, true});
    trainer.train(2);
    const Project saved = captureRbmProject(trainer, bars, "bars");
    const std::string json = projectToJson(saved);
    const auto parsed = nlohmann::json::parse(json);
    QVERIFY(!parsed.contains("network"));
    QCOMPARE(qs(parsed.at("model").at("kind").get<std::string>()), QStringLiteral("rbm"));

    const Project loaded = projectFromJson(json, "rbm.koto");
    QCOMPARE(loaded.model, ModelKind::Rbm);
    QVERIFY(loaded.rbm == (RbmModel{16, 6, 3, true}));
    QCOMPARE(loaded.curves.size(), size_t{2});
    QCOMPARE(loaded.curves[1].train.loss, trainer.curve()[1].trainReconstructionError);
    QVERIFY2(kototest::sameWeights(loaded.weights, saved.weights),
             qPrintable(kototest::firstDifference(loaded.weights, saved.weights)));
    Rbm restored(backend, {16, 6}, 10);
    restoreRbmWeights(restored, loaded.weights);
    QCOMPARE(download(backend, restored.weights().value), download(backend, rbm.weights().value));
    QCOMPARE(download(backend, restored.hiddenBias().value),
             download(backend, rbm.hiddenBias().value));

    // Weights that do not fit the sizes the file gives are refused as it opens.
    std::string wrong = json;
    wrong.replace(wrong.find("\"hidden\": 6"), 12, "\"hidden\": 7");
    QVERIFY_THROWS_EXCEPTION(InputError, projectFromJson(wrong, "rbm.koto"));
}

void TestAutoencoderRbm::autoencoderProjectRoundTrip() {
    const Dataset data = reconstructionDataset(barsDataset(20, 5));
    AutoencoderOptions options = AutoencoderOptions::parse("6,3:sigmoid");
    options.tied = true;
    options.denoise = 0.1;
    const NetworkSpec spec = autoencoderSpec(16, options);
    CpuBackend backend;
    Network network(backend, spec, 10);
    network.initialize(1);
    TrainingSettings settings;
    const auto optimizer = makeOptimizer(settings);
    Trainer trainer(network, *optimizer, data, settings);
    trainer.train(1);
    const Project saved = captureAutoencoderProject(trainer, "bars");
    const Project loaded = projectFromJson(projectToJson(saved), "autoencoder.koto");
    QCOMPARE(loaded.model, ModelKind::Autoencoder);
    QVERIFY(loaded.network == spec);
    QVERIFY(kototest::sameWeights(loaded.weights, captureWeights(network)));
}

void TestAutoencoderRbm::aPlainNetworkProjectHasNoModelField() {
    Project project;
    project.network = networkSpec({2}, LossKind::CrossEntropy, {dense(2, "softmax")});
    project.dataset = "xor";
    const std::string json = projectToJson(project);
    QVERIFY(!nlohmann::json::parse(json).contains("model"));
    QCOMPARE(projectFromJson(json, "plain.koto").model, ModelKind::Network);
}

void TestAutoencoderRbm::anUnknownModelKindIsRefused() {
    Project project;
    project.network = networkSpec({2}, LossKind::CrossEntropy, {dense(2, "softmax")});
    project.dataset = "xor";
    auto json = nlohmann::json::parse(projectToJson(project));
    json["model"] = {{"kind", "gan"}};
    try {
        projectFromJson(json.dump(), "gan.koto");
        QFAIL("an unknown model kind was accepted");
    } catch (const InputError& error) {
        QVERIFY2(std::string(error.what()).find("gan.koto: unknown model kind \"gan\"") !=
                     std::string::npos,
                 error.what());
    }
}

QTEST_APPLESS_MAIN(TestAutoencoderRbm)
#include "test_autoencoder_rbm.moc"
