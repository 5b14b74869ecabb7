#include "model_training.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "backend_choice.h"
#include "data/dataset_spec.h"
#include "io/project_file.h"
#include "models/autoencoder.h"
#include "models/model_projects.h"
#include "models/rbm.h"
#include "models/rbm_trainer.h"
#include "standard_output.h"
#include "training/training_run.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto::cli {
namespace {

// One epoch of an autoencoder: its cost and the reconstruction error per value, (Y - X)^2
// averaged over every pixel (rmse^2 of the trainer's metrics, whatever the cost).
class ReconstructionPrinter final : public TrainingObserver {
public:
    explicit ReconstructionPrinter(bool json) : json_(json) {}
    void afterEpoch(const EpochMetrics& m) override {
        const double train = m.train.rmse * m.train.rmse, test = m.test.rmse * m.test.rmse;
        if (json_) {
            nlohmann::ordered_json line{
                {"epoch", m.epoch},           {"steps", m.steps},
                {"train_loss", m.train.loss}, {"train_reconstruction_mse", train},
                {"test_loss", m.test.loss},   {"test_reconstruction_mse", test},
                {"seconds", m.seconds}};
            std::cout << line.dump() << '\n';
        } else {
            std::printf("epoch %5lld  reconstruction MSE train %.5f test %.5f  (cost %.5f)\n",
                        static_cast<long long>(m.epoch), train, test, m.train.loss);
        }
        checkStandardOutput();
    }

private:
    bool json_;
};

void printRbmEpoch(const RbmEpochMetrics& m, bool json) {
    if (json) {
        nlohmann::ordered_json line{{"epoch", m.epoch},
                                    {"steps", m.steps},
                                    {"train_reconstruction_error", m.trainReconstructionError},
                                    {"train_free_energy", m.trainFreeEnergy},
                                    {"test_reconstruction_error", m.testReconstructionError},
                                    {"test_free_energy", m.testFreeEnergy},
                                    {"seconds", m.seconds}};
        std::cout << line.dump() << '\n';
    } else {
        std::printf("epoch %5lld  reconstruction error train %.5f test %.5f  free energy train "
                    "%.3f test %.3f\n",
                    static_cast<long long>(m.epoch), m.trainReconstructionError,
                    m.testReconstructionError, m.trainFreeEnergy, m.testFreeEnergy);
    }
    checkStandardOutput();
}

// The same limit as a project file's model.cd (io/project_file.h).
int cdSteps(const Arguments& args) {
    return static_cast<int>(args.integer("cd", 1, 1, kMaxRbmCdSteps));
}

int trainAutoencoder(const Arguments& args, const std::string& sizes, const Dataset& images,
                     const TrainingSettings& settings, const std::string& datasetText) {
    if (args.has("cd") || args.has("persistent"))
        throw UsageError("--cd and --persistent are for an RBM");
    AutoencoderOptions options;
    try {
        options = AutoencoderOptions::parse(sizes);
    } catch (const InputError& error) {
        throw UsageError(std::string("--model ") + error.what());
    }
    options.tied = args.has("tied");
    options.denoise = args.number("denoise", 0);
    if (!(options.denoise >= 0))
        throw UsageError("--denoise must be a standard deviation of at least 0");
    options.loss = lossOption(args).value_or(LossKind::MeanSquaredError);
    if (options.loss == LossKind::CrossEntropy)
        throw UsageError("an autoencoder's --loss is mse or bce");
    const NetworkSpec spec = autoencoderSpec(images.inputSize, options);
    auto data = std::make_shared<const Dataset>(reconstructionDataset(images));

    std::unique_ptr<Backend> backend =
        makeBackend(parseBackendChoice(args.text("backend", "cpu")), "training");
    std::unique_ptr<TrainingRun> run = buildWithCpuFallback(backend, "training", [&](Backend& on) {
        return std::make_unique<TrainingRun>(on, spec, data, settings);
    });
    ReconstructionPrinter printer(args.has("json"));
    run->trainer().addObserver(&printer);
    run->trainer().train(settings.epochs);
    if (const auto path = args.optionalText("save"))
        saveProject(captureAutoencoderProject(run->trainer(), datasetText), *path);
    return 0;
}

int trainRbm(const Arguments& args, const std::string& hiddenText, const Dataset& data,
             const TrainingSettings& settings, const std::string& datasetText) {
    if (args.has("tied") || args.has("denoise") || args.has("loss"))
        throw UsageError("--tied, --denoise and --loss are for an autoencoder");
    int64_t hidden = 0;
    try {
        size_t used = 0;
        hidden = std::stoll(hiddenText, &used);
        if (used != hiddenText.size()) hidden = 0;
    } catch (const std::exception&) {
        hidden = 0;
    }
    if (hidden < 1 || hidden > kMaxRbmHidden)
        throw UsageError("--model rbm:M needs the number of hidden units M (1 to " +
                         std::to_string(kMaxRbmHidden) + "), not " + inQuotes(hiddenText));
    const RbmTraining training{cdSteps(args), args.has("persistent")};
    const bool json = args.has("json");

    std::unique_ptr<Backend> backend =
        makeBackend(parseBackendChoice(args.text("backend", "cpu")), "training");
    struct Built {
        std::unique_ptr<Rbm> rbm;
        std::unique_ptr<Optimizer> optimizer;
        std::unique_ptr<RbmTrainer> trainer;
    };
    Built built = buildWithCpuFallback(backend, "training", [&](Backend& on) {
        Built made;
        made.rbm = std::make_unique<Rbm>(on, RbmShape{data.inputSize, hidden},
                                         std::min(settings.batchSize, data.train.count));
        made.rbm->initialize(settings.seed);
        made.optimizer = makeOptimizer(settings);
        made.trainer =
            std::make_unique<RbmTrainer>(*made.rbm, *made.optimizer, data, settings, training);
        return made;
    });
    built.trainer->train(settings.epochs,
                         [&](const RbmEpochMetrics& m) { printRbmEpoch(m, json); });
    if (const auto path = args.optionalText("save"))
        saveProject(captureRbmProject(*built.trainer, data, datasetText), *path);
    return 0;
}

}  // namespace

