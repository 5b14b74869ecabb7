#pragma once
// The training worker's reporter (training_worker.cpp uses it): an observer on the training
// thread that applies the live settings, keeps the pace, keeps what the live views need between
// snapshots, and posts the snapshots, from the run as it stands or, while paused, from the
// checkpoint of its history the learner scrubbed back to. Private to the worker.

#include "training/training_worker.h"

#include <algorithm>
#include <limits>
#include <thread>

#include "data/playground_datasets.h"
#include "inspect/feature_maps.h"
#include "inspect/gradient_through_time.h"
#include "inspect/network_weights.h"
#include "inspect/neuron_maps.h"
#include "inspect/recurrent_states.h"
#include "inspect/step_tracer.h"
#include "inspect/stochastic_passes.h"
#include "network/parameter_edit.h"
#include "training/checkpoint.h"
#include "training/cpu_fallback.h"
#include "training/project_capture.h"
#include "training/training_run.h"
#include "util/errors.h"

namespace koto::gui {

// Observes the trainer on the training thread: applies live settings, keeps the pace and posts
// snapshots.
class TrainingWorker::Reporter final : public TrainingObserver {
public:
    // publishedEpoch: the last epoch the GUI has been sent already (a run resumed on the CPU
    // after its device failed goes on from there).
    Reporter(TrainingRun& run, const RunRequest& request, const RunHistory& history,
             TrainingControl& control, LiveSettings& live, SnapshotMailbox& mailbox,
             StepTracer& tracer, TracedStepExchange& traces, int64_t publishedEpoch)
        : run_(run), request_(request), history_(history), control_(control), live_(live),
          mailbox_(mailbox), tracer_(tracer), traces_(traces), publishedEpoch_(publishedEpoch) {
        const Dataset& data = run_.dataset();
        if (data.inputSize == 2) {
            for (int row = 0; row < kGridSize; ++row) {
                for (int column = 0; column < kGridSize; ++column) {
                    gridInputs_.push_back(static_cast<float>(cellCentre(column, kGridSize)));
                    gridInputs_.push_back(static_cast<float>(cellCentre(row, kGridSize)));
                }
            }
        }
        if (data.imageWidth > 0) {
            sampleCount_ = std::min<int64_t>(kGallerySamples, data.test.count);
            sampleInputs_ = data.test.floatInputs(0, sampleCount_, data.inputSize);
        }
        if (drawsAsNeuronMaps(run_.network())) {
            for (int row = 0; row < kUnitGridSize; ++row) {
                for (int column = 0; column < kUnitGridSize; ++column) {
                    unitGridInputs_.push_back(static_cast<float>(cellCentre(column, kUnitGridSize)));
                    unitGridInputs_.push_back(static_cast<float>(cellCentre(row, kUnitGridSize)));
                }
            }
        }
        convolutional_ = hasConvolution(run_.network());
        recurrent_ = hasRecurrentLayer(run_.network());
        initial_ = run_.trainer().evaluate();
        newPercentiles_.push_back(weightPercentiles(run_.network(), run_.trainer().epochsDone()));
        takeEvaluatedConfusion();
        lastEpochEnd_ = std::chrono::steady_clock::now();
    }

    // The learning rate and momentum as the panel has them now: Step, and the step the inspector
    // records, use a rate changed while training was paused.
    void beforeStep() override {
        applyEdits();
        const double rate = live_.learningRate.load();
        if (rate != run_.trainer().learningRate()) run_.trainer().setLearningRate(rate);
        const double momentum = live_.momentum.load();
        if (momentum != run_.trainer().settings().momentum) run_.trainer().setMomentum(momentum);
        keepWeightsBefore();
    }

