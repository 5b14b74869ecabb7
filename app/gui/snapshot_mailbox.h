#pragma once
// The hand-over point between the training thread and the GUI: the training thread posts
// snapshots; the GUI is told by one queued signal and takes the latest. Snapshots posted before
// the GUI took the previous one are merged (their new epochs kept), so the GUI's event queue
// never fills up however fast training runs.

#include <QObject>
#include <memory>
#include <mutex>

#include "training_snapshot.h"

namespace koto::gui {

class SnapshotMailbox : public QObject {
    Q_OBJECT
public:
    explicit SnapshotMailbox(QObject* parent = nullptr) : QObject(parent) {}

    // Any thread.
    void post(TrainingSnapshot snapshot);
    // GUI thread: the latest snapshot, or null if none is waiting.
    std::shared_ptr<const TrainingSnapshot> take();

signals:
    void snapshotAvailable();

private:
    std::mutex mutex_;
    std::unique_ptr<TrainingSnapshot> pending_;
    bool signalQueued_ = false;
};

}  // namespace koto::gui
