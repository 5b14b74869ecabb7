#include "data/dataset.h"

#include <cmath>
#include <numeric>

#include "util/errors.h"
#include "util/random.h"

namespace koto {

std::vector<float> oneHot(const std::vector<int32_t>& labels, int64_t classCount) {
    std::vector<float> indicator(labels.size() * static_cast<size_t>(classCount), 0.0f);
    for (size_t n = 0; n < labels.size(); ++n) {
        if (labels[n] < 0 || labels[n] >= classCount)
            throw InputError("label " + std::to_string(labels[n]) + " of sample " +
                             std::to_string(n + 1) + " is outside 0.." +
                             std::to_string(classCount - 1));
        indicator[n * static_cast<size_t>(classCount) + static_cast<size_t>(labels[n])] = 1.0f;
    }
    return indicator;
}

std::vector<float> DataSplit::floatInputs(int64_t first, int64_t rows, int64_t width) const {
    if (first < 0 || rows < 0 || first + rows > count) throw InputError("samples out of range");
    if (pixels.empty())
        return std::vector<float>(inputs.begin() + first * width,
                                  inputs.begin() + (first + rows) * width);
    std::vector<float> values(static_cast<size_t>(rows * width));
    for (size_t i = 0; i < values.size(); ++i)
        values[i] = pixels[static_cast<size_t>(first * width) + i] / 255.0f;
    return values;
}

void holdOutValidation(Dataset& dataset, double fraction, uint64_t seed) {
    if (!(fraction > 0 && fraction < 1))
        throw InputError("the validation share must be between 0 and 1");
    const DataSplit all = std::move(dataset.train);
    const auto held = static_cast<int64_t>(std::llround(static_cast<double>(all.count) * fraction));
    if (held < 1 || held >= all.count)
        throw InputError("a validation share of " + std::to_string(fraction) +
                         " leaves no training or no validation samples");
    std::vector<int64_t> order(static_cast<size_t>(all.count));
    std::iota(order.begin(), order.end(), 0);
    Random random(seed, 0x76616c69);  // "vali"
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.below(i)]);
    dataset.train = {};
    dataset.validation = {};
    const int64_t width = dataset.inputSize;
    const int64_t steps = dataset.targetSteps();
    const int64_t targets = all.targets.empty() ? 0 : dataset.outputSize * steps;
    for (size_t i = 0; i < order.size(); ++i) {
        DataSplit& to =
            static_cast<int64_t>(i) < all.count - held ? dataset.train : dataset.validation;
        const int64_t n = order[i];
        if (all.pixels.empty())
            to.inputs.insert(to.inputs.end(), all.inputs.begin() + n * width,
                             all.inputs.begin() + (n + 1) * width);
        else
            to.pixels.insert(to.pixels.end(), all.pixels.begin() + n * width,
                             all.pixels.begin() + (n + 1) * width);
        if (!all.labels.empty())
            to.labels.insert(to.labels.end(), all.labels.begin() + n * steps,
                             all.labels.begin() + (n + 1) * steps);
        if (targets)
            to.targets.insert(to.targets.end(), all.targets.begin() + n * targets,
                              all.targets.begin() + (n + 1) * targets);
        ++to.count;
    }
}

std::vector<float> Dataset::targetMatrix(const DataSplit& split, int64_t outputColumns) const {
    if (task == Task::Regression) {
        if (outputColumns != outputSize)
            throw InputError(name + " has " + std::to_string(outputSize) +
                             " target values per sample, the network gives " +
                             std::to_string(outputColumns));
        return split.targets;
    }
    if (outputColumns == 1 && classCount == 2) {
        std::vector<float> binary(split.labels.begin(), split.labels.end());
        return binary;
    }
    if (outputColumns != classCount)
        throw InputError(name + " has " + std::to_string(classCount) +
                         " classes but the network gives " + std::to_string(outputColumns) +
                         " outputs");
    return oneHot(split.labels, classCount);
}

}  // namespace koto
