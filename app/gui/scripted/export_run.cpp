#include "scripted/export_run.h"

#include <cstdio>

#include "views/exportable_view.h"
#include "views/run_views.h"
#include "views/view_export.h"
#include "window/main_window.h"

namespace koto::gui {
namespace {
constexpr int kPollMs = 100;
constexpr int kPolls = 50;  // five seconds for a view to draw what it asked the training for
}  // namespace

ExportRun::ExportRun(MainWindow& window, qint64 steps, QString viewName, QString path)
    : ScreenshotRun(window, steps, std::move(path)), viewName_(std::move(viewName)),
      pollsLeft_(kPolls) {
    poll_.setInterval(kPollMs);
    connect(&poll_, &QTimer::timeout, this, &ExportRun::exportWhenDrawn);
}

void ExportRun::trained(const TrainingSnapshot&) { poll_.start(); }

void ExportRun::exportWhenDrawn() {
    ExportableView* view = window().views().exportableView(viewName_);
    if (!view) {
        poll_.stop();
        std::fprintf(stderr, "kotohajime: this network shows no %s view\n", qPrintable(viewName_));
        finish(1);
        return;
    }
    // Once it has data, one more poll for the replots of that snapshot. With none by the last
    // poll, a picture shows the view as it is, and a CSV is refused (views/view_export.h).
    if (view->csv().isEmpty()) {
        if (--pollsLeft_ > 0) return;
    } else if (++pollsWithData_ < 2) {
        return;
    }
    poll_.stop();
    const QString problem = exportView(*view, path());
    if (!problem.isEmpty()) std::fprintf(stderr, "kotohajime: %s\n", qPrintable(problem));
    finish(problem.isEmpty() ? 0 : 1);
}

}  // namespace koto::gui
