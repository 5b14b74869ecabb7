#pragma once
// Where the inspector's request for a traced step and its result cross between the GUI and the
// training thread. The GUI asks (one step on the next mini-batch or on one chosen sample); the
// training thread, at the start of its next step, takes the request and arms its tracer, and
// after the step hands back the trace. The trace is immutable once handed over. One std::mutex,
// plus an atomic flag so that a step without a request does not take the lock.

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>

#include "inspect/step_trace.h"

namespace koto::gui {

class TracedStepExchange {
public:
    // GUI thread. sample: a training sample's index, or -1 for the next mini-batch.
    void request(int32_t sample);
    // The finished trace, once (null until then).
    std::shared_ptr<const StepTrace> takeResult();

    // Training thread: whether a request waits, and the request (it is then taken).
    bool hasRequest() const { return requested_.load(std::memory_order_acquire); }
    std::optional<int32_t> takeRequest();
    void deliver(StepTrace trace);

private:
    std::mutex mutex_;
    std::atomic<bool> requested_{false};
    int32_t sample_ = -1;
    std::shared_ptr<const StepTrace> result_;
};

}  // namespace koto::gui