    void afterStep(const StepReport& report) override {
        // The tracer, an observer before this one, has finished a traced step: hand it over
        // before the snapshot posted as training pauses after it.
        if (std::optional<StepTrace> trace = tracer_.take()) traces_.deliver(std::move(*trace));
        // Before anything else runs the network: a prediction leaves the masks behind.
        if (live_.stochasticWanted.load()) keepStochasticPasses(report.step);
        recentLoss_ = recentLoss_ < 0 ? report.loss : 0.98 * recentLoss_ + 0.02 * report.loss;
        stepLearningRate_ = report.learningRate;
        const int64_t limit = live_.stepLimit.load();
        if (limit > 0 && report.step >= limit) control_.pause();
        if (recurrent_) keepGradients(report.step);
        if (beforeStep_ == report.step) keepWeightsAfter(report.step);
        if (live_.savedRunWanted.load() ||
            std::chrono::steady_clock::now() - lastPublish_ >= kPublishInterval)
            publish();
    }

    int64_t publishedEpoch() const { return publishedEpoch_; }

    // The weights set by hand in this run since the last look, in the order they were set.
    void applyEdits() {
        for (const WeightEdit& edit : live_.edits.take()) {
            if (edit.generation != request_.generation) continue;
            try {
                setParameterValue(run_.network(), edit.parameter, edit.index, edit.value);
                edited_ = true;
            } catch (const InputError&) {
            }
        }
    }

    void afterEpoch(const EpochMetrics& metrics) override {
        takeEvaluatedConfusion();
        // The epochs the learning curve keeps (all, until it thins): sorting every parameter each
        // epoch of a run at thousands of epochs a second would cost more than the epochs.
        if (metrics.epoch % run_.trainer().curve().stride() == 0)
            newPercentiles_.push_back(weightPercentiles(run_.network(), metrics.epoch));
        keepPace();
    }

    // Posts the run as it is now, or while paused the checkpoint the learner scrubbed back to;
    // with a divergence, says where training stopped.
    void publish(const DivergenceError* divergence = nullptr) {
        const RunCheckpoint* viewed = nullptr;
        // Not while handing the run over for saving or forking: that takes the run as it stands.
        if (!divergence && !live_.savedRunWanted.load() &&
            control_.state() != TrainingControl::State::Running)
            viewed = history_.at(live_.viewedEpoch.load());
        if (!viewed) {
            publish(divergence, nullptr);
            return;
        }
        // The views draw the network: it holds the checkpoint's weights while they do, and
        // then its own again. Every picture kept from before is made afresh, both times.
        std::vector<SavedTensor> standing = captureWeights(run_.network());
        restoreWeights(run_.network(), viewed->weights);
        forgetPictures();
        publish(nullptr, viewed);
        restoreWeights(run_.network(), standing);
        forgetPictures();
    }

private:
    void publish(const DivergenceError* divergence, const RunCheckpoint* viewed) {
        TrainingSnapshot snapshot;
        Trainer& trainer = run_.trainer();
        snapshot.generation = request_.generation;
        snapshot.steps = trainer.stepsDone();
        snapshot.epochs = trainer.epochsDone();
        snapshot.batchesPerEpoch = trainer.batchesPerEpoch();
        snapshot.paused = control_.state() != TrainingControl::State::Running;
        snapshot.recentBatchLoss = recentLoss_;
        snapshot.stepLearningRate = stepLearningRate_;
        snapshot.describeCompute(run_.network().backend().name(), *request_.compute);
        const LearningCurve& curve = trainer.curve();
        snapshot.newEpochs = curve.since(publishedEpoch_);
        snapshot.latest = curve.empty() ? initial_ : curve.latest();
        const int64_t posting = snapshot.latest.epoch;
        if (!gridInputs_.empty()) {
            snapshot.gridSize = kGridSize;
            snapshot.grid = outputOverGrid();
        }
        snapshot.confusion = confusion_;
        if (sampleCount_ > 0) predictSamples(snapshot);
        if (live_.insidesWanted.load()) showInsides(snapshot);
        if (live_.weightsWanted.load() || live_.networkWanted.load()) showWeights(snapshot, viewed);
        if (live_.networkWanted.load()) showNeuronMaps(snapshot);
        if (live_.stochasticWanted.load()) {
            snapshot.stochasticPasses = stochasticPasses_;
            snapshot.stochasticStep = stochasticStep_;
        }
        if (live_.outputWanted.load()) showOutput(snapshot);
        edited_ = false;  // every view above has drawn the edited weights
        if (!viewed) {  // they belong to the curve, drawn with the run as it stands
            snapshot.newWeightPercentiles = std::move(newPercentiles_);
            newPercentiles_.clear();
        }
        snapshot.gradients = gradients_;
        snapshot.initialGradients = initialGradients_;
        snapshot.stoppedEarly = trainer.stoppedEarly();
        snapshot.bestEpoch = trainer.bestEpoch();
        if (snapshot.stoppedEarly) snapshot.paused = true;
        if (divergence) {
            snapshot.diverged = true;
            snapshot.paused = true;
            snapshot.divergenceStep = divergence->step();
            snapshot.divergenceWhere = QString::fromStdString(divergence->layer());
            snapshot.lossGrew = divergence->kind() == DivergenceError::Kind::LossGrew;
        }
        // Asked for, or the last chance: a run that diverged or stopped early ends its thread.
        if (live_.savedRunWanted.exchange(false) || divergence || snapshot.stoppedEarly)
            snapshot.savedRun = std::make_shared<const Project>(savedRun());
        for (const RunCheckpoint& checkpoint : history_.checkpoints())
            snapshot.checkpointEpochs.push_back(checkpoint.epoch);
        if (viewed) {
            snapshot.viewedEpoch = viewed->epoch;
            snapshot.latest = trainer.evaluate();
            snapshot.latest.epoch = viewed->epoch;
            snapshot.latest.steps = viewed->steps;
        }
        mailbox_.post(std::move(snapshot));
        // Only now: drawing the grid or the gallery runs the network on the device, and a device
        // that fails there must leave these epochs to the run that goes on on the CPU.
        publishedEpoch_ = posting;
        lastPublish_ = std::chrono::steady_clock::now();
    }

