#pragma once
// The first training samples, as gradcheck and bptt compute on them: their inputs X and the
// target matrix T the loss compares with.

#include <cstdint>
#include <vector>

#include "data/dataset.h"

namespace koto::cli {

struct FirstSamples {
    std::vector<float> inputs;   // rows x D
    std::vector<float> targets;  // rows x outputs; (rows*T) x outputs with a target every step
};

// Samples 0 .. rows-1 of the training data, for a network of `outputs` outputs (InputError if
// they do not fit the data's classes or target values).
FirstSamples firstTrainingSamples(const Dataset& dataset, int64_t rows, int64_t outputs);

}  // namespace koto::cli
