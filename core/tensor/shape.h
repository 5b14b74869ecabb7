#pragma once
// Shape of a tensor: the first dimension is always the sample index (X is N x D, one sample a
// row, as in the curriculum); the rest is the shape of one sample (D, or C x H x W for images).

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>

namespace koto {

class Shape {
public:
    static constexpr int maxRank = 4;

    Shape() = default;
    Shape(std::initializer_list<int64_t> dims);

    int rank() const { return rank_; }
    int64_t operator[](int i) const { return dims_[static_cast<size_t>(i)]; }
    int64_t rows() const { return rank_ == 0 ? 0 : dims_[0]; }
    // Elements of one row (one sample): D for a matrix, C*H*W for images.
    int64_t rowSize() const;
    int64_t elementCount() const { return rows() * rowSize(); }

    Shape withRows(int64_t rows) const;
    // The shape of one sample, without the leading N ("2", "6x24x24").
    std::string sampleText() const;
    // The whole shape as text ("10 x 2").
    std::string text() const;

    bool operator==(const Shape& other) const;
    bool operator!=(const Shape& other) const { return !(*this == other); }

private:
    std::array<int64_t, maxRank> dims_{};
    int rank_ = 0;
};

}  // namespace koto
