#pragma once
// How late the GUI thread's event loop serves a timer: a 10 ms precise timer is armed again at
// every tick, and each tick records how long after its due time it ran. A loop busy drawing a
// view, or waiting for a lock the training thread holds, shows up here as lateness; it is what
// a learner feels as a window that stutters.

#include <QElapsedTimer>
#include <QTimer>
#include <vector>

namespace koto::bench {

class EventLoopLateness {
public:
    static constexpr int kIntervalMs = 10;

    EventLoopLateness();
    EventLoopLateness(const EventLoopLateness&) = delete;
    EventLoopLateness& operator=(const EventLoopLateness&) = delete;

    // Starts recording (the samples recorded so far are kept) and stops it.
    void start();
    void stop();
    // The samples recorded since the last take, in milliseconds; the list is emptied.
    std::vector<double> take();

private:
    void tick();

    QTimer timer_;
    QElapsedTimer clock_;
    qint64 dueNs_ = 0;  // when the armed tick should run, on clock_
    std::vector<double> latenessMs_;
};

// The value below which `share` (0 to 1) of the samples lie, by the nearest rank (0 for none).
double percentile(std::vector<double> samples, double share);

}  // namespace koto::bench
