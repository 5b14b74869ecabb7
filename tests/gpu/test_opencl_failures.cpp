// What the OpenCL backend says when it cannot be used: a DeviceError naming what failed, never a
// crash. Context creation, the kernel build and allocation are made to fail on purpose with
// KOTO_OPENCL_FAIL (gpu/opencl_forced_failure.h); a device or platform that does not exist fails
// for real. (No platform at all is tested through kotohajime-cli in test_cli: the ICD loader
// reads its platforms once per process.) A device that fails in the middle of training
// (KOTO_OPENCL_FAIL=run:N) hands its run to the CPU through a checkpoint (training/checkpoint.h).

#include <QtTest>

#include <memory>
#include <string>
#include <vector>

#include "backend/cpu_backend.h"
#include "io/layer_tokens.h"
#include "koto_test_support.h"
#include "opencl_backend.h"
#include "opencl_test_support.h"
#include "training/checkpoint.h"
#include "training/training_run.h"
#include "util/errors.h"

using namespace koto;
using kototest::firstDifference;
using kototest::sameWeights;

namespace {

// xor's 250 training points in batches of 10: 25 steps an epoch. Dropout and a learning-rate
// schedule make the resumed run depend on the step and epoch counters too.
struct XorRun {
    std::shared_ptr<const Dataset> data = kototest::dataset("xor");
    NetworkSpec spec =
        networkSpecFromTokens("dense:8:tanh,dropout:0.8,dense:8:tanh", *data, std::nullopt);
    TrainingSettings settings;
    XorRun(const std::string& optimizer = "sgd") {
        settings.optimizer = optimizer;
        settings.learningRate = 0.1;
        settings.batchSize = 10;
        settings.epochs = 5;
        settings.schedule = "step:2:0.5";
    }
    std::unique_ptr<TrainingRun> on(Backend& backend) const {
        return std::make_unique<TrainingRun>(backend, spec, data, settings);
    }
};
constexpr int64_t kStepsPerEpoch = 25;

// Trains `epochs` epochs and then `steps` more steps.
void train(Trainer& trainer, int64_t epochs, int64_t steps) {
    trainer.train(epochs);
    for (int64_t i = 0; i < steps; ++i) trainer.step();
}

// The DeviceError's message of `body`, or a note that there was none.
template <typename Body>
std::string deviceErrorOf(Body body) {
    try {
        body();
        return "no DeviceError";
    } catch (const DeviceError& error) {
        return error.what();
    }
}

// The weights at the end of every epoch, as an observer sees them.
class WeightsEachEpoch final : public TrainingObserver {
public:
    explicit WeightsEachEpoch(Network& network) : network_(network) {}
    void afterEpoch(const EpochMetrics&) override { weights.push_back(captureWeights(network_)); }
    std::vector<std::vector<SavedTensor>> weights;  // [0] after epoch 1

private:
    Network& network_;
};

// The curves' numbers (all but the seconds) agree exactly.
bool sameCurve(const std::vector<EpochMetrics>& a, const std::vector<EpochMetrics>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].epoch != b[i].epoch || a[i].steps != b[i].steps ||
            a[i].train.loss != b[i].train.loss || a[i].test.loss != b[i].test.loss ||
            a[i].train.accuracy != b[i].train.accuracy ||
            a[i].validation.loss != b[i].validation.loss)
            return false;
    return true;
}

// The DeviceError's message that making the backend (and, when given, a tensor) gives, or a note
// that there was none.
std::string failureOf(int platform, int device, bool allocate = false) {
    try {
        OpenClBackend backend(platform, device);
        if (allocate) backend.allocate({10, 784}, DType::Float32);
        return "no DeviceError";
    } catch (const DeviceError& error) {
        return error.what();
    }
}

bool mentions(const std::string& message, const char* part) {
    return message.find(part) != std::string::npos;
}

}  // namespace

class TestOpenClFailures : public QObject {
    Q_OBJECT

private:
    OpenClDevice device_;

private slots:
    void initTestCase() { KOTO_OPENCL_TEST_DEVICE(device_); }
    void cleanup() { qunsetenv("KOTO_OPENCL_FAIL"); }

    void contextCreationFails() {
        qputenv("KOTO_OPENCL_FAIL", "context");
        const std::string message = failureOf(device_.platformIndex, device_.deviceIndex);
        QVERIFY2(mentions(message, "creating the context") &&
                     mentions(message, device_.name.c_str()) &&
                     mentions(message, "CL_DEVICE_NOT_AVAILABLE") &&
                     mentions(message, "forced by KOTO_OPENCL_FAIL"),
                 message.c_str());
    }

