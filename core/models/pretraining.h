#pragma once
// Pre-training (part 12 of the curriculum): before a classifier learns from labels, its first
// layer learns from the inputs alone, as the hidden layer of an RBM or of an autoencoder; its W
// and hidden bias are then copied into the classifier's first dense layer, and the classifier
// trains as usual from there.

#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "data/dataset.h"
#include "network/network.h"
#include "training/training_settings.h"

namespace koto {

enum class PretrainKind { Autoencoder, Rbm };
std::optional<PretrainKind> pretrainKindFromName(std::string_view name);  // "autoencoder", "rbm"
std::string_view pretrainKindName(PretrainKind kind);

struct PretrainOptions {
    PretrainKind kind = PretrainKind::Rbm;
    int64_t epochs = 5;
    int cdSteps = 1;          // RBM: k of CD-k
    bool persistent = false;  // RBM: PCD
    double denoise = 0;       // autoencoder: sigma of the input noise
    bool tied = false;        // autoencoder: decoder W = encoder W^T
};

struct PretrainEpoch {
    int64_t epoch = 0;
    double reconstructionError = 0;    // mean squared, per value, on the training inputs
    double freeEnergy = std::nan("");  // RBM only: mean F(v) of the training inputs
};

// The index of the classifier's first dense layer, if the input reaches it through layers
// without parameters only (noise, dropout); InputError otherwise.
int firstDenseLayer(const Network& classifier);
// Copies `weights` (D x M) and `bias` (1 x M), tensors of the classifier's backend, into that
// layer's W and b, exactly. InputError if the shapes differ.
void copyIntoFirstDense(Network& classifier, const Tensor& weights, const Tensor& bias);

// Trains an RBM with that layer's M hidden units (or an autoencoder D-M-D with that layer's
// activation and a sigmoid output, mean squared error) on the dataset's training inputs (the
// classifier's own, or other, unlabelled ones of the same size: labels are not used), with the
// settings' learning rate, batch size, optimizer and seed (no augmentation, penalties or
// validation), reporting each epoch; then copies its W and hidden bias into that layer.
void pretrainFirstLayer(Network& classifier, const Dataset& dataset,
                        const TrainingSettings& settings, const PretrainOptions& options,
                        const std::function<void(const PretrainEpoch&)>& report = {});

}  // namespace koto