    // The run as a project with its history, and the run as it stands if it has gone past the
    // last checkpoint (a kept run is taken up again from there).
    Project savedRun() { return captureProject(run_.trainer(), {}, history_); }

    // The pictures kept between snapshots, made again from the network's weights when next
    // asked for (the weights changed under them).
    void forgetPictures() {
        edited_ = true;
        weights_.reset();
        updateConfusion();
    }

    static double cellCentre(int index, int gridSize) {
        const double cell = 2 * kPlaygroundExtent / gridSize;
        return -kPlaygroundExtent + (index + 0.5) * cell;
    }

    // P(class 1) for classification (the second softmax output or the sigmoid), else the value.
    std::vector<float> outputOverGrid() {
        Network& network = run_.network();
        const std::vector<float> outputs = network.predict(gridInputs_, kGridSize * kGridSize);
        const int64_t width = network.outputSize();
        const int64_t column = width >= 2 ? 1 : 0;
        std::vector<float> grid(static_cast<size_t>(kGridSize * kGridSize));
        for (size_t i = 0; i < grid.size(); ++i)
            grid[i] = outputs[i * static_cast<size_t>(width) + static_cast<size_t>(column)];
        return grid;
    }

    // What the live views of the network's insides show, for the test sample asked for: made
    // again at most kInsidesInterval apart while training runs (the views need no more), and
    // whenever training pauses or another sample is chosen.
    void showInsides(TrainingSnapshot& snapshot) {
        const Dataset& data = run_.dataset();
        if (!(convolutional_ || recurrent_) || data.test.count < 1) return;
        const int64_t sample =
            std::clamp<int64_t>(live_.insideSample.load(), 0, data.test.count - 1);
        const auto now = std::chrono::steady_clock::now();
        if (snapshot.paused || sample != insidesSample_ || now - insidesMade_ >= kInsidesInterval) {
            const std::vector<float> input = data.test.floatInputs(sample, 1, data.inputSize);
            if (convolutional_)
                featureMaps_ =
                    std::make_shared<const FeatureMaps>(computeFeatureMaps(run_.network(), input));
            if (recurrent_)
                recurrentStates_ = std::make_shared<const std::vector<RecurrentStates>>(
                    computeRecurrentStates(run_.network(), input));
            insidesSample_ = sample;
            insidesMade_ = now;
        }
        snapshot.featureSample = sample;
        snapshot.featureMaps = featureMaps_;
        snapshot.recurrentStates = recurrentStates_;
    }

