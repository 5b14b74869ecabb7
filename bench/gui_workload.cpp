#include "gui_workload.h"

#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <string>

#include "event_loop_lateness.h"
#include "views/run_views.h"
#include "window/main_window.h"

namespace koto::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Every chart tab RunViews::showChart knows, in the order of its tab bar; the network has some.
const char* const kCharts[] = {"curve",     "network", "confusion",     "feature-maps", "states",
                               "gradients", "weights", "probabilities", "dropout"};

// Lets the event loop run for this long: the window draws, the timers tick.
void runEventLoop(double seconds) {
    QEventLoop loop;
    QTimer::singleShot(std::chrono::milliseconds(std::lround(seconds * 1000)), Qt::PreciseTimer,
                       &loop, &QEventLoop::quit);
    loop.exec();
}

// The process's resident memory now (VmRSS), in MiB.
double residentMiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;  // in kB
    return 0;
}

// The training steps of the latest snapshot the window drew, and when it drew it.
struct Progress {
    Clock::time_point at = Clock::now();
    int64_t steps = 0;
};

class Measurement {
public:
    Measurement(gui::MainWindow& window, const Schedule& schedule)
        : window_(window), schedule_(schedule) {
        for (const char* chart : kCharts)
            if (window.views().exportableView(QLatin1String(chart)))
                figures_.viewsCycled << QLatin1String(chart);
        QObject::connect(&window, &gui::MainWindow::snapshotShown, &nextView_, [this] {
            progress_ = {Clock::now(), window_.latestSnapshot()->steps};
        });
        // A views-open round shows the next chart every slice; the turn goes on across rounds.
        nextView_.setInterval(std::chrono::milliseconds(std::lround(schedule.sliceSeconds * 1000)));
        QObject::connect(&nextView_, &QTimer::timeout, &nextView_, [this] { showNextView(); });
    }

    WorkloadFigures run() {
        window_.controller().setEpochsPerSecond(0);  // full speed
        window_.controller().play();
        for (int wait = 0; wait < 600 && !running(); ++wait) runEventLoop(0.1);
        if (!running()) {
            figures_.problem = QStringLiteral("training did not start within a minute");
            return figures_;
        }
        // Every view drawn once before measuring: its first draw and its buffers are not the
        // steady state that the rounds measure.
        for (int i = 0; i < figures_.viewsCycled.size() && stillTraining(); ++i) {
            showNextView();
            runEventLoop(schedule_.warmUpSeconds);
        }
        figures_.rssStartMiB = residentMiB();
        const int rounds =
            std::max(1, static_cast<int>(std::lround(schedule_.seconds / schedule_.roundSeconds)));
        const double roundSeconds = schedule_.seconds / rounds;
        const Clock::time_point start = Clock::now();
        lateness_.start();
        for (int round = 0; round < rounds && stillTraining(); ++round) {
            phase(false, roundSeconds, figures_.noViews);
            if (stillTraining()) phase(true, roundSeconds, figures_.views);
        }
        lateness_.stop();
        figures_.wallSeconds = std::chrono::duration<double>(Clock::now() - start).count();
        figures_.rssEndMiB = residentMiB();
        window_.controller().pause();
        return figures_;
    }

private:
    // One phase of one round: the steps the snapshots counted between its start and its end,
    // and the timer's lateness meanwhile.
    void phase(bool viewsOpen, double seconds, PhaseFigures& figures) {
        phase_ = nullptr;
        if (viewsOpen) {
            window_.views().setVisible(true);  // RunViews::show(snapshot) hides QWidget::show
            showNextView();
        } else {
            window_.views().showChart(QStringLiteral("curve"));  // asks the thread for nothing
            window_.views().setVisible(false);
            shown_.clear();
        }
        lateness_.take();  // the switch belongs to neither phase
        phase_ = &figures;
        if (viewsOpen) nextView_.start();
        const Progress first = progress_;
        runEventLoop(seconds);
        const Progress last = progress_;
        nextView_.stop();
        fileLateness();
        phase_ = nullptr;
        figures.steps += last.steps - first.steps;
        figures.seconds += std::chrono::duration<double>(last.at - first.at).count();
    }

    // The lateness recorded since the last filing: to the phase running and the chart shown.
    void fileLateness() {
        const std::vector<double> lateness = lateness_.take();
        if (!phase_) return;
        phase_->latenessMs.insert(phase_->latenessMs.end(), lateness.begin(), lateness.end());
        if (shown_.isEmpty()) return;
        std::vector<double>& ofView = figures_.latenessByView[shown_];
        ofView.insert(ofView.end(), lateness.begin(), lateness.end());
    }

    void showNextView() {
        if (figures_.viewsCycled.isEmpty()) return;
        fileLateness();
        shown_ = figures_.viewsCycled[nextIndex_];
        window_.showChart(shown_);
        nextIndex_ = (nextIndex_ + 1) % static_cast<int>(figures_.viewsCycled.size());
    }

    bool running() const {
        const auto latest = window_.latestSnapshot();
        return latest && !latest->paused;
    }

    // False, with the reason kept, once the run has stopped (diverged, stopped early, refused).
    bool stillTraining() {
        const auto latest = window_.latestSnapshot();
        if (latest && latest->paused && figures_.problem.isEmpty())
            figures_.problem =
                QStringLiteral("training stopped at step %1%2")
                    .arg(latest->steps)
                    .arg(latest->diverged ? QStringLiteral(" (diverged)") : QString());
        return figures_.problem.isEmpty();
    }

    gui::MainWindow& window_;
    const Schedule schedule_;
    WorkloadFigures figures_;
    EventLoopLateness lateness_;
    QTimer nextView_;
    int nextIndex_ = 0;
    QString shown_;                  // the chart shown in a views-open phase ("" otherwise)
    PhaseFigures* phase_ = nullptr;  // the phase measuring now (null between phases)
    Progress progress_;
};

}  // namespace

WorkloadFigures measureWorkload(gui::MainWindow& window, const Schedule& schedule) {
    return Measurement(window, schedule).run();
}

}  // namespace koto::bench
