#pragma once
// A dataset on the host: inputs X (N x D, one sample a row) with class labels y in 0..K-1 or
// regression targets, already split into a training and a test part.

#include <cstdint>
#include <string>
#include <vector>

namespace koto {

enum class Task { Classification, Regression };

struct DataSplit {
    int64_t count = 0;
    std::vector<float> inputs;    // count x inputSize, unless the inputs are bytes:
    std::vector<uint8_t> pixels;  // count x inputSize image bytes; an input is pixel / 255
    std::vector<int32_t> labels;  // count (count x T with a target every step), classification only
    std::vector<float> targets;   // count x outputSize (count x (T*outputSize)), regression only

    // Samples first .. first+rows-1 as floats, whichever way they are stored.
    std::vector<float> floatInputs(int64_t first, int64_t rows, int64_t width) const;
};

struct Dataset {
    std::string name;
    Task task = Task::Classification;
    int64_t inputSize = 0;
    int64_t classCount = 0;  // K, classification only
    int64_t outputSize = 1;  // regression outputs
    std::vector<std::string> classNames;
    // Images (one channel, a sample's inputs row by row): their size; 0 for other data.
    int64_t imageWidth = 0, imageHeight = 0;
    // Whether an image mirrored left-right keeps its class (data augmentation may flip it).
    bool mirrorKeepsClass = false;
    // Sequences (recurrent layers): T time steps of inputSize / T values each, a sample's row
    // being x(1), x(2), ..., x(T) one after another; 0 for data that is not a sequence.
    int64_t sequenceLength = 0;
    // Many-to-many (a network ending in seq:many): a target at every time step instead of one a
    // sequence. Sample n's target at step t (t = 0..T-1) is then label n*T + t (labels: count x T)
    // or the outputSize values from (n*T + t) * outputSize on (targets: count x (T*outputSize)):
    // a sample's T targets one after another, in the order of the N*T rows seq:many gives.
    bool targetEveryStep = false;
    // Targets a sample has: T with a target at every step, else 1.
    int64_t targetSteps() const { return targetEveryStep ? sequenceLength : 1; }
    DataSplit train, test;
    DataSplit validation;  // held out of the training part on request (early stopping watches it)

    // The targets a loss compares with: the N x K indicator matrix T of the labels (y2indicator)
    // for cross-entropy, the label itself (N x 1) for binary cross-entropy, the values for
    // regression. With a target at every step these are (N*T) x K, a sample's steps in a row.
    std::vector<float> targetMatrix(const DataSplit& split, int64_t outputColumns) const;
};

// Moves a share of the training samples (chosen by a seeded shuffle) into dataset.validation.
// Throws InputError if the share is not in (0, 1) or leaves either part empty.
void holdOutValidation(Dataset& dataset, double fraction, uint64_t seed);

// y2indicator: labels -> N x K one-hot rows.
std::vector<float> oneHot(const std::vector<int32_t>& labels, int64_t classCount);

}  // namespace koto
