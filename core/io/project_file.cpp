#include "io/project_file.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

#include "backend/cpu_backend.h"
#include "io/atomic_file.h"
#include "io/json_fields.h"
#include "io/json_limits.h"
#include "io/network_spec_json.h"
#include "io/project_parts_json.h"
#include "io/run_record_json.h"
#include "network/layer_registry.h"
#include "util/base64.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

using namespace json_fields;

static_assert(std::endian::native == std::endian::little,
              "project files store little-endian floats");

// Throws InputError if the tensors do not match the network's parameters by name and shape.
void checkWeightsFit(const Network& network, const std::vector<SavedTensor>& weights) {
    const auto& parameters = network.parameters();
    if (weights.size() != parameters.size())
        throw InputError("the saved weights have " + std::to_string(weights.size()) +
                         " tensors, the network " + std::to_string(parameters.size()));
    for (size_t i = 0; i < weights.size(); ++i) {
        const Tensor& value = parameters[i].parameter->value;
        if (weights[i].name != parameters[i].id || weights[i].rows != value.rows() ||
            weights[i].cols != value.cols())
            throw InputError("the saved weights " + weights[i].name + " (" +
                             std::to_string(weights[i].rows) + " x " +
                             std::to_string(weights[i].cols) + ") do not fit " + parameters[i].id +
                             " (" + value.shape().text() + ")");
    }
}

nlohmann::json modelJson(const Project& project) {
    nlohmann::json model{{"kind", modelKindName(project.model)}};
    if (project.model == ModelKind::Rbm) {
        model["visible"] = project.rbm.visible;
        model["hidden"] = project.rbm.hidden;
        model["cd"] = project.rbm.cdSteps;
        model["persistent"] = project.rbm.persistent;
    }
    return model;
}

void readModel(const nlohmann::json& json, Project& project) {
    const nlohmann::json& model = objectOf(json, "model");
    const std::string kind = textOf(member(model, "kind", "model.kind"), "model.kind");
    if (kind == "autoencoder") {
        project.model = ModelKind::Autoencoder;
    } else if (kind == "rbm") {
        project.model = ModelKind::Rbm;
        // Sizes past these are refused by findProjectProblem; these only keep the numbers whole.
        const auto maximum = std::numeric_limits<int64_t>::max();
        const auto minimum = std::numeric_limits<int64_t>::min();
        project.rbm.visible = wholeNumber(member(model, "visible", "model.visible"),
                                          "model.visible", minimum, maximum);
        project.rbm.hidden =
            wholeNumber(member(model, "hidden", "model.hidden"), "model.hidden", minimum, maximum);
        if (model.contains("cd"))
            project.rbm.cdSteps =
                static_cast<int>(wholeNumber(model["cd"], "model.cd", 1, kMaxRbmCdSteps));
        if (model.contains("persistent"))
            project.rbm.persistent = truthOf(model["persistent"], "model.persistent");
    } else if (kind != "network") {
        throw InputError("unknown model kind " + inQuotes(kind) +
                         " (a newer Kotohajime may know it)");
    }
}

// An RBM's saved weights: rbm.W (D x M), rbm.b (1 x D), rbm.c (1 x M).
void checkRbmWeightsFit(const RbmModel& rbm, const std::vector<SavedTensor>& weights) {
    const std::vector<SavedTensor> expected{{"rbm.W", rbm.visible, rbm.hidden, {}},
                                            {"rbm.b", 1, rbm.visible, {}},
                                            {"rbm.c", 1, rbm.hidden, {}}};
    if (weights.size() != expected.size())
        throw InputError("the saved weights have " + std::to_string(weights.size()) +
                         " tensors, an RBM 3");
    for (size_t i = 0; i < expected.size(); ++i)
        if (weights[i].name != expected[i].name || weights[i].rows != expected[i].rows ||
            weights[i].cols != expected[i].cols)
            throw InputError("the saved weights " + weights[i].name + " (" +
                             std::to_string(weights[i].rows) + " x " +
                             std::to_string(weights[i].cols) + ") do not fit the RBM's " +
                             expected[i].name + " (" + std::to_string(expected[i].rows) + " x " +
                             std::to_string(expected[i].cols) + ")");
}

