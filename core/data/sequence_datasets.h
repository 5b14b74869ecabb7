#pragma once
// Sequence datasets for recurrent layers (part 13 of the curriculum). A sample's row is its time
// steps one after another, x(1), ..., x(T) (Dataset::sequenceLength = T), and every set is drawn
// from a seed, so that the same spec always gives the same data.
//   sine       a noisy sine wave: the inputs are a window of W values (one a step), the target
//              the wave's next value without the noise (regression, one output)
//   firstbit   random bit sequences of length LEN; the class is the first bit, information that
//              must survive LEN steps to reach the answer
//   parity     random bit sequences of length LEN; the class is their parity (odd number of ones)
// With targets=every (many-to-many, Dataset::targetEveryStep) each set asks its question at every
// step t instead of only after the last: sine the wave's next value x(t+1) without the noise,
// firstbit the first bit, parity the parity of the bits up to t.
// Image rows as time steps (seqimg:fashion-mnist) are made from a loaded image dataset by
// asImageRowSequences().

#include <cstdint>
#include <string>

#include "data/dataset.h"

namespace koto {

struct SequenceOptions {
    int64_t samples = 1000;
    int64_t length = 8;            // firstbit and parity: bits a sequence
    int64_t window = 20;           // sine: values a sample sees
    double noise = 0.1;            // sine: standard deviation of the Gaussian noise on each value
    bool targetEveryStep = false;  // a target at every time step, not only after the last
    double testFraction = 0.2;
    uint64_t seed = 1;
};

// The sine wave's period in time steps: short enough that a window of the default 20 steps
// holds most of one wave.
constexpr double kSinePeriod = 25.0;

bool isSequenceDataset(const std::string& name);  // sine, firstbit, parity
// Throws InputError when an option is out of range.
Dataset makeSequenceDataset(const std::string& name, const SequenceOptions& options);

// An image dataset read row by row: each of the H rows of W pixels is one time step
// (sequenceLength = H). The pixels, labels and image size stay, so views can still draw the
// images; the name becomes "seqimg".
Dataset asImageRowSequences(Dataset images);

}  // namespace koto
