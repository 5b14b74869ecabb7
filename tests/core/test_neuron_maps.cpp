// The network diagram's data (issue 13, parts 4 to 7): every dense unit's output over points of
// the plane equals the curriculum's formulas worked by hand in double precision (through dropout
// and noise, which predicting leaves out, and in chunks smaller than the points), only networks
// of dense layers on two inputs are drawn so; and a weight set by hand changes that one value,
// leaves every other bit for bit, and comes back bit for bit when set back.

#include <QtTest>

#include <cmath>
#include <vector>

#include "backend/cpu_backend.h"
#include "data/dataset.h"
#include "data/dataset_spec.h"
#include "inspect/neuron_maps.h"
#include "io/layer_tokens.h"
#include "network/parameter_edit.h"
#include "util/errors.h"

using namespace koto;

namespace {

using Matrix = std::vector<std::vector<double>>;

std::vector<double> values(Network& network, const std::string& id) {
    for (const NamedParameter& named : network.parameters()) {
        if (named.id != id) continue;
        std::vector<double> result(static_cast<size_t>(named.parameter->value.size()));
        network.backend().download(named.parameter->value, std::span<double>(result));
        return result;
    }
    return {};
}

// Z = s(X W + b) by hand, X rows of `in` values, W in x out row by row.
Matrix dense(const Matrix& x, const std::vector<double>& w, const std::vector<double>& b,
             const std::string& activation) {
    const size_t out = b.size();
    Matrix z(x.size(), std::vector<double>(out));
    for (size_t n = 0; n < x.size(); ++n) {
        for (size_t m = 0; m < out; ++m) {
            double a = b[m];
            for (size_t d = 0; d < x[n].size(); ++d) a += x[n][d] * w[d * out + m];
            z[n][m] = activation == "tanh"   ? std::tanh(a)
                      : activation == "relu" ? std::max(a, 0.0)
                                             : a;
        }
        if (activation == "softmax") {
            double sum = 0;
            for (double& v : z[n]) sum += (v = std::exp(v));
            for (double& v : z[n]) v /= sum;
        }
    }
    return z;
}

// Two classes on the plane: a softmax of two units answers.
const Dataset& plane() {
    static const Dataset data = loadDataset(DatasetSpec::parse("spiral:n=40"));
    return data;
}

}  // namespace

class TestNeuronMaps : public QObject {
    Q_OBJECT

private slots:
    void unitsOutputWhatTheFormulasSay() {
        const NetworkSpec spec =
            networkSpecFromTokens("dense:3:tanh,dropout:0.5,dense:4:relu,noise:0.3", plane());
        CpuBackend backend;
        Network network(backend, spec, 3, DType::Float64);  // 3 rows at a time: 7 points, 3 chunks
        network.initialize(11);
        const std::vector<float> points{-6, -6, 0, 0, 1.5f, -2, 6, 6, -3, 4, 2.25f, 0.5f, 5, -1};
        const Matrix x{{-6, -6}, {0, 0}, {1.5, -2}, {6, 6}, {-3, 4}, {2.25, 0.5}, {5, -1}};
        const Matrix z1 =
            dense(x, values(network, "dense_1.W"), values(network, "dense_1.b"), "tanh");
        const Matrix z2 =
            dense(z1, values(network, "dense_2.W"), values(network, "dense_2.b"), "relu");
        const Matrix y =
            dense(z2, values(network, "dense_3.W"), values(network, "dense_3.b"), "softmax");

        QVERIFY(drawsAsNeuronMaps(network));
        const NeuronMaps maps = computeNeuronMaps(network, points, 7);
        QCOMPARE(maps.points, int64_t{7});
        QCOMPARE(maps.layers.size(), size_t{3});
        const Matrix* expected[] = {&z1, &z2, &y};
        const char* activations[] = {"tanh", "relu", "softmax"};
        for (size_t l = 0; l < 3; ++l) {
            const LayerMaps& layer = maps.layers[l];
            QCOMPARE(QString::fromStdString(layer.activation), QString(activations[l]));
            QCOMPARE(layer.units, static_cast<int64_t>((*expected[l])[0].size()));
            QCOMPARE(layer.values.size(), static_cast<size_t>(7 * layer.units));
            for (int64_t n = 0; n < 7; ++n)
                for (int64_t m = 0; m < layer.units; ++m)
                    QVERIFY2(std::abs(layer.at(n, m) - (*expected[l])[n][m]) < 1e-5,
                             qPrintable(QStringLiteral("layer %1 point %2 unit %3: %4 vs %5")
                                            .arg(l)
                                            .arg(n)
                                            .arg(m)
                                            .arg(layer.at(n, m))
                                            .arg((*expected[l])[n][m])));
        }
        // The last layer is the network's answer: the same as predict.
        const std::vector<float> predicted = network.predict(points, 7);
        for (size_t i = 0; i < predicted.size(); ++i)
            QCOMPARE(maps.layers[2].values[i], predicted[i]);
    }

