// Run / pause / step / stop: a training thread obeys a TrainingControl set from another thread
// (in the app, the GUI's). Every wait here has a timeout, and every test stops and joins its
// training thread, so a broken control fails the test instead of hanging it.

#include <QtTest>

#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "backend/cpu_backend.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "koto_test_support.h"
#include "training/training_run.h"

using namespace koto;
using namespace std::chrono_literals;
using kototest::firstDifference;
using kototest::sameWeights;

namespace {

constexpr auto kTimeout = 10s;

// What the training thread has done so far, read by the test thread under a lock.
class Progress final : public TrainingObserver {
public:
    struct LayerVisit {
        Pass pass;
        int layer;
    };

    void beforeLayer(Pass pass, int layerIndex) override {
        std::lock_guard lock(mutex);
        layerVisits.push_back({pass, layerIndex});
        changed.notify_all();
        if (onBeforeLayer) onBeforeLayer(pass, layerIndex, steps);
    }
    void afterStep(const StepReport& report) override {
        std::lock_guard lock(mutex);
        steps = report.step;
        lastBatch = report.batch;
        if (keepWeights) weights = captureWeights(*keepWeights);
        changed.notify_all();
        if (onStep) onStep(report);
    }
    void afterEpoch(const EpochMetrics& metrics) override {
        std::lock_guard lock(mutex);
        epochs = metrics.epoch;
        changed.notify_all();
    }
    // Called by the control on the training thread each time it is about to wait.
    void paused(Boundary boundary) {
        std::lock_guard lock(mutex);
        ++pauses;
        lastPause = boundary;
        changed.notify_all();
    }

    // Waits until `done` holds (under the lock); false after the timeout.
    template <typename Predicate>
    bool waitFor(Predicate done) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, kTimeout, done);
    }
    template <typename T>
    T read(const T& field) {
        std::lock_guard lock(mutex);
        return field;
    }

    std::mutex mutex;
    std::condition_variable changed;
    int64_t steps = 0, epochs = 0, lastBatch = -1;
    int pauses = 0;
    Boundary lastPause = Boundary::Layer;
    std::vector<LayerVisit> layerVisits;
    Network* keepWeights = nullptr;
    std::vector<SavedTensor> weights;
    // Hooks run on the training thread (with the lock held).
    std::function<void(Pass, int, int64_t)> onBeforeLayer;
    std::function<void(const StepReport&)> onStep;
};

// A training run on xor (250 training samples, batch 10: 25 steps an epoch) on its own thread,
// with a control and a Progress observer. The destructor stops and joins.
class Session {
public:
    explicit Session(TrainingControl::State initial,
                     const std::string& layers = "dense:4:tanh,dense:4:tanh")
        : control(initial), data(kototest::dataset("xor")),
          run(backend, networkSpecFromTokens(layers, *data), data, settings(), &control) {
        control.setPauseCallback([this](Boundary boundary) { progress.paused(boundary); });
        run.trainer().addObserver(&progress);
    }
    ~Session() { finish(); }

    void start(int64_t epochs) {
        std::promise<Trainer::Outcome> promise;
        outcome = promise.get_future();
        thread = std::thread([this, epochs, promise = std::move(promise)]() mutable {
            try {
                promise.set_value(run.trainer().train(epochs));
            } catch (...) {
                promise.set_exception(std::current_exception());
            }
        });
    }
    // Whether train() has returned within the timeout.
    bool endsWithin(std::chrono::milliseconds limit) {
        return outcome.valid() && outcome.wait_for(limit) == std::future_status::ready;
    }
    // Stops and joins; a thread that ignores stop() would hang the test, so give up loudly.
    void finish() {
        if (!thread.joinable()) return;
        control.stop();
        if (outcome.valid() && outcome.wait_for(kTimeout) != std::future_status::ready)
            qFatal("the training thread did not end within 10 s of stop()");
        thread.join();
    }

    static TrainingSettings settings() {
        TrainingSettings s;
        s.learningRate = 0.03;
        s.batchSize = 10;
        return s;
    }

