#include "look/plot_style.h"

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

}  // namespace koto::gui