// Whether building the network just to check it costs little memory: its weights, bounded from
// the layers' shapes by 4 (inputs + outputs + 1) x outputs each (more than any layer type has:
// dense, conv, rnn and lstm included). A file naming a larger network is checked when it is
// built to be used, so that opening one cannot exhaust the memory. Throws SpecError for a spec
// whose shapes do not fit.
bool smallEnoughToCheck(const NetworkSpec& spec) {
    constexpr double kMaxWeightsBound = double{1 << 28};
    auto count = [](const std::vector<int64_t>& shape) {
        double n = 1;
        for (int64_t d : shape) n *= static_cast<double>(d);
        return n;
    };
    double bound = 0;
    double inputs = count(spec.inputShape);
    for (const std::vector<int64_t>& shape : inferShapes(spec)) {
        const double outputs = count(shape);
        bound += 4 * (inputs + outputs + 1) * outputs;
        inputs = outputs;
    }
    return bound <= kMaxWeightsBound;
}

}  // namespace

std::string_view modelKindName(ModelKind kind) {
    switch (kind) {
    case ModelKind::Network: return "network";
    case ModelKind::Autoencoder: return "autoencoder";
    case ModelKind::Rbm: return "rbm";
    }
    return "network";
}

std::string projectToJson(const Project& project) {
    nlohmann::json weights = nlohmann::json::array();
    for (const SavedTensor& tensor : project.weights) weights.push_back(savedTensorJson(tensor));
    nlohmann::json curves = nlohmann::json::array();
    for (const EpochMetrics& metrics : project.curves) curves.push_back(curvePoint(metrics));
    nlohmann::json json{
        {"format", "kotohajime-project"},
        {"schema_version", Project::currentSchemaVersion},
        {"network", toJson(project.network)},
        {"dataset", project.dataset},
        {"pixel_inputs", project.pixelInputs},
        {"training", trainingJson(project.training)},
        {"progress", {{"epochs", project.epochsTrained}, {"steps", project.stepsTrained}}},
        {"weights", weights},
        {"curves", curves},
    };
    // Only models other than a plain network say what they are, so such files stay as they were.
    if (project.model != ModelKind::Network) json["model"] = modelJson(project);
    if (project.model == ModelKind::Rbm) json.erase("network");
    if (project.draft) json["draft"] = toJson(*project.draft);
    if (!project.checkpoints.empty() || !project.otherRuns.empty())
        json["history"] = historyJson(project.run, project.checkpoints, project.otherRuns);
    return json.dump(1) + "\n";
}