    // The gradient through time as the first recurrent layer measured it in this step's backward
    // pass, before anything else runs the network. The forget gates' mean costs a download of
    // the gates: taken for the first step, while stepping, and at most once a publishing interval.
    void keepGradients(int64_t step) {
        const auto now = std::chrono::steady_clock::now();
        const bool withForgetGate = step == 1 ||
                                    control_.state() != TrainingControl::State::Running ||
                                    now - gradientsMade_ >= kPublishInterval;
        std::optional<GradientThroughTime> latest =
            latestGradientThroughTime(run_.network(), step, withForgetGate);
        if (!latest) return;
        if (withForgetGate) gradientsMade_ = now;
        else if (gradients_)
            latest->forgetGate = gradients_->forgetGate;  // the last mean stands in until the next
        gradients_ = std::make_shared<const GradientThroughTime>(std::move(*latest));
        if (step == 1) initialGradients_ = gradients_;
    }

    // ΔW = W after the step - W before it, for the weights view: W is copied before a step
    // whose update will be shown, at most kWeightsInterval apart while training runs, and before
    // every step it is asked for (Step, Step one epoch) and the last one of a step limit.
    void keepWeightsBefore() {
        beforeStep_ = 0;
        if (!live_.weightsWanted.load()) return;
        const int64_t step = run_.trainer().stepsDone() + 1;
        const int64_t limit = live_.stepLimit.load();
        if (control_.state() == TrainingControl::State::Running && step != limit &&
            std::chrono::steady_clock::now() - weightsMade_ < kWeightsInterval)
            return;
        copyParameterValues(run_.network(), weightsBefore_);
        beforeStep_ = step;
    }

    void keepWeightsAfter(int64_t step) {
        NetworkWeights weights = captureNetworkWeights(run_.network(), step);
        for (size_t p = 0; p < weights.matrices.size() && p < weightsBefore_.size(); ++p) {
            WeightMatrix& matrix = weights.matrices[p];
            const std::vector<float>& before = weightsBefore_[p];
            matrix.update.resize(matrix.values.size());
            for (size_t i = 0; i < matrix.values.size(); ++i)
                matrix.update[i] = matrix.values[i] - before[i];
        }
        weights.updateStep = step;
        weights_ = std::make_shared<const NetworkWeights>(std::move(weights));
        weightsMade_ = std::chrono::steady_clock::now();
        beforeStep_ = 0;
    }

    // The weights for the view: those kept after the latest step whose update is known while
    // training runs; taken afresh when they are older and it pauses (or a while has passed),
    // the last update known going with them (the view says of which step it is).
    void showWeights(TrainingSnapshot& snapshot, const RunCheckpoint* viewed) {
        // A checkpoint looked back at: its weights after its own steps, and no gradient, which it
        // does not keep (the network's is the latest step's).
        const int64_t step = viewed ? viewed->steps : run_.trainer().stepsDone();
        const auto now = std::chrono::steady_clock::now();
        if (!weights_ || edited_ ||
            (weights_->step != step &&
             (snapshot.paused || now - weightsMade_ >= kWeightsInterval))) {
            NetworkWeights weights = captureNetworkWeights(run_.network(), step);
            if (viewed)
                for (WeightMatrix& matrix : weights.matrices) matrix.gradient.clear();
            if (weights_ && weights_->updateStep > 0 &&
                weights_->matrices.size() == weights.matrices.size()) {
                weights.updateStep = weights_->updateStep;
                for (size_t p = 0; p < weights.matrices.size(); ++p)
                    weights.matrices[p].update = weights_->matrices[p].update;
            }
            weights_ = std::make_shared<const NetworkWeights>(std::move(weights));
            weightsMade_ = now;
        }
        snapshot.weights = weights_;
    }

