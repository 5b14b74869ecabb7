#pragma once
// How a network is trained: plain data, stored in project files and edited in the app.

#include <cstdint>
#include <string>

namespace koto {

struct TrainingSettings {
    double learningRate = 0.03;  // TF Playground's default; the schedule's A
    int64_t batchSize = 10;      // 1: stochastic, the training-set size: batch gradient descent
    int64_t epochs = 100;
    uint64_t seed = 1;              // initial weights and the order of the mini-batches
    std::string optimizer = "sgd";  // sgd, momentum, nesterov, adagrad, rmsprop, adam
    double momentum = 0.9;          // mu of momentum, nesterov and rmsprop (0: rmsprop without it)
    double decay = 0.99;            // rmsprop: cache = decay * cache + (1 - decay) * g^2
    std::string schedule = "constant";  // constant, step:EVERY:FACTOR, inverse:K or exp:K
    // Penalties added to the cost: J + l1 sum |w| + l2 sum w^2, over the weights W, and over the
    // biases b too when regularizeBiases (as the curriculum's formulas write them).
    double l1 = 0;
    double l2 = 0;
    bool regularizeBiases = false;
    // Early stopping: hold out this share of the training samples for validation, and stop when
    // the validation loss has not improved for `patience` epochs (0: never), going back to the
    // weights of its best epoch.
    double validation = 0;
    int64_t patience = 0;
    // Data augmentation of the training images, as data/augmentation.h writes it ("": none).
    std::string augment;
    // Gradient clipping: before each update, gradients whose norm over all parameters together
    // exceeds this are scaled down to it (training/gradient_clipping.h); 0: off.
    double clipNorm = 0;
};

}  // namespace koto
