#pragma once
// An autoencoder (part 12 of the curriculum) as an ordinary network trained by the ordinary
// Trainer: an encoder of dense layers D -> M1 -> ... -> Mk and a mirrored decoder back to D,
// whose targets are its own inputs (T = X). Its cost is the reconstruction error: mean squared
// error, or binary cross-entropy for values in [0, 1], on a sigmoid output layer.
//
// Denoising: a noise layer first adds N(0, sigma^2) to the input while training, and the target
// stays the clean input. Tied weights: each decoder layer is a tied_dense layer that uses the
// transpose of its mirror encoder layer's W (layers/tied_dense_layer.h).
//
// `--model autoencoder:256,64` on 784 inputs: dense 784-256, dense 256-64, then 64-256 and
// 256-784 (sigmoid).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "backend/activation.h"
#include "data/dataset.h"
#include "network/network_spec.h"

namespace koto {

struct AutoencoderOptions {
    std::vector<int64_t> encoder;              // hidden sizes, outermost first: {256, 64}
    Activation activation = Activation::Relu;  // of the hidden layers (the output is sigmoid)
    bool tied = false;
    double denoise = 0;  // sigma of the noise on the input while training (0: none)
    LossKind loss = LossKind::MeanSquaredError;  // or BinaryCrossEntropy

    // "256,64" or "256,64:sigmoid" (what follows "autoencoder:" in --model); InputError if bad.
    static AutoencoderOptions parse(std::string_view text);
};

// The network spec: [noise_1] dense_1 .. dense_k, then dense or tied_dense layers back to
// inputSize units with a sigmoid output. InputError for bad sizes.
NetworkSpec autoencoderSpec(int64_t inputSize, const AutoencoderOptions& options);

// The dataset to train the autoencoder on: the same inputs (and image facts), with the inputs
// as regression targets (T = X), labels dropped.
Dataset reconstructionDataset(const Dataset& source);

}  // namespace koto