    TrainingControl control;
    Progress progress;
    CpuBackend backend;
    std::shared_ptr<const Dataset> data;
    TrainingRun run;
    std::thread thread;
    std::future<Trainer::Outcome> outcome;
};

}  // namespace

class TestTrainingControl : public QObject {
    Q_OBJECT

private slots:
    void controlStates();
    void pausedTrainingDoesNotStep();
    void batchStepAdvancesExactlyOneStep();
    void epochStepFinishesTheEpoch();
    void aStepAskedBeforeTrainingBeginsIsAWholeStep();
    void layerStepPausesBetweenLayers();
    void pauseWhileRunningKeepsWholeSteps();
    void stopEndsPausedTraining();
    void stopEndsRunningTrainingPromptly();
    void stopMidEpochFromAnObserver();
    void stopBetweenLayersUpdatesNothing();
    void aPausedThreadCallsItsCallbackAgainOnRequest();
};

// The control's own rules, without a thread.
void TestTrainingControl::controlStates() {
    TrainingControl control;
    QCOMPARE(control.state(), TrainingControl::State::Running);
    QVERIFY(control.permit(Boundary::Batch));
    control.pause();
    QCOMPARE(control.state(), TrainingControl::State::Paused);
    // While paused, a layer boundary does not wait unless layer stepping was asked for.
    QVERIFY(control.permit(Boundary::Layer));
    control.run();
    QCOMPARE(control.state(), TrainingControl::State::Running);
    control.stop();
    QCOMPARE(control.state(), TrainingControl::State::Stopped);
    QVERIFY(!control.permit(Boundary::Layer));
    QVERIFY(!control.permit(Boundary::Batch));
    QVERIFY(!control.permit(Boundary::Epoch));
    // Stopped is final.
    control.run();
    control.pause();
    control.step(Boundary::Batch);
    QCOMPARE(control.state(), TrainingControl::State::Stopped);
    QVERIFY(!control.permit(Boundary::Batch));
}

void TestTrainingControl::pausedTrainingDoesNotStep() {
    Session session(TrainingControl::State::Paused);
    session.start(5);
    // The thread reaches the first epoch boundary and waits there.
    QVERIFY(session.progress.waitFor([&] { return session.progress.pauses == 1; }));
    QCOMPARE(session.progress.read(session.progress.lastPause), Boundary::Epoch);
    std::this_thread::sleep_for(100ms);
    QCOMPARE(session.progress.read(session.progress.steps), int64_t{0});
    QVERIFY(session.progress.read(session.progress.layerVisits).empty());
    QVERIFY(!session.endsWithin(0ms));
}

void TestTrainingControl::batchStepAdvancesExactlyOneStep() {
    Session session(TrainingControl::State::Paused);
    session.start(5);
    Progress& p = session.progress;
    QVERIFY(p.waitFor([&] { return p.pauses == 1; }));
    for (int64_t k = 1; k <= 3; ++k) {
        session.control.step(Boundary::Batch);
        QVERIFY(p.waitFor([&] { return p.pauses == k + 1; }));
        QCOMPARE(p.read(p.steps), k);
        QCOMPARE(p.read(p.lastPause), Boundary::Batch);
        // No further step happens on its own.
        std::this_thread::sleep_for(20ms);
        QCOMPARE(p.read(p.steps), k);
        QCOMPARE(session.run.trainer().stepsDone(), k);  // safe: the thread waits
    }
    QCOMPARE(session.control.state(), TrainingControl::State::Paused);
}

