#pragma once
// Row indices handed to a backend once and gathered from many times: an epoch's shuffled order
// (or 0, 1, 2, ... for evaluating in chunks). A device keeps a copy in its memory, so each
// step's gather reads a slice of it there instead of uploading its indices and waiting for the
// upload. Made by Backend::holdRows; used with the backend that made it.

#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "tensor/tensor.h"

namespace koto {

class HeldRows {
public:
    std::span<const int32_t> rows() const { return rows_; }
    // Rows first .. first + count - 1; throws std::out_of_range past the held rows.
    std::span<const int32_t> slice(int64_t first, int64_t count) const {
        if (first < 0 || count < 0 || first > static_cast<int64_t>(rows_.size()) ||
            count > static_cast<int64_t>(rows_.size()) - first)
            throw std::out_of_range("rows " + std::to_string(first) + " + " +
                                    std::to_string(count) + " of " + std::to_string(rows_.size()) +
                                    " held");
        return std::span<const int32_t>(rows_).subspan(static_cast<size_t>(first),
                                                       static_cast<size_t>(count));
    }
    // The device's copy (none on the CPU), which a device backend may reuse for the next rows.
    Storage* device() const { return device_.get(); }

    // For Backend::holdRows.
    void assign(std::span<const int32_t> rows) { rows_.assign(rows.begin(), rows.end()); }
    void setDevice(std::shared_ptr<Storage> device) { device_ = std::move(device); }

private:
    std::vector<int32_t> rows_;
    std::shared_ptr<Storage> device_;
};

}  // namespace koto
