// How often a training step on the OpenCL backend waits for the device: once, for its loss and
// its update's checks read together, with its rows gathered from the epoch's order held on the
// device (backend.h's pending forms and held rows). Steps are counted after the first, which
// also starts the epoch (its order is uploaded then). A refused step is refused as on the CPU.

#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>

#include "backend/cpu_backend.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "koto_test_support.h"
#include "opencl_backend.h"
#include "opencl_test_support.h"
#include "training/training_run.h"
#include "util/errors.h"

using namespace koto;

namespace {

const char* const kFashionMnist = "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz";

// The weights after every step that was applied.
class WeightRecorder final : public TrainingObserver {
public:
    explicit WeightRecorder(Network& network)
        : network_(network), weights(captureWeights(network)) {}
    void afterStep(const StepReport& report) override {
        lastStep = report.step;
        weights = captureWeights(network_);
    }

    Network& network_;
    int64_t lastStep = 0;
    std::vector<SavedTensor> weights;
};

// How a run ended: the divergence's kind, step, layer and message.
struct Refusal {
    DivergenceError::Kind kind = DivergenceError::Kind::NotFinite;
    int64_t step = 0;
    std::string layer, message;
};

}  // namespace

class TestOpenClHostWaits : public QObject {
    Q_OBJECT

private:
    OpenClDevice device_;
    std::unique_ptr<OpenClBackend> gpu_;

    // Trains until the run diverges; checks that the refused step changed no weight.
    Refusal refusal(Backend& backend, const std::shared_ptr<const Dataset>& data,
                    const std::string& layers, double learningRate) {
        TrainingSettings settings;
        settings.learningRate = learningRate;
        TrainingRun run(backend, networkSpecFromTokens(layers, *data), data, settings);
        WeightRecorder recorder(run.network());
        run.trainer().addObserver(&recorder);
        try {
            run.trainer().train(50);
        } catch (const DivergenceError& error) {
            const auto after = captureWeights(run.network());
            if (!kototest::sameWeights(after, recorder.weights))
                QTest::qFail(qPrintable(kototest::firstDifference(after, recorder.weights)),
                             __FILE__, __LINE__);
            if (error.step() != recorder.lastStep + 1)
                QTest::qFail("the refused step was applied", __FILE__, __LINE__);
            return {error.kind(), error.step(), error.layer(), error.what()};
        }
        return {};
    }

private slots:
    void initTestCase() {
        KOTO_OPENCL_TEST_DEVICE(device_);
        gpu_ = std::make_unique<OpenClBackend>(device_.platformIndex, device_.deviceIndex);
    }

    void oneWaitPerStep_data() {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("layers");
        QTest::addColumn<QString>("optimizer");
        QTest::addColumn<int>("batch");
        // 250 points in batches of 10: 25 steps an epoch.
        QTest::newRow("MLP, momentum") << "spiral"
                                       << "dense:8:tanh,dense:8:tanh"
                                       << "momentum" << 10;
        QTest::newRow("MLP, SGD") << "spiral"
                                  << "dense:8:tanh,dense:8:tanh"
                                  << "sgd" << 10;
        QTest::newRow("MLP, Adam") << "circle"
                                   << "dense:16:relu"
                                   << "adam" << 10;
        // Image bytes, gathered and scaled on the device; 640 images in batches of 64.
        QTest::newRow("MLP on images, RMSprop") << "fashion-mnist:n=640,ntest=64"
                                                << "dense:32:relu"
                                                << "rmsprop" << 64;
        // bench/reference_settings.h's LeNet-like CNN.
        QTest::newRow("LeNet-like CNN, momentum")
            << "fashion-mnist:n=640,ntest=64"
            << "conv:6:5,maxpool:2,conv:16:5,maxpool:2,flatten,dense:120:relu,dense:84:relu"
            << "momentum" << 64;
    }
    void oneWaitPerStep() {
        QFETCH(QString, dataset);
        QFETCH(QString, layers);
        QFETCH(QString, optimizer);
        QFETCH(int, batch);
        if (dataset.startsWith("fashion-mnist") &&
            !QFile::exists(QString::fromLatin1(kFashionMnist)))
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        const auto data = kototest::dataset(dataset.toStdString());
        TrainingSettings settings;
        settings.optimizer = optimizer.toStdString();
        settings.momentum = 0.9;
        settings.learningRate = 0.01;
        settings.batchSize = batch;
        TrainingRun run(*gpu_, networkSpecFromTokens(layers.toStdString(), *data), data, settings);
        Trainer& trainer = run.trainer();
        constexpr int kSteps = 5;
        QVERIFY(trainer.batchesPerEpoch() > kSteps);  // none of them ends the epoch
        QVERIFY(trainer.step());
        for (int i = 0; i < kSteps; ++i) {
            const int64_t before = gpu_->hostWaits();
            QVERIFY(trainer.step());
            const int64_t waits = gpu_->hostWaits() - before;
            QVERIFY2(
                waits == 1,
                qPrintable(
                    QStringLiteral("step %1 waited %2 times").arg(trainer.stepsDone()).arg(waits)));
        }
        QVERIFY(std::isfinite(trainer.stepCost()));
    }

