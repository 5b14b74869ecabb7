#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <memory>

#include "arguments.h"
#include "backend_choice.h"
#include "commands.h"
#include "data/augmentation.h"
#include "data/dataset_spec.h"
#include "io/atomic_file.h"
#include "io/layer_tokens.h"
#include "io/project_file.h"
#include "metrics_output.h"
#include "model_training.h"
#include "standard_output.h"
#include "training/cpu_fallback.h"
#include "training/learning_rate_schedule.h"
#include "training/project_capture.h"
#include "training/run_history.h"
#include "training/training_run.h"
#include "training/training_settings.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto::cli {
namespace {

// Prints each epoch: every one as JSON, or about twenty readable lines over the run.
class EpochPrinter final : public TrainingObserver {
public:
    EpochPrinter(bool json, int64_t epochs, int64_t epochOffset)
        : json_(json), every_(std::max<int64_t>(1, epochs / 20)), offset_(epochOffset) {}
    void afterEpoch(const EpochMetrics& metrics) override {
        EpochMetrics shown = metrics;
        shown.epoch += offset_;
        if (json_) std::cout << metricsJson(shown).dump() << '\n';
        else if (metrics.epoch % every_ == 0 || metrics.epoch == 1)
            std::cout << metricsLine(shown) << '\n';
        checkStandardOutput();  // stops training when nobody can read it
    }

private:
    bool json_;
    int64_t every_;
    int64_t offset_;
};

// The curriculum's print_period: every N batches, the cost and error rate on the test data with
// the weights of that moment.
class PeriodPrinter final : public TrainingObserver {
public:
    PeriodPrinter(Trainer& trainer, int64_t period, bool json, int64_t epochOffset)
        : trainer_(trainer), period_(period), json_(json), offset_(epochOffset) {}
    void afterStep(const StepReport& report) override {
        if (report.batch % period_ != 0) return;
        const SplitMetrics test = trainer_.evaluateTest();
        const int64_t epoch = report.epoch + 1 + offset_;
        if (json_) {
            nlohmann::ordered_json line{{"epoch", epoch},
                                        {"batch", report.batch},
                                        {"step", report.step},
                                        {"batch_loss", report.loss},
                                        {"test_loss", test.loss}};
            if (trainer_.dataset().task == Task::Classification)
                line["test_error_rate"] = test.errorRate;
            else line["test_rmse"] = test.rmse;
            std::cout << line.dump() << '\n';
        } else if (trainer_.dataset().task == Task::Classification) {
            std::printf(
                "epoch %5lld batch %6lld  batch loss %.5f  test cost %.5f error rate %.4f\n",
                static_cast<long long>(epoch), static_cast<long long>(report.batch), report.loss,
                test.loss, test.errorRate);
        } else {
            std::printf("epoch %5lld batch %6lld  batch loss %.5f  test cost %.5f rmse %.4f\n",
                        static_cast<long long>(epoch), static_cast<long long>(report.batch),
                        report.loss, test.loss, test.rmse);
        }
        checkStandardOutput();
    }

private:
    Trainer& trainer_;
    int64_t period_;
    bool json_;
    int64_t offset_;
};

// The test set's confusion matrix as a table: rows the true classes, columns the predicted ones.
void printConfusion(const ConfusionMatrix& matrix, const Dataset& dataset) {
    std::cout << "confusion matrix on the test data (rows: true class, columns: predicted class)\n";
    const std::vector<double> accuracy = matrix.perClassAccuracy();
    for (int64_t t = 0; t < matrix.classes; ++t) {
        std::printf("%14.14s", dataset.classNames.size() > static_cast<size_t>(t)
                                   ? dataset.classNames[static_cast<size_t>(t)].c_str()
                                   : "");
        for (int64_t p = 0; p < matrix.classes; ++p)
            std::printf(" %6lld", static_cast<long long>(matrix.at(t, p)));
        std::printf("   accuracy %.4f\n", accuracy[static_cast<size_t>(t)]);
    }
    std::fflush(stdout);
}

}  // namespace

std::optional<LossKind> lossOption(const Arguments& args) {
    const auto text = args.optionalText("loss");
    if (!text) return std::nullopt;
    const auto loss = lossFromName(*text);
    if (!loss) throw UsageError("--loss must be ce, bce or mse, not " + inQuotes(*text));
    return loss;
}

namespace {

// The flag that sets each training setting.
const char* flagOf(TrainingSetting setting) {
    switch (setting) {
    case TrainingSetting::LearningRate: return "lr";
    case TrainingSetting::BatchSize: return "batch";
    case TrainingSetting::Epochs: return "epochs";
    case TrainingSetting::Seed: return "seed";
    case TrainingSetting::Optimizer: return "optimizer";
    case TrainingSetting::Momentum: return "momentum";
    case TrainingSetting::Decay: return "decay";
    case TrainingSetting::Schedule: return "schedule";
    case TrainingSetting::L1: return "l1";
    case TrainingSetting::L2: return "l2";
    case TrainingSetting::RegularizeBiases: return "regularize-biases";
    case TrainingSetting::Validation: return "validation";
    case TrainingSetting::Patience: return "early-stop";
    case TrainingSetting::Augment: return "augment";
    case TrainingSetting::ClipNorm: return "clip-norm";
    }
    return "";
}

// A whole number as the flag writes it; its range is the setting's rule, checked with the rest.
int64_t wholeFlag(const Arguments& args, TrainingSetting setting, int64_t fallback) {
    const auto limit = std::numeric_limits<int64_t>::max();
    return args.integer(flagOf(setting), fallback, std::numeric_limits<int64_t>::min(), limit);
}

}  // namespace