void TestTrainingControl::epochStepFinishesTheEpoch() {
    Session session(TrainingControl::State::Paused);
    const int64_t perEpoch = session.run.trainer().batchesPerEpoch();
    QCOMPARE(perEpoch, int64_t{25});
    session.start(5);
    Progress& p = session.progress;
    QVERIFY(p.waitFor([&] { return p.pauses == 1; }));
    // Two batch steps into the epoch, then an epoch step runs it to its end.
    for (int k = 1; k <= 2; ++k) {
        session.control.step(Boundary::Batch);
        QVERIFY(p.waitFor([&] { return p.pauses == k + 1; }));
    }
    QCOMPARE(p.read(p.steps), int64_t{2});
    const int pauses = p.read(p.pauses);
    session.control.step(Boundary::Epoch);
    QVERIFY(p.waitFor([&] { return p.pauses == pauses + 1; }));
    QCOMPARE(p.read(p.steps), perEpoch);
    QCOMPARE(p.read(p.epochs), int64_t{1});
    QCOMPARE(p.read(p.lastPause), Boundary::Epoch);
    // From an epoch boundary, an epoch step is one whole epoch.
    session.control.step(Boundary::Epoch);
    QVERIFY(p.waitFor([&] { return p.pauses == pauses + 2; }));
    QCOMPARE(p.read(p.steps), 2 * perEpoch);
    QCOMPARE(p.read(p.epochs), int64_t{2});
}

// The app starts a run and may ask for a step before the training thread has reached its first
// boundary: that boundary starts the step, it does not end it with nothing done.
void TestTrainingControl::aStepAskedBeforeTrainingBeginsIsAWholeStep() {
    for (Boundary size : {Boundary::Batch, Boundary::Epoch}) {
        Session session(TrainingControl::State::Paused);
        session.control.step(size);
        session.start(5);
        Progress& p = session.progress;
        QVERIFY(p.waitFor([&] { return p.pauses == 1; }));
        QCOMPARE(p.read(p.steps),
                 size == Boundary::Batch ? int64_t{1} : session.run.trainer().batchesPerEpoch());
        QCOMPARE(p.read(p.lastPause), size);
    }
}

// With two hidden layers and the output layer, one step is 3 forward and 3 backward layers;
// a layer step runs exactly one of them and pauses before the next.
void TestTrainingControl::layerStepPausesBetweenLayers() {
    Session session(TrainingControl::State::Paused);
    QCOMPARE(session.run.network().layerCount(), 3);
    session.start(5);
    Progress& p = session.progress;
    QVERIFY(p.waitFor([&] { return p.pauses == 1; }));
    const std::vector<std::pair<Pass, int>> order{
        {Pass::Forward, 0},  {Pass::Forward, 1},  {Pass::Forward, 2}, {Pass::Backward, 2},
        {Pass::Backward, 1}, {Pass::Backward, 0}, {Pass::Forward, 0}, {Pass::Forward, 1}};
    for (size_t k = 1; k <= order.size(); ++k) {
        session.control.step(Boundary::Layer);
        QVERIFY2(p.waitFor([&] { return p.pauses == static_cast<int>(k) + 1; }),
                 qPrintable(QString::number(k)));
        const auto visits = p.read(p.layerVisits);
        QCOMPARE(visits.size(), k);
        QCOMPARE(visits.back().pass, order[k - 1].first);
        QCOMPARE(visits.back().layer, order[k - 1].second);
        // The optimizer step is taken once the backward pass has gone through every layer.
        QCOMPARE(p.read(p.steps), int64_t(k >= 6 ? 1 : 0));
    }
    // Running again leaves layer stepping: many steps follow.
    session.control.run();
    QVERIFY(p.waitFor([&] { return p.steps >= 10; }));
}

