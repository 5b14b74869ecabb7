#pragma once
// How the curve plots look (the learning curve, the gradient through time): one style for all,
// so that a learner reads them alike.

#include <QString>

class QCustomPlot;
class QWidget;

namespace koto::gui {

// A plot inside `owner`: a white plot area on the window's colour, at least 320 x 220 pixels.
// `objectName` names it for tests.
QCustomPlot* makeCurvePlot(QWidget* owner, const QString& objectName);

// Shows the legend in a row of its own under the plot, without a frame: inside the plot it hid
// the curves.
void putLegendBelow(QCustomPlot& plot);

}  // namespace koto::gui
