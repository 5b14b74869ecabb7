#pragma once
// The metrics of every epoch, kept within a fixed number of points however long training runs:
// when the curve is full, every second point is dropped and from then on only every second
// epoch is kept (then every fourth, ...). The first epoch always stays,
// and latest() holds the most recent one. A run of a million epochs at full speed thus costs
// kilobytes, and a plot of it stays quick.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "training/metrics.h"

namespace koto {

class LearningCurve {
public:
    explicit LearningCurve(size_t capacity = 4096);

    void add(const EpochMetrics& metrics);
    const std::vector<EpochMetrics>& points() const { return points_; }
    bool empty() const { return points_.empty() && !hasLatest_; }
    // The most recent epoch, kept even when thinning skips it in points().
    const EpochMetrics& latest() const { return latest_; }
    // Points whose epoch is later than `epoch`, the latest included.
    std::vector<EpochMetrics> since(int64_t epoch) const;
    // How many epochs one kept point stands for now (1 until the first thinning).
    int64_t stride() const { return stride_; }

private:
    void thin();

    size_t capacity_;
    int64_t stride_ = 1;
    std::vector<EpochMetrics> points_;
    EpochMetrics latest_;
    bool hasLatest_ = false;
};

}  // namespace koto
