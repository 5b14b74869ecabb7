// eval and predict: using a trained .koto project.

#include <fstream>
#include <iostream>
#include <sstream>

#include "arguments.h"
#include "backend_choice.h"
#include "commands.h"
#include "data/dataset_spec.h"
#include "io/atomic_file.h"
#include "io/numeric_csv.h"
#include "io/project_file.h"
#include "metrics_output.h"
#include "models/model_projects.h"
#include "models/rbm.h"
#include "training/training_run.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto::cli {
namespace {

Project loadTrainedProject(const std::string& path, bool anyModel = false) {
    Project project = loadProject(path);
    if (project.weights.empty())
        throw InputError(printablePath(path) + ": the project holds no trained weights");
    if (project.model != ModelKind::Network && !anyModel)
        throw InputError(printablePath(path) + ": the project holds an " +
                         std::string(modelKindName(project.model)) +
                         "; eval works on classification and regression networks");
    return project;
}

// An RBM's answer to new inputs: its hidden probabilities p(h|v) = s(v W + c).
std::vector<float> rbmHiddenProbabilities(Backend& backend, const Project& project,
                                          const std::vector<float>& visible, int64_t rows) {
    Rbm rbm(backend, {project.rbm.visible, project.rbm.hidden}, std::max<int64_t>(rows, 1));
    restoreRbmWeights(rbm, project.weights);
    Tensor v = backend.allocate(Shape{rows, project.rbm.visible}, DType::Float32);
    Tensor h = backend.allocate(Shape{rows, project.rbm.hidden}, DType::Float32);
    backend.upload(std::span<const float>(visible), v);
    rbm.hiddenProbabilities(v, h);
    std::vector<float> out(static_cast<size_t>(rows * project.rbm.hidden));
    backend.download(h, std::span<float>(out));
    return out;
}

// The inputs as the model takes them: pixels 0-255 become 0-1, as in training.
std::vector<float> pixelsScaled(const Project& project, const NumericTable& table,
                                const std::string& inputPath) {
    std::vector<float> inputs = table.values;
    if (!project.pixelInputs) return inputs;
    for (size_t i = 0; i < inputs.size(); ++i) {
        if (!(inputs[i] >= 0 && inputs[i] <= 255))
            throw InputError(printablePath(inputPath) + ", data row " +
                             std::to_string(i / static_cast<size_t>(table.cols) + 1) + ", column " +
                             std::to_string(i % static_cast<size_t>(table.cols) + 1) +
                             ": the network was trained on pixels from 0 to 255, not " +
                             shortNumber(inputs[i]));
        inputs[i] /= 255.0f;
    }
    return inputs;
}

// Predictions as CSV: "class,p0,p1,..." for classes (one sigmoid unit: p0 = 1 - p, p1 = p), else
// "y0,y1,...". Many-to-many (seq:many) answers at every time step: a line per input row and step,
// the two named in front.
std::string predictionsCsv(const std::vector<float>& outputs, int64_t width, int64_t steps,
                           bool classification) {
    std::ostringstream csv;
    csv.precision(9);
    if (steps > 1) csv << "row,step,";
    if (classification) {
        csv << "class";
        for (int64_t k = 0; k < (width == 1 ? 2 : width); ++k) csv << ",p" << k;
    } else {
        for (int64_t k = 0; k < width; ++k) csv << (k ? "," : "") << "y" << k;
    }
    csv << '\n';
    const int64_t lines = static_cast<int64_t>(outputs.size()) / width;
    for (int64_t n = 0; n < lines; ++n) {
        const float* row = outputs.data() + n * width;
        if (steps > 1) csv << n / steps + 1 << ',' << n % steps + 1 << ',';
        if (classification && width == 1) {
            csv << (row[0] >= 0.5f ? 1 : 0) << ',' << 1.0f - row[0] << ',' << row[0];
        } else if (classification) {
            csv << std::max_element(row, row + width) - row;
            for (int64_t k = 0; k < width; ++k) csv << ',' << row[k];
        } else {
            for (int64_t k = 0; k < width; ++k) csv << (k ? "," : "") << row[k];
        }
        csv << '\n';
    }
    return csv.str();
}

}  // namespace

int evalCommand(const Words& words) {
    const Arguments args(words, {"project", "dataset", "backend"}, {"json"});
    const BackendChoice backendChoice = parseBackendChoice(args.text("backend", "cpu"));
    const std::string path = args.required("project");
    const Project project = loadTrainedProject(path);
    const std::string datasetText = args.text("dataset", project.dataset);
    auto dataset = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(datasetText)));
    std::unique_ptr<Backend> backend = makeBackend(backendChoice, "evaluating");
    const std::unique_ptr<TrainingRun> run = trainedRun(project, dataset, backend, "evaluating");
    EpochMetrics metrics = run->trainer().evaluate();
    metrics.epoch = project.epochsTrained;
    metrics.steps = project.stepsTrained;
    if (args.has("json")) {
        nlohmann::ordered_json json = metricsJson(metrics);
        json.erase("seconds");
        json["dataset"] = datasetText;
        std::cout << json.dump() << '\n';
    } else {
        std::cout << metricsLine(metrics) << '\n';
    }
    return 0;
}

int predictCommand(const Words& words) {
    const Arguments args(words, {"project", "input", "output", "backend"}, {});
    const BackendChoice backendChoice = parseBackendChoice(args.text("backend", "cpu"));
    const std::optional<std::string> outputPath = args.optionalText("output");
    if (outputPath) checkWritableTarget(*outputPath);  // before the work it would keep
    const Project project = loadTrainedProject(args.required("project"), true);
    const std::string inputPath = args.required("input");
    const NumericTable table = readNumericCsv(inputPath);

    std::unique_ptr<Backend> backend = makeBackend(backendChoice, "predicting");
    if (project.model == ModelKind::Rbm) {
        if (table.cols != project.rbm.visible)
            throw InputError(printablePath(inputPath) + ": rows have " + std::to_string(table.cols) +
                             " values, the RBM takes " + std::to_string(project.rbm.visible));
        const std::vector<float> hidden =
            rbmHiddenProbabilities(*backend, project, pixelsScaled(project, table, inputPath),
                                   table.rows);
        const std::string csv = predictionsCsv(hidden, project.rbm.hidden, 1, false);
        if (outputPath) writeFileAtomically(*outputPath, csv);
        else std::cout << csv;
        return 0;
    }
    const std::unique_ptr<Network> built =
        buildWithCpuFallback(backend, "predicting", [&](Backend& on) {
            auto made = std::make_unique<Network>(on, project.network,
                                                  TrainingRun::rowsFor(project.training));
            restoreWeights(*made, project.weights);
            return made;
        });
    Network& network = *built;
    if (table.cols != network.inputSize())
        throw InputError(printablePath(inputPath) + ": rows have " + std::to_string(table.cols) +
                         " values, the network takes " + std::to_string(network.inputSize()));
    const std::vector<float> outputs =
        network.predict(pixelsScaled(project, table, inputPath), table.rows);
    // An autoencoder's answer is its reconstruction: values, whatever its loss.
    const bool classification = project.model == ModelKind::Network &&
                                project.network.loss != LossKind::MeanSquaredError;
    const std::string csv = predictionsCsv(outputs, network.outputSize(),
                                           network.outputRowsPerSample(), classification);
    if (outputPath) writeFileAtomically(*outputPath, csv);
    else std::cout << csv;
    return 0;
}

}  // namespace koto::cli
