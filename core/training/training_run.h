#pragma once
// Everything one training run needs, built in the right order from plain settings: the network
// (from its spec, with initial weights from the seed), the optimizer and the trainer over the
// dataset. The CLI and the app's training worker both build their runs here.

#include <memory>

#include "backend/backend.h"
#include "data/dataset.h"
#include "network/network.h"
#include "training/optimizer.h"
#include "training/trainer.h"

namespace koto {

class TrainingRun {
public:
    // Throws SpecError for a bad spec and InputError for settings or data that do not fit it.
    // Before anything is allocated, the whole run's memory (training/training_memory.h) is
    // checked against the backend's: SpecError over the host's, DeviceError over a device's.
    TrainingRun(Backend& backend, const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
                const TrainingSettings& settings, TrainingControl* control = nullptr);

    Network& network() { return *network_; }
    Trainer& trainer() { return *trainer_; }
    // The data trained on: the given dataset, or a copy with the validation share held out.
    const Dataset& dataset() const { return *dataset_; }

    // Rows the network is built for: the batch, or more for evaluating in larger chunks.
    static int64_t rowsFor(const TrainingSettings& settings);

private:
    std::shared_ptr<const Dataset> dataset_;
    std::unique_ptr<Network> network_;
    std::unique_ptr<Optimizer> optimizer_;
    std::unique_ptr<Trainer> trainer_;
};

}  // namespace koto
