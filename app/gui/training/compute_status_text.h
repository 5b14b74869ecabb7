#pragma once
// The status bar's line on where a run computes, the same in the main window and the autoencoder
// and RBM window: "Computing on CPU (Eigen)" while it trains, "Paused: computes on ..." while it
// waits, so that a learner never reads that something runs when nothing does.

#include <QString>

namespace koto::gui {

struct RunSnapshot;

QString computeStatusText(const RunSnapshot& snapshot);

}  // namespace koto::gui
