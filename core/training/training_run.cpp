#include "training/training_run.h"

#include <algorithm>

#include "training/training_memory.h"
#include "util/errors.h"

namespace koto {

int64_t TrainingRun::rowsFor(const TrainingSettings& settings) {
    return std::max<int64_t>(settings.batchSize, 256);
}

TrainingRun::TrainingRun(Backend& backend, const NetworkSpec& spec,
                         std::shared_ptr<const Dataset> dataset, const TrainingSettings& settings,
                         TrainingControl* control)
    : dataset_(std::move(dataset)) {
    if (settings.validation > 0) {  // a copy of the data with the validation share held out
        auto held = std::make_shared<Dataset>(*dataset_);
        holdOutValidation(*held, settings.validation, settings.seed);
        dataset_ = std::move(held);
    }
    if (settings.batchSize < 1 || settings.batchSize > 1'000'000)
        throw InputError("the batch size must be between 1 and 1000000");
    optimizer_ = makeOptimizer(settings);
    // The whole run, optimizer state and data included, before any of it is allocated.
    checkFitsInMemory(estimateTrainingMemory(spec, settings, dataset_.get()),
                      backend.memoryCapacity(), "training this network");
    network_ = std::make_unique<Network>(backend, spec, rowsFor(settings));
    network_->initialize(settings.seed);
    trainer_ = std::make_unique<Trainer>(*network_, *optimizer_, *dataset_, settings, control);
}

}  // namespace koto
