// A network too large for the machine is refused before anything is allocated, with its memory
// estimate in the message: the estimate (network/memory_estimate.h, training/training_memory.h)
// against what networks really allocate, the host's limit, and the refusals of Network and
// TrainingRun. This program runs under a memory ceiling (memory_guard.h): were the check to
// regress, the huge networks below would fail to allocate instead of taking the machine down.

#include <QtTest>

#include <chrono>
#include <limits>
#include <memory>

#include "backend/cpu_backend.h"
#include "backend/memory_capacity.h"
#include "io/layer_tokens.h"
#include "koto_test_support.h"
#include "memory_guard.h"
#include "models/rbm.h"
#include "network/memory_estimate.h"
#include "network/network.h"
#include "network/templates.h"
#include "training/training_memory.h"
#include "training/training_run.h"
#include "util/errors.h"

using namespace koto;
using kototest::qs;

namespace {

constexpr int64_t kMiB = int64_t{1} << 20;
constexpr int64_t kGiB = int64_t{1} << 30;

// The network: eight dense layers of 10,000 units (8 x 10^8 weights, 3 GiB of them).
std::string eightHugeLayers() {
    std::string tokens;
    for (int i = 0; i < 8; ++i) tokens += (i ? "," : "") + std::string("dense:10000:tanh");
    return tokens;
}

// Bytes of the network's parameter values (or gradients), as the real layers allocated them.
int64_t realParameterBytes(Network& network, bool gradients) {
    int64_t bytes = 0;
    for (const NamedParameter& p : network.parameters()) {
        const Tensor& t = gradients ? p.parameter->gradient : p.parameter->value;
        bytes += t.size() * bytesPerElement(t.dtype());
    }
    return bytes;
}

}  // namespace

class TestResources : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { kototest::limitMemory(); }
    void parametersAreWhatTheNetworkAllocates_data();
    void parametersAreWhatTheNetworkAllocates();
    void denseBuffersCountedByHand();
    void recurrentBuffersGrowWithTimeSteps();
    void trainingAddsOptimizerStateAndData();
    void templatesAreFarBelowAnyLimit();
    void refusesOverTheLimitWithTheEstimate();
    void networkTooLargeIsRefusedBeforeAllocating();
    void trainingRunTooLargeIsRefused();
    void rbmTooLargeIsRefused();
    void hostLimitRule();
    void bytesReadWell();
};

void TestResources::parametersAreWhatTheNetworkAllocates_data() {
    QTest::addColumn<NetworkSpec>("spec");
    // Every template: dense, conv and pooling, SimpleRNN, LSTM, the autoencoder's tied decoder.
    for (const Template& t : networkTemplates()) QTest::newRow(t.name.c_str()) << t.network;
    const auto xor2 = kototest::dataset("xor");
    QTest::newRow("dropout and noise")
        << networkSpecFromTokens("noise:0.1,dense:16:tanh,dropout:0.8,dense:4:relu", *xor2);
    const auto sine = kototest::dataset("sine:targets=every");
    QTest::newRow("rnn, many to many")
        << networkSpecFromTokens("rnn:8,seq:many,dense:4:tanh", *sine);
}

// Parameters and gradients exactly: 4 bytes for every weight the real layers hold.
void TestResources::parametersAreWhatTheNetworkAllocates() {
    QFETCH(NetworkSpec, spec);
    CpuBackend backend;
    Network network(backend, spec, 32);
    const MemoryEstimate estimate = estimateNetworkMemory(spec, 32);
    QCOMPARE(estimate.rows, int64_t{32});
    QCOMPARE(estimate.parameters, realParameterBytes(network, false));
    QCOMPARE(estimate.gradients, realParameterBytes(network, true));
    QVERIFY(estimate.parameters > 0);
    QCOMPARE(estimate.layers.size(), spec.layers.size());
    for (size_t i = 0; i < spec.layers.size(); ++i)
        QCOMPARE(qs(estimate.layers[i].name), qs(spec.layers[i].name));
    QVERIFY(estimate.activations > 0);
    QCOMPARE(estimate.optimizerState, int64_t{0});
    QCOMPARE(estimate.data, int64_t{0});
    QCOMPARE(estimate.total(), estimate.parameters + estimate.gradients + estimate.activations);
}

