#pragma once
// A number a backend has been asked for and may not have read yet: a batch's loss, or how many
// weights an optimizer update would make NaN or infinite. The CPU backend knows it at once. A
// device keeps it in its memory until the host needs it, and reading any one of the numbers
// pending reads all of them with a single wait for the device, so a training step waits once for
// its loss and its update's checks together instead of once a number.

#include <cstddef>
#include <memory>
#include <utility>

namespace koto {

// A device backend's numbers asked for since its last read.
class PendingReads {
public:
    virtual ~PendingReads() = default;
    // Number `index` of the batch, read from the device (all of them at once) on the first call.
    // Throws DeviceError if the device fails or the backend is gone.
    virtual double value(size_t index) = 0;
};

class PendingValue {
public:
    PendingValue() = default;
    // A number known already.
    explicit PendingValue(double known) : known_(known) {}
    // Number `index` of a device's batch.
    PendingValue(std::shared_ptr<PendingReads> reads, size_t index)
        : reads_(std::move(reads)), index_(index) {}

    // The number, waiting for the device if it is not read yet.
    double get() const { return reads_ ? reads_->value(index_) : known_; }

private:
    std::shared_ptr<PendingReads> reads_;
    size_t index_ = 0;
    double known_ = 0;
};

}  // namespace koto
