#include "models/pretraining.h"

#include "layers/dense_layer.h"
#include "models/autoencoder.h"
#include "models/rbm.h"
#include "models/rbm_trainer.h"
#include "training/optimizer.h"
#include "training/trainer.h"
#include "util/errors.h"

namespace koto {

std::optional<PretrainKind> pretrainKindFromName(std::string_view name) {
    if (name == "autoencoder") return PretrainKind::Autoencoder;
    if (name == "rbm") return PretrainKind::Rbm;
    return std::nullopt;
}

std::string_view pretrainKindName(PretrainKind kind) {
    return kind == PretrainKind::Rbm ? "rbm" : "autoencoder";
}

int firstDenseLayer(const Network& classifier) {
    for (int i = 0; i < classifier.layerCount(); ++i) {
        const Layer& layer = classifier.layer(i);
        if (layer.type() == "dense") return i;
        if (layer.type() != "noise" && layer.type() != "dropout") break;
    }
    throw InputError("pre-training needs a dense layer first in the classifier (noise or dropout "
                     "may come before it)");
}

void copyIntoFirstDense(Network& classifier, const Tensor& weights, const Tensor& bias) {
    auto& dense = static_cast<DenseLayer&>(classifier.layer(firstDenseLayer(classifier)));
    Tensor& w = dense.weights().value;
    Tensor& b = dense.bias().value;
    if (weights.rows() != w.rows() || weights.cols() != w.cols() || bias.size() != b.size())
        throw InputError("the pre-trained weights are " + std::to_string(weights.rows()) + " x " +
                         std::to_string(weights.cols()) + " but " + dense.name() + "'s W is " +
                         std::to_string(w.rows()) + " x " + std::to_string(w.cols()));
    Backend& backend = classifier.backend();
    backend.copy(weights, w);
    backend.copy(bias, b);
}

void pretrainFirstLayer(Network& classifier, const Dataset& dataset,
                        const TrainingSettings& settings, const PretrainOptions& options,
                        const std::function<void(const PretrainEpoch&)>& report) {
    if (options.epochs < 1) throw InputError("pre-training needs at least one epoch");
    if (dataset.inputSize != classifier.inputSize())
        throw InputError("the pre-training data " + dataset.name + " has " +
                         std::to_string(dataset.inputSize) +
                         " inputs per sample but the classifier takes " +
                         std::to_string(classifier.inputSize()));
    const auto& dense =
        static_cast<const DenseLayer&>(classifier.layer(firstDenseLayer(classifier)));
    // Only what a pre-training model uses: rate, batch, optimizer, seed.
    TrainingSettings plain;
    plain.learningRate = settings.learningRate;
    plain.batchSize = settings.batchSize;
    plain.seed = settings.seed;
    plain.optimizer = settings.optimizer;
    plain.momentum = settings.momentum;
    plain.decay = settings.decay;
    const std::unique_ptr<Optimizer> optimizer = makeOptimizer(plain);
    Backend& backend = classifier.backend();
    const int64_t batch = std::min(plain.batchSize, dataset.train.count);

    if (options.kind == PretrainKind::Rbm) {
        Rbm rbm(backend, {dataset.inputSize, dense.units()}, std::max<int64_t>(batch, 1),
                classifier.dtype());
        rbm.initialize(plain.seed);
        RbmTrainer trainer(rbm, *optimizer, dataset, plain, {options.cdSteps, options.persistent});
        trainer.train(options.epochs, [&](const RbmEpochMetrics& m) {
            if (report) report({m.epoch, m.trainReconstructionError, m.trainFreeEnergy});
        });
        copyIntoFirstDense(classifier, rbm.weights().value, rbm.hiddenBias().value);
        return;
    }
    AutoencoderOptions autoencoder;
    autoencoder.encoder = {dense.units()};
    autoencoder.activation = dense.activation();
    autoencoder.denoise = options.denoise;
    autoencoder.tied = options.tied;
    const Dataset reconstruction = reconstructionDataset(dataset);
    Network network(backend, autoencoderSpec(dataset.inputSize, autoencoder),
                    std::max<int64_t>(batch, 1), classifier.dtype());
    network.initialize(plain.seed);
    Trainer trainer(network, *optimizer, reconstruction, plain);
    for (int64_t epoch = 1; epoch <= options.epochs; ++epoch) {
        trainer.train(1);
        const EpochMetrics& metrics = trainer.curve().latest();
        if (report) report({epoch, metrics.train.rmse * metrics.train.rmse});
    }
    auto& encoder = static_cast<DenseLayer&>(network.layer(firstDenseLayer(network)));
    copyIntoFirstDense(classifier, encoder.weights().value, encoder.bias().value);
}

}  // namespace koto
