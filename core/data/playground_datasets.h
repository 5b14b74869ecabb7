#pragma once
// The 2-D datasets of TensorFlow Playground (circle, xor, gauss, spiral; regression plane and
// multi-gaussian) with the same formulas, plus scikit-learn's two moons, all inside the square
// [-6, 6] x [-6, 6]. Deterministic per seed.

#include <cstdint>
#include <string>

#include "data/dataset.h"

namespace koto {

struct PlaygroundOptions {
    int64_t points = 500;       // TF Playground's default
    double noise = 0.0;         // 0 to 0.5 (the Playground's 0-50 %)
    double testFraction = 0.5;  // the Playground trains on half
    uint64_t seed = 1;
};

constexpr double kPlaygroundExtent = 6.0;  // the input square is [-6, 6]^2

bool isPlaygroundDataset(const std::string& name);
Dataset makePlaygroundDataset(const std::string& name, const PlaygroundOptions& options);

}  // namespace koto