TrainingSettings settingsFrom(const Arguments& args, TrainingSettings settings) {
    using S = TrainingSetting;
    settings.learningRate = args.number("lr", settings.learningRate);
    settings.batchSize = wholeFlag(args, S::BatchSize, settings.batchSize);
    settings.epochs = wholeFlag(args, S::Epochs, settings.epochs);
    if (const auto seed = args.optionalText("seed")) {
        // Every uint64_t is a seed; a whole number below 0 breaks the seed's rule.
        const char* end = seed->data() + seed->size();
        const auto read = std::from_chars(seed->data(), end, settings.seed);
        if (read.ec != std::errc() || read.ptr != end) {
            int64_t whole = 0;
            const auto signedRead = std::from_chars(seed->data(), end, whole);
            if (signedRead.ec == std::errc() && signedRead.ptr == end && whole < 0)
                throw UsageError(settingProblem(S::Seed, *seed).messageFor("--seed"));
            throw UsageError("--seed needs a whole number, not " + inQuotes(*seed));
        }
    }
    settings.optimizer = args.text("optimizer", settings.optimizer);
    settings.momentum = args.number("momentum", settings.momentum);
    settings.decay = args.number("decay", settings.decay);
    settings.l1 = args.number("l1", settings.l1);
    settings.l2 = args.number("l2", settings.l2);
    if (args.has("regularize-biases")) settings.regularizeBiases = true;
    settings.patience = wholeFlag(args, S::Patience, settings.patience);
    settings.validation =
        args.number("validation",
                    settings.patience > 0 && settings.validation == 0 ? 0.2 : settings.validation);
    settings.clipNorm = args.number("clip-norm", settings.clipNorm);
    settings.augment = args.text("augment", settings.augment);
    settings.schedule = args.text("schedule", settings.schedule);
    // The rules are core's, shared with project files (training_settings.h). A project's own
    // settings were checked as it was read, so a broken rule is a flag's, named as such.
    if (const std::optional<SettingProblem> problem = findSettingsProblem(settings)) {
        const std::string flag = flagOf(problem->setting);
        if (args.has(flag)) throw UsageError(problem->messageFor("--" + flag));
        throw InputError(problem->messageFor(std::string(trainingSettingKey(problem->setting))));
    }
    settings.augment = Augmentation::parse(settings.augment).text();
    settings.schedule = LearningRateSchedule::parse(settings.schedule).text();
    return settings;
}

