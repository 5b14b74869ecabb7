// Fuzz target: the validation of every field of a .koto project. Rather than any bytes (which
// fuzz_project_file tries, and which rarely get past the JSON parser), a valid project has one of
// its fields set to a value the fuzzer chooses, or removed, so that every field's checks are
// reached at once. The input's bytes:
//   [project] [field] [how] [value...]
//   project: which valid project is edited (a classifier with curves, a regression network, an
//            RBM, an autoencoder);
//   field:   which field (kFields);
//   how:     0 set to the value as JSON text, 1 remove the field, 2 set to the value's first 8
//            bytes as a double, 3 as a signed 64-bit integer, 4 as an unsigned one.
// What must hold: the reader refuses with an InputError whose one line starts with the file's name
// (or a SpecError), or accepts a project that breaks no rule (findProjectProblem), that saves, and
// that reads back to the same file.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/json_limits.h"
#include "io/project_file.h"
#include "sample_projects.h"
#include "util/errors.h"

namespace {

using koto::EpochMetrics;
using koto::Project;

const char* const kFields[] = {
    "/format",
    "/schema_version",
    "/dataset",
    "/pixel_inputs",
    "/training",
    "/training/learning_rate",
    "/training/batch_size",
    "/training/epochs",
    "/training/seed",
    "/training/optimizer",
    "/training/momentum",
    "/training/decay",
    "/training/schedule",
    "/training/l1",
    "/training/l2",
    "/training/regularize_biases",
    "/training/validation",
    "/training/patience",
    "/training/augment",
    "/training/clip_norm",
    "/progress",
    "/progress/epochs",
    "/progress/steps",
    "/weights",
    "/weights/0",
    "/weights/0/name",
    "/weights/0/shape",
    "/weights/0/shape/0",
    "/weights/0/shape/1",
    "/weights/0/data",
    "/weights/1/data",
    "/curves",
    "/curves/0",
    "/curves/0/epoch",
    "/curves/0/steps",
    "/curves/0/seconds",
    "/curves/0/train_loss",
    "/curves/0/test_loss",
    "/curves/0/train_accuracy",
    "/curves/0/test_accuracy",
    "/curves/0/train_rmse",
    "/curves/0/test_rmse",
    "/curves/1/validation_loss",
    "/curves/1/validation_accuracy",
    "/curves/1/validation_rmse",
    "/model",
    "/model/kind",
    "/model/visible",
    "/model/hidden",
    "/model/cd",
    "/model/persistent",
    "/network",
    "/network/schema_version",
    "/network/input/0",
    "/network/loss",
    "/network/layers/0/units",
    "/network/layers/0/activation",
};

// The projects the fuzzer edits, as JSON.
std::vector<nlohmann::json> validProjects() {
    Project classifier = kototest::classifierProject();
    classifier.training.augment = "translate=1";
    classifier.training.schedule = "step:10:0.5";

    Project regression = classifier;
    regression.network.loss = koto::LossKind::MeanSquaredError;
    regression.network.layers[1] = kototest::dense(2, "linear");
    koto::assignLayerNames(regression.network);
    for (EpochMetrics& m : regression.curves) {
        m.regression = true;
        m.train.rmse = m.test.rmse = m.validation.rmse = 0.5;
    }

    Project rbm = kototest::rbmProject();
    rbm.curves = {regression.curves[0]};

    Project autoencoder = regression;
    autoencoder.model = koto::ModelKind::Autoencoder;

    std::vector<nlohmann::json> projects;
    for (const Project* p : {&classifier, &regression, &rbm, &autoencoder})
        projects.push_back(nlohmann::json::parse(koto::projectToJson(*p)));
    return projects;
}

[[noreturn]] void fail(const std::string& what, const std::string& text) {
    std::fprintf(stderr, "%s\n--- the project:\n%s\n", what.c_str(), text.c_str());
    std::abort();
}

template <typename T>
T bytesAs(const uint8_t* data, size_t size) {
    T value{};
    std::memcpy(&value, data, std::min(size, sizeof value));
    return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::vector<nlohmann::json> projects = validProjects();
    if (size < 3) return 0;
    nlohmann::json json = projects[data[0] % projects.size()];
    const nlohmann::json::json_pointer field(kFields[data[1] % std::size(kFields)]);
    const uint8_t how = data[2] % 5;
    const uint8_t* valueBytes = data + 3;
    const size_t valueSize = size - 3;
    try {
        nlohmann::json value;
        switch (how) {
        case 0:
            try {  // depth and size checked as a file's JSON is
                value = koto::parseJson(
                    std::string(reinterpret_cast<const char*>(valueBytes), valueSize), "value");
            } catch (const koto::InputError&) {
                return 0;
            }
            break;
        case 2: value = bytesAs<double>(valueBytes, valueSize); break;
        case 3: value = bytesAs<int64_t>(valueBytes, valueSize); break;
        case 4: value = bytesAs<uint64_t>(valueBytes, valueSize); break;
        default: break;
        }
        if (how == 1) {
            if (!json.contains(field)) return 0;
            nlohmann::json& parent = json.at(field.parent_pointer());
            if (parent.is_object()) parent.erase(field.back());
            else parent.erase(std::stoul(field.back()));
        } else {
            json[field] = value;  // NaN and infinities are written as null
        }
    } catch (const nlohmann::json::exception&) {
        return 0;  // the path runs through a value that is not an object or array
    } catch (const std::exception&) {
        return 0;
    }
    const std::string text = json.dump();

    Project project;
    try {
        project = koto::projectFromJson(text, "fuzz.koto");
    } catch (const koto::InputError& error) {
        const std::string message = error.what();
        if (message.rfind("fuzz.koto: ", 0) != 0) fail("a refusal without the file's name", text);
        if (message.find('\n') != std::string::npos) fail("a refusal of two lines", text);
        return 0;
    } catch (const koto::SpecError&) {
        return 0;
    }
    if (const auto problem = koto::findProjectProblem(project))
        fail("read a project that breaks a rule: " + *problem, text);
    const std::string saved = koto::projectToJson(project);
    try {
        const Project again = koto::projectFromJson(saved, "again.koto");
        if (koto::projectToJson(again) != saved) fail("saved, read back different", text);
    } catch (const std::exception& error) {
        fail(std::string("saved, cannot be read back: ") + error.what(), text);
    }
    return 0;
}
