#include "look/plot_style.h"

#include <algorithm>

#include <qcustomplot.h>

namespace koto::gui {

QCustomPlot* makeCurvePlot(QWidget* owner, const QString& objectName) {
    auto* plot = new QCustomPlot(owner);
    plot->setObjectName(objectName);
    plot->setMinimumSize(320, 220);
    plot->setBackground(owner->palette().window());
    plot->axisRect()->setBackground(Qt::white);
    return plot;
}

void putLegendBelow(QCustomPlot& plot) {
    plot.legend->setVisible(true);
    plot.legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot.legend->setBorderPen(Qt::NoPen);
    plot.legend->setBrush(Qt::NoBrush);
    plot.plotLayout()->addElement(1, 0, plot.legend);
    plot.plotLayout()->setRowStretchFactor(1, 0.001);
}

void fitLegendColumns(QCustomPlot& plot) {
    QCPLegend& legend = *plot.legend;
    int widest = 0;
    for (int i = 0; i < legend.itemCount(); ++i)  // a grid's empty cells hold no item
        if (const QCPAbstractLegendItem* item = legend.item(i))
            widest = std::max(widest, item->minimumOuterSizeHint().width());
    // An empty legend is hidden: its empty grid would squeeze the axes to a sliver.
    legend.setVisible(widest > 0);
    if (widest <= 0) return;
    const int room = plot.width() - legend.margins().left() - legend.margins().right();
    legend.setWrap(
        std::max(1, (room + legend.columnSpacing()) / (widest + legend.columnSpacing())));
    legend.setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
}

}  // namespace koto::gui
