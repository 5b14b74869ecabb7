#pragma once
// The colours the views draw with, for the theme and the palette in effect (presentation.h).
// Ordinarily TensorFlow Playground's orange and blue; in colour-blind-safe mode Okabe and Ito's
// palette (https://jfly.uni-koeln.de/color/), whose colours stay apart under deuteranopia and
// protanopia, and where two curves are compared they differ by dashes as well as by colour.
// On a dark theme the lines are lighter, so that they stand out from the dark plot.

#include <QColor>
#include <QString>
#include <span>

class QLabel;

namespace koto::gui {

// The two classes of the 2-D data: class 0 (orange, or vermillion #D55E00) and class 1 (blue,
// or #0072B2), and the pale colour between them where the network is unsure.
QColor classColour(int k);
QColor unsureColour();

// The curves of the learning curve.
enum class Curve { Training, Test, Validation };
QColor curveColour(Curve curve);
Qt::PenStyle curveStyle(Curve curve);
// The i-th of several curves told apart by colour (runs, optimizers): `usual` ordinarily, Okabe
// and Ito's eight in colour-blind-safe mode.
QColor seriesColour(size_t i, std::span<const QColor> usual);

// Right and wrong answers (an image's frame, a class's bar, the diagonal of the confusion
// matrix): green and red ordinarily, which look alike to a deuteranope; Okabe and Ito's bluish
// green and vermillion (orange on a dark theme) in colour-blind-safe mode, which do not.
QColor rightColour();
QColor wrongColour();

// What a plot is drawn on and with.
struct PlotColours {
    QColor background;  // around the axes: the window
    QColor area;        // inside the axes
    QColor text;        // axes, tick labels, legends
    QColor grid, subGrid;
};
PlotColours plotColours();
// Strong lines drawn over the data (the decision line, a chosen point's ring, a marker): the
// theme's text colour, so that they show on either background.
QColor inkColour();

// A box of text that stands out from the window: a warning, news, something done, or the
// inspector's formulas and their working.
enum class Note { Warning, News, Done, Formula, Working };
QString noteStyle(Note note);
// Gives `label` the note's look and keeps it through changes of the theme.
void showAsNote(QLabel& label, Note note);

}  // namespace koto::gui