    // The output of the test sample asked for, for the output probabilities view: one forward
    // pass on its row, as predictSamples and the CLI's predict make it.
    void showOutput(TrainingSnapshot& snapshot) {
        const Dataset& data = run_.dataset();
        if (data.test.count < 1) return;
        const int64_t sample =
            std::clamp<int64_t>(live_.outputSample.load(), 0, data.test.count - 1);
        const int64_t step = run_.trainer().stepsDone();
        const auto now = std::chrono::steady_clock::now();
        if (!output_ || sample != outputOf_ || snapshot.paused || edited_ ||
            (step != outputStep_ && now - outputMade_ >= kOutputInterval)) {
            Network& network = run_.network();
            const std::vector<float> input = data.test.floatInputs(sample, 1, data.inputSize);
            const std::vector<float> outputs = network.predict(input, 1);
            // seq:many answers at every time step: the last one's.
            const auto width = static_cast<ptrdiff_t>(network.outputSize());
            output_ =
                std::make_shared<const std::vector<float>>(outputs.end() - width, outputs.end());
            outputOf_ = sample;
            outputStep_ = step;
            outputMade_ = now;
        }
        snapshot.sampleOutput = output_;
        snapshot.outputSample = sample;
    }

    // What dropout and noise did in this step, for their view: every step while stepping or
    // before a step limit's pause, at most kInsidesInterval apart while training runs.
    void keepStochasticPasses(int64_t step) {
        const auto now = std::chrono::steady_clock::now();
        const int64_t limit = live_.stepLimit.load();
        if (control_.state() == TrainingControl::State::Running && step != limit &&
            now - stochasticMade_ < kInsidesInterval)
            return;
        stochasticPasses_ = std::make_shared<const std::vector<StochasticPass>>(
            captureStochasticPasses(run_.network(), kStochasticRows));
        stochasticStep_ = step;
        stochasticMade_ = now;
    }

    // Each dense unit's output over the unit grid, for the network diagram.
    void showNeuronMaps(TrainingSnapshot& snapshot) {
        if (unitGridInputs_.empty()) return;
        const int64_t step = run_.trainer().stepsDone();
        const auto now = std::chrono::steady_clock::now();
        if (!neuronMaps_ || edited_ || snapshot.paused ||
            (step != neuronMapsStep_ && now - neuronMapsMade_ >= kNetworkInterval)) {
            neuronMaps_ = std::make_shared<const NeuronMaps>(computeNeuronMaps(
                run_.network(), unitGridInputs_, kUnitGridSize * kUnitGridSize));
            neuronMapsStep_ = step;
            neuronMapsMade_ = now;
        }
        snapshot.neuronMaps = neuronMaps_;
        snapshot.unitGridSize = kUnitGridSize;
    }

    // The test part's confusion matrix, for classification with test data. As the evaluation
    // just counted it (running the network over the test part again for it cost the app a
    // quarter of its training speed), or counted afresh when the weights changed without one.
    bool showsConfusion() const {
        return run_.dataset().task == Task::Classification && run_.dataset().test.count > 0;
    }
    void takeEvaluatedConfusion() {
        if (showsConfusion()) confusion_ = run_.trainer().testConfusion().counts;
    }
    void updateConfusion() {
        if (showsConfusion()) confusion_ = run_.trainer().confusion(Trainer::Part::Test).counts;
    }

    // The class with the highest probability for each gallery image, and that probability.
    void predictSamples(TrainingSnapshot& snapshot) {
        const std::vector<float> outputs = run_.network().predict(sampleInputs_, sampleCount_);
        const auto width = static_cast<size_t>(run_.network().outputSize());
        for (size_t i = 0; i < static_cast<size_t>(sampleCount_); ++i) {
            const float* row = outputs.data() + i * width;
            if (width == 1) {  // one sigmoid unit: P(class 1)
                snapshot.samplePredictions.push_back(row[0] >= 0.5f ? 1 : 0);
                snapshot.sampleProbabilities.push_back(std::max(row[0], 1.0f - row[0]));
            } else {
                const float* best = std::max_element(row, row + width);
                snapshot.samplePredictions.push_back(static_cast<int32_t>(best - row));
                snapshot.sampleProbabilities.push_back(*best);
            }
        }
    }