int trainModel(const Arguments& args) {
    for (const char* option : {"layers", "project", "pretrain", "pretrain-epochs", "pretrain-data",
                               "augment", "confusion", "print-period"})
        if (args.has(option))
            throw UsageError(std::string("--model trains an autoencoder or an RBM: drop --") +
                             option);
    const std::string model = args.required("model");
    const size_t colon = model.find(':');
    const std::string kind = model.substr(0, colon);
    const std::string rest = colon == std::string::npos ? "" : model.substr(colon + 1);
    if (kind != "autoencoder" && kind != "rbm")
        throw UsageError(
            "--model must be autoencoder:SIZES (as autoencoder:256,64) or rbm:M, not " +
            inQuotes(model));
    const TrainingSettings settings = settingsFrom(args, TrainingSettings{});
    const std::string datasetText = args.required("dataset");
    const Dataset data = loadDataset(DatasetSpec::parse(datasetText));
    if (kind == "autoencoder") return trainAutoencoder(args, rest, data, settings, datasetText);
    if (settings.validation > 0)
        throw UsageError("an RBM is measured on the training and test data: drop --validation");
    return trainRbm(args, rest, data, settings, datasetText);
}

std::optional<PretrainChoice> pretrainChoice(const Arguments& args) {
    const auto kindText = args.optionalText("pretrain");
    if (!kindText) {
        for (const char* option : {"pretrain-epochs", "pretrain-data", "cd", "denoise"})
            if (args.has(option))
                throw UsageError(std::string("--") + option + " needs --model or --pretrain");
        for (const char* flag : {"tied", "persistent"})
            if (args.has(flag))
                throw UsageError(std::string("--") + flag + " needs --model or --pretrain");
        return std::nullopt;
    }
    if (args.has("project"))
        throw UsageError("--pretrain starts a classifier from pre-trained weights, but --project "
                         "already has weights");
    const auto kind = pretrainKindFromName(*kindText);
    if (!kind)
        throw UsageError("--pretrain must be rbm or autoencoder, not " + inQuotes(*kindText));
    PretrainOptions options;
    options.kind = *kind;
    options.epochs = args.integer("pretrain-epochs", 5, 1, 1'000'000);
    if (*kind == PretrainKind::Rbm) {
        if (args.has("tied") || args.has("denoise"))
            throw UsageError("--tied and --denoise are for --pretrain autoencoder");
        options.cdSteps = cdSteps(args);
        options.persistent = args.has("persistent");
    } else {
        if (args.has("cd") || args.has("persistent"))
            throw UsageError("--cd and --persistent are for --pretrain rbm");
        options.tied = args.has("tied");
        options.denoise = args.number("denoise", 0);
        if (!(options.denoise >= 0))
            throw UsageError("--denoise must be a standard deviation of at least 0");
    }
    PretrainChoice choice{options, nullptr};
    if (const auto data = args.optionalText("pretrain-data"))
        choice.data = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(*data)));
    return choice;
}

void pretrainClassifier(Network& classifier, const Dataset& dataset,
                        const TrainingSettings& settings, const PretrainChoice& choice, bool json) {
    const std::string kind(pretrainKindName(choice.options.kind));
    const Dataset& inputs = choice.data ? *choice.data : dataset;
    pretrainFirstLayer(classifier, inputs, settings, choice.options, [&](const PretrainEpoch& e) {
        if (json) {
            nlohmann::ordered_json line{{"pretrain", kind},
                                        {"epoch", e.epoch},
                                        {"reconstruction_error", e.reconstructionError}};
            if (!std::isnan(e.freeEnergy)) line["free_energy"] = e.freeEnergy;
            std::cout << line.dump() << '\n';
        } else if (std::isnan(e.freeEnergy)) {
            std::printf("pretrain %s epoch %3lld  reconstruction error %.5f\n", kind.c_str(),
                        static_cast<long long>(e.epoch), e.reconstructionError);
        } else {
            std::printf("pretrain %s epoch %3lld  reconstruction error %.5f  free energy %.3f\n",
                        kind.c_str(), static_cast<long long>(e.epoch), e.reconstructionError,
                        e.freeEnergy);
        }
        checkStandardOutput();
    });
}

}  // namespace koto::cli
