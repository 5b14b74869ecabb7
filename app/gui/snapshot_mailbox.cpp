#include "snapshot_mailbox.h"

#include <QMetaObject>

namespace koto::gui {

void SnapshotMailbox::post(TrainingSnapshot snapshot) {
    bool notify = false;
    {
        std::lock_guard lock(mutex_);
        if (pending_ && pending_->generation == snapshot.generation)
            snapshot.newEpochs.insert(snapshot.newEpochs.begin(), pending_->newEpochs.begin(), pending_->newEpochs.end());
        pending_ = std::make_unique<TrainingSnapshot>(std::move(snapshot));
        if (!signalQueued_) signalQueued_ = notify = true;
    }
    if (notify) QMetaObject::invokeMethod(this, &SnapshotMailbox::snapshotAvailable, Qt::QueuedConnection);
}

std::shared_ptr<const TrainingSnapshot> SnapshotMailbox::take() {
    std::lock_guard lock(mutex_);
    signalQueued_ = false;
    return std::shared_ptr<const TrainingSnapshot>(std::move(pending_));
}

}  // namespace koto::gui