std::optional<std::string> findProjectProblem(const Project& project) {
    if (auto problem = findSettingsProblem(project.training))
        return problem->messageFor("training." + std::string(trainingSettingKey(problem->setting)));
    if (project.epochsTrained < 0)
        return "progress.epochs must be at least 0, not " + std::to_string(project.epochsTrained);
    if (project.stepsTrained < 0)
        return "progress.steps must be at least 0, not " + std::to_string(project.stepsTrained);
    if (project.model == ModelKind::Rbm) {
        const RbmModel& rbm = project.rbm;
        if (rbm.visible < 1 || rbm.visible > kMaxRbmWeights)
            return "model.visible must be a whole number from 1 to " +
                   std::to_string(kMaxRbmWeights) + ", not " + std::to_string(rbm.visible);
        if (rbm.hidden < 1 || rbm.hidden > kMaxRbmHidden)
            return "model.hidden must be a whole number from 1 to " +
                   std::to_string(kMaxRbmHidden) + ", not " + std::to_string(rbm.hidden);
        if (rbm.visible > kMaxRbmWeights / rbm.hidden)
            return "model.visible x model.hidden must be at most " +
                   std::to_string(kMaxRbmWeights) + ", not " + std::to_string(rbm.visible) + " x " +
                   std::to_string(rbm.hidden);
        if (rbm.cdSteps < 1 || rbm.cdSteps > kMaxRbmCdSteps)
            return "model.cd must be a whole number from 1 to " + std::to_string(kMaxRbmCdSteps) +
                   ", not " + std::to_string(rbm.cdSteps);
    }
    for (const SavedTensor& tensor : project.weights)
        for (size_t i = 0; i < tensor.values.size(); ++i)
            if (!std::isfinite(tensor.values[i])) {
                const auto cols = static_cast<size_t>(std::max<int64_t>(tensor.cols, 1));
                return "weights " + tensor.name + " holds " +
                       (std::isnan(tensor.values[i]) ? "a NaN" : "an infinity") + " at [" +
                       std::to_string(i / cols) + ", " + std::to_string(i % cols) + "]";
            }
    // Metrics may be NaN (null in the file: not measured, or not finite when they were).
    for (size_t i = 0; i < project.curves.size(); ++i) {
        const EpochMetrics& m = project.curves[i];
        const std::string at = "curves[" + std::to_string(i) + "].";
        auto check = [&](const char* key, double value, double lowest,
                         double highest) -> std::optional<std::string> {
            if (std::isnan(value) || (value >= lowest && value <= highest)) return std::nullopt;
            return at + key + " must be " +
                   (highest < 2   ? "a share from 0 to 1"
                    : lowest == 0 ? "a number of at least 0"
                                  : "a number") +
                   " or null, not " + shortNumber(value);
        };
        const double huge = std::numeric_limits<double>::max();
        if (m.epoch < 0) return at + "epoch must be at least 0, not " + std::to_string(m.epoch);
        if (m.steps < 0) return at + "steps must be at least 0, not " + std::to_string(m.steps);
        std::optional<std::string> problem = check("seconds", m.seconds, 0, huge);
        if (!problem) problem = check("train_loss", m.train.loss, -huge, huge);
        if (!problem) problem = check("test_loss", m.test.loss, -huge, huge);
        if (!problem && m.regression) problem = check("train_rmse", m.train.rmse, 0, huge);
        if (!problem && m.regression) problem = check("test_rmse", m.test.rmse, 0, huge);
        if (!problem && !m.regression) problem = check("train_accuracy", m.train.accuracy, 0, 1);
        if (!problem && !m.regression) problem = check("test_accuracy", m.test.accuracy, 0, 1);
        if (!problem && m.hasValidation)
            problem = check("validation_loss", m.validation.loss, -huge, huge);
        if (!problem && m.hasValidation && m.regression)
            problem = check("validation_rmse", m.validation.rmse, 0, huge);
        if (!problem && m.hasValidation && !m.regression)
            problem = check("validation_accuracy", m.validation.accuracy, 0, 1);
        if (problem) return problem;
    }
    return std::nullopt;
}

