#include "lessons/run_facts.h"

#include <algorithm>
#include <cmath>

#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "training/trainer.h"

namespace koto {
namespace {

// A bias is the parameter a layer calls b (dense_1.b, lstm_1.b); the rest are weights W.
bool isBias(const SavedTensor& tensor) {
    const size_t dot = tensor.name.rfind('.');
    return tensor.name.substr(dot == std::string::npos ? 0 : dot + 1) == "b";
}

// The epoch with the lowest validation loss (null without validation data).
const EpochMetrics* bestValidation(const std::vector<EpochMetrics>& curves) {
    const EpochMetrics* best = nullptr;
    for (const EpochMetrics& point : curves)
        if (point.hasValidation && (!best || point.validation.loss < best->validation.loss))
            best = &point;
    return best;
}

bool blewUp(const std::vector<EpochMetrics>& curves) {
    if (curves.empty()) return false;
    for (const EpochMetrics& point : curves)
        if (!std::isfinite(point.train.loss)) return true;
    return Trainer::lossBlewUp(curves.back().train.loss, curves.front().train.loss);
}

void addSplit(RunFacts& facts, const std::string& part, const SplitMetrics& split,
              bool regression) {
    facts.numbers[part + "_loss"] = split.loss;
    if (regression) {
        facts.numbers[part + "_rmse"] = split.rmse;
    } else {
        facts.numbers[part + "_accuracy"] = split.accuracy;
        facts.numbers[part + "_error"] = split.errorRate;
    }
}

void addCurveFacts(RunFacts& facts, const std::vector<EpochMetrics>& curves) {
    if (curves.empty()) return;
    const EpochMetrics& last = curves.back();
    addSplit(facts, "train", last.train, last.regression);
    addSplit(facts, "test", last.test, last.regression);
    if (last.hasValidation) {
        facts.numbers["validation_loss"] = last.validation.loss;
        if (!last.regression) {
            facts.numbers["validation_accuracy"] = last.validation.accuracy;
            facts.numbers["validation_error"] = last.validation.errorRate;
        }
    }
    facts.numbers["loss_gap"] = last.test.loss - last.train.loss;
    auto lowest = [&](auto value) {
        double best = value(curves.front());
        for (const EpochMetrics& point : curves) best = std::min(best, value(point));
        return best;
    };
    facts.numbers["lowest_train_loss"] = lowest([](const EpochMetrics& m) { return m.train.loss; });
    facts.numbers["lowest_test_loss"] = lowest([](const EpochMetrics& m) { return m.test.loss; });
    if (!last.regression) {
        facts.numbers["lowest_test_error"] =
            lowest([](const EpochMetrics& m) { return m.test.errorRate; });
        facts.numbers["highest_test_accuracy"] =
            -lowest([](const EpochMetrics& m) { return -m.test.accuracy; });
    }
    if (const EpochMetrics* best = bestValidation(curves))
        facts.numbers["best_validation_epoch"] = static_cast<double>(best->epoch);
}

void addWeightFacts(RunFacts& facts, const std::vector<SavedTensor>& weights) {
    double count = 0, zeros = 0, small = 0, largest = 0, parameters = 0;
    for (const SavedTensor& tensor : weights) {
        parameters += static_cast<double>(tensor.values.size());
        if (isBias(tensor)) continue;
        for (float w : tensor.values) {
            ++count;
            zeros += w == 0.0f;
            small += std::fabs(w) < 0.01f;
            largest = std::max(largest, static_cast<double>(std::fabs(w)));
        }
    }
    facts.numbers["parameters"] = parameters;
    if (count == 0) return;
    facts.numbers["zero_weight_share"] = zeros / count;
    facts.numbers["small_weight_share"] = small / count;
    facts.numbers["largest_weight"] = largest;
}

void addSettingFacts(RunFacts& facts, const TrainingSettings& s) {
    facts.numbers["learning_rate"] = s.learningRate;
    facts.numbers["batch_size"] = static_cast<double>(s.batchSize);
    facts.numbers["momentum"] = s.momentum;
    facts.numbers["decay"] = s.decay;
    facts.numbers["l1"] = s.l1;
    facts.numbers["l2"] = s.l2;
    facts.numbers["validation"] = s.validation;
    facts.numbers["patience"] = static_cast<double>(s.patience);
    facts.numbers["clip_norm"] = s.clipNorm;
    facts.words["optimizer"] = s.optimizer;
    facts.words["schedule"] = s.schedule;
    facts.words["augment"] = s.augment;
}

void addNetworkFacts(RunFacts& facts, const NetworkSpec& network) {
    facts.words["layers"] = hiddenLayerTokens(network);
    if (network.layers.empty()) return;
    facts.numbers["hidden_layers"] = static_cast<double>(network.layers.size() - 1);
    const auto& parameters = network.layers.back().parameters;
    const auto activation = parameters.find("activation");
    std::string output = "linear";
    if (activation != parameters.end())
        if (const auto* text = std::get_if<std::string>(&activation->second)) output = *text;
    facts.words["output"] = output;
}

}  // namespace

RunEvidence evidenceOf(const Project& project) {
    RunEvidence evidence;
    evidence.network = project.network;
    evidence.settings = project.training;
    evidence.dataset = project.dataset;
    evidence.curves = project.curves;
    evidence.epochs = project.epochsTrained;
    evidence.steps = project.stepsTrained;
    evidence.weights = project.weights;
    // Early stopping ends a run once the validation loss has not improved for `patience` epochs:
    // a saved run's curves show whether it had come to that.
    const EpochMetrics* best = bestValidation(project.curves);
    evidence.stoppedEarly = project.training.patience > 0 && best &&
                            project.curves.back().epoch - best->epoch >= project.training.patience;
    return evidence;
}

std::optional<double> RunFacts::number(const std::string& name) const {
    const auto found = numbers.find(name);
    if (found == numbers.end()) return std::nullopt;
    return found->second;
}

std::optional<std::string> RunFacts::word(const std::string& name) const {
    const auto found = words.find(name);
    if (found == words.end()) return std::nullopt;
    return found->second;
}

RunFacts factsOf(const RunEvidence& evidence) {
    RunFacts facts;
    facts.numbers["epochs"] = static_cast<double>(evidence.epochs);
    facts.numbers["steps"] = static_cast<double>(evidence.steps);
    facts.numbers["diverged"] = evidence.diverged || blewUp(evidence.curves) ? 1 : 0;
    facts.numbers["stopped_early"] = evidence.stoppedEarly ? 1 : 0;
    addCurveFacts(facts, evidence.curves);
    addWeightFacts(facts, evidence.weights);
    addSettingFacts(facts, evidence.settings);
    addNetworkFacts(facts, evidence.network);
    facts.words["dataset"] = evidence.dataset;
    try {
        facts.words["dataset_name"] = DatasetSpec::parse(evidence.dataset).name;
    } catch (const std::exception&) {
        facts.words["dataset_name"] = evidence.dataset;
    }
    return facts;
}

// The table docs/lessons.md documents: keep the two alike.
static const std::vector<std::pair<std::string, FactKind>>& factTable() {
    using enum FactKind;
    static const std::vector<std::pair<std::string, FactKind>> table = {
        {"epochs", Number}, {"steps", Number},
        {"train_loss", Number}, {"test_loss", Number}, {"validation_loss", Number},
        {"train_accuracy", Number}, {"test_accuracy", Number}, {"validation_accuracy", Number},
        {"train_error", Number}, {"test_error", Number}, {"validation_error", Number},
        {"train_rmse", Number}, {"test_rmse", Number},
        {"lowest_train_loss", Number}, {"lowest_test_loss", Number},
        {"lowest_test_error", Number}, {"highest_test_accuracy", Number},
        {"loss_gap", Number}, {"best_validation_epoch", Number},
        {"stopped_early", Number}, {"diverged", Number},
        {"zero_weight_share", Number}, {"small_weight_share", Number},
        {"largest_weight", Number}, {"parameters", Number}, {"hidden_layers", Number},
        {"learning_rate", Number}, {"batch_size", Number}, {"momentum", Number},
        {"decay", Number}, {"l1", Number}, {"l2", Number}, {"validation", Number},
        {"patience", Number}, {"clip_norm", Number},
        {"optimizer", Word}, {"schedule", Word}, {"dataset", Word}, {"dataset_name", Word},
        {"layers", Word}, {"output", Word}, {"augment", Word},
    };
    return table;
}

std::optional<FactKind> factKind(const std::string& name) {
    for (const auto& [known, kind] : factTable())
        if (known == name) return kind;
    return std::nullopt;
}

}  // namespace koto
