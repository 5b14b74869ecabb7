#pragma once
// How the plots look (the learning curve, the gradient through time, the decision boundary, the
// weights): one style for all, so that a learner reads them alike, and one that follows the
// presentation (presentation.h): the theme's colours, the font's size, thicker axes on a
// projector. The lines of the data are each view's own (linePen, look/view_colours.h).

#include <QString>

class QCustomPlot;
class QWidget;

namespace koto::gui {

// A plot inside `owner`: a plain plot area on the window's colour, at least 320 x 220 pixels,
// following the presentation (as followPresentation). `objectName` names it for tests.
QCustomPlot* makeCurvePlot(QWidget* owner, const QString& objectName);

// Styles a plot made elsewhere now, and again whenever the presentation changes. Axis labels
// longer than their axis, and titles wider than the plot, are shown on two lines.
void followPresentation(QCustomPlot& plot);

// Shows the legend in a row of its own under the plot, without a frame: inside the plot it hid
// the curves.
void putLegendBelow(QCustomPlot& plot);
// Lays the legend's entries out in as many columns as the plot's width holds (at least one), row
// after row, so that no name is cut where a language's names are longer.
void fitLegendColumns(QCustomPlot& plot);

}  // namespace koto::gui
