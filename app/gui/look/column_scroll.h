#pragma once
// A column that scrolls up and down, never sideways: the settings, a long explanation, a view
// of stacked plots. Its content keeps the width of the area and grows downwards.

class QScrollArea;
class QWidget;

namespace koto::gui {

QScrollArea* columnScroll(QWidget* content, QWidget* parent = nullptr);

}  // namespace koto::gui
