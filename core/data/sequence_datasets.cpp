#include "data/sequence_datasets.h"

#include <cmath>
#include <numbers>

#include "util/errors.h"
#include "util/random.h"
#include "util/text.h"

namespace koto {
namespace {

constexpr int64_t kMaxSamples = 1'000'000;
constexpr int64_t kMaxLength = 1000;

// One sample: its T inputs and its class (bits) or next value (sine), after the last step or
// at every step.
void appendSine(Random& random, const SequenceOptions& options, DataSplit& split) {
    const double omega = 2 * std::numbers::pi / kSinePeriod;
    const double phase = random.uniform(0, 2 * std::numbers::pi);
    const auto wave = [&](int64_t t) { return std::sin(omega * static_cast<double>(t) + phase); };
    for (int64_t t = 1; t <= options.window; ++t)
        split.inputs.push_back(static_cast<float>(wave(t) + random.normal(0, options.noise)));
    // The wave itself, not a noisy reading of it: the noise cannot be predicted, the wave can.
    for (int64_t t = options.targetEveryStep ? 1 : options.window; t <= options.window; ++t)
        split.targets.push_back(static_cast<float>(wave(t + 1)));
    ++split.count;
}

void appendBits(Random& random, const SequenceOptions& options, bool parity, DataSplit& split) {
    int32_t first = 0, ones = 0;
    for (int64_t t = 0; t < options.length; ++t) {
        const auto bit = static_cast<int32_t>(random.below(2));
        if (t == 0) first = bit;
        ones += bit;
        split.inputs.push_back(static_cast<float>(bit));
        if (options.targetEveryStep || t == options.length - 1)
            split.labels.push_back(parity ? ones % 2 : first);
    }
    ++split.count;
}

void checkOptions(const std::string& name, const SequenceOptions& options) {
    if (options.samples < 4 || options.samples > kMaxSamples)
        throw InputError(name + ": the number of sequences n must be between 4 and " +
                         std::to_string(kMaxSamples));
    if (!(options.testFraction > 0 && options.testFraction < 1))
        throw InputError(name + ": the test fraction must be between 0 and 1");
    if (name == "sine") {
        if (options.window < 2 || options.window > kMaxLength)
            throw InputError("sine: the window must be between 2 and " +
                             std::to_string(kMaxLength) + " values");
        if (!(options.noise >= 0 && options.noise <= 1))
            throw InputError("sine: noise (the standard deviation on a wave of amplitude 1) must "
                             "be between 0 and 1");
    } else if (options.length < 1 || options.length > kMaxLength) {
        throw InputError(name + ": the sequence length must be between 1 and " +
                         std::to_string(kMaxLength) + " bits");
    }
}

}  // namespace

bool isSequenceDataset(const std::string& name) {
    return name == "sine" || name == "firstbit" || name == "parity";
}

Dataset makeSequenceDataset(const std::string& name, const SequenceOptions& options) {
    if (!isSequenceDataset(name)) throw InputError("unknown sequence dataset " + inQuotes(name));
    checkOptions(name, options);
    const auto trainCount = static_cast<int64_t>(
        std::llround(static_cast<double>(options.samples) * (1.0 - options.testFraction)));
    if (trainCount == 0 || trainCount == options.samples)
        throw InputError(name + ": the test fraction leaves no training or no test sequences");

    Dataset dataset;
    dataset.name = name;
    const bool sine = name == "sine";
    dataset.sequenceLength = sine ? options.window : options.length;
    dataset.inputSize = dataset.sequenceLength;  // one value a step
    dataset.targetEveryStep = options.targetEveryStep;
    if (sine) {
        dataset.task = Task::Regression;
        dataset.outputSize = 1;
    } else {
        dataset.task = Task::Classification;
        dataset.classCount = 2;
        dataset.classNames = name == "parity" ? std::vector<std::string>{"even", "odd"}
                                              : std::vector<std::string>{"0", "1"};
    }
    Random random(options.seed, 0x73657175);  // "sequ"
    // Every sequence is drawn on its own, so a plain cut into training and test data is fair.
    for (int64_t i = 0; i < options.samples; ++i) {
        DataSplit& split = i < trainCount ? dataset.train : dataset.test;
        if (sine) appendSine(random, options, split);
        else appendBits(random, options, name == "parity", split);
    }
    return dataset;
}

Dataset asImageRowSequences(Dataset images) {
    if (images.imageHeight < 1 || images.imageWidth < 1)
        throw InputError("seqimg: " + inQuotes(images.name) + " is not an image dataset");
    images.name = "seqimg";
    images.sequenceLength = images.imageHeight;
    return images;
}

}  // namespace koto
