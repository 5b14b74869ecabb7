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
#include "network/layer_registry.h"
#include "util/base64.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

using namespace json_fields;

static_assert(std::endian::native == std::endian::little,
              "project files store little-endian floats");

std::string encodeFloats(const std::vector<float>& values) {
    std::vector<uint8_t> bytes(values.size() * sizeof(float));
    // No memcpy of an empty vector: its data() may be null, which memcpy may not be given.
    if (!bytes.empty()) std::memcpy(bytes.data(), values.data(), bytes.size());
    return encodeBase64(bytes);
}

std::vector<float> decodeFloats(const std::string& text, const std::string& name) {
    const std::vector<uint8_t> bytes = decodeBase64(text);
    if (bytes.size() % sizeof(float) != 0)
        throw InputError("the weights of " + name + " are truncated");
    std::vector<float> values(bytes.size() / sizeof(float));
    if (!bytes.empty()) std::memcpy(values.data(), bytes.data(), bytes.size());
    return values;
}

// JSON has no NaN: a metric that is not finite is stored as null.
nlohmann::json number(double value) {
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json();
}

// The settings as a file writes them: each of the wrong type, or a whole number no setting can
// hold, is refused by its setting's rule.
void readTraining(const nlohmann::json& t, TrainingSettings& settings) {
    using S = TrainingSetting;
    auto field = [](S setting) { return "training." + std::string(trainingSettingKey(setting)); };
    auto refuseSetting = [&](S setting, const nlohmann::json& value) {
        throw InputError(settingProblem(setting, shown(value)).messageFor(field(setting)));
    };
    // The first five were in every file; those added later are absent from older ones.
    auto value = [&](S setting, bool required) -> const nlohmann::json* {
        const auto found = t.find(std::string(trainingSettingKey(setting)));
        if (found != t.end()) return &*found;
        if (required) throw InputError(field(setting) + " is missing");
        return nullptr;
    };
    auto number = [&](S setting, double& into, bool required) {
        if (const nlohmann::json* v = value(setting, required)) {
            if (!v->is_number()) refuseSetting(setting, *v);
            into = v->get<double>();
        }
    };
    auto whole = [&](S setting, int64_t& into, bool required) {
        if (const nlohmann::json* v = value(setting, required)) {
            const std::optional<int64_t> n = wholeFrom(*v);
            if (!n) refuseSetting(setting, *v);
            into = *n;
        }
    };
    auto text = [&](S setting, std::string& into, bool required) {
        if (const nlohmann::json* v = value(setting, required)) {
            if (!v->is_string()) refuseSetting(setting, *v);
            into = v->get<std::string>();
        }
    };
    number(S::LearningRate, settings.learningRate, true);
    whole(S::BatchSize, settings.batchSize, true);
    whole(S::Epochs, settings.epochs, true);
    // Every uint64_t is a seed: written as an integer, or as a number with no fraction below 2^64.
    const nlohmann::json& seed = *value(S::Seed, true);
    if (seed.is_number_unsigned()) {
        settings.seed = seed.get<uint64_t>();
    } else {
        const double d = seed.is_number() ? seed.get<double>() : -1;
        if (!(d >= 0 && d < 18446744073709551616.0 && d == std::floor(d)))
            refuseSetting(S::Seed, seed);
        settings.seed = static_cast<uint64_t>(d);
    }
    text(S::Optimizer, settings.optimizer, true);
    number(S::Momentum, settings.momentum, false);
    number(S::Decay, settings.decay, false);
    text(S::Schedule, settings.schedule, false);
    number(S::L1, settings.l1, false);
    number(S::L2, settings.l2, false);
    if (const nlohmann::json* v = value(S::RegularizeBiases, false)) {
        if (!v->is_boolean()) refuseSetting(S::RegularizeBiases, *v);
        settings.regularizeBiases = v->get<bool>();
    }
    number(S::Validation, settings.validation, false);
    whole(S::Patience, settings.patience, false);
    text(S::Augment, settings.augment, false);
    number(S::ClipNorm, settings.clipNorm, false);
}

nlohmann::json curvePoint(const EpochMetrics& m) {
    nlohmann::json point{{"epoch", m.epoch},
                         {"steps", m.steps},
                         {"seconds", number(m.seconds)},
                         {"train_loss", number(m.train.loss)},
                         {"test_loss", number(m.test.loss)}};
    if (m.regression) {
        point["train_rmse"] = number(m.train.rmse);
        point["test_rmse"] = number(m.test.rmse);
    } else {
        point["train_accuracy"] = number(m.train.accuracy);
        point["test_accuracy"] = number(m.test.accuracy);
    }
    if (m.hasValidation) {
        point["validation_loss"] = number(m.validation.loss);
        point[m.regression ? "validation_rmse" : "validation_accuracy"] =
            number(m.regression ? m.validation.rmse : m.validation.accuracy);
    }
    return point;
}

