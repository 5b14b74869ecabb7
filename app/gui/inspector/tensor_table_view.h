#pragma once
// A tensor as a small heatmap table: one sample a row, each cell coloured by its value (red
// positive, blue negative, white zero, scaled to the largest magnitude shown) with the value
// written in it. Large tensors show their first rows and columns. Clicking a cell chooses that
// element. One cell can be hidden ("?") while a learner works it out by hand.

#include <QTableWidget>

#include "inspect/step_trace.h"

namespace koto::gui {

class TensorTableView : public QTableWidget {
    Q_OBJECT
public:
    static constexpr int kMaxRows = 64;
    static constexpr int kMaxColumns = 32;

    explicit TensorTableView(QWidget* parent = nullptr);

    // null clears the table. hiddenRow/hiddenColumn: the cell to hide (-1: none).
    void showTensor(const TracedTensor* tensor, int hiddenRow = -1, int hiddenColumn = -1);
    void selectElement(int row, int column);
    // How many rows the table is tall enough to show (10; fewer beside feature maps).
    void setShownRows(int rows) { shownRows_ = rows; }
    // The text shown in a cell (for tests).
    QString cellText(int row, int column) const;

signals:
    void elementChosen(int row, int column);

private:
    int shownRows_ = 10;
};

}  // namespace koto::gui
