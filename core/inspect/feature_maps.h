#pragma once
// What a convolutional network sees, for the app's live views (part 12): the first convolution
// layer's filters, and for one sample every convolution and pooling layer's output channels, its
// feature maps. Computed on the thread that owns the network, between training steps, by a real
// forward pass through the network's own layers (as when it predicts: no dropout, no noise); the
// result is plain host data that may cross to another thread.

#include <cstdint>
#include <string>
#include <vector>

#include "network/network.h"

namespace koto {

// `count` small images of height x width values each, image after image, row by row.
struct ImageStack {
    std::string layer;  // the layer's name, "conv_1"
    std::string type;   // "conv", "maxpool", "avgpool"
    int64_t count = 0, height = 0, width = 0;
    std::vector<float> values;

    float at(int64_t image, int64_t y, int64_t x) const {
        return values[static_cast<size_t>((image * height + y) * width + x)];
    }
};

struct FeatureMaps {
    // The first convolution layer's weights W (F x C x K x K) as F * C tiles of K x K, filter
    // after filter, each filter's C input channels in a row (C = 1 for grey images).
    ImageStack filters;
    int64_t filterChannels = 1;  // C
    // For the sample: each convolution and pooling layer's output Z (C x H x W) as C images, in
    // the network's order.
    std::vector<ImageStack> maps;
};

// Whether the network has a convolution layer (and so filters and feature maps to show).
bool hasConvolution(const Network& network);

// sample: one input row of network.inputSize() values. Throws InputError if it has another size.
FeatureMaps computeFeatureMaps(Network& network, const std::vector<float>& sample);

}  // namespace koto