// `at`: "curves[3]." for the fourth point.
EpochMetrics curvePointFrom(const nlohmann::json& point, const std::string& at) {
    objectOf(point, at.substr(0, at.size() - 1));
    const auto maximum = std::numeric_limits<int64_t>::max();
    EpochMetrics m;
    m.epoch = wholeNumber(member(point, "epoch", at + "epoch"), at + "epoch", 0, maximum);
    m.steps = wholeNumber(member(point, "steps", at + "steps"), at + "steps", 0, maximum);
    m.seconds = metricFrom(point, "seconds", at);
    m.train.loss = metricFrom(point, "train_loss", at);
    m.test.loss = metricFrom(point, "test_loss", at);
    m.regression = point.contains("train_rmse");
    if (m.regression) {
        m.train.rmse = metricFrom(point, "train_rmse", at);
        m.test.rmse = metricFrom(point, "test_rmse", at);
    } else {
        m.train.accuracy = metricFrom(point, "train_accuracy", at);
        m.test.accuracy = metricFrom(point, "test_accuracy", at);
        m.train.errorRate = 1 - m.train.accuracy;
        m.test.errorRate = 1 - m.test.accuracy;
    }
    m.hasValidation = point.contains("validation_loss");
    if (m.hasValidation) {
        m.validation.loss = metricFrom(point, "validation_loss", at);
        if (m.regression) {
            m.validation.rmse = metricFrom(point, "validation_rmse", at);
        } else {
            m.validation.accuracy = metricFrom(point, "validation_accuracy", at);
            m.validation.errorRate = 1 - m.validation.accuracy;
        }
    }
    return m;
}

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
    for (const SavedTensor& tensor : project.weights)
        weights.push_back({{"name", tensor.name},
                           {"shape", {tensor.rows, tensor.cols}},
                           {"data", encodeFloats(tensor.values)}});
    nlohmann::json curves = nlohmann::json::array();
    for (const EpochMetrics& metrics : project.curves) curves.push_back(curvePoint(metrics));
    const TrainingSettings& t = project.training;
    nlohmann::json json{
        {"format", "kotohajime-project"},
        {"schema_version", Project::currentSchemaVersion},
        {"network", toJson(project.network)},
        {"dataset", project.dataset},
        {"pixel_inputs", project.pixelInputs},
        {"training",
         {{"learning_rate", t.learningRate},
          {"batch_size", t.batchSize},
          {"epochs", t.epochs},
          {"seed", t.seed},
          {"optimizer", t.optimizer},
          {"momentum", t.momentum},
          {"decay", t.decay},
          {"schedule", t.schedule},
          {"l1", t.l1},
          {"l2", t.l2},
          {"regularize_biases", t.regularizeBiases},
          {"validation", t.validation},
          {"patience", t.patience},
          {"augment", t.augment},
          {"clip_norm", t.clipNorm}}},
        {"progress", {{"epochs", project.epochsTrained}, {"steps", project.stepsTrained}}},
        {"weights", weights},
        {"curves", curves},
    };
    // Only models other than a plain network say what they are, so such files stay as they were.
    if (project.model != ModelKind::Network) json["model"] = modelJson(project);
    if (project.model == ModelKind::Rbm) json.erase("network");
    if (project.draft) json["draft"] = toJson(*project.draft);
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
            const nlohmann::json& w = objectOf(weights[i], at);
            SavedTensor tensor;
            tensor.name = textOf(member(w, "name", at + ".name"), at + ".name");
            if (!isPlainName(tensor.name))
                throw InputError(at + ".name must be at most " + std::to_string(kMaxNameBytes) +
                                 " characters without control characters, not " +
                                 inQuotes(tensor.name));
            const std::string field = "weights " + tensor.name;
            const nlohmann::json& shape = member(w, "shape", field + ": shape");
            const int64_t largest = int64_t{1} << 31;
            auto size = [&](size_t k) -> std::optional<int64_t> {
                if (!shape.is_array() || shape.size() != 2) return std::nullopt;
                const std::optional<int64_t> n = wholeFrom(shape[k]);
                if (!n || *n < 0 || *n > largest) return std::nullopt;
                return n;
            };
            if (!size(0) || !size(1))
                refuse(field + ": shape",
                       "must be [ROWS, COLUMNS], each from 0 to " + std::to_string(largest), shape);
            tensor.rows = *size(0);
            tensor.cols = *size(1);
            tensor.values = decodeFloats(
                textOf(member(w, "data", field + ": data"), field + ": data"), tensor.name);
            if (static_cast<int64_t>(tensor.values.size()) != tensor.rows * tensor.cols)
                throw InputError(what + ": the weights " + tensor.name + " hold " +
                                 std::to_string(tensor.values.size()) +
                                 " numbers, their shape says " +
                                 std::to_string(tensor.rows * tensor.cols));
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
