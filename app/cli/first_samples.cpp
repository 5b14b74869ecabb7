#include "first_samples.h"

namespace koto::cli {

FirstSamples firstTrainingSamples(const Dataset& dataset, int64_t rows, int64_t outputs) {
    DataSplit head;
    head.count = rows;
    const int64_t steps = dataset.targetSteps();  // T targets a sample with a target every step
    if (dataset.task == Task::Classification)
        head.labels.assign(dataset.train.labels.begin(),
                           dataset.train.labels.begin() + rows * steps);
    else
        head.targets.assign(dataset.train.targets.begin(),
                            dataset.train.targets.begin() + rows * steps * dataset.outputSize);
    return {dataset.train.floatInputs(0, rows, dataset.inputSize),
            dataset.targetMatrix(head, outputs)};
}

}  // namespace koto::cli