    // At a chosen speed, wait out the rest of this epoch's time slot (in short naps, so that
    // pause and stop still answer at once).
    void keepPace() {
        const double perSecond = live_.epochsPerSecond.load();
        const auto now = std::chrono::steady_clock::now();
        if (perSecond > 0) {
            const auto slot = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                std::chrono::duration<double>(1.0 / perSecond));
            const auto until = lastEpochEnd_ + slot;
            while (std::chrono::steady_clock::now() < until &&
                   control_.state() == TrainingControl::State::Running) {
                std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
                    std::chrono::milliseconds(10), until - std::chrono::steady_clock::now()));
                if (std::chrono::steady_clock::now() - lastPublish_ >= kPublishInterval) publish();
            }
            lastEpochEnd_ = std::max(until, now - slot);
        } else {
            lastEpochEnd_ = now;
        }
    }

    TrainingRun& run_;
    const RunRequest& request_;
    const RunHistory& history_;
    TrainingControl& control_;
    LiveSettings& live_;
    SnapshotMailbox& mailbox_;
    StepTracer& tracer_;
    TracedStepExchange& traces_;
    std::vector<float> gridInputs_;    // 2-D data: the grid's points
    std::vector<float> unitGridInputs_;  // a dense network on 2-D data: the units' grid
    std::vector<float> sampleInputs_;  // image data: the gallery's test images
    int64_t sampleCount_ = 0;
    std::vector<int64_t> confusion_;
    bool convolutional_ = false;  // a conv network: filters and feature maps to show
    bool recurrent_ = false;      // SimpleRNN or LSTM layers: their states over time to show
    // The insides last made, for which sample and when.
    std::shared_ptr<const FeatureMaps> featureMaps_;
    std::shared_ptr<const std::vector<RecurrentStates>> recurrentStates_;
    int64_t insidesSample_ = -1;
    // The gradient through time of the latest step, of the first step, and when the forget
    // gates were last averaged.
    std::shared_ptr<const GradientThroughTime> gradients_, initialGradients_;
    std::chrono::steady_clock::time_point gradientsMade_{};
    std::chrono::steady_clock::time_point insidesMade_{};
    // The weights view's: W before the step beforeStep_ (0: not copied), the weights last made
    // and when, and the percentiles of the epochs not yet posted.
    std::vector<std::vector<float>> weightsBefore_;
    int64_t beforeStep_ = 0;
    std::shared_ptr<const NetworkWeights> weights_;
    std::chrono::steady_clock::time_point weightsMade_{};
    std::vector<EpochWeightPercentiles> newPercentiles_;
    // The output view's: the output last made, for which sample, after which step and when.
    std::shared_ptr<const std::vector<float>> output_;
    int64_t outputOf_ = -1;
    int64_t outputStep_ = -1;
    std::chrono::steady_clock::time_point outputMade_{};
    // The network diagram's: the units' outputs last made, after which step and when.
    std::shared_ptr<const NeuronMaps> neuronMaps_;
    int64_t neuronMapsStep_ = -1;
    std::chrono::steady_clock::time_point neuronMapsMade_{};
    bool edited_ = false;  // a weight was set by hand since the last snapshot
    // The dropout and noise view's: the latest step's passes, which step, and when.
    std::shared_ptr<const std::vector<StochasticPass>> stochasticPasses_;
    int64_t stochasticStep_ = 0;
    std::chrono::steady_clock::time_point stochasticMade_{};
    EpochMetrics initial_;
    int64_t publishedEpoch_;       // the last epoch posted to the GUI
    double recentLoss_ = -1;       // moving average of the mini-batch losses
    double stepLearningRate_ = 0;  // the rate the latest step used (0 before the first)
    std::chrono::steady_clock::time_point lastPublish_{};
    std::chrono::steady_clock::time_point lastEpochEnd_{};
};

}  // namespace koto::gui
