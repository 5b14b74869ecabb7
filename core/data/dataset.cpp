#include "data/dataset.h"

#include "util/errors.h"

namespace koto {

std::vector<float> oneHot(const std::vector<int32_t>& labels, int64_t classCount) {
    std::vector<float> indicator(labels.size() * static_cast<size_t>(classCount), 0.0f);
    for (size_t n = 0; n < labels.size(); ++n) {
        if (labels[n] < 0 || labels[n] >= classCount)
            throw InputError("label " + std::to_string(labels[n]) + " of sample " + std::to_string(n + 1) +
                             " is outside 0.." + std::to_string(classCount - 1));
        indicator[n * static_cast<size_t>(classCount) + static_cast<size_t>(labels[n])] = 1.0f;
    }
    return indicator;
}

std::vector<float> Dataset::targetMatrix(const DataSplit& split, int64_t outputColumns) const {
    if (task == Task::Regression) {
        if (outputColumns != outputSize)
            throw InputError(name + " has " + std::to_string(outputSize) + " target values per sample, the network gives " +
                             std::to_string(outputColumns));
        return split.targets;
    }
    if (outputColumns == 1 && classCount == 2) {
        std::vector<float> binary(split.labels.begin(), split.labels.end());
        return binary;
    }
    if (outputColumns != classCount)
        throw InputError(name + " has " + std::to_string(classCount) + " classes but the network gives " +
                         std::to_string(outputColumns) + " outputs");
    return oneHot(split.labels, classCount);
}

}  // namespace koto
