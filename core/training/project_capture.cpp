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

}  // namespace koto
