#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace koto {

// How well the network does on one part of the data.
struct SplitMetrics {
    double loss = 0;       // mean cost per sample
    double accuracy = 0;   // classification: fraction classified right
    double errorRate = 0;  // classification: error_rate(p, t) = mean(p != t)
    double rmse = 0;       // regression: root mean squared error
};

// Counts of (true class, predicted class): K x K, row-major, rows the true classes.
struct ConfusionMatrix {
    int64_t classes = 0;
    std::vector<int64_t> counts;

    int64_t at(int64_t truth, int64_t predicted) const {
        return counts[static_cast<size_t>(truth * classes + predicted)];
    }
    // Per class: the share of its samples classified right (NaN for a class with no samples).
    std::vector<double> perClassAccuracy() const;
};

struct EpochMetrics {
    int64_t epoch = 0;  // 1-based: the number of epochs completed
    int64_t steps = 0;  // optimizer steps completed
    bool regression = false;
    SplitMetrics train, test;
    bool hasValidation = false;
    SplitMetrics validation;
    double seconds = 0;  // wall time of the epoch, training and evaluation
};

}  // namespace koto