int trainCommand(const Words& words) {
    const Arguments args(words, {"dataset",    "layers",          "loss",         "optimizer",
                                 "momentum",   "decay",           "schedule",     "lr",
                                 "batch",      "epochs",          "seed",         "backend",
                                 "save",       "project",         "l1",           "l2",
                                 "validation", "early-stop",      "augment",      "print-period",
                                 "clip-norm",  "model",           "denoise",      "cd",
                                 "pretrain",   "pretrain-epochs", "pretrain-data"},
                         {"json", "regularize-biases", "confusion", "tied", "persistent"});
    // A --save that could never be written (a device, a FIFO, a folder) is refused now, not after
    // the training it would keep.
    if (const auto path = args.optionalText("save")) checkWritableTarget(*path);
    // An autoencoder or an RBM rather than a classifier or regression network (model_training.h).
    if (args.has("model")) return trainModel(args);
    const std::optional<PretrainChoice> pretrain = pretrainChoice(args);
    const BackendChoice backendChoice = parseBackendChoice(args.text("backend", "cpu"));

    std::unique_ptr<Project> earlier;
    NetworkSpec spec;
    TrainingSettings settings;
    std::string datasetText = args.text("dataset", "spiral");
    if (const auto projectPath = args.optionalText("project")) {
        if (args.has("layers") || args.has("loss"))
            throw UsageError("--project already holds the network: drop --layers and --loss");
        earlier = std::make_unique<Project>(loadProject(*projectPath));
        if (earlier->model != ModelKind::Network)
            throw InputError(
                printablePath(*projectPath) + ": the project holds an " +
                std::string(modelKindName(earlier->model)) +
                "; --project carries on training classification and regression networks only");
        spec = earlier->network;
        settings = earlier->training;
        if (!args.has("dataset")) datasetText = earlier->dataset;
    }
    settings = settingsFrom(args, settings);
    auto dataset = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(datasetText)));
    if (!earlier)
        spec =
            networkSpecFromTokens(args.text("layers", kDefaultLayers), *dataset, lossOption(args));
    if (args.has("confusion") && dataset->task != Task::Classification)
        throw UsageError("--confusion needs classes, and " + dataset->name +
                         " is a regression dataset");

    const bool json = args.has("json");
    const int64_t epochOffset = earlier ? earlier->epochsTrained : 0;
    EpochPrinter printer(json, settings.epochs, epochOffset);
    // The history's keeper and the printers watch each run: the first, and the CPU's after a
    // device failed, which goes on with the same history.
    class Watchers final : public RunWatcher {
    public:
        Watchers(EpochPrinter& epochs, const Arguments& args, bool json, int64_t epochOffset)
            : epochs_(epochs), args_(args), json_(json), epochOffset_(epochOffset) {}
        const RunHistory& history() const { return history_; }
        void watch(TrainingRun& run, bool resumed) override {
            if (!resumed) {
                reportOpenClUse(run.network().backend(), "training");
                history_ = historyFor(run);
            }
            keeper_ = std::make_unique<HistoryKeeper>(run.trainer(), history_);
            run.trainer().addObserver(keeper_.get());
            run.trainer().addObserver(&epochs_);
            if (args_.has("print-period")) {
                period_ = std::make_unique<PeriodPrinter>(
                    run.trainer(), args_.integer("print-period", 0, 1, 1'000'000'000), json_,
                    epochOffset_);
                run.trainer().addObserver(period_.get());
            }
        }
        void unwatch() override {
            period_.reset();
            keeper_.reset();
        }

    private:
        EpochPrinter& epochs_;
        const Arguments& args_;
        bool json_;
        int64_t epochOffset_;
        std::unique_ptr<PeriodPrinter> period_;
        RunHistory history_;
        std::unique_ptr<HistoryKeeper> keeper_;
    } watchers(printer, args, json, epochOffset);

    // The place holds the backend: made before the run, so that the run goes first.
    CliComputePlace place(makeBackend(backendChoice, "training"), "training", epochOffset,
                          earlier ? earlier->stepsTrained : 0);
    FallbackTraining::Plan plan{spec, dataset, settings, nullptr, settings.epochs, nullptr};
    plan.prepare = [&](TrainingRun& made) {
        if (earlier && !earlier->weights.empty()) restoreWeights(made.network(), earlier->weights);
        if (pretrain) pretrainClassifier(made.network(), made.dataset(), settings, *pretrain, json);
    };
    FallbackTraining training(std::move(plan), watchers);
    auto save = [&] {  // with the run's history, to scrub back and animate in the app
        if (const auto path = args.optionalText("save"))
            saveProject(captureProject(training.run().trainer(), datasetText, watchers.history(),
                                       earlier.get()),
                        *path);
    };
    try {
        trainWithCpuFallback(place, training);
    } catch (const DivergenceError&) {
        save();
        throw;
    }
    save();
    TrainingRun& run = training.run();

    // After early stopping the weights are the best epoch's: measure those.
    Trainer& trainer = run.trainer();
    EpochMetrics final = trainer.curve().empty() || trainer.stoppedEarly()
                             ? trainer.evaluate()
                             : trainer.curve().latest();
    const Project summary = captureProject(trainer, datasetText, earlier.get());
    final.epoch = summary.epochsTrained;
    final.steps = summary.stepsTrained;
    if (json) {
        nlohmann::ordered_json last = metricsJson(final);
        last["final"] = true;
        if (settings.patience > 0) {
            last["stopped_early"] = trainer.stoppedEarly();
            last["best_epoch"] = trainer.bestEpoch() + (earlier ? earlier->epochsTrained : 0);
        }
        last["dataset"] = datasetText;
        last["layers"] = hiddenLayerTokens(spec);
        if (args.has("confusion")) {
            const ConfusionMatrix matrix = trainer.confusion(Trainer::Part::Test);
            nlohmann::ordered_json rows = nlohmann::ordered_json::array();
            for (int64_t t = 0; t < matrix.classes; ++t)
                rows.push_back(
                    std::vector<int64_t>(matrix.counts.begin() + t * matrix.classes,
                                         matrix.counts.begin() + (t + 1) * matrix.classes));
            last["confusion"] = rows;
            nlohmann::ordered_json perClass = nlohmann::ordered_json::array();
            for (double a : matrix.perClassAccuracy())
                perClass.push_back(std::isnan(a) ? nlohmann::ordered_json()
                                                 : nlohmann::ordered_json(a));
            last["per_class_accuracy"] = perClass;
        }
        std::cout << last.dump() << '\n';
    } else {
        std::cout << "final: " << metricsLine(final) << '\n';
        if (args.has("confusion"))
            printConfusion(trainer.confusion(Trainer::Part::Test), run.dataset());
        if (trainer.stoppedEarly())
            std::cout << "stopped early: the validation loss was lowest at epoch "
                      << trainer.bestEpoch() << ", whose weights are kept\n";
    }
    return 0;
}

}  // namespace koto::cli
