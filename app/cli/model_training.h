#pragma once
// train --model autoencoder:SIZES|rbm:M, and --pretrain rbm|autoencoder for a classifier: the
// unsupervised models of part 12, trained from the command line with the per-epoch
// reconstruction error (and the RBM's free energy) printed.

#include <memory>
#include <optional>

#include "arguments.h"
#include "data/dataset.h"
#include "models/pretraining.h"
#include "network/network.h"
#include "training/training_settings.h"

namespace koto::cli {

// The hidden layers when --layers is not given.
constexpr const char* kDefaultLayers = "dense:8:tanh,dense:8:tanh";

// From train_command.cpp: the training options every train command takes, and --loss.
TrainingSettings settingsFrom(const Arguments& args, TrainingSettings settings);
std::optional<LossKind> lossOption(const Arguments& args);

// train --model ...: trains the autoencoder or RBM and returns the exit code.
int trainModel(const Arguments& args);

struct PretrainChoice {
    PretrainOptions options;
    // --pretrain-data SPEC: other (unlabelled) inputs to pre-train on, as many images as there
    // are while the classifier learns from a few labelled ones; none: the training inputs.
    std::shared_ptr<const Dataset> data;
};

// --pretrain rbm|autoencoder [--pretrain-epochs N --pretrain-data SPEC --cd K --persistent
// --denoise S --tied], or nothing without --pretrain. UsageError for options that belong to
// neither.
std::optional<PretrainChoice> pretrainChoice(const Arguments& args);
// Pre-trains the classifier's first dense layer on the chosen inputs (else `dataset`'s training
// inputs), printing each pre-training epoch.
void pretrainClassifier(Network& classifier, const Dataset& dataset,
                        const TrainingSettings& settings, const PretrainChoice& choice, bool json);

}  // namespace koto::cli
