#pragma once
// Weights the learner sets by hand in the network diagram while training is paused, on their way
// from the GUI to the training thread, which applies them between steps (before the next one, or
// as it waits paused) and posts a snapshot drawn with them.

#include <cstdint>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace koto::gui {

struct WeightEdit {
    uint64_t generation =
        0;  // the run it was set in: one asked for before a Reset is not for the next
    std::string parameter;  // "dense_1.W"
    int64_t index = 0;      // row * cols + col
    float value = 0;
};

class WeightEdits {
public:
    void ask(WeightEdit edit) {
        std::lock_guard lock(mutex_);
        pending_.push_back(std::move(edit));
    }
    // The edits asked for since the last take, oldest first.
    std::vector<WeightEdit> take() {
        std::lock_guard lock(mutex_);
        return std::exchange(pending_, {});
    }

private:
    std::mutex mutex_;
    std::vector<WeightEdit> pending_;
};

}  // namespace koto::gui
