#pragma once
// The hand-over point between the training thread and the GUI: the training thread posts
// snapshots, the GUI takes the latest at its own pace (TrainingController looks about 60 times a
// second). A snapshot posted before the GUI took the previous one replaces it, keeping the
// epochs (and the saved run) that one carried, so nothing queues up however fast training runs.
// One std::mutex (with its condition variable) is the only synchronisation, so ThreadSanitizer
// sees all of it.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>

#include "training/training_snapshot.h"

namespace koto::gui {

class SnapshotMailbox {
public:
    // Any thread.
    void post(TrainingSnapshot snapshot);
    // The latest snapshot, or null if none is waiting.
    std::shared_ptr<const TrainingSnapshot> take();
    // Waits until a snapshot of run `generation` carrying the saved run is waiting (true), or
    // the time is up (false). It does not take it.
    bool waitForSavedRun(uint64_t generation, std::chrono::milliseconds timeout);

private:
    std::mutex mutex_;
    std::condition_variable posted_;
    std::unique_ptr<TrainingSnapshot> pending_;
};

}  // namespace koto::gui
