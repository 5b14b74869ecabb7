#include "inspector/tensor_table_view.h"

#include <QHeaderView>
#include <algorithm>
#include <cmath>

#include "inspector/stage_text.h"
#include "look/presentation.h"

namespace koto::gui {

TensorTableView::TensorTableView(QWidget* parent) : QTableWidget(parent) {
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    // Cells wide enough for "−0.06201", as much larger as the text is (projector mode).
    auto size = [this] {
        const double scale = Presentation::instance().fontScale();
        horizontalHeader()->setMinimumSectionSize(static_cast<int>(40 * scale));
        horizontalHeader()->setDefaultSectionSize(static_cast<int>(78 * scale));
        verticalHeader()->setDefaultSectionSize(static_cast<int>(22 * scale));
    };
    size();
    connect(&Presentation::instance(), &Presentation::changed, this, size);
    connect(this, &QTableWidget::cellClicked, this, &TensorTableView::elementChosen);
}

void TensorTableView::showTensor(const TracedTensor* tensor, int hiddenRow, int hiddenColumn) {
    const QSignalBlocker block(this);
    clear();
    if (!tensor) {
        setRowCount(0);
        setColumnCount(0);
        return;
    }
    const int rows = static_cast<int>(std::min<int64_t>(tensor->rows, kMaxRows));
    const int columns = static_cast<int>(std::min<int64_t>(tensor->cols, kMaxColumns));
    setRowCount(rows);
    setColumnCount(columns);
    // As tall as its rows (up to ten of them), so that the working below stays close.
    const int shownRows = std::min(rows, shownRows_);
    setFixedHeight(horizontalHeader()->sizeHint().height() +
                   shownRows * verticalHeader()->defaultSectionSize() + 2 * frameWidth() +
                   (columns > 12 ? 18 : 2));
    // Indices from 0, as the formulas write them.
    QStringList rowLabels, columnLabels;
    for (int r = 0; r < rows; ++r) rowLabels << QString::number(r);
    for (int c = 0; c < columns; ++c) columnLabels << QString::number(c);
    setVerticalHeaderLabels(rowLabels);
    setHorizontalHeaderLabels(columnLabels);
    float largest = 0;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) largest = std::max(largest, std::abs(tensor->at(r, c)));
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const float value = tensor->at(r, c);
            const bool hidden = r == hiddenRow && c == hiddenColumn;
            auto* item =
                new QTableWidgetItem(hidden ? QStringLiteral("?") : StageText::number(value));
            item->setTextAlignment(Qt::AlignCenter);
            const double strength = hidden || largest == 0 ? 0 : std::abs(value) / largest;
            const int fade = static_cast<int>(255 - 150 * strength);
            item->setBackground(value >= 0 ? QColor(255, fade, fade) : QColor(fade, fade, 255));
            item->setForeground(Qt::black);
            setItem(r, c, item);
        }
    }
}

void TensorTableView::selectElement(int row, int column) {
    const QSignalBlocker block(this);
    if (row < rowCount() && column < columnCount()) setCurrentCell(row, column);
    else setCurrentCell(-1, -1);  // chosen beyond the columns shown (on the feature maps)
}

QString TensorTableView::cellText(int row, int column) const {
    const QTableWidgetItem* cell = item(row, column);
    return cell ? cell->text() : QString();
}

}  // namespace koto::gui
