// koto-gui-bench: how smoothly the real main window runs while it trains at full speed with its
// views open (issue 13). For each workload it opens the window offscreen, trains, and measures in
// alternating rounds with no views and with the views open (bench/gui_workload.h): the lateness
// of a 10 ms timer on the GUI thread (median and 99th percentile), training steps per second in
// each phase and their ratio, and the resident memory before and after. One line
// `RESULT {json}` per workload; bash bench/gui.sh builds and runs it (see bench/README.md).
//
//   koto-gui-bench [--workload spiral|lenet|all (all)] [--seconds S (600)] [--round-seconds R (30)]
//                  [--slice-seconds T (5)] [--warm-up-seconds W (1)]
//
// Needs a display or QT_QPA_PLATFORM=offscreen. Trains on the CPU backend (OpenCL is not looked
// for). The window's settings are kept under the organisation "KotohajimeBench", apart from the
// app's.

#include <QApplication>
#include <QEventLoop>
#include <QTimer>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "data/dataset.h"
#include "data/dataset_spec.h"
#include "event_loop_lateness.h"
#include "gui_workload.h"
#include "network/templates.h"
#include "opencl_devices.h"
#include "project/default_work.h"
#include "window/compute_menu.h"
#include "window/language.h"
#include "window/main_window.h"

using namespace koto;

namespace {

struct Workload {
    std::string name;          // in the RESULT line
    std::string templateName;  // opened as the app's Templates menu does; "" for the lesson
    std::string description;   // data and network, for the RESULT line
};

// The app's start-up lesson (the spiral MLP), and the LeNet-like CNN template on Fashion-MNIST.
const Workload kSpiral{"spiral_mlp", "", "spiral, dense:16:tanh,dense:16:tanh, batch 10"};
const Workload kLenet{"lenet_fashion", "lenet",
                      "lenet template: fashion-mnist:n=5000, conv 6@5x5, maxpool 2, conv 16@5x5, "
                      "maxpool 2, dense 120, 84, 10, batch 10"};

// Runs the event loop until the condition holds; false if it did not within the time.
template <typename Condition>
bool waitFor(Condition condition, std::chrono::seconds timeout) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > end) return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// The window open on the workload, its run paused at the initial weights; null, with the reason
// said on stderr, if it could not be.
std::unique_ptr<gui::MainWindow> openWindow(gui::Language& language, const Workload& workload) {
    const Template* chosen =
        workload.templateName.empty() ? nullptr : findTemplate(workload.templateName);
    if (chosen) {
        // Data the window cannot load would stop it at a dialog that no one closes offscreen.
        try {
            loadDataset(DatasetSpec::parse(chosen->dataset));
        } catch (const std::exception& error) {
            std::fprintf(stderr, "koto-gui-bench: %s: %s\n", workload.name.c_str(), error.what());
            return nullptr;
        }
    }
    OpenClDiscovery noDevices;
    noDevices.problem = "not looked for by the benchmark";
    auto window = std::make_unique<gui::MainWindow>(language, gui::defaultWork(), noDevices);
    window->resize(1280, 800);  // the size the views are made legible at
    window->show();
    const auto latest = [&window] { return window->latestSnapshot(); };
    if (!waitFor([&] { return latest() != nullptr; }, std::chrono::seconds(120))) return nullptr;
    if (chosen) {
        const uint64_t before = latest()->generation;
        window->openTemplate(*chosen);
        const bool opened = waitFor(
            [&] {
                // A new run forgets the snapshot before: none until the new one's first.
                const auto snapshot = latest();
                return snapshot && snapshot->generation > before && snapshot->paused &&
                       snapshot->steps == 0;
            },
            std::chrono::seconds(300));
        if (!opened) return nullptr;
    }
    return window;
}

double rounded(double value, int digits) {
    const double scale = std::pow(10.0, digits);
    return std::round(value * scale) / scale;
}

