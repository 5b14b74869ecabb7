#pragma once
// The GUI's handle on training. It starts a TrainingWorker on its own thread for each run,
// forwards Play / Pause / Step / Reset to the shared TrainingControl, passes live settings, and
// hands the views the snapshots of the current run. It never touches the network itself.

#include <QObject>
#include <QTimer>
#include <chrono>
#include <memory>
#include <thread>

#include "training/snapshot_mailbox.h"
#include "training/traced_step_exchange.h"
#include "training/training_worker.h"

namespace koto::gui {

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    // Starts a new run, paused at its initial weights (from settings.seed), or carrying on from
    // a saved project of this spec (its weights, epoch and step counters and learning curve).
    void start(const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
               const TrainingSettings& settings,
               std::shared_ptr<const Project> continueFrom = nullptr);
    // Starts a run going on from a checkpoint of a run (a fork, or a kept run taken up again),
    // paused there.
    void startFrom(const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
                   const TrainingSettings& settings, std::shared_ptr<const RunStart> checkpoint);
    // The same run again from the same initial weights (of the seed, also after a project), or
    // a fork again from its checkpoint.
    void reset();
    // Pauses and shows the run's checkpoint of this epoch in every view (-1: the run as it
    // stands); Play and the steps go on from where the run stands.
    void showEpoch(int64_t epoch);

    void play();
    void pause();
    void stepBatch();
    void stepEpoch();
    bool isPlaying() const { return playing_; }

    void setLearningRate(double rate);
    void setMomentum(double momentum);
    void setEpochsPerSecond(double epochsPerSecond);  // 0: full speed
    // Pause after this many steps in total (0: never); for scripted runs and screenshots.
    void setStepLimit(int64_t steps);
    // Where the next run computes (start() or reset() makes it).
    void setComputeDevice(const ComputeDevice& device) { request_.device = device; }
    const ComputeDevice& computeDevice() const { return request_.device; }
    // The CPU's threads (0: every core), at once, also for the run training now: the results
    // are the same with any number (backend/cpu_parallel.h).
    void setCpuThreads(int threads) { request_.compute->setCpuThreads(threads); }

    // Pauses, then makes one real training step recorded stage by stage, on one training
    // sample (or the next mini-batch for -1); traceReady() brings the trace. For the
    // step-through inspector.
    void traceStep(int32_t sample = -1);

    // Asks the training thread for the run as a project, for a save that needs it now: waits for
    // the training thread to hand the run over (between two steps, or at once while it waits) and
    // delivers that snapshot (snapshotReady, its savedRun) before it returns. No event loop runs
    // meanwhile, so nothing else happens in the GUI. False if the thread did not answer within the
    // time (or there is no run).
    bool handOverSavedRun(std::chrono::milliseconds timeout);

    // Whether the snapshots carry the network's insides (feature maps, recurrent states) for a view
    // that is shown, and for which test sample; a waiting thread posts a fresh snapshot with them.
    void setInsidesWanted(bool wanted);
    void setInsideSample(int64_t sample);
    // Whether the snapshots carry every parameter's W, dJ/dW and ΔW, for the weights view; a
    // waiting thread posts a fresh snapshot with them.
    void setWeightsWanted(bool wanted);
    // Whether the snapshots carry the network's output for one test sample, for the output
    // probabilities view, and for which; a waiting thread posts a fresh snapshot with it.
    void setOutputWanted(bool wanted);
    void setOutputSample(int64_t sample);
    // Whether the snapshots carry each unit's output over the plane and the weights, for the
    // network diagram; a waiting thread posts a fresh snapshot with them.
    void setNetworkWanted(bool wanted);
    // Whether the snapshots carry what dropout and noise did to the latest mini-batch.
    void setStochasticWanted(bool wanted);
    // Sets one weight (parameter "dense_1.W", element row * cols + col) of the run; applied on
    // the training thread before its next step, or at once while it waits paused, which then
    // posts a snapshot drawn with it.
    void editWeight(const std::string& parameter, int64_t index, float value);

signals:
    void snapshotReady(std::shared_ptr<const koto::gui::TrainingSnapshot> snapshot);
    void playingChanged(bool playing);
    void traceReady(std::shared_ptr<const koto::StepTrace> trace);

private:
    // Asks the training thread for the run as a project: one of the next snapshots carries it
    // (savedRun), soon, whether training runs or waits.
    void requestSavedRun();
    void deliverSnapshot();
    void launch();  // the request as it stands
    void launch(const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
                const TrainingSettings& settings);
    void stopThread();
    void setPlaying(bool playing);

    RunRequest request_;
    std::shared_ptr<TrainingControl> control_;
    std::shared_ptr<LiveSettings> live_ = std::make_shared<LiveSettings>();
    SnapshotMailbox mailbox_;
    QTimer poll_;  // takes the latest snapshot at the screen's pace
    // A std::thread rather than a QThread: its join is visible to ThreadSanitizer, Qt's wait is
    // not.
    std::thread thread_;
    std::shared_ptr<TracedStepExchange> traces_;  // this run's
    bool playing_ = false;
};

}  // namespace koto::gui
