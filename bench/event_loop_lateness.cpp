#include "event_loop_lateness.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace koto::bench {

EventLoopLateness::EventLoopLateness() {
    // One shot armed again at each tick rather than a repeating timer: a repeating timer that
    // fell behind catches up or skips on Qt's terms, and its due times are not ours to know.
    timer_.setSingleShot(true);
    timer_.setTimerType(Qt::PreciseTimer);
    QObject::connect(&timer_, &QTimer::timeout, &timer_, [this] { tick(); });
    clock_.start();
}

void EventLoopLateness::start() {
    dueNs_ = clock_.nsecsElapsed() + kIntervalMs * 1'000'000LL;
    timer_.start(kIntervalMs);
}

void EventLoopLateness::stop() { timer_.stop(); }

std::vector<double> EventLoopLateness::take() { return std::exchange(latenessMs_, {}); }

void EventLoopLateness::tick() {
    const qint64 now = clock_.nsecsElapsed();
    // A precise timer may fire a fraction of a millisecond early: that counts as on time.
    latenessMs_.push_back(std::max<qint64>(0, now - dueNs_) / 1e6);
    start();
}

double percentile(std::vector<double> samples, double share) {
    if (samples.empty()) return 0;
    const auto rank = static_cast<size_t>(std::ceil(share * static_cast<double>(samples.size())));
    const size_t index = std::clamp<size_t>(rank, 1, samples.size()) - 1;
    std::nth_element(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(index),
                     samples.end());
    return samples[index];
}

}  // namespace koto::bench
