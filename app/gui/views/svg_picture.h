#pragma once
// A widget and everything shown inside it drawn again as an SVG drawing: text, lines and areas
// as vectors, sharp at any size on a slide. QCustomPlot draws its plots from cached pixmaps on
// screen, so a plain QWidget::render would put pictures of the plots into the drawing; each plot
// here draws itself again through QCustomPlot::toPainter instead. Heatmaps (colour maps) and
// images stay pixels, as they are on screen, and so does a widget cut by the edge of a scrolling
// column (an SVG generator of Qt 6.4 cannot clip).

#include <QByteArray>

class QWidget;

namespace koto::gui {

// The SVG document (UTF-8) of what `widget` shows, its size in pixels; empty if it could not be
// drawn.
QByteArray svgPicture(QWidget& widget);

}  // namespace koto::gui