// Pausing takes effect at the next batch boundary: the network then holds the weights of whole
// steps, the same as right after the last step.
void TestTrainingControl::pauseWhileRunningKeepsWholeSteps() {
    Session session(TrainingControl::State::Running);
    Progress& p = session.progress;
    p.keepWeights = &session.run.network();
    session.start(100'000);
    QVERIFY(p.waitFor([&] { return p.steps >= 40; }));
    session.control.pause();
    QVERIFY(p.waitFor([&] { return p.pauses >= 1; }));
    const int64_t steps = p.read(p.steps);
    std::this_thread::sleep_for(50ms);
    QCOMPARE(p.read(p.steps), steps);
    const auto now = captureWeights(session.run.network());  // safe: the thread waits
    const auto afterLastStep = p.read(p.weights);
    QVERIFY2(sameWeights(now, afterLastStep), qPrintable(firstDifference(now, afterLastStep)));
    session.control.run();
    QVERIFY(p.waitFor([&] { return p.steps > steps; }));
}

void TestTrainingControl::stopEndsPausedTraining() {
    Session session(TrainingControl::State::Paused);
    session.start(5);
    QVERIFY(session.progress.waitFor([&] { return session.progress.pauses == 1; }));
    session.control.stop();
    QVERIFY(session.endsWithin(2000ms));
    QCOMPARE(session.outcome.get(), Trainer::Outcome::Stopped);
    QCOMPARE(session.progress.read(session.progress.steps), int64_t{0});
}

void TestTrainingControl::stopEndsRunningTrainingPromptly() {
    Session session(TrainingControl::State::Running);
    session.start(1'000'000);  // minutes of training if nothing stops it
    Progress& p = session.progress;
    QVERIFY(p.waitFor([&] { return p.steps >= 30; }));
    const auto stopped = std::chrono::steady_clock::now();
    session.control.stop();
    QVERIFY(session.endsWithin(2000ms));
    QVERIFY(std::chrono::steady_clock::now() - stopped < 1s);
    QCOMPARE(session.outcome.get(), Trainer::Outcome::Stopped);
    QVERIFY(session.run.trainer().epochsDone() < 1'000'000);
}

// stop() in the middle of an epoch (here at step 37, batch 12 of epoch 2) ends train() right
// after that step.
void TestTrainingControl::stopMidEpochFromAnObserver() {
    Session session(TrainingControl::State::Running);
    session.progress.onStep = [&](const StepReport& report) {
        if (report.step == 37) session.control.stop();
    };
    session.start(10);
    QVERIFY(session.endsWithin(std::chrono::milliseconds(kTimeout)));
    QCOMPARE(session.outcome.get(), Trainer::Outcome::Stopped);
    QCOMPARE(session.run.trainer().stepsDone(), int64_t{37});
    QCOMPARE(session.run.trainer().epochsDone(), int64_t{1});
    QCOMPARE(session.progress.read(session.progress.lastBatch), int64_t{11});
}

// stop() between two layers cancels the step: no weight changes.
void TestTrainingControl::stopBetweenLayersUpdatesNothing() {
    Session session(TrainingControl::State::Running);
    Progress& p = session.progress;
    p.keepWeights = &session.run.network();
    p.onBeforeLayer = [&](Pass pass, int layer, int64_t stepsDone) {
        if (stepsDone == 4 && pass == Pass::Backward && layer == 1) session.control.stop();
    };
    session.start(10);
    QVERIFY(session.endsWithin(std::chrono::milliseconds(kTimeout)));
    QCOMPARE(session.outcome.get(), Trainer::Outcome::Stopped);
    QCOMPARE(session.run.trainer().stepsDone(), int64_t{4});
    const auto now = captureWeights(session.run.network());
    const auto afterStep4 = p.read(p.weights);
    QVERIFY2(sameWeights(now, afterStep4), qPrintable(firstDifference(now, afterStep4)));
}

// The app asks a paused training thread for a fresh snapshot (to save the run): the thread calls
// its pause callback once more for each request, steps no further and still obeys a step.
void TestTrainingControl::aPausedThreadCallsItsCallbackAgainOnRequest() {
    Session session(TrainingControl::State::Paused);
    session.start(5);
    Progress& p = session.progress;
    QVERIFY(p.waitFor([&] { return p.pauses == 1; }));
    for (int calls = 2; calls <= 3; ++calls) {
        session.control.callPauseCallbackAgain();
        QVERIFY(p.waitFor([&] { return p.pauses == calls; }));
        QCOMPARE(p.read(p.lastPause), Boundary::Epoch);
    }
    std::this_thread::sleep_for(50ms);
    QCOMPARE(p.read(p.pauses), 3);
    QCOMPARE(p.read(p.steps), int64_t{0});
    session.control.step(Boundary::Batch);
    QVERIFY(p.waitFor([&] { return p.steps == 1 && p.pauses == 4; }));
}

QTEST_APPLESS_MAIN(TestTrainingControl)
#include "test_training_control.moc"
