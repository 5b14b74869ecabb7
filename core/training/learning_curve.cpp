#include "training/learning_curve.h"

#include <algorithm>

namespace koto {

LearningCurve::LearningCurve(size_t capacity) : capacity_(std::max<size_t>(capacity, 4)) {}

void LearningCurve::add(const EpochMetrics& metrics) {
    latest_ = metrics;
    hasLatest_ = true;
    if (!points_.empty() && metrics.epoch - points_.back().epoch < stride_) return;
    points_.push_back(metrics);
    if (points_.size() >= capacity_) thin();
}

void LearningCurve::thin() {
    // Keep points 0, 2, 4, ...: the first epoch stays, the spacing doubles.
    size_t kept = 0;
    for (size_t i = 0; i < points_.size(); i += 2) points_[kept++] = points_[i];
    points_.resize(kept);
    stride_ *= 2;
}

std::vector<EpochMetrics> LearningCurve::since(int64_t epoch) const {
    std::vector<EpochMetrics> result;
    const auto after = [](int64_t e, const EpochMetrics& point) { return e < point.epoch; };
    for (auto it = std::upper_bound(points_.begin(), points_.end(), epoch, after);
         it != points_.end(); ++it)
        result.push_back(*it);
    if (hasLatest_ && latest_.epoch > epoch &&
        (result.empty() || result.back().epoch != latest_.epoch))
        result.push_back(latest_);
    return result;
}

}  // namespace koto