nlohmann::json resultLine(const Workload& workload, const bench::Schedule& schedule,
                          const bench::WorkloadFigures& figures) {
    using bench::percentile;
    nlohmann::json views = nlohmann::json::array();
    for (const QString& view : figures.viewsCycled) views.push_back(view.toStdString());
    const double withViews = figures.views.stepsPerSecond();
    const double without = figures.noViews.stepsPerSecond();
    nlohmann::json line = {
        {"bench", "koto_gui_" + workload.name},
        {"workload", workload.name},
        {"network", workload.description},
        {"seconds", schedule.seconds},
        {"round_seconds", schedule.roundSeconds},
        {"slice_seconds", schedule.sliceSeconds},
        {"views", views},
        {"median_ms", rounded(percentile(figures.views.latenessMs, 0.5), 3)},
        {"p99_ms", rounded(percentile(figures.views.latenessMs, 0.99), 3)},
        {"max_ms", rounded(percentile(figures.views.latenessMs, 1.0), 3)},
        {"ticks", figures.views.latenessMs.size()},
        {"median_ms_no_views", rounded(percentile(figures.noViews.latenessMs, 0.5), 3)},
        {"p99_ms_no_views", rounded(percentile(figures.noViews.latenessMs, 0.99), 3)},
        {"steps_per_s_views", rounded(withViews, 1)},
        {"steps_per_s_no_views", rounded(without, 1)},
        {"throughput_ratio", rounded(without > 0 ? withViews / without : 0, 4)},
        {"rss_start_mib", rounded(figures.rssStartMiB, 1)},
        {"rss_end_mib", rounded(figures.rssEndMiB, 1)},
        {"wall_s", rounded(figures.wallSeconds, 1)},
    };
    for (const auto& [view, lateness] : figures.latenessByView) {
        line["median_ms_by_view"][view.toStdString()] = rounded(percentile(lateness, 0.5), 3);
        line["p99_ms_by_view"][view.toStdString()] = rounded(percentile(lateness, 0.99), 3);
    }
    if (!figures.problem.isEmpty()) line["problem"] = figures.problem.toStdString();
    return line;
}

int usage() {
    std::fprintf(stderr, "usage: koto-gui-bench [--workload spiral|lenet|all] [--seconds S] "
                         "[--round-seconds R] [--slice-seconds T] [--warm-up-seconds W] "
                         "[--threads N]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("KotohajimeBench"));
    QCoreApplication::setApplicationName(QStringLiteral("koto-gui-bench"));
    std::string which = "all";
    bench::Schedule schedule;
    for (int i = 1; i < argc; ++i) {
        const bool hasValue = i + 1 < argc;
        if (!std::strcmp(argv[i], "--workload") && hasValue) which = argv[++i];
        else if (!std::strcmp(argv[i], "--seconds") && hasValue)
            schedule.seconds = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--round-seconds") && hasValue)
            schedule.roundSeconds = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--slice-seconds") && hasValue)
            schedule.sliceSeconds = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--warm-up-seconds") && hasValue)
            schedule.warmUpSeconds = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--threads") && hasValue)  // the CPU's, as --threads N
            koto::gui::ComputeMenu::askThreadsThisSession(std::atoi(argv[++i]));
        else return usage();
    }
    if (schedule.seconds <= 0 || schedule.roundSeconds <= 0 || schedule.sliceSeconds <= 0 ||
        schedule.warmUpSeconds < 0)
        return usage();
    std::vector<Workload> workloads;
    if (which == "spiral" || which == "all") workloads.push_back(kSpiral);
    if (which == "lenet" || which == "all") workloads.push_back(kLenet);
    if (workloads.empty()) return usage();

    gui::Language language;
    language.apply(QStringLiteral("en"));
    int status = 0;
    for (const Workload& workload : workloads) {
        std::fprintf(stderr, "koto-gui-bench: %s, %g s without views and %g s with them...\n",
                     workload.name.c_str(), schedule.seconds, schedule.seconds);
        std::unique_ptr<gui::MainWindow> window = openWindow(language, workload);
        if (!window) {
            std::fprintf(stderr, "koto-gui-bench: %s: the window did not open its run\n",
                         workload.name.c_str());
            status = 1;
            continue;
        }
        const bench::WorkloadFigures figures = bench::measureWorkload(*window, schedule);
        if (!figures.problem.isEmpty()) status = 1;
        std::printf("RESULT %s\n", resultLine(workload, schedule, figures).dump().c_str());
        std::fflush(stdout);
    }
    return status;
}
