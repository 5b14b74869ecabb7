#include "training/project_capture.h"

namespace koto {

Project captureProject(Trainer& trainer, const std::string& datasetSpec, const Project* earlier) {
    Project project;
    project.network = trainer.network().spec();
    project.training = trainer.settings();
    project.dataset = datasetSpec;
    project.pixelInputs = !trainer.dataset().train.pixels.empty();
    project.weights = captureWeights(trainer.network());
    if (earlier) {
        project.curves = earlier->curves;
        project.draft = earlier->draft;  // the editor's unfinished work stays with the project
    }
    const int64_t epochOffset = earlier ? earlier->epochsTrained : 0;
    const int64_t stepOffset = earlier ? earlier->stepsTrained : 0;
    for (EpochMetrics metrics : trainer.curve().since(0)) {
        metrics.epoch += epochOffset;
        metrics.steps += stepOffset;
        project.curves.push_back(metrics);
    }
    project.epochsTrained = epochOffset + trainer.epochsDone();
    project.stepsTrained = stepOffset + trainer.stepsDone();
    return project;
}

Project captureProject(Trainer& trainer, const std::string& datasetSpec, const RunHistory& history,
                       const Project* earlier) {
    Project project = captureProject(trainer, datasetSpec, earlier);
    const int64_t epochOffset = earlier ? earlier->epochsTrained : 0;
    const int64_t stepOffset = earlier ? earlier->stepsTrained : 0;
    if (earlier) {
        project.run = earlier->run;
        project.otherRuns = earlier->otherRuns;
        // Its checkpoint at epochOffset is replaced by this trainer's first: the weights it went
        // on from, with the optimizer's state and the shuffle this trainer really started with.
        for (const RunCheckpoint& checkpoint : earlier->checkpoints)
            if (checkpoint.epoch < epochOffset) project.checkpoints.push_back(checkpoint);
    }
    std::vector<RunCheckpoint> own = history.checkpoints();
    if (own.empty() || own.back().epoch < trainer.epochsDone())
        own.push_back(takeRunCheckpoint(trainer));
    for (RunCheckpoint& checkpoint : own) {
        checkpoint.epoch += epochOffset;
        checkpoint.steps += stepOffset;
        project.checkpoints.push_back(std::move(checkpoint));
    }
    return project;
}

}  // namespace koto
