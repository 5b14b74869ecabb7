#include "opencl_pending_reads.h"

#include <stdexcept>

#include "opencl_backend.h"
#include "util/errors.h"

namespace koto {

double OpenClPendingReads::value(size_t index) {
    if (index >= sums_.size()) throw std::out_of_range("no such pending number");
    if (!read_) {
        if (backend_ == nullptr)
            throw DeviceError("OpenCL: a result was asked for after its backend was gone");
        backend_->readPending(*this);
    }
    return values_[index];
}

}  // namespace koto
