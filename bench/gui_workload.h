#pragma once
// One workload of koto-gui-bench: a main window already open on its data and network is trained
// at full speed in rounds that alternate "no views" (the views hidden, the learning curve's tab
// current, so the training thread makes nothing extra) and "views open" (every chart tab this
// network has shown in turn, a slice each, beside the boundary or the gallery). Alternating
// rounds of one run in one window give both phases the same machine load and the same state of
// training, so their ratio compares like with like.

#include <QString>
#include <QStringList>
#include <cstdint>
#include <map>
#include <vector>

namespace koto::gui {
class MainWindow;
}

namespace koto::bench {

struct Schedule {
    double seconds = 600;      // of each phase, over all rounds
    double roundSeconds = 30;  // of each phase in one round
    double sliceSeconds = 5;   // one chart tab shown, in a views-open round
    double warmUpSeconds = 1;  // each tab shown once before measuring, so its first draw is out
};

// What one phase measured over all its rounds.
struct PhaseFigures {
    std::vector<double> latenessMs;  // the 10 ms timer's, each tick
    int64_t steps = 0;               // training steps done
    double seconds = 0;              // the time they took
    double stepsPerSecond() const { return seconds > 0 ? static_cast<double>(steps) / seconds : 0; }
};

struct WorkloadFigures {
    PhaseFigures noViews;
    PhaseFigures views;
    QStringList viewsCycled;  // the chart tabs shown, by RunViews::showChart's names
    // The views-open phase's lateness split by the chart shown (the picture is always shown).
    std::map<QString, std::vector<double>> latenessByView;
    double rssStartMiB = 0;  // after the warm-up, before the first round
    double rssEndMiB = 0;    // after the last round
    double wallSeconds = 0;  // the rounds' time, both phases
    QString problem;         // why the run could not be measured ("" if it was)
};

// Trains the window's run (which must be paused, at its initial weights) and measures it.
WorkloadFigures measureWorkload(gui::MainWindow& window, const Schedule& schedule);

}  // namespace koto::bench