    // A real build of a broken source: the message carries the compiler's own words.
    void kernelBuildFails() {
        qputenv("KOTO_OPENCL_FAIL", "build");
        const std::string message = failureOf(device_.platformIndex, device_.deviceIndex);
        QVERIFY2(mentions(message, "the kernels did not build") &&
                     mentions(message, "a kernel build failure forced by KOTO_OPENCL_FAIL=build"),
                 message.c_str());
    }

    void allocationFails() {
        qputenv("KOTO_OPENCL_FAIL", "allocation");
        const std::string message = failureOf(device_.platformIndex, device_.deviceIndex, true);
        QVERIFY2(mentions(message, "allocating 31360 bytes for a tensor of 10 x 784") &&
                     mentions(message, "CL_MEM_OBJECT_ALLOCATION_FAILURE") &&
                     mentions(message, "out of memory"),
                 message.c_str());
    }

    void aDeviceThatDoesNotExist() {
        const std::string message = failureOf(device_.platformIndex, 99);
        QVERIFY2(mentions(message, "has no device 99"), message.c_str());
        const std::string platform = failureOf(42, 0);
        QVERIFY2(mentions(platform, "there is no OpenCL platform 42"), platform.c_str());
    }

    void anUnknownForcedFailureIsRefused() {
        for (const char* value :
             {"everything", "run", "run:", "run:0", "run:-3", "run:x", "run:5x"}) {
            qputenv("KOTO_OPENCL_FAIL", value);
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                     OpenClBackend(device_.platformIndex, device_.deviceIndex));
        }
    }

    // run:N fails exactly the N-th launch, as CL_OUT_OF_RESOURCES, and every use of the device
    // after it, reading it included.
    void aRunFailureFailsThatLaunchAndEverythingAfter() {
        const XorRun xorRun;
        int64_t launches = 0;  // by the end of the fourth step of epoch 2, without a failure
        {
            OpenClBackend clean(device_.platformIndex, device_.deviceIndex);
            QCOMPARE(clean.launchCount(), 1);  // the GEMM warm-up
            const auto run = xorRun.on(clean);
            train(run->trainer(), 1, 4);
            launches = clean.launchCount();
        }
        qputenv("KOTO_OPENCL_FAIL",
                QByteArray::number(static_cast<qlonglong>(launches + 1)).prepend("run:"));
        OpenClBackend failing(device_.platformIndex, device_.deviceIndex);
        const auto run = xorRun.on(failing);
        train(run->trainer(), 1, 4);
        QCOMPARE(failing.launchCount(), launches);
        const std::string message = deviceErrorOf([&] { run->trainer().step(); });
        QVERIFY2(mentions(message, "CL_OUT_OF_RESOURCES") &&
                     mentions(message, "ran out of resources") &&
                     mentions(message, "forced by KOTO_OPENCL_FAIL"),
                 message.c_str());
        QCOMPARE(failing.launchCount(), launches + 1);
        QCOMPARE(run->trainer().stepsDone(), kStepsPerEpoch + 4);  // the failed step is not counted
        const std::string afterwards = deviceErrorOf([&] { captureWeights(run->network()); });
        QVERIFY2(mentions(afterwards, "copying values from the device") &&
                     mentions(afterwards, "CL_OUT_OF_RESOURCES"),
                 afterwards.c_str());
        QVERIFY(mentions(deviceErrorOf([&] {
                             failing.allocate({2, 2}, DType::Float32);
                         }),
                         "CL_OUT_OF_RESOURCES"));
    }

    // The device fails in the middle of epoch 3: the keeper gives back the end of epoch 2 (the
    // device cannot be read any more), and the CPU goes on from exactly there as one run.
    void theCpuGoesOnFromTheLastEpochCheckpoint() {
        const XorRun xorRun;
        int64_t launches = 0;
        std::vector<std::vector<SavedTensor>> cleanWeights;
        std::vector<EpochMetrics> cleanCurve;
        {
            OpenClBackend clean(device_.platformIndex, device_.deviceIndex);
            const auto run = xorRun.on(clean);
            WeightsEachEpoch each(run->network());
            run->trainer().addObserver(&each);
            train(run->trainer(), 2, 6);
            launches = clean.launchCount();
            cleanWeights = each.weights;
            cleanCurve = run->trainer().curve().points();
        }
        qputenv("KOTO_OPENCL_FAIL",
                QByteArray::number(static_cast<qlonglong>(launches + 1)).prepend("run:"));
        OpenClBackend failing(device_.platformIndex, device_.deviceIndex);
        const auto run = xorRun.on(failing);
        CheckpointKeeper keeper(run->trainer());
        run->trainer().addObserver(&keeper);
        QVERIFY_THROWS_EXCEPTION(DeviceError, run->trainer().train(xorRun.settings.epochs));
        QCOMPARE(run->trainer().stepsDone(), 2 * kStepsPerEpoch + 6);

        const TrainingCheckpoint checkpoint = keeper.recover();
        QCOMPARE(checkpoint.taken, TrainingCheckpoint::Taken::AtEpochEnd);
        QCOMPARE(checkpoint.epochs, 2);
        QCOMPARE(checkpoint.steps, 2 * kStepsPerEpoch);
        QVERIFY2(sameWeights(checkpoint.weights, cleanWeights[1]),
                 qPrintable(firstDifference(checkpoint.weights, cleanWeights[1])));

        CpuBackend cpu;
        const auto resumed =
            resumeTrainingRun(cpu, xorRun.spec, xorRun.data, xorRun.settings, checkpoint);
        Trainer& trainer = resumed->trainer();
        QVERIFY2(
            sameWeights(captureWeights(resumed->network()), checkpoint.weights),
            qPrintable(firstDifference(captureWeights(resumed->network()), checkpoint.weights)));
        QCOMPARE(trainer.epochsDone(), 2);
        QCOMPARE(trainer.stepsDone(), 2 * kStepsPerEpoch);
        QVERIFY(sameCurve(trainer.curve().points(), cleanCurve));
        QCOMPARE(trainer.train(xorRun.settings.epochs - checkpoint.epochs),
                 Trainer::Outcome::Finished);
        QCOMPARE(trainer.epochsDone(), xorRun.settings.epochs);
        QCOMPARE(trainer.stepsDone(), xorRun.settings.epochs * kStepsPerEpoch);
        const std::vector<EpochMetrics>& curve = trainer.curve().points();
        QCOMPARE(curve.size(), static_cast<size_t>(xorRun.settings.epochs));
        for (size_t i = 0; i < curve.size(); ++i) {
            QCOMPARE(curve[i].epoch, static_cast<int64_t>(i + 1));
            QCOMPARE(curve[i].steps, static_cast<int64_t>(i + 1) * kStepsPerEpoch);
        }
        QVERIFY(curve.back().train.loss < curve.front().train.loss);
    }

    // A failure before the first epoch ends: back to the initial weights, which the CPU draws
    // from the same seed.
    void beforeTheFirstEpochEndsTheCpuStartsAgain() {
        const XorRun xorRun;
        qputenv("KOTO_OPENCL_FAIL", "run:40");
        OpenClBackend failing(device_.platformIndex, device_.deviceIndex);
        const auto run = xorRun.on(failing);
        CheckpointKeeper keeper(run->trainer());
        run->trainer().addObserver(&keeper);
        QVERIFY_THROWS_EXCEPTION(DeviceError, run->trainer().train(xorRun.settings.epochs));
        QVERIFY(run->trainer().stepsDone() > 0 && run->trainer().epochsDone() == 0);
        const TrainingCheckpoint checkpoint = keeper.recover();
        QCOMPARE(checkpoint.taken, TrainingCheckpoint::Taken::AtStart);
        QCOMPARE(checkpoint.steps, 0);
        QCOMPARE(checkpoint.epochs, 0);
        QVERIFY(checkpoint.curve.empty());
        CpuBackend cpu;
        const auto fresh = xorRun.on(cpu);
        QVERIFY2(sameWeights(checkpoint.weights, captureWeights(fresh->network())),
                 qPrintable(firstDifference(checkpoint.weights, captureWeights(fresh->network()))));
    }

    // Early stopping's best epoch and its weights come along: the resumed run stops where the
    // uninterrupted one would and goes back to the same epoch's weights.
    void earlyStoppingCarriesItsBestEpoch() {
        XorRun xorRun;
        xorRun.settings.validation = 0.2;
        xorRun.settings.patience = 3;
        xorRun.settings.epochs = 60;
        xorRun.settings.schedule = "constant";
        xorRun.settings.learningRate = 0.3;  // the validation loss is lowest at about epoch 15
        int64_t bestEpoch = 0, stoppedAt = 0;
        std::vector<std::vector<SavedTensor>> cleanWeights;
        {
            OpenClBackend clean(device_.platformIndex, device_.deviceIndex);
            const auto run = xorRun.on(clean);
            WeightsEachEpoch each(run->network());
            run->trainer().addObserver(&each);
            QCOMPARE(run->trainer().train(xorRun.settings.epochs), Trainer::Outcome::StoppedEarly);
            bestEpoch = run->trainer().bestEpoch();
            stoppedAt = run->trainer().epochsDone();
            cleanWeights = each.weights;
        }
        QVERIFY2(
            bestEpoch >= 2 && stoppedAt == bestEpoch + 3,
            qPrintable(
                QStringLiteral("best epoch %1, stopped after %2").arg(bestEpoch).arg(stoppedAt)));
        // Fail two epochs after the best one: the last checkpoint is a later epoch's, and the best
        // weights are those the keeper held back.
        int64_t launches = 0;
        {
            OpenClBackend clean(device_.platformIndex, device_.deviceIndex);
            const auto run = xorRun.on(clean);
            train(run->trainer(), bestEpoch + 1, 3);
            launches = clean.launchCount();
        }
        qputenv("KOTO_OPENCL_FAIL",
                QByteArray::number(static_cast<qlonglong>(launches + 1)).prepend("run:"));
        OpenClBackend failing(device_.platformIndex, device_.deviceIndex);
        const auto run = xorRun.on(failing);
        CheckpointKeeper keeper(run->trainer());
        run->trainer().addObserver(&keeper);
        QVERIFY_THROWS_EXCEPTION(DeviceError, run->trainer().train(xorRun.settings.epochs));
        const TrainingCheckpoint checkpoint = keeper.recover();
        QCOMPARE(checkpoint.epochs, bestEpoch + 1);
        QCOMPARE(checkpoint.bestEpoch, bestEpoch);
        QVERIFY(
            sameWeights(checkpoint.bestWeights, cleanWeights[static_cast<size_t>(bestEpoch - 1)]));

        CpuBackend cpu;
        const auto resumed =
            resumeTrainingRun(cpu, xorRun.spec, xorRun.data, xorRun.settings, checkpoint);
        QCOMPARE(resumed->trainer().train(xorRun.settings.epochs - checkpoint.epochs),
                 Trainer::Outcome::StoppedEarly);
        QCOMPARE(resumed->trainer().bestEpoch(), bestEpoch);
        QCOMPARE(resumed->trainer().epochsDone(), stoppedAt);
        QVERIFY(sameWeights(captureWeights(resumed->network()),
                            cleanWeights[static_cast<size_t>(bestEpoch - 1)]));
    }

    // On one backend, a run resumed from an epoch-end checkpoint with plain gradient descent goes
    // on bit for bit as the uninterrupted run: the weights, the shuffle, dropout's masks and the
    // learning-rate schedule all continue. (Momentum would not: its velocity starts again.)
    void aResumedCpuRunIsTheUninterruptedRun() {
        const XorRun xorRun;
        CpuBackend cpu;
        const auto whole = xorRun.on(cpu);
        whole->trainer().train(xorRun.settings.epochs);

        const auto first = xorRun.on(cpu);
        first->trainer().train(2);
        const TrainingCheckpoint checkpoint =
            takeCheckpoint(first->trainer(), TrainingCheckpoint::Taken::AtEpochEnd);
        CpuBackend another;
        const auto second =
            resumeTrainingRun(another, xorRun.spec, xorRun.data, xorRun.settings, checkpoint);
        second->trainer().train(xorRun.settings.epochs - checkpoint.epochs);

        const std::vector<SavedTensor> expected = captureWeights(whole->network());
        const std::vector<SavedTensor> actual = captureWeights(second->network());
        QVERIFY2(sameWeights(actual, expected), qPrintable(firstDifference(actual, expected)));
        QVERIFY(sameCurve(second->trainer().curve().points(), whole->trainer().curve().points()));
        QCOMPARE(second->trainer().stepsDone(), whole->trainer().stepsDone());
    }

    // The forced failures are gone with the variable: the same device works.
    void worksWithoutForcedFailures() {
        OpenClBackend backend(device_.platformIndex, device_.deviceIndex);
        Tensor t = backend.allocate({3, 5}, DType::Float32);
        backend.fill(t, 2.5);
        QCOMPARE(backend.sumOfAbsolutes(t), 37.5);
        QCOMPARE(backend.name(), device_.name);
        QVERIFY(backend.kernelCompileSeconds() > 0);
    }
};

QTEST_APPLESS_MAIN(TestOpenClFailures)
#include "test_opencl_failures.moc"
