#include "tensor/tensor.h"

#include <stdexcept>
#include <string>

namespace koto {

void Tensor::setRows(int64_t rows) {
    if (rows < 0 || rows > capacityRows_)
        throw std::out_of_range("tensor holds at most " + std::to_string(capacityRows_) +
                                " rows, " + std::to_string(rows) + " requested");
    shape_ = shape_.withRows(rows);
}

Tensor Tensor::reshaped(const Shape& shape) const {
    if (shape.elementCount() != size())
        throw std::invalid_argument("cannot view " + shape_.text() + " as " + shape.text() +
                                    ": the element counts differ");
    return Tensor(shape, type_, storage_);
}

}  // namespace koto