Project projectFromJson(const std::string& text, const std::string& what) {
    try {
        const nlohmann::json json = parseJson(text, what);
        if (!json.is_object() || !json.contains("format") || json["format"] != "kotohajime-project")
            throw InputError(what + ": not a Kotohajime project file");
        const nlohmann::json& versionJson = member(json, "schema_version", "schema_version");
        const std::optional<int64_t> version = wholeFrom(versionJson);
        if (version && *version > Project::currentSchemaVersion)
            throw InputError(what + ": made by a newer Kotohajime (project schema " +
                             std::to_string(*version) + ")");
        wholeNumber(versionJson, "schema_version", 1, Project::currentSchemaVersion);
        Project project;
        if (json.contains("model")) readModel(json["model"], project);
        // An RBM has no network: its sizes are in "model".
        if (project.model != ModelKind::Rbm)
            project.network = networkSpecFromJson(member(json, "network", "network"));
        project.dataset = textOf(member(json, "dataset", "dataset"), "dataset");
        if (json.contains("pixel_inputs"))
            project.pixelInputs = truthOf(json["pixel_inputs"], "pixel_inputs");
        readTraining(objectOf(member(json, "training", "training"), "training"), project.training);
        if (json.contains("progress")) {
            const nlohmann::json& progress = objectOf(json["progress"], "progress");
            const auto minimum = std::numeric_limits<int64_t>::min();
            const auto maximum = std::numeric_limits<int64_t>::max();
            project.epochsTrained = wholeNumber(member(progress, "epochs", "progress.epochs"),
                                                "progress.epochs", minimum, maximum);
            project.stepsTrained = wholeNumber(member(progress, "steps", "progress.steps"),
                                               "progress.steps", minimum, maximum);
        }
        const nlohmann::json& weights = arrayOf(member(json, "weights", "weights"), "weights");
        for (size_t i = 0; i < weights.size(); ++i) {
            const std::string at = "weights[" + std::to_string(i) + "]";
            SavedTensor tensor = savedTensorFrom(weights[i], at, what);
            project.weights.push_back(std::move(tensor));
        }
        if (json.contains("curves")) {
            const nlohmann::json& curves = arrayOf(json["curves"], "curves");
            for (size_t i = 0; i < curves.size(); ++i)
                project.curves.push_back(
                    curvePointFrom(curves[i], "curves[" + std::to_string(i) + "]."));
        }
        // Every value in range, as saving checks them: a file that breaks a rule is refused here,
        // naming the field, rather than trained or evaluated into nonsense.
        if (const std::optional<std::string> problem = findProjectProblem(project))
            throw InputError(*problem);
        // Unknown layer types, bad parameters, shapes that do not fit, a layer tied to one that is
        // not there: refused as the file opens, not when training starts. Built for one row, on
        // the CPU, only to check it (and only if small enough to build here).
        CpuBackend checkBackend;
        std::unique_ptr<Network> network;
        try {
            if (project.model != ModelKind::Rbm && smallEnoughToCheck(project.network))
                network = std::make_unique<Network>(checkBackend, project.network, 1);
        } catch (const SpecError& error) {
            throw InputError(std::string("the network cannot be built: ") + error.what());
        }
        if (!project.weights.empty()) {
            if (network) checkWeightsFit(*network, project.weights);
            else checkRbmWeightsFit(project.rbm, project.weights);
        }
        if (json.contains("draft")) project.draft = editorDraftFromJson(json["draft"]);
        if (json.contains("history")) {
            History history = historyFrom(json["history"], what);
            project.run = std::move(history.run);
            project.checkpoints = std::move(history.checkpoints);
            project.otherRuns = std::move(history.otherRuns);
            // Every checkpoint's weights fit the network, as the project's own must.
            if (network) {
                for (const RunCheckpoint& checkpoint : project.checkpoints)
                    checkWeightsFit(*network, checkpoint.weights);
                for (const RunRecord& run : project.otherRuns)
                    for (const RunCheckpoint& checkpoint : run.checkpoints)
                        checkWeightsFit(*network, checkpoint.weights);
            }
        }
        return project;
    } catch (const nlohmann::json::exception& error) {
        throw InputError(excerpt(what +
                                     ": a part of the project is missing or has the wrong type (" +
                                     error.what() + ")",
                                 kMessageBytes));
    } catch (const InputError& error) {
        const std::string message = error.what();
        throw InputError(
            excerpt(message.rfind(what, 0) == 0 ? message : what + ": " + message, kMessageBytes));
    }
}

void saveProject(const Project& project, const std::string& path) {
    // What could not be read back is not written: the file on disk stays as it was.
    if (const std::optional<std::string> problem = findProjectProblem(project))
        throw InputError(path + ": not saved, since " + *problem);
    writeFileAtomically(path, projectToJson(project));
}

Project loadProject(const std::string& path) {
    return projectFromJson(readWholeFile(path, kMaxJsonBytes), printablePath(path));
}

std::vector<SavedTensor> captureWeights(Network& network) {
    std::vector<SavedTensor> saved;
    for (const NamedParameter& p : network.parameters()) {
        SavedTensor tensor{p.id, p.parameter->value.rows(), p.parameter->value.cols(), {}};
        tensor.values.resize(static_cast<size_t>(p.parameter->value.size()));
        network.backend().download(p.parameter->value, std::span<float>(tensor.values));
        saved.push_back(std::move(tensor));
    }
    return saved;
}

void restoreWeights(Network& network, const std::vector<SavedTensor>& weights) {
    checkWeightsFit(network, weights);
    const auto& parameters = network.parameters();
    for (size_t i = 0; i < weights.size(); ++i)
        network.backend().upload(std::span<const float>(weights[i].values),
                                 parameters[i].parameter->value);
}

}  // namespace koto