    void onlyDenseNetworksOnThePlane() {
        CpuBackend backend;
        const Dataset images = loadDataset(DatasetSpec::parse("fashion-mnist:n=20"));
        Network convolutional(backend, networkSpecFromTokens("conv:2:3,flatten", images), 4);
        QVERIFY(!drawsAsNeuronMaps(convolutional));
        QVERIFY_THROWS_EXCEPTION(InputError, computeNeuronMaps(convolutional, {0, 0}, 1));
        Network dense(backend, networkSpecFromTokens("dense:2:tanh", plane()), 4);
        QVERIFY(drawsAsNeuronMaps(dense));
        QVERIFY_THROWS_EXCEPTION(InputError, computeNeuronMaps(dense, {0, 0, 1}, 2));
        // A logistic unit (no hidden layer, part 4) is one dense layer: drawn too.
        Network logistic(backend, networkSpecFromTokens("", plane()), 4);
        QVERIFY(drawsAsNeuronMaps(logistic));
        QCOMPARE(computeNeuronMaps(logistic, {1, 2}, 1).layers.size(), size_t{1});
        // Regression: the output unit's value as it is.
        const Dataset values = loadDataset(DatasetSpec::parse("plane:n=40"));
        Network regression(backend, networkSpecFromTokens("dense:2:tanh", values), 4);
        QCOMPARE(
            QString::fromStdString(computeNeuronMaps(regression, {1, 2}, 1).layers[1].activation),
            QStringLiteral("linear"));
    }

    void aWeightSetByHandAndSetBack() {
        CpuBackend backend;
        Network network(backend, networkSpecFromTokens("dense:3:tanh", plane()), 4, DType::Float64);
        network.initialize(5);
        const std::vector<double> before = values(network, "dense_1.W");
        const float old = setParameterValue(network, "dense_1.W", 4, 0.75f);
        QCOMPARE(old, static_cast<float>(before[4]));
        std::vector<double> after = values(network, "dense_1.W");
        QCOMPARE(after[4], 0.75);
        after[4] = before[4];
        QCOMPARE(after, before);  // every other value bit for bit
        // Float32 networks (the app's): set back, the weight is what it was, bit for bit.
        Network app(backend, networkSpecFromTokens("dense:3:tanh", plane()), 4);
        app.initialize(5);
        const std::vector<double> start = values(app, "dense_2.b");
        const float was = setParameterValue(app, "dense_2.b", 1, -2.5f);
        QCOMPARE(values(app, "dense_2.b")[1], -2.5);
        setParameterValue(app, "dense_2.b", 1, was);
        QCOMPARE(values(app, "dense_2.b"), start);

        QVERIFY_THROWS_EXCEPTION(InputError, setParameterValue(app, "dense_9.W", 0, 1));
        QVERIFY_THROWS_EXCEPTION(InputError, setParameterValue(app, "dense_1.W", 6, 1));
        QVERIFY_THROWS_EXCEPTION(InputError, setParameterValue(app, "dense_1.W", -1, 1));
        QVERIFY_THROWS_EXCEPTION(InputError, setParameterValue(app, "dense_1.W", 0, NAN));
        QCOMPARE(values(app, "dense_2.b"), start);  // nothing changed by the refused ones
    }
};

QTEST_APPLESS_MAIN(TestNeuronMaps)
#include "test_neuron_maps.moc"
