// Dropout and noise injection (part 11): Philox's known answers, masks that keep the right
// share and are reproducible, dropout's expected output equal to prediction's (and so to the
// curriculum's "multiply the outgoing weights by p" rule), noise with the requested variance,
// both inactive at prediction, and their gradients.

#include <QtTest>

#include <cmath>
#include <vector>

#include "backend/cpu_backend.h"
#include "check/gradient_check.h"
#include "data/dataset.h"
#include "data/dataset_spec.h"
#include "inspect/stochastic_passes.h"
#include "io/layer_tokens.h"
#include "layers/dropout_layer.h"
#include "layers/noise_layer.h"
#include "network/network.h"
#include "util/errors.h"
#include "util/philox.h"

using namespace koto;

namespace {

std::vector<double> read(CpuBackend& backend, const Tensor& t) {
    std::vector<double> values(static_cast<size_t>(t.size()));
    backend.download(t, std::span<double>(values));
    return values;
}

}  // namespace

class TestDropoutAndNoise : public QObject {
    Q_OBJECT

private slots:
    // Random123's known-answer tests for Philox4x32-10.
    void philoxKnownAnswers() {
        QCOMPARE(philox4x32({0, 0, 0, 0}, {0, 0}),
                 (PhiloxBlock{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}));
        QCOMPARE(philox4x32({~0u, ~0u, ~0u, ~0u}, {~0u, ~0u}),
                 (PhiloxBlock{0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}));
        QCOMPARE(
            philox4x32({0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0}),
            (PhiloxBlock{0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}));
    }

    void masksKeepTheShareAndAreReproducible() {
        CpuBackend backend;
        Tensor mask = backend.allocate({1000, 101}, DType::Float32);
        backend.dropoutMask({7, 3, 1}, 0.8, mask);
        const std::vector<double> values = read(backend, mask);
        double kept = 0;
        for (double v : values) {
            QVERIFY(v == 0.0 || std::abs(v - 1.25) < 1e-6);
            kept += v != 0.0;
        }
        const double share = kept / static_cast<double>(values.size());
        QVERIFY2(std::abs(share - 0.8) < 0.005,
                 qPrintable(QString::number(share)));  // 4 standard deviations
        Tensor again = backend.allocate({1000, 101}, DType::Float32);
        backend.dropoutMask({7, 3, 1}, 0.8, again);
        QCOMPARE(read(backend, again), values);
        backend.dropoutMask({7, 4, 1}, 0.8, again);  // the next step
        QVERIFY(read(backend, again) != values);
        backend.dropoutMask({7, 3, 2}, 0.8, again);  // another layer
        QVERIFY(read(backend, again) != values);
    }

    // Inverted dropout: E[x * m / p] = x, what prediction passes on. The curriculum trains with
    // x * m and predicts with the outgoing weights times p: the same expected input to the next
    // layer when its weights W' = p W.
    void expectedOutputEqualsPredictionAndTheCurriculumsRule() {
        CpuBackend backend;
        const double p = 0.5;
        DropoutLayer dropout("dropout_1", p);
        const int64_t units = 6;
        dropout.setup(backend, {1, units}, DType::Float64);
        Tensor x = backend.allocate({1, units}, DType::Float64);
        const std::vector<double> input{1.0, -2.0, 0.5, 3.0, -0.25, 2.0};
        backend.upload(std::span<const double>(input), x);
        const std::vector<double> weights{0.3, -0.7, 1.1, 0.2, -0.4, 0.9};  // W', one output unit

        dropout.prepare({false, 1, 1}, 0);
        const std::vector<double> predicted = read(backend, dropout.forward(backend, x));
        QCOMPARE(predicted, input);
        double predictionInput = 0;
        for (int64_t i = 0; i < units; ++i)
            predictionInput += predicted[static_cast<size_t>(i)] * weights[static_cast<size_t>(i)];

        const int samples = 20000;
        double meanOurs = 0, meanCurriculum = 0;
        for (int step = 1; step <= samples; ++step) {
            dropout.prepare({true, 1, static_cast<uint64_t>(step)}, 0);
            const std::vector<double> z = read(backend, dropout.forward(backend, x));
            for (int64_t i = 0; i < units; ++i) {
                const auto k = static_cast<size_t>(i);
                meanOurs += z[k] * weights[k];
                meanCurriculum +=
                    (z[k] * p) * (weights[k] / p);  // the curriculum's x*m times its W = W'/p
            }
        }
        meanOurs /= samples;
        meanCurriculum /= samples;
        // The standard error of the mean here is about 0.03.
        QVERIFY2(std::abs(meanOurs - predictionInput) < 0.15,
                 qPrintable(QStringLiteral("%1 vs %2").arg(meanOurs).arg(predictionInput)));
        // Sample by sample the same number; and the curriculum predicts with W * p = W' on x.
        QVERIFY(std::abs(meanCurriculum - meanOurs) < 1e-9);
        QVERIFY(std::abs(meanCurriculum - predictionInput) < 0.15);
    }

