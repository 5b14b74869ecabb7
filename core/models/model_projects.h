#pragma once
// Autoencoders and RBMs as .koto projects (io/project_file.h: the "model" field).

#include <string>

#include "io/project_file.h"
#include "models/rbm.h"
#include "models/rbm_trainer.h"
#include "network/templates.h"
#include "training/trainer.h"

namespace koto {

// The autoencoder's network, settings, weights and curves, marked as an autoencoder.
Project captureAutoencoderProject(Trainer& trainer, const std::string& datasetSpec);
// The RBM's sizes, CD settings, weights (rbm.W, rbm.b, rbm.c) and curves: the reconstruction
// error as loss, its square root as rmse.
Project captureRbmProject(RbmTrainer& trainer, const Dataset& dataset,
                          const std::string& datasetSpec);
// An autoencoder or RBM template as an untrained project, with the settings each model learns
// well with (bench/unsupervised.sh: Adam 0.001 in batches of 64 for the autoencoder, momentum
// 0.05 in batches of 20 for the RBM).
Project untrainedModelProject(const Template& modelTemplate);
// Sets the RBM's weights from a project's; InputError if they do not fit.
void restoreRbmWeights(Rbm& rbm, const std::vector<SavedTensor>& weights);

}  // namespace koto
