#pragma once
// A tensor as files keep it: a name, its rows and columns and its values (float32).

#include <cstdint>
#include <string>
#include <vector>

namespace koto {

struct SavedTensor {
    std::string name;  // "dense_1.W"
    int64_t rows = 0, cols = 0;
    std::vector<float> values;
    bool operator==(const SavedTensor&) const = default;
};

}  // namespace koto
