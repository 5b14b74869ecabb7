#include "io/project_parts_json.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include "io/json_fields.h"
#include "util/base64.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {

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

namespace {

// JSON has no NaN: a metric that is not finite is stored as null.
nlohmann::json number(double value) {
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json();
}

}  // namespace

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


nlohmann::json trainingJson(const TrainingSettings& t) {
    return {{"learning_rate", t.learningRate},
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
            {"clip_norm", t.clipNorm}};
}

nlohmann::json savedTensorJson(const SavedTensor& tensor) {
    return {{"name", tensor.name},
            {"shape", {tensor.rows, tensor.cols}},
            {"data", encodeFloats(tensor.values)}};
}

SavedTensor savedTensorFrom(const nlohmann::json& json, const std::string& at,
                            const std::string& what) {
    const nlohmann::json& w = objectOf(json, at);
    SavedTensor tensor;
    tensor.name = textOf(member(w, "name", at + ".name"), at + ".name");
    if (!isPlainName(tensor.name))
        throw InputError(at + ".name must be at most " + std::to_string(kMaxNameBytes) +
                         " characters without control characters, not " + inQuotes(tensor.name));
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
        refuse(field + ": shape", "must be [ROWS, COLUMNS], each from 0 to " + std::to_string(largest),
               shape);
    tensor.rows = *size(0);
    tensor.cols = *size(1);
    tensor.values =
        decodeFloats(textOf(member(w, "data", field + ": data"), field + ": data"), tensor.name);
    if (static_cast<int64_t>(tensor.values.size()) != tensor.rows * tensor.cols)
        throw InputError(what + ": the weights " + tensor.name + " hold " +
                         std::to_string(tensor.values.size()) + " numbers, their shape says " +
                         std::to_string(tensor.rows * tensor.cols));
    return tensor;
}

}  // namespace koto