// 2 inputs -> dense:8:tanh -> dense:3 softmax, 10 rows. Each dense layer keeps a, Z and dJ/da
// (rows x units) and dJ/dX (rows x inputs); the network keeps the probabilities and the loss's
// gradient (rows x 3) and predict()'s input (rows x 2).
void TestResources::denseBuffersCountedByHand() {
    const NetworkSpec spec = kototest::networkSpec(
        {2}, LossKind::CrossEntropy, {kototest::dense(8, "tanh"), kototest::dense(3, "softmax")});
    const MemoryEstimate estimate = estimateNetworkMemory(spec, 10);
    QCOMPARE(estimate.parameters, int64_t{4 * (2 * 8 + 8 + 8 * 3 + 3)});
    QCOMPARE(estimate.gradients, estimate.parameters);
    QCOMPARE(estimate.layers[0].bufferBytes, int64_t{4 * (3 * 10 * 8 + 10 * 2)});
    QCOMPARE(estimate.layers[1].bufferBytes, int64_t{4 * (3 * 10 * 3 + 10 * 8)});
    QCOMPARE(estimate.activations, int64_t{4 * (260 + 170 + 2 * 10 * 3 + 10 * 2)});
    QCOMPARE(estimate.largestTensor, int64_t{4 * 10 * 8});
    // Float64 (the gradient check) takes twice as much.
    QCOMPARE(estimateNetworkMemory(spec, 10, DType::Float64).total(), 2 * estimate.total());
    // Buffers follow the rows, parameters do not.
    const MemoryEstimate wider = estimateNetworkMemory(spec, 1000);
    QCOMPARE(wider.parameters, estimate.parameters);
    QCOMPARE(wider.activations, 100 * estimate.activations);
}

// A recurrent layer keeps every time step of its batch: twice the steps, about twice the buffers.
void TestResources::recurrentBuffersGrowWithTimeSteps() {
    const auto spec = [](int64_t steps) {
        NetworkSpec s = kototest::networkSpec({steps, 28}, LossKind::CrossEntropy,
                                              {kototest::layer("lstm", {{"units", int64_t{64}}}),
                                               kototest::layer("sequence_last"),
                                               kototest::dense(10, "softmax")});
        return s;
    };
    const MemoryEstimate short14 = estimateNetworkMemory(spec(14), 256);
    const MemoryEstimate long28 = estimateNetworkMemory(spec(28), 256);
    QCOMPARE(long28.parameters, short14.parameters);
    const double ratio = static_cast<double>(long28.layers[0].bufferBytes) /
                         static_cast<double>(short14.layers[0].bufferBytes);
    QVERIFY2(ratio > 1.9 && ratio < 2.0, qPrintable(QString::number(ratio)));
    // 256 sequences x 28 steps x (4 x 64 gate values) in each of three gate-sized buffers alone.
    QVERIFY(long28.layers[0].bufferBytes > 3 * 256 * 28 * 256 * 4);
}

