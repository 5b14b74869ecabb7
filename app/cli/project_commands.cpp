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
#include "training/training_run.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto::cli {
namespace {

Project loadTrainedProject(const std::string& path) {
    Project project = loadProject(path);
    if (project.weights.empty())
        throw InputError(printablePath(path) + ": the project holds no trained weights");
    if (project.model != ModelKind::Network)
        throw InputError(printablePath(path) + ": the project holds an " +
                         std::string(modelKindName(project.model)) +
                         "; eval and predict work on classification and regression networks");
    return project;
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
    const std::unique_ptr<TrainingRun> run =
        buildWithCpuFallback(backend, "evaluating", [&](Backend& on) {
            auto made =
                std::make_unique<TrainingRun>(on, project.network, dataset, project.training);
            restoreWeights(made->network(), project.weights);
            return made;
        });
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
    const Project project = loadTrainedProject(args.required("project"));
    const std::string inputPath = args.required("input");
    const NumericTable table = readNumericCsv(inputPath);

    std::unique_ptr<Backend> backend = makeBackend(backendChoice, "predicting");
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
    std::vector<float> inputs = table.values;
    if (project.pixelInputs) {  // as in training: pixels 0-255 become 0-1
        for (size_t i = 0; i < inputs.size(); ++i) {
            if (!(inputs[i] >= 0 && inputs[i] <= 255))
                throw InputError(printablePath(inputPath) + ", data row " +
                                 std::to_string(i / static_cast<size_t>(table.cols) + 1) +
                                 ", column " +
                                 std::to_string(i % static_cast<size_t>(table.cols) + 1) +
                                 ": the network was trained on pixels from 0 to 255, not " +
                                 shortNumber(inputs[i]));
            inputs[i] /= 255.0f;
        }
    }
    const std::vector<float> outputs = network.predict(inputs, table.rows);
    const int64_t width = network.outputSize();
    // Many-to-many (seq:many) answers at every time step: a line per input row and step, the
    // two named in front.
    const int64_t steps = network.outputRowsPerSample();

    std::ostringstream csv;
    csv.precision(9);
    const bool classification = project.network.loss != LossKind::MeanSquaredError;
    if (steps > 1) csv << "row,step,";
    if (classification) {
        csv << "class";
        for (int64_t k = 0; k < (width == 1 ? 2 : width); ++k) csv << ",p" << k;
    } else {
        for (int64_t k = 0; k < width; ++k) csv << (k ? "," : "") << "y" << k;
    }
    csv << '\n';
    for (int64_t n = 0; n < table.rows * steps; ++n) {
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
    if (outputPath) writeFileAtomically(*outputPath, csv.str());
    else std::cout << csv.str();
    return 0;
}

}  // namespace koto::cli
