#pragma once
// How the Fashion-MNIST benchmarks train, as the PyTorch references do (bench/torch_reference.py,
// bench/lenet_reference.py): SGD with momentum 0.9 at learning rate 0.01, seed 1; and the
// LeNet-like CNN they time.

#include <cstdint>

#include "training/training_settings.h"

namespace kotobench {

inline constexpr const char* kLenetLayers =
    "conv:6:5,maxpool:2,conv:16:5,maxpool:2,flatten,dense:120:relu,dense:84:relu";

inline koto::TrainingSettings referenceSettings(int64_t batchSize = 64) {
    koto::TrainingSettings settings;
    settings.optimizer = "momentum";
    settings.momentum = 0.9;
    settings.learningRate = 0.01;
    settings.batchSize = batchSize;
    settings.seed = 1;
    return settings;
}

}  // namespace kotobench
