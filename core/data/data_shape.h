#pragma once
// What a dataset gives a network and wants back, all that the network editor needs to know of the
// data to infer shapes and fit the output layer.

#include <cstdint>

#include "data/dataset.h"

namespace koto {

// What the data give the network and want back. A sample is D values; images go in as 1 x H x W
// when the first layer that computes is a convolution or pooling, sequences as T x D/T when it is
// recurrent, and as D values otherwise (the rule of the CLI's --layers too).
struct DataShape {
    int64_t values = 0;                       // D; 0 while no data are known
    int64_t imageHeight = 0, imageWidth = 0;  // 0 for data that are not images
    int64_t sequenceLength = 0;               // T; 0 for data that are not sequences
    bool targetEveryStep = false;             // a target at every time step (needs seq:many)
    int64_t outputs = 0;                      // K classes, or the regression outputs
    bool regression = false;
};

DataShape dataShapeOf(const Dataset& data);

}  // namespace koto