    // Numbers left pending are read together, with one wait; a download is a wait of its own.
    void pendingNumbersAreReadTogether() {
        Tensor gradient = gpu_->allocate({3, 4}, DType::Float32);
        Tensor velocity = gpu_->allocate({3, 4}, DType::Float32);
        Tensor weights = gpu_->allocate({3, 4}, DType::Float32);
        Tensor broken = gpu_->allocate({3, 4}, DType::Float32);
        gpu_->fill(gradient, 0.5);
        gpu_->fill(weights, 1.0);
        std::vector<float> values(12, 1.0f);
        values[7] = std::numeric_limits<float>::infinity();
        gpu_->upload(std::span<const float>(values), broken);

        const int64_t before = gpu_->hostWaits();
        const PendingValue finite =
            gpu_->pendingMomentumCheck(0.1, 0.9, false, gradient, velocity, weights);
        const PendingValue notFinite = gpu_->pendingSumCheck(1.0, broken, weights);
        const PendingValue sum = gpu_->pendingSumCheck(0.0, weights, weights);
        QCOMPARE(gpu_->hostWaits(), before);
        QVERIFY(notFinite.get() != 0.0);
        QCOMPARE(finite.get(), 0.0);
        QCOMPARE(sum.get(), 0.0);
        QCOMPARE(gpu_->hostWaits(), before + 1);
        std::vector<float> downloaded(12);
        gpu_->download(weights, std::span<float>(downloaded));
        QCOMPARE(gpu_->hostWaits(), before + 2);
        // The check changed nothing.
        QCOMPARE(downloaded, std::vector<float>(12, 1.0f));
    }

    // The same refusals as the CPU backend's (tests/core/test_divergence.cpp), with the same
    // step, layer and message, and no weight changed.
    void refusedStepsMatchTheCpu_data() {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("layers");
        QTest::addColumn<double>("learningRate");
        QTest::addColumn<bool>("nanInput");
        QTest::newRow("update overflows float") << "spiral"
                                                << "dense:8:tanh" << 1e300 << false;
        QTest::newRow("a NaN in the data") << "xor"
                                           << "dense:4:tanh" << 0.03 << true;
        QTest::newRow("loss grows without NaN") << "xor"
                                                << "dense:8:tanh" << 1e6 << false;
    }
    void refusedStepsMatchTheCpu() {
        QFETCH(QString, dataset);
        QFETCH(QString, layers);
        QFETCH(double, learningRate);
        QFETCH(bool, nanInput);
        Dataset changed = *kototest::dataset(dataset.toStdString());
        if (nanInput) changed.train.inputs[2 * 100 + 1] = std::numeric_limits<float>::quiet_NaN();
        const auto data = std::make_shared<const Dataset>(std::move(changed));
        CpuBackend cpu;
        const Refusal expected = refusal(cpu, data, layers.toStdString(), learningRate);
        const Refusal actual = refusal(*gpu_, data, layers.toStdString(), learningRate);
        QVERIFY2(expected.step > 0, "the CPU run did not diverge");
        QCOMPARE(actual.step, expected.step);
        QVERIFY(actual.kind == expected.kind);
        QCOMPARE(kototest::qs(actual.layer), kototest::qs(expected.layer));
        // A grown loss is quoted with four digits, which the two backends may round apart.
        if (expected.kind == DivergenceError::Kind::NotFinite)
            QCOMPARE(kototest::qs(actual.message), kototest::qs(expected.message));
    }

    // A number still pending when its backend goes cannot be read any more: it says so.
    void pendingNumberOutlivingItsBackend() {
        PendingValue orphan;
        {
            OpenClBackend other(device_.platformIndex, device_.deviceIndex);
            Tensor x = other.allocate({2, 2}, DType::Float32);
            orphan = other.pendingSumCheck(1.0, x, x);
        }
        QVERIFY_THROWS_EXCEPTION(DeviceError, orphan.get());
    }
};

QTEST_APPLESS_MAIN(TestOpenClHostWaits)
#include "test_opencl_host_waits.moc"
