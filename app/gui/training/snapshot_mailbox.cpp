#include "training/snapshot_mailbox.h"

namespace koto::gui {

void SnapshotMailbox::post(TrainingSnapshot snapshot) {
    const std::lock_guard lock(mutex_);
    if (pending_ && pending_->generation == snapshot.generation) {
        snapshot.newEpochs.insert(snapshot.newEpochs.begin(), pending_->newEpochs.begin(),
                                  pending_->newEpochs.end());
        snapshot.newWeightPercentiles.insert(snapshot.newWeightPercentiles.begin(),
                                             pending_->newWeightPercentiles.begin(),
                                             pending_->newWeightPercentiles.end());
        // A run asked for to be saved stays until the GUI takes it.
        if (!snapshot.savedRun) snapshot.savedRun = std::move(pending_->savedRun);
    }
    pending_ = std::make_unique<TrainingSnapshot>(std::move(snapshot));
    posted_.notify_all();
}

std::shared_ptr<const TrainingSnapshot> SnapshotMailbox::take() {
    const std::lock_guard lock(mutex_);
    return std::shared_ptr<const TrainingSnapshot>(std::move(pending_));
}

bool SnapshotMailbox::waitForSavedRun(uint64_t generation, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return posted_.wait_for(lock, timeout, [&] {
        return pending_ && pending_->generation == generation && pending_->savedRun;
    });
}

}  // namespace koto::gui
