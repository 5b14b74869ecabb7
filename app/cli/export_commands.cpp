// export and import: a trained project to ONNX, NPZ, NumPy or PyTorch code, its curves and
// confusion matrix to CSV; an ONNX model to a project.

#include <iostream>
#include <sstream>

#include "arguments.h"
#include "backend/cpu_backend.h"
#include "backend_choice.h"
#include "commands.h"
#include "data/dataset_spec.h"
#include "export/exported_model.h"
#include "export/model_files.h"
#include "export/onnx_import.h"
#include "io/atomic_file.h"
#include "io/project_file.h"
#include "metrics_output.h"
#include "training/training_run.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto::cli {
namespace {

// The class names for the files' metadata, when the project's dataset can be read.
std::vector<std::string> classNamesOf(const Project& project) {
    try {
        return loadDataset(DatasetSpec::parse(project.dataset)).classNames;
    } catch (const std::exception&) {
        return {};  // the metadata still names the dataset
    }
}

// A CSV field: quoted when it holds a comma, a quote or a line break.
std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

std::string curvesCsv(const Project& project) {
    if (project.curves.empty())
        throw InputError("the project holds no learning curves; train it first");
    std::ostringstream csv;
    csv.precision(9);
    const nlohmann::ordered_json first = metricsJson(project.curves.front());
    bool comma = false;
    for (const auto& [key, value] : first.items()) csv << (comma ? "," : "") << key, comma = true;
    csv << '\n';
    for (const EpochMetrics& point : project.curves) {
        comma = false;
        const nlohmann::ordered_json values = metricsJson(point);
        for (const auto& [key, value] : values.items())
            csv << (comma ? "," : "") << value.get<double>(), comma = true;
        csv << '\n';
    }
    return csv.str();
}

// The test data's confusion matrix: a row for each true class, a column for each predicted one.
std::string confusionCsv(const Project& project, const std::string& backendName) {
    if (project.model != ModelKind::Network || project.network.loss == LossKind::MeanSquaredError)
        throw InputError("a confusion matrix needs a network that tells classes apart");
    auto dataset = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(project.dataset)));
    std::unique_ptr<Backend> backend = makeBackend(parseBackendChoice(backendName), "evaluating");
    const std::unique_ptr<TrainingRun> run = trainedRun(project, dataset, backend, "evaluating");
    const ConfusionMatrix matrix = run->trainer().confusion(Trainer::Part::Test);
    const auto name = [&](int64_t k) {
        return static_cast<size_t>(k) < dataset->classNames.size()
                   ? csvField(dataset->classNames[static_cast<size_t>(k)])
                   : std::to_string(k);
    };
    std::ostringstream csv;
    csv << "true \\ predicted";
    for (int64_t k = 0; k < matrix.classes; ++k) csv << ',' << name(k);
    csv << '\n';
    for (int64_t t = 0; t < matrix.classes; ++t) {
        csv << name(t);
        for (int64_t p = 0; p < matrix.classes; ++p) csv << ',' << matrix.at(t, p);
        csv << '\n';
    }
    return csv.str();
}

}  // namespace

int exportCommand(const Words& words) {
    const Arguments args(words, {"project", "format", "out", "backend"}, {});
    const std::string format = args.required("format");
    const std::string out = args.required("out");
    const std::optional<ModelFormat> modelFormat = modelFormatFromName(format);
    if (!modelFormat && format != "curves" && format != "confusion")
        throw UsageError("--format must be onnx, npz, numpy, pytorch, curves or confusion, not " +
                         inQuotes(format));
    checkWritableTarget(out);
    const std::string projectPath = args.required("project");
    const Project project = loadProject(projectPath);
    if (format == "curves") {
        writeFileAtomically(out, curvesCsv(project));
        return 0;
    }
    if (project.weights.empty())
        throw InputError(printablePath(projectPath) + ": the project holds no trained weights");
    if (format == "confusion")
        writeFileAtomically(out, confusionCsv(project, args.text("backend", "cpu")));
    else
        writeModelFiles(describeForExport(project, classNamesOf(project)), *modelFormat, out);
    return 0;
}

int importCommand(const Words& words) {
    const Arguments args(words, {"onnx", "dataset", "save"}, {});
    const std::string savePath = args.required("save");
    checkWritableTarget(savePath);
    Project project = loadOnnxProject(args.required("onnx"));
    project.dataset = args.required("dataset");
    // The dataset must fit the network (inputs, classes or values): checked now, as training
    // would check it, not when a run starts.
    auto dataset = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(project.dataset)));
    CpuBackend backend;
    TrainingRun(backend, project.network, dataset, project.training);
    project.pixelInputs = project.pixelInputs || !dataset->train.pixels.empty();
    saveProject(project, savePath);
    return 0;
}

}  // namespace koto::cli
