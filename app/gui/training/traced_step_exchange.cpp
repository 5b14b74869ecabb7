#include "training/traced_step_exchange.h"

namespace koto::gui {

void TracedStepExchange::request(int32_t sample) {
    std::lock_guard lock(mutex_);
    sample_ = sample;
    requested_.store(true, std::memory_order_release);
}

std::shared_ptr<const StepTrace> TracedStepExchange::takeResult() {
    std::lock_guard lock(mutex_);
    return std::move(result_);
}

std::optional<int32_t> TracedStepExchange::takeRequest() {
    if (!requested_.load(std::memory_order_acquire)) return std::nullopt;
    std::lock_guard lock(mutex_);
    requested_.store(false, std::memory_order_relaxed);
    return sample_;
}

void TracedStepExchange::deliver(StepTrace trace) {
    std::lock_guard lock(mutex_);
    result_ = std::make_shared<const StepTrace>(std::move(trace));
}

}  // namespace koto::gui
