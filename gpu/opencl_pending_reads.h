#pragma once
// The OpenCL backend's pending numbers (backend/pending_value.h). Each reduction left pending
// writes its partial sums into a small device buffer of its own; the first number asked for
// has every buffer of the batch read back to back and waits for the queue once, so a training
// step's loss and its update's checks cost one wait together.

#include <CL/cl.h>

#include <cstddef>
#include <vector>

#include "backend/pending_value.h"
#include "tensor/tensor.h"

namespace koto {

class OpenClBackend;

class OpenClPendingReads final : public PendingReads {
public:
    // One reduction: its partial sums (`groups` values of `type` in `partials`), whose total
    // divided by `divisor` is the number (a loss is a mean over the batch's rows).
    struct Sum {
        cl_mem partials;
        size_t groups;
        DType type;
        double divisor;
    };

    explicit OpenClPendingReads(OpenClBackend* backend) : backend_(backend) {}

    // Adds a sum to the batch; returns its index.
    size_t add(const Sum& sum) {
        sums_.push_back(sum);
        return sums_.size() - 1;
    }
    size_t size() const { return sums_.size(); }
    bool isRead() const { return read_; }
    const std::vector<Sum>& sums() const { return sums_; }
    // Called by the backend once it has read the partial sums: the numbers, in order.
    void setValues(std::vector<double> values) {
        values_ = std::move(values);
        read_ = true;
    }
    // The backend is gone: numbers not read by then cannot be any more.
    void orphan() { backend_ = nullptr; }

    double value(size_t index) override;

private:
    OpenClBackend* backend_;
    std::vector<Sum> sums_;
    std::vector<double> values_;
    bool read_ = false;
};

}  // namespace koto
