#include "tensor/shape.h"

#include <stdexcept>

namespace koto {

Shape::Shape(std::initializer_list<int64_t> dims) {
    if (dims.size() > maxRank) throw std::invalid_argument("a tensor has at most 4 dimensions");
    for (int64_t d : dims) {
        if (d < 0) throw std::invalid_argument("tensor dimensions cannot be negative");
        dims_[static_cast<size_t>(rank_++)] = d;
    }
}

int64_t Shape::rowSize() const {
    int64_t size = 1;
    for (int i = 1; i < rank_; ++i) size *= dims_[static_cast<size_t>(i)];
    return rank_ == 0 ? 0 : size;
}

Shape Shape::withRows(int64_t rows) const {
    Shape copy = *this;
    copy.dims_[0] = rows;
    return copy;
}

std::string Shape::sampleText() const {
    std::string text;
    for (int i = 1; i < rank_; ++i) {
        if (i > 1) text += "x";
        text += std::to_string(dims_[static_cast<size_t>(i)]);
    }
    return text.empty() ? "1" : text;
}

std::string Shape::text() const {
    std::string text;
    for (int i = 0; i < rank_; ++i) {
        if (i > 0) text += " x ";
        text += std::to_string(dims_[static_cast<size_t>(i)]);
    }
    return text;
}

bool Shape::operator==(const Shape& other) const {
    if (rank_ != other.rank_) return false;
    for (int i = 0; i < rank_; ++i)
        if (dims_[static_cast<size_t>(i)] != other.dims_[static_cast<size_t>(i)]) return false;
    return true;
}

}  // namespace koto
