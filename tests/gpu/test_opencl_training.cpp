// Whole training runs on both backends from one seed: the same initial weights (drawn on the
// host), the same mini-batches, the same dropout masks and augmentations, so the two learning
// curves must stay together. Every epoch's training and test loss agree within 1e-3.

#include <QtTest>

#include <cmath>
#include <memory>

#include "backend/cpu_backend.h"
#include "io/layer_tokens.h"
#include "koto_test_support.h"
#include "models/autoencoder.h"
#include "models/rbm.h"
#include "models/rbm_trainer.h"
#include "opencl_backend.h"
#include "opencl_test_support.h"
#include "training/training_run.h"

using namespace koto;

namespace {

constexpr double kLossTolerance = 1e-3;
const char* const kFashionMnist = "/usr/share/datasets/fashion-mnist/train-labels-idx1-ubyte.gz";

std::vector<EpochMetrics> trainOn(Backend& backend, const std::shared_ptr<const Dataset>& data,
                                  const NetworkSpec& spec, const TrainingSettings& settings) {
    TrainingRun run(backend, spec, data, settings);
    if (run.trainer().train(settings.epochs) != Trainer::Outcome::Finished) return {};
    return run.trainer().curve().points();
}

}  // namespace

class TestOpenClTraining : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<OpenClBackend> gpu_;