void TestResources::trainingAddsOptimizerStateAndData() {
    const auto data = kototest::dataset("xor");  // 2 inputs, 2 classes
    const NetworkSpec spec = networkSpecFromTokens("dense:8:tanh", *data);
    TrainingSettings settings;
    const MemoryEstimate network = estimateNetworkMemory(spec, TrainingRun::rowsFor(settings));
    const MemoryEstimate sgd = estimateTrainingMemory(spec, settings, data.get());
    QCOMPARE(sgd.rows, TrainingRun::rowsFor(settings));
    QCOMPARE(sgd.parameters, network.parameters);
    QCOMPARE(sgd.optimizerState, int64_t{0});
    // Every sample's 2 inputs and 2 one-hot targets as floats.
    const int64_t samples = data->train.count + data->test.count;
    QCOMPARE(sgd.data, samples * (2 + 2) * 4);
    QVERIFY(sgd.activations > network.activations);  // the batch and evaluation's chunk

    for (const auto& [name, copies] :
         {std::pair{"momentum", 1}, std::pair{"nesterov", 1}, std::pair{"adagrad", 1},
          std::pair{"rmsprop", 2}, std::pair{"adam", 2}}) {
        settings.optimizer = name;
        QCOMPARE(estimateTrainingMemory(spec, settings, data.get()).optimizerState,
                 copies * sgd.parameters);
    }
    settings.patience = 3;  // early stopping keeps the best weights too
    QCOMPARE(estimateTrainingMemory(spec, settings, data.get()).optimizerState, 3 * sgd.parameters);
    // Without data (the app before a dataset is chosen): no data, no batch.
    QCOMPARE(estimateTrainingMemory(spec, settings).data, int64_t{0});
}

// Every template, trained with Adam in batches of 64, needs a small fraction of any machine.
void TestResources::templatesAreFarBelowAnyLimit() {
    TrainingSettings settings;
    settings.optimizer = "adam";
    settings.batchSize = 64;
    for (const Template& t : networkTemplates()) {
        const MemoryEstimate estimate = estimateTrainingMemory(t.network, settings);
        QVERIFY2(estimate.total() < 256 * kMiB, qPrintable(qs(t.name + ": " + estimate.text())));
    }
}

