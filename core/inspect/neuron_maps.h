#pragma once
// TensorFlow Playground's picture of a network on 2-D data (parts 4 to 7 of the curriculum): what
// every unit of every dense layer outputs over the input plane, so that the learner sees each
// hidden unit draw its own line and the next layer combine them. Computed on the thread that owns
// the network, between training steps, by a real forward pass over a grid of points through the
// network's own layers, as when it predicts (no dropout, no noise); the result is plain host data
// that may cross to another thread.

#include <cstdint>
#include <string>
#include <vector>

#include "network/network.h"

namespace koto {

// One dense layer's outputs Z over the points: points x units, point after point (as Z is N x M).
// For the last layer, the network's answer: the softmax's or sigmoid's probabilities, or the value.
struct LayerMaps {
    std::string layer;       // "dense_1"
    std::string activation;  // "tanh", ...; the output layer's as predicting applies it
    int64_t units = 0;
    std::vector<float> values;

    float at(int64_t point, int64_t unit) const {
        return values[static_cast<size_t>(point * units + unit)];
    }
};

struct NeuronMaps {
    int64_t points = 0;
    std::vector<LayerMaps> layers;  // the dense layers, in the network's order
};

// Whether the network can be drawn so: two inputs, one answer a sample, and only dense layers
// (with dropout or noise between them, which predicting leaves out).
bool drawsAsNeuronMaps(const Network& network);

// points: `count` rows of two values (x1, x2). Throws InputError if the network cannot be drawn
// so (drawsAsNeuronMaps) or the points are not count rows of two.
NeuronMaps computeNeuronMaps(Network& network, const std::vector<float>& points, int64_t count);

}  // namespace koto
