#pragma once
// Showing or hiding a tab of a QTabWidget, working around Qt 6.4's QTabBar::setTabVisible: it
// sets the bar's "lay the tabs out again" mark to whether this call changed anything, so a call
// that leaves a tab as it was, made while the bar is hidden, also drops what earlier changes
// asked for (new titles, other tabs shown or hidden). The bar was then drawn where its tabs had
// been before: a gap in the row, a tab missing. Only changes are passed on.

#include <QTabWidget>

namespace koto::gui {

inline void setTabShown(QTabWidget& tabs, int index, bool shown) {
    if (tabs.isTabVisible(index) != shown) tabs.setTabVisible(index, shown);
}

}  // namespace koto::gui