void TestResources::refusesOverTheLimitWithTheEstimate() {
    const auto data = kototest::dataset("xor");
    const NetworkSpec spec = networkSpecFromTokens(eightHugeLayers(), *data);
    const MemoryEstimate estimate = estimateNetworkMemory(spec, 256);
    // 2 x 10^4 + 7 x 10^8 + 10^4 x 2 weights and 8 x 10^4 + 2 biases, 4 bytes each.
    QCOMPARE(estimate.parameters, int64_t{4} * (20'000 + 700'000'000 + 20'000 + 80'002));
    QVERIFY(estimate.total() > 5 * kGiB);

    MemoryCapacity host{4 * kGiB, 4 * kGiB, false, "this computer's memory"};
    try {
        checkFitsInMemory(estimate, host);
        QFAIL("a network of 5 GiB fitted in 4 GiB");
    } catch (const SpecError& error) {
        const QString message = QString::fromUtf8(error.what());
        QCOMPARE(error.layerIndex(), -1);
        for (const QString& part :
             {QStringLiteral("needs about 5."), QStringLiteral("GiB (parameters 2.6 GiB"),
              QStringLiteral("4.0 GiB"), QStringLiteral("this computer's memory"),
              QStringLiteral("dense_2")})
            QVERIFY2(message.contains(part), qPrintable(message + " lacks " + part));
    }
    // Over a device's memory: a DeviceError, which hands the run to the CPU.
    MemoryCapacity device{4 * kGiB, kGiB, true, "the memory of a small GPU"};
    QVERIFY_THROWS_EXCEPTION(DeviceError, checkFitsInMemory(estimate, device));
    // Within the total but one tensor past the device's largest allocation.
    device.totalBytes = 64 * kGiB;
    device.largestTensorBytes = 100 * kMiB;  // a 10^4 x 10^4 W is 381 MiB
    QVERIFY_THROWS_EXCEPTION(DeviceError, checkFitsInMemory(estimate, device));
    // Room enough: nothing thrown.
    host.totalBytes = host.largestTensorBytes = 64 * kGiB;
    checkFitsInMemory(estimate, host);
}

// The network of the issue with batches of a million rows needs about 1.3 TB: refused at once by
// the constructor, with nothing allocated (under this program's ceiling, allocating would fail).
void TestResources::networkTooLargeIsRefusedBeforeAllocating() {
    const auto data = kototest::dataset("xor");
    const NetworkSpec spec = networkSpecFromTokens(eightHugeLayers(), *data);
    CpuBackend backend;
    const auto start = std::chrono::steady_clock::now();
    try {
        Network network(backend, spec, 1'000'000);
        QFAIL("a network of 1.3 TB was built");
    } catch (const SpecError& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains("the network needs about") && message.contains("TiB"),
                 qPrintable(message));
    }
    QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

void TestResources::trainingRunTooLargeIsRefused() {
    const auto data = kototest::dataset("xor");
    const NetworkSpec spec = networkSpecFromTokens(eightHugeLayers(), *data);
    TrainingSettings settings;
    settings.optimizer = "adam";
    settings.batchSize = 1'000'000;
    CpuBackend backend;
    try {
        TrainingRun run(backend, spec, data, settings);
        QFAIL("a training run of 1.3 TB was made");
    } catch (const SpecError& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains("training this network needs about") &&
                     message.contains("optimizer state 5.2 GiB"),
                 qPrintable(message));
    }
}

// The RBM builds no Network: its constructor checks its own memory the same way.
void TestResources::rbmTooLargeIsRefused() {
    CpuBackend backend;
    Rbm small(backend, {784, 64}, 20);
    int64_t parameterBytes = 0;
    for (const NamedParameter& p : small.parameters())
        parameterBytes += p.parameter->value.size() * 4;
    const MemoryEstimate estimate = Rbm::memoryNeeded({784, 64}, 20);
    QCOMPARE(estimate.parameters, parameterBytes);
    QCOMPARE(estimate.gradients, parameterBytes);
    QCOMPARE(estimate.activations, int64_t{4} * (20 * (7 * 64 + 4 * 784) + 784 + 64 + 1));
    // 100 visible units, a million hidden ones, chains of a million rows: 26 TiB.
    try {
        Rbm huge(backend, {100, 1'000'000}, 1'000'000);
        QFAIL("an RBM of 26 TiB was built");
    } catch (const SpecError& error) {
        QVERIFY2(QString::fromUtf8(error.what()).contains("the RBM needs about"), error.what());
    }
}

void TestResources::hostLimitRule() {
    // 3/4 of the physical memory, at most what is available, 3/4 of the rlimits.
    QCOMPARE(hostMemoryLimit(16 * kGiB, 0, 0, 0), 12 * kGiB);
    QCOMPARE(hostMemoryLimit(16 * kGiB, 5 * kGiB, 0, 0), 5 * kGiB);
    QCOMPARE(hostMemoryLimit(16 * kGiB, 14 * kGiB, 4 * kGiB, 0), 3 * kGiB);
    QCOMPARE(hostMemoryLimit(16 * kGiB, 14 * kGiB, 0, 2 * kGiB), 3 * kGiB / 2);
    QVERIFY(hostMemoryLimit(0, 0, 0, 0) > 0);  // nothing known: no limit of ours
    const MemoryCapacity capacity = hostMemoryCapacity();
    QVERIFY(capacity.totalBytes > 0);
    QVERIFY(!capacity.device);
    if (!kototest::sanitized())  // this program's ceiling
        QVERIFY(capacity.totalBytes <= kototest::kMemoryCeilingBytes / 4 * 3);
    CpuBackend backend;
    QVERIFY(!backend.memoryCapacity().device);
}

void TestResources::bytesReadWell() {
    QCOMPARE(qs(memoryText(512)), QStringLiteral("512 B"));
    QCOMPARE(qs(memoryText(1536)), QStringLiteral("1.5 KiB"));
    QCOMPARE(qs(memoryText(12 * kMiB + kMiB / 2)), QStringLiteral("12.5 MiB"));
    QCOMPARE(qs(memoryText(6 * kGiB)), QStringLiteral("6.0 GiB"));
    QCOMPARE(addBytes(std::numeric_limits<int64_t>::max() - 1, 5),
             std::numeric_limits<int64_t>::max());
    QCOMPARE(multiplyBytes(int64_t{1} << 40, int64_t{1} << 40),
             std::numeric_limits<int64_t>::max());
}

QTEST_APPLESS_MAIN(TestResources)
#include "test_resources.moc"
