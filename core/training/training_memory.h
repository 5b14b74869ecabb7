#pragma once
// The memory a training run takes on its backend, checked before the run allocates anything
// (TrainingRun's constructor) and shown to the learner beside the network. On top of its
// network's (network/memory_estimate.h), built for TrainingRun::rowsFor(settings) rows:
//   optimizer state  0 (sgd), 1 (momentum, nesterov, adagrad) or 2 (rmsprop, adam) tensors the
//                    size of the parameters, and one more with early stopping (the best weights)
//   activations      the mini-batch's X and T (and augmented X), and evaluation's chunk of X and T
//   data             every split's inputs (one byte a pixel for images, else a float) and targets

#include "data/dataset.h"
#include "network/memory_estimate.h"
#include "network/network_spec.h"
#include "training/training_settings.h"

namespace koto {

// `dataset` may be null (no data chosen yet): the data and the batch are then left out. Throws
// SpecError for a spec that cannot be built; settings that TrainingRun would refuse give the
// estimate of an optimizer without state.
MemoryEstimate estimateTrainingMemory(const NetworkSpec& spec, const TrainingSettings& settings,
                                      const Dataset* dataset = nullptr);

}  // namespace koto