    void noiseHasTheRequestedVarianceOnlyWhileTraining() {
        CpuBackend backend;
        NoiseLayer noise("noise_1", 0.3);
        noise.setup(backend, {2000, 50}, DType::Float32);
        Tensor x = backend.allocate({2000, 50}, DType::Float32);
        backend.fill(x, 1.0);
        noise.prepare({true, 5, 9}, 0);
        const std::vector<double> z = read(backend, noise.forward(backend, x));
        double mean = 0, variance = 0;
        for (double v : z) mean += v;
        mean /= static_cast<double>(z.size());
        for (double v : z) variance += (v - mean) * (v - mean);
        variance /= static_cast<double>(z.size() - 1);
        QVERIFY2(std::abs(mean - 1.0) < 0.005, qPrintable(QString::number(mean)));
        QVERIFY2(std::abs(variance - 0.09) < 0.003, qPrintable(QString::number(variance)));
        noise.prepare({true, 5, 9}, 0);
        QCOMPARE(read(backend, noise.forward(backend, x)),
                 z);  // the same step gives the same noise
        noise.prepare({false, 5, 9}, 0);
        for (double v : read(backend, noise.forward(backend, x))) QCOMPARE(v, 1.0);
    }

    void gradientsThroughDropoutAndNoise() {
        const Dataset data = loadDataset(DatasetSpec::parse("xor:n=40"));
        const NetworkSpec spec = networkSpecFromTokens(
            "noise:0.3,dense:6:tanh,dropout:0.5,dense:5:sigmoid,dropout:0.8", data);
        GradientCheckInput input;
        input.rows = 8;
        input.inputs.assign(data.train.inputs.begin(), data.train.inputs.begin() + 16);
        DataSplit head;
        head.count = 8;
        head.labels.assign(data.train.labels.begin(), data.train.labels.begin() + 8);
        const std::vector<float> targets = data.targetMatrix(head, 2);
        input.targets.assign(targets.begin(), targets.end());
        for (const GradientCheckResult& r : checkGradients(spec, input, 3))
            QVERIFY2(r.maxRelativeError < 1e-6, qPrintable(QString::fromStdString(r.tensor)));
    }

    void tokensRoundTripAndBadOnesAreRefused() {
        const Dataset data = loadDataset(DatasetSpec::parse("circle:n=20"));
        const NetworkSpec spec = networkSpecFromTokens("noise:0.1,dense:8:relu,dropout:0.5", data);
        QCOMPARE(QString::fromStdString(hiddenLayerTokens(spec)),
                 QStringLiteral("noise:0.1,dense:8:relu,dropout:0.5"));
        QCOMPARE(QString::fromStdString(spec.layers[2].name), QStringLiteral("dropout_1"));
        for (const char* bad :
             {"dropout:0", "dropout:1.5", "dropout", "dropout:x", "noise:-1", "noise:0.1:2"})
            QVERIFY_THROWS_EXCEPTION(InputError, networkSpecFromTokens(bad, data));
    }

    // What the app's dropout and noise view shows: after a training pass, each layer's X, its
    // mask or noise and Z = X * mask or X + noise, for the first rows; nothing after a prediction.
    void aTrainingPassIsCaptured() {
        const Dataset data = loadDataset(DatasetSpec::parse("spiral:n=40"));
        CpuBackend backend;
        Network network(backend, networkSpecFromTokens("noise:0.5,dense:6:tanh,dropout:0.5", data), 8);
        network.initialize(3);
        Tensor x = backend.allocate({8, 2}, DType::Float32);
        std::vector<float> inputs;
        for (int i = 0; i < 16; ++i) inputs.push_back(0.25f * static_cast<float>(i) - 2);
        backend.upload(std::span<const float>(inputs), x);
        network.prepare({true, 7, 4});
        network.forward(x);
        const std::vector<StochasticPass> passes = captureStochasticPasses(network, 5);
        QCOMPARE(passes.size(), size_t{2});
        const StochasticPass& noise = passes[0];
        QCOMPARE(QString::fromStdString(noise.type), QStringLiteral("noise"));
        QCOMPARE(noise.setting, 0.5);
        QCOMPARE(noise.layerIndex, 0);
        QCOMPARE(noise.rows, int64_t{5});
        QCOMPARE(noise.values, int64_t{2});
        bool someNoise = false;
        for (int64_t r = 0; r < 5; ++r)
            for (int64_t v = 0; v < 2; ++v) {
                QCOMPARE(noise.at(noise.input, r, v), inputs[static_cast<size_t>(r * 2 + v)]);
                QVERIFY(std::abs(noise.at(noise.output, r, v) -
                                 (noise.at(noise.input, r, v) + noise.at(noise.random, r, v))) < 1e-6f);
                someNoise = someNoise || noise.at(noise.random, r, v) != 0;
            }
        QVERIFY(someNoise);
        const StochasticPass& dropout = passes[1];
        QCOMPARE(QString::fromStdString(dropout.type), QStringLiteral("dropout"));
        QCOMPARE(dropout.values, int64_t{6});
        int dropped = 0;
        for (int64_t r = 0; r < 5; ++r)
            for (int64_t v = 0; v < 6; ++v) {
                const float mask = dropout.at(dropout.random, r, v);
                QVERIFY(mask == 0 || std::abs(mask - 2.0f) < 1e-6f);
                dropped += mask == 0;
                QVERIFY(std::abs(dropout.at(dropout.output, r, v) -
                                 dropout.at(dropout.input, r, v) * mask) < 1e-6f);
            }
        QVERIFY(dropped > 0 && dropped < 30);
        // A prediction draws nothing: nothing to show.
        network.predict(inputs, 8);
        QVERIFY(captureStochasticPasses(network, 5).empty());
    }
};

QTEST_APPLESS_MAIN(TestDropoutAndNoise)
#include "test_dropout_and_noise.moc"