private slots:
    void initTestCase() {
        OpenClDevice device;
        KOTO_OPENCL_TEST_DEVICE(device);
        gpu_ = std::make_unique<OpenClBackend>(device.platformIndex, device.deviceIndex);
    }

    void learningCurvesAgree_data() {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("layers");
        QTest::addColumn<QString>("loss");
        QTest::addColumn<QString>("optimizer");
        QTest::addColumn<double>("learningRate");
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("epochs");
        QTest::addColumn<QString>("extra");  // penalties, augment, clip
        // 250 training points in batches of 10: 300 steps.
        QTest::newRow("spiral MLP, SGD") << "spiral"
                                         << "dense:8:tanh,dense:8:tanh"
                                         << ""
                                         << "sgd" << 0.1 << 10 << 12 << "";
        // 2000 images in batches of 64: 320 steps.
        QTest::newRow("Fashion-MNIST MLP, dropout, Adam") << "fashion-mnist:n=2000,ntest=500"
                                                          << "dense:64:relu,dropout:0.8"
                                                          << ""
                                                          << "adam" << 0.001 << 64 << 10 << "";
        QTest::newRow("plane regression, Nesterov, L1 and L2")
            << "plane"
            << "dense:8:tanh"
            << "mse"
            << "nesterov" << 0.01 << 10 << 12 << "penalties";
        // RMSprop moves a weight by lr g / sqrt(cache): where a weight's gradients have all been
        // tiny (a ReLU unit that is nearly dead), that is a full step of about lr whose sign the
        // last bits decide, and two correct backends part ways (seen with dense:8:relu here).
        // With tanh units the run stays comparable.
        QTest::newRow("xor, noise, binary cross-entropy, RMSprop")
            << "xor"
            << "noise:0.05,dense:8:tanh,dense:4:sigmoid"
            << "bce"
            << "rmsprop" << 0.01 << 10 << 12 << "";
        // 512 images in batches of 32: 96 steps through conv, both poolings (the 3x3 one leaves an
        // edge out), flatten and dense, with stride and padding.
        QTest::newRow("Fashion-MNIST small CNN, Adam")
            << "fashion-mnist:n=512,ntest=128"
            << "conv:4:5,maxpool:2,conv:6:3:2:1:tanh,avgpool:3,flatten,dense:16:relu"
            << ""
            << "adam" << 0.002 << 32 << 6 << "";
        // 400 sequences in batches of 20: 160 steps of BPTT through a SimpleRNN and an LSTM,
        // clipped.
        QTest::newRow("firstbit RNN into LSTM, Adam, clipping")
            << "firstbit:8:n=400"
            << "rnn:8:tanh:orthogonal,lstm:6,seq:last"
            << ""
            << "adam" << 0.01 << 20 << 8 << "clip";
        // Many-to-many: 240 sequences in batches of 20, a target at each of the 8 steps: 72 steps.
        QTest::newRow("sine at every step, LSTM, Adam") << "sine:targets=every,window=8,n=300"
                                                        << "lstm:6,seq:many"
                                                        << ""
                                                        << "adam" << 0.01 << 20 << 6 << "";
        QTest::newRow("Fashion-MNIST, augmented, AdaGrad")
            << "fashion-mnist:n=640,ntest=100"
            << "dense:32:sigmoid"
            << ""
            << "adagrad" << 0.01 << 64 << 10 << "augment";
    }
    void learningCurvesAgree() {
        QFETCH(QString, dataset);
        QFETCH(QString, layers);
        QFETCH(QString, loss);
        QFETCH(QString, optimizer);
        QFETCH(double, learningRate);
        QFETCH(int, batch);
        QFETCH(int, epochs);
        QFETCH(QString, extra);
        if (dataset.startsWith("fashion-mnist") &&
            !QFile::exists(QString::fromLatin1(kFashionMnist)))
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        const auto data = kototest::dataset(dataset.toStdString());
        const NetworkSpec spec =
            networkSpecFromTokens(layers.toStdString(), *data,
                                  loss.isEmpty() ? std::nullopt : lossFromName(loss.toStdString()));
        TrainingSettings settings;
        settings.optimizer = optimizer.toStdString();
        settings.learningRate = learningRate;
        settings.batchSize = batch;
        settings.epochs = epochs;
        if (extra == "penalties") {
            settings.l1 = 1e-4;
            settings.l2 = 1e-3;
            settings.regularizeBiases = true;
        }
        if (extra == "clip") settings.clipNorm = 0.5;
        if (extra == "augment")
            settings.augment = "translate=2,rotate=10,flip,brightness=0.1,contrast=0.2";

        CpuBackend cpu;
        const std::vector<EpochMetrics> expected = trainOn(cpu, data, spec, settings);
        const std::vector<EpochMetrics> actual = trainOn(*gpu_, data, spec, settings);
        QCOMPARE(actual.size(), expected.size());
        QCOMPARE(actual.size(), static_cast<size_t>(epochs));
        for (size_t i = 0; i < expected.size(); ++i) {
            const auto explain = [&](const char* what, double e, double a) {
                return QStringLiteral("epoch %1 %2 loss: CPU %3, OpenCL %4")
                    .arg(i + 1)
                    .arg(what)
                    .arg(e, 0, 'g', 9)
                    .arg(a, 0, 'g', 9);
            };
            const double trainCpu = expected[i].train.loss, trainGpu = actual[i].train.loss;
            const double testCpu = expected[i].test.loss, testGpu = actual[i].test.loss;
            QVERIFY2(std::abs(trainCpu - trainGpu) <= kLossTolerance,
                     qPrintable(explain("training", trainCpu, trainGpu)));
            QVERIFY2(std::abs(testCpu - testGpu) <= kLossTolerance,
                     qPrintable(explain("test", testCpu, testGpu)));
        }
        // Training did something: the loss fell.
        QVERIFY(actual.back().train.loss < actual.front().train.loss);
    }

    // Part 12's models: a tied, denoising autoencoder (a network: its learning curve) and an RBM
    // trained by CD-2 (Gibbs sampling with the same random numbers on both backends).
    void unsupervisedModelsAgree() {
        if (!QFile::exists(QString::fromLatin1(kFashionMnist)))
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        const auto images = kototest::dataset("fashion-mnist:n=400,ntest=100");
        TrainingSettings settings;
        settings.batchSize = 20;
        settings.epochs = 3;
        settings.learningRate = 0.05;
        AutoencoderOptions options = AutoencoderOptions::parse("32:sigmoid");
        options.tied = true;
        options.denoise = 0.1;
        const auto reconstruction = std::make_shared<const Dataset>(reconstructionDataset(*images));
        CpuBackend cpu;
        const std::vector<EpochMetrics> expected =
            trainOn(cpu, reconstruction, autoencoderSpec(784, options), settings);
        const std::vector<EpochMetrics> actual =
            trainOn(*gpu_, reconstruction, autoencoderSpec(784, options), settings);
        QCOMPARE(actual.size(), size_t{3});
        for (size_t i = 0; i < expected.size(); ++i)
            QVERIFY2(std::abs(expected[i].train.loss - actual[i].train.loss) <=
                         kLossTolerance * expected[i].train.loss,
                     qPrintable(QStringLiteral("autoencoder epoch %1: CPU %2, OpenCL %3")
                                    .arg(i + 1)
                                    .arg(expected[i].train.loss)
                                    .arg(actual[i].train.loss)));

        auto rbmCurve = [&](Backend& backend) {
            Rbm rbm(backend, {784, 16}, settings.batchSize);
            rbm.initialize(settings.seed);
            const auto optimizer = makeOptimizer(settings);
            RbmTrainer trainer(rbm, *optimizer, *images, settings, {2, false});
            trainer.train(settings.epochs);
            return trainer.curve();
        };
        const std::vector<RbmEpochMetrics> cpuRbm = rbmCurve(cpu), gpuRbm = rbmCurve(*gpu_);
        QCOMPARE(gpuRbm.size(), size_t{3});
        for (size_t i = 0; i < cpuRbm.size(); ++i) {
            QVERIFY2(
                std::abs(cpuRbm[i].trainReconstructionError - gpuRbm[i].trainReconstructionError) <=
                    1e-4,
                qPrintable(QStringLiteral("RBM epoch %1 reconstruction error: CPU %2, OpenCL %3")
                               .arg(i + 1)
                               .arg(cpuRbm[i].trainReconstructionError)
                               .arg(gpuRbm[i].trainReconstructionError)));
            QVERIFY2(std::abs(cpuRbm[i].trainFreeEnergy - gpuRbm[i].trainFreeEnergy) <=
                         1e-3 * std::abs(cpuRbm[i].trainFreeEnergy),
                     qPrintable(QStringLiteral("RBM epoch %1 free energy: CPU %2, OpenCL %3")
                                    .arg(i + 1)
                                    .arg(cpuRbm[i].trainFreeEnergy)
                                    .arg(gpuRbm[i].trainFreeEnergy)));
        }
        QVERIFY(gpuRbm.back().trainReconstructionError < gpuRbm.front().trainReconstructionError);
    }
};

QTEST_APPLESS_MAIN(TestOpenClTraining)
#include "test_opencl_training.moc"
