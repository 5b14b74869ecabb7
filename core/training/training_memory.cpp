#include "training/training_memory.h"

#include <algorithm>

#include "network/layer_registry.h"
#include "training/optimizer.h"
#include "training/training_run.h"
#include "util/errors.h"

namespace koto {
namespace {

int64_t stateTensorsPerParameter(const TrainingSettings& settings) {
    try {
        return makeOptimizer(settings)->stateTensorsPerParameter();
    } catch (const InputError&) {
        return 0;  // TrainingRun refuses these settings itself, with what is wrong with them
    }
}

int64_t floatBytes(int64_t rows, int64_t columns) {
    return multiplyBytes(multiplyBytes(rows, columns), bytesPerElement(DType::Float32));
}

}  // namespace

MemoryEstimate estimateTrainingMemory(const NetworkSpec& spec, const TrainingSettings& settings,
                                      const Dataset* dataset) {
    const int64_t rows = TrainingRun::rowsFor(settings);
    MemoryEstimate estimate = estimateNetworkMemory(spec, rows);
    int64_t copies = stateTensorsPerParameter(settings);
    if (settings.patience > 0) ++copies;
    estimate.optimizerState = multiplyBytes(estimate.parameters, copies);

    int64_t inputSize = 1;
    for (const int64_t d : spec.inputShape) inputSize = multiplyBytes(inputSize, d);
    // The targets of one sample: the network's outputs, at every time step where the data has
    // a target at every step (seq:many).
    int64_t targetSize = dataset ? dataset->targetSteps() : 1;
    const std::vector<std::vector<int64_t>> shapes = inferShapes(spec);
    for (const int64_t d : shapes.back()) targetSize = multiplyBytes(targetSize, d);
    // Evaluation's chunk of inputs and targets, made for every evaluation.
    estimate.activations = addBytes(estimate.activations, floatBytes(rows, inputSize + targetSize));
    if (!dataset) return estimate;

    const int64_t batch =
        std::clamp<int64_t>(std::min(settings.batchSize, dataset->train.count), 1, rows);
    const int64_t batchInputs = settings.augment.empty() ? 1 : 2;  // X, and X augmented
    estimate.activations =
        addBytes(estimate.activations, addBytes(floatBytes(batch * batchInputs, inputSize),
                                                floatBytes(batch, targetSize)));
    for (const DataSplit* split : {&dataset->train, &dataset->validation, &dataset->test}) {
        const int64_t inputs = split->pixels.empty() ? floatBytes(split->count, inputSize)
                                                     : multiplyBytes(split->count, inputSize);
        const int64_t targets = floatBytes(split->count, targetSize);
        estimate.data = addBytes(estimate.data, addBytes(inputs, targets));
        estimate.largestTensor = std::max({estimate.largestTensor, inputs, targets});
    }
    return estimate;
}

}  // namespace koto
