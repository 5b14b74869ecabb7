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
// Lays the legend's entries out in as many columns as the plot's width holds (at least one), row
// after row, so that no name is cut where a language's names are longer.
void fitLegendColumns(QCustomPlot& plot);

}  // namespace koto::gui
