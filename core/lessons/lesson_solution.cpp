#include "lessons/lesson_solution.h"

#include "data/dataset_spec.h"
#include "io/layer_tokens.h"
#include "io/project_parts_json.h"
#include "training/training_run.h"
#include "util/errors.h"

namespace koto {
namespace {

std::shared_ptr<const Dataset> datasetOf(const Project& project) {
    return std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(project.dataset)));
}

// The run's start, untrained: its settings, network and the weights it begins with.
RunEvidence startOf(Backend& backend, const Project& project) {
    TrainingRun run(backend, project.network, datasetOf(project), project.training);
    if (!project.weights.empty()) restoreWeights(run.network(), project.weights);
    RunEvidence evidence = evidenceOf(project);
    evidence.weights = captureWeights(run.network());
    return evidence;
}

}  // namespace

Project withSolution(const Project& preset, const TaskSolution& solution) {
    Project project = preset;
    nlohmann::json settings = trainingJson(preset.training);
    for (const auto& [key, value] : solution.settings) settings[key] = value;
    readTraining(settings, project.training);
    project.training.epochs = solution.epochs;
    const bool newData = !solution.dataset.empty() && solution.dataset != preset.dataset;
    if (newData) project.dataset = solution.dataset;
    if (newData || !solution.layers.empty()) {
        const Dataset data = loadDataset(DatasetSpec::parse(project.dataset));
        const std::string layers =
            solution.layers.empty() ? hiddenLayerTokens(preset.network) : solution.layers;
        project.network = networkSpecFromTokens(layers, data, preset.network.loss);
        if (!trainsAlike(project.network, preset.network, false) || newData)
            project.weights.clear();
    }
    project.epochsTrained = project.stepsTrained = 0;
    project.curves.clear();
    project.checkpoints.clear();
    project.otherRuns.clear();
    return project;
}

SolutionRun trainSolution(Backend& backend, const Project& preset, const TaskSolution& solution) {
    SolutionRun result;
    result.before = startOf(backend, preset);
    const Project project = withSolution(preset, solution);
    TrainingRun run(backend, project.network, datasetOf(project), project.training);
    if (!project.weights.empty()) restoreWeights(run.network(), project.weights);
    Trainer& trainer = run.trainer();
    RunEvidence& after = result.after;
    after = evidenceOf(project);
    try {
        trainer.train(project.training.epochs);
    } catch (const DivergenceError&) {
        after.diverged = true;
    }
    after.curves = trainer.curve().since(0);
    after.epochs = trainer.epochsDone();
    after.steps = trainer.stepsDone();
    after.weights = captureWeights(run.network());
    after.stoppedEarly = trainer.stoppedEarly();
    return result;
}

}  // namespace koto
