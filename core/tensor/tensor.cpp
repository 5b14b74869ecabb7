#include "tensor/tensor.h"

#include <stdexcept>
#include <string>

namespace koto {

void Tensor::setRows(int64_t rows) {
    if (rows < 0 || rows > capacityRows_)
        throw std::out_of_range("tensor holds at most " + std::to_string(capacityRows_) + " rows, " +
                                std::to_string(rows) + " requested");
    shape_ = shape_.withRows(rows);
}

}  // namespace koto
