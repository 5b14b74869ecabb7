#include "models/model_projects.h"

#include <cmath>

#include "training/project_capture.h"
#include "util/errors.h"

namespace koto {

Project captureAutoencoderProject(Trainer& trainer, const std::string& datasetSpec) {
    Project project = captureProject(trainer, datasetSpec);
    project.model = ModelKind::Autoencoder;
    return project;
}

Project captureRbmProject(RbmTrainer& trainer, const Dataset& dataset,
                          const std::string& datasetSpec) {
    Rbm& rbm = trainer.rbm();
    Project project;
    project.model = ModelKind::Rbm;
    project.rbm = {rbm.shape().visible, rbm.shape().hidden, trainer.training().cdSteps,
                   trainer.training().persistent};
    project.training = trainer.settings();
    project.dataset = datasetSpec;
    project.pixelInputs = !dataset.train.pixels.empty();
    project.epochsTrained = trainer.epochsDone();
    project.stepsTrained = trainer.stepsDone();
    for (const NamedParameter& p : rbm.parameters()) {
        SavedTensor tensor{p.id, p.parameter->value.rows(), p.parameter->value.cols(), {}};
        tensor.values.resize(static_cast<size_t>(p.parameter->value.size()));
        rbm.backend().download(p.parameter->value, std::span<float>(tensor.values));
        project.weights.push_back(std::move(tensor));
    }
    for (const RbmEpochMetrics& m : trainer.curve()) {
        EpochMetrics point;
        point.epoch = m.epoch;
        point.steps = m.steps;
        point.seconds = m.seconds;
        point.regression = true;
        point.train.loss = m.trainReconstructionError;
        point.train.rmse = std::sqrt(m.trainReconstructionError);
        point.test.loss = m.testReconstructionError;
        point.test.rmse = std::sqrt(m.testReconstructionError);
        project.curves.push_back(point);
    }
    return project;
}

void restoreRbmWeights(Rbm& rbm, const std::vector<SavedTensor>& weights) {
    const auto& parameters = rbm.parameters();
    if (weights.size() != parameters.size())
        throw InputError("the saved weights have " + std::to_string(weights.size()) +
                         " tensors, an RBM 3");
    for (size_t i = 0; i < weights.size(); ++i) {
        Tensor& value = parameters[i].parameter->value;
        if (weights[i].name != parameters[i].id || weights[i].rows != value.rows() ||
            weights[i].cols != value.cols())
            throw InputError("the saved weights " + weights[i].name + " do not fit the RBM's " +
                             parameters[i].id + " (" + value.shape().text() + ")");
        rbm.backend().upload(std::span<const float>(weights[i].values), value);
    }
}

Project untrainedModelProject(const Template& modelTemplate) {
    Project project;
    project.dataset = modelTemplate.dataset;
    project.network = modelTemplate.network;
    if (modelTemplate.model.rfind("rbm", 0) == 0) {
        project.model = ModelKind::Rbm;
        project.rbm.visible = modelTemplate.network.inputShape.at(0);
        project.rbm.hidden = modelTemplate.network.layers.at(0).integer("units");
        project.training.optimizer = "momentum";
        project.training.learningRate = 0.05;
        project.training.batchSize = 20;
    } else {
        project.model = ModelKind::Autoencoder;
        project.training.optimizer = "adam";
        project.training.learningRate = 0.001;
        project.training.batchSize = 64;
    }
    return project;
}

}  // namespace koto
