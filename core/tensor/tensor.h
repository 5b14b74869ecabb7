#pragma once
// A Tensor is a handle to numbers that a Backend owns: on the host for the CPU backend, in device
// memory for OpenCL. Code outside a backend never touches the numbers directly; it asks the
// backend to compute, upload or download. Copying a Tensor copies the handle, not the numbers.
//
// Storage is allocated for a capacity of rows; a training step may use fewer rows (the last,
// smaller mini-batch) by setRows() without allocating, which keeps the training step free of
// allocations.

#include <cstdint>
#include <memory>

#include "tensor/shape.h"

namespace koto {

// UInt8 holds images as they are stored (0-255): 60,000 MNIST images take 47 MB instead of 188 MB
// as floats. Only transfers, copies and gatherRowsScaled accept it; computation is in float.
enum class DType { Float32, Float64, UInt8 };

inline int64_t bytesPerElement(DType type) {
    switch (type) {
    case DType::Float32: return 4;
    case DType::Float64: return 8;
    case DType::UInt8: return 1;
    }
    return 4;
}

// Backend-specific memory; each backend derives its own.
class Storage {
public:
    virtual ~Storage() = default;
};

class Tensor {
public:
    Tensor() = default;
    Tensor(Shape shape, DType type, std::shared_ptr<Storage> storage)
        : shape_(shape), type_(type), capacityRows_(shape.rows()), storage_(std::move(storage)) {}

    const Shape& shape() const { return shape_; }
    DType dtype() const { return type_; }
    int64_t rows() const { return shape_.rows(); }
    int64_t cols() const { return shape_.rowSize(); }
    int64_t size() const { return shape_.elementCount(); }
    bool empty() const { return storage_ == nullptr; }
    int64_t capacityRows() const { return capacityRows_; }

    // Uses the first `rows` rows of the allocated capacity (no allocation).
    void setRows(int64_t rows);
    // The same numbers under another shape with as many elements, sharing the storage: a batch
    // of sequences N x T x D seen as (N*T) x D, so that one GEMM covers every time step.
    Tensor reshaped(const Shape& shape) const;

    Storage* storage() const { return storage_.get(); }

private:
    Shape shape_;
    DType type_ = DType::Float32;
    int64_t capacityRows_ = 0;
    std::shared_ptr<Storage> storage_;
};

}  // namespace koto
