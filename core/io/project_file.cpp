#include "io/project_file.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <memory>

#include "backend/cpu_backend.h"
#include "io/atomic_file.h"
#include "io/json_limits.h"
#include "io/network_spec_json.h"
#include "network/layer_registry.h"
#include "util/base64.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

static_assert(std::endian::native == std::endian::little,
              "project files store little-endian floats");

std::string encodeFloats(const std::vector<float>& values) {
    std::vector<uint8_t> bytes(values.size() * sizeof(float));
    std::memcpy(bytes.data(), values.data(), bytes.size());
    return encodeBase64(bytes);
}

std::vector<float> decodeFloats(const std::string& text, const std::string& name) {
    const std::vector<uint8_t> bytes = decodeBase64(text);
    if (bytes.size() % sizeof(float) != 0)
        throw InputError("the weights of " + name + " are truncated");
    std::vector<float> values(bytes.size() / sizeof(float));
    std::memcpy(values.data(), bytes.data(), bytes.size());
    return values;
}

// JSON has no NaN: a metric that is not finite is stored as null.
nlohmann::json number(double value) {
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json();
}
double numberFrom(const nlohmann::json& json) {
    return json.is_number() ? json.get<double>() : std::nan("");
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

EpochMetrics curvePointFrom(const nlohmann::json& point) {
    EpochMetrics m;
    m.epoch = point.at("epoch").get<int64_t>();
    m.steps = point.at("steps").get<int64_t>();
    m.seconds = numberFrom(point.at("seconds"));
    m.train.loss = numberFrom(point.at("train_loss"));
    m.test.loss = numberFrom(point.at("test_loss"));
    m.regression = point.contains("train_rmse");
    if (m.regression) {
        m.train.rmse = numberFrom(point.at("train_rmse"));
        m.test.rmse = numberFrom(point.at("test_rmse"));
    } else {
        m.train.accuracy = numberFrom(point.at("train_accuracy"));
        m.test.accuracy = numberFrom(point.at("test_accuracy"));
        m.train.errorRate = 1 - m.train.accuracy;
        m.test.errorRate = 1 - m.test.accuracy;
    }
    m.hasValidation = point.contains("validation_loss");
    if (m.hasValidation) {
        m.validation.loss = numberFrom(point.at("validation_loss"));
        if (m.regression) {
            m.validation.rmse = numberFrom(point.at("validation_rmse"));
        } else {
            m.validation.accuracy = numberFrom(point.at("validation_accuracy"));
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

void readModel(const nlohmann::json& model, Project& project) {
    const std::string kind = model.at("kind").get<std::string>();
    if (kind == "autoencoder") {
        project.model = ModelKind::Autoencoder;
    } else if (kind == "rbm") {
        project.model = ModelKind::Rbm;
        project.rbm.visible = model.at("visible").get<int64_t>();
        project.rbm.hidden = model.at("hidden").get<int64_t>();
        project.rbm.cdSteps = model.value("cd", 1);
        project.rbm.persistent = model.value("persistent", false);
        if (project.rbm.visible < 1 || project.rbm.hidden < 1 || project.rbm.hidden > 1'000'000 ||
            project.rbm.visible > 100'000'000 / project.rbm.hidden)
            throw InputError("the RBM's sizes are not valid");
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

Project projectFromJson(const std::string& text, const std::string& what) {
    const nlohmann::json json = parseJson(text, what);
    try {
        if (!json.is_object() || json.value("format", "") != "kotohajime-project")
            throw InputError(what + ": not a Kotohajime project file");
        const int version = json.at("schema_version").get<int>();
        if (version > Project::currentSchemaVersion)
            throw InputError(what + ": made by a newer Kotohajime (project schema " +
                             std::to_string(version) + ")");
        Project project;
        if (json.contains("model")) readModel(json.at("model"), project);
        // An RBM has no network: its sizes are in "model".
        if (project.model != ModelKind::Rbm)
            project.network = networkSpecFromJson(json.at("network"));
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
        project.dataset = json.at("dataset").get<std::string>();
        project.pixelInputs = json.value("pixel_inputs", false);
        const auto& t = json.at("training");
        project.training.learningRate = t.at("learning_rate").get<double>();
        project.training.batchSize = t.at("batch_size").get<int64_t>();
        project.training.epochs = t.at("epochs").get<int64_t>();
        project.training.seed = t.at("seed").get<uint64_t>();
        project.training.optimizer = t.at("optimizer").get<std::string>();
        // Added after the first files were written: absent means the defaults.
        project.training.momentum = t.value("momentum", project.training.momentum);
        project.training.decay = t.value("decay", project.training.decay);
        project.training.schedule = t.value("schedule", project.training.schedule);
        project.training.l1 = t.value("l1", project.training.l1);
        project.training.l2 = t.value("l2", project.training.l2);
        project.training.regularizeBiases =
            t.value("regularize_biases", project.training.regularizeBiases);
        project.training.validation = t.value("validation", project.training.validation);
        project.training.patience = t.value("patience", project.training.patience);
        project.training.augment = t.value("augment", project.training.augment);
        project.training.clipNorm = t.value("clip_norm", project.training.clipNorm);
        if (json.contains("progress")) {
            project.epochsTrained = json["progress"].at("epochs").get<int64_t>();
            project.stepsTrained = json["progress"].at("steps").get<int64_t>();
        }
        for (const auto& w : json.at("weights")) {
            SavedTensor tensor;
            tensor.name = w.at("name").get<std::string>();
            const auto shape = w.at("shape").get<std::vector<int64_t>>();
            if (shape.size() != 2 || shape[0] < 0 || shape[1] < 0 ||
                shape[0] > (int64_t{1} << 31) || shape[1] > (int64_t{1} << 31))
                throw InputError(what + ": the weights " + tensor.name + " have an invalid shape");
            tensor.rows = shape[0];
            tensor.cols = shape[1];
            tensor.values = decodeFloats(w.at("data").get<std::string>(), tensor.name);
            if (static_cast<int64_t>(tensor.values.size()) != tensor.rows * tensor.cols)
                throw InputError(what + ": the weights " + tensor.name + " hold " +
                                 std::to_string(tensor.values.size()) +
                                 " numbers, their shape says " +
                                 std::to_string(tensor.rows * tensor.cols));
            project.weights.push_back(std::move(tensor));
        }
        if (!project.weights.empty()) {
            if (network) checkWeightsFit(*network, project.weights);
            else checkRbmWeightsFit(project.rbm, project.weights);
        }
        if (json.contains("curves"))
            for (const auto& point : json["curves"])
                project.curves.push_back(curvePointFrom(point));
        if (json.contains("draft")) project.draft = editorDraftFromJson(json.at("draft"));
        return project;
    } catch (const nlohmann::json::exception& error) {
        throw InputError(what + ": a part of the project is missing or has the wrong type (" +
                         error.what() + ")");
    } catch (const InputError& error) {
        const std::string message = error.what();
        if (message.rfind(what, 0) == 0) throw;
        throw InputError(what + ": " + message);
    }
}

void saveProject(const Project& project, const std::string& path) {
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
