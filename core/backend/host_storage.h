#pragma once
// The CPU backend's memory: what a Tensor's storage is when CpuBackend allocated it. Shared by
// the files that hold CpuBackend's operations (cpu_backend.cpp, cpu_*_ops.cpp).

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "tensor/tensor.h"

namespace koto {

// 64-byte aligned host memory, so that Eigen's AVX-512 loads are aligned.
class HostStorage final : public Storage {
public:
    explicit HostStorage(size_t bytes)
        : bytes_(bytes),
          data_(std::aligned_alloc(64, std::max<size_t>(64, (bytes + 63) / 64 * 64))) {
        if (!data_) throw std::bad_alloc();
        std::memset(data_, 0, bytes_);
    }
    ~HostStorage() override { std::free(data_); }
    HostStorage(const HostStorage&) = delete;
    HostStorage& operator=(const HostStorage&) = delete;

    void* data() const { return data_; }

private:
    size_t bytes_;
    void* data_;
};

// The values of a tensor that CpuBackend allocated, as T (the caller has chosen T by its DType).
template <typename T>
T* dataOf(const Tensor& t) {
    return static_cast<T*>(static_cast<HostStorage*>(t.storage())->data());
}

}  // namespace koto
