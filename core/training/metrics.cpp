#include "training/metrics.h"

#include <cmath>

namespace koto {

std::vector<double> ConfusionMatrix::perClassAccuracy() const {
    std::vector<double> accuracy;
    for (int64_t truth = 0; truth < classes; ++truth) {
        int64_t total = 0;
        for (int64_t predicted = 0; predicted < classes; ++predicted) total += at(truth, predicted);
        accuracy.push_back(total
                               ? static_cast<double>(at(truth, truth)) / static_cast<double>(total)
                               : std::nan(""));
    }
    return accuracy;
}

}  // namespace koto
