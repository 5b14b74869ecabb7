#include "look/plot_style.h"

#include <qcustomplot.h>

#include <QApplication>
#include <algorithm>
#include <limits>

#include "look/presentation.h"
#include "look/view_colours.h"

namespace koto::gui {
namespace {

void styleAxis(QCPAxis& axis, const PlotColours& colours, const QFont& font) {
    const QPen pen = linePen(colours.text, 1);
    axis.setBasePen(pen);
    axis.setTickPen(pen);
    axis.setSubTickPen(pen);
    axis.setTickLabelColor(colours.text);
    axis.setLabelColor(colours.text);
    axis.setTickLabelFont(font);
    axis.setLabelFont(font);
    axis.grid()->setPen(linePen(colours.grid, 1, Qt::DotLine));
    axis.grid()->setSubGridPen(linePen(colours.subGrid, 1, Qt::DotLine));
    axis.grid()->setZeroLinePen(linePen(colours.grid, 1));
}

// The plot's frame as the presentation has it: colours, the font's size, the axes' widths.
void stylePlot(QCustomPlot& plot) {
    const PlotColours colours = plotColours();
    // The axes and the legend keep a copy of the application's font (the plot's own follows it
    // only once the change has reached it, after this).
    const QFont font = QApplication::font();
    plot.setBackground(colours.background);
    for (QCPAxisRect* rect : plot.axisRects()) {
        rect->setBackground(colours.area);
        for (QCPAxis* axis : rect->axes()) styleAxis(*axis, colours, font);
    }
    for (QCPLayoutElement* element : plot.plotLayout()->elements(true)) {
        if (auto* scale = qobject_cast<QCPColorScale*>(element))
            styleAxis(*scale->axis(), colours, font);
        else if (auto* title = qobject_cast<QCPTextElement*>(element))
            title->setTextColor(colours.text);
    }
    plot.legend->setFont(font);
    plot.legend->setTextColor(colours.text);
    for (int i = 0; i < plot.legend->itemCount(); ++i)
        if (QCPAbstractLegendItem* item = plot.legend->item(i)) {
            item->setFont(font);
            item->setTextColor(colours.text);
        }
}

// `text` on two lines, broken where the longer line is shortest: at a space, or before an opening
// bracket ("損失（…）"); at the middle where neither gives lines that fit in `room`.
QString twoLines(const QString& text, const QFontMetrics& metrics, int room) {
    QString best;
    int bestWidth = std::numeric_limits<int>::max();
    for (qsizetype at = 1; at < text.size(); ++at) {
        const QChar c = text[at];
        const bool space = c == QLatin1Char(' ');
        if (!space && c != QLatin1Char('(') && c != QChar(0xff08)) continue;
        const QString first = text.left(at), second = text.mid(space ? at + 1 : at);
        const int width =
            std::max(metrics.horizontalAdvance(first), metrics.horizontalAdvance(second));
        if (width < bestWidth) {
            bestWidth = width;
            best = first + QLatin1Char('\n') + second;
        }
    }
    if (bestWidth <= room) return best;
    return text.left(text.size() / 2) + QLatin1Char('\n') + text.mid(text.size() / 2);
}

// `text` on one line where it fits in `room` pixels, else on two.
QString fitted(QString text, const QFont& font, int room) {
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QFontMetrics metrics(font);
    return room > 0 && metrics.horizontalAdvance(text) > room ? twoLines(text, metrics, room)
                                                              : text;
}

// Axis labels longer than their axis and titles wider than the plot (large text on a small
// plot, a long Japanese label) on two lines; on one line again once they fit. Before each
// replot of a plot shown, as the plot's size and texts change.
void fitTexts(QCustomPlot& plot) {
    if (!plot.isVisible()) return;  // not yet at the size it will be shown at
    for (QCPAxisRect* rect : plot.axisRects())
        for (QCPAxis* axis : rect->axes()) {
            if (!axis->visible() || axis->label().isEmpty()) continue;
            const int room = axis->orientation() == Qt::Vertical ? rect->height() : rect->width();
            const QString label = fitted(axis->label(), axis->labelFont(), room);
            if (label != axis->label()) axis->setLabel(label);
        }
    for (QCPLayoutElement* element : plot.plotLayout()->elements(true))
        if (auto* title = qobject_cast<QCPTextElement*>(element)) {
            const QString text = fitted(title->text(), title->font(), plot.width() - 12);
            if (text != title->text()) title->setText(text);
        }
}

}  // namespace

QCustomPlot* makeCurvePlot(QWidget* owner, const QString& objectName) {
    auto* plot = new QCustomPlot(owner);
    plot->setObjectName(objectName);
    plot->setMinimumSize(320, 220);
    followPresentation(*plot);
    return plot;
}

void followPresentation(QCustomPlot& plot) {
    stylePlot(plot);
    QObject::connect(&plot, &QCustomPlot::beforeReplot, &plot, [&plot] { fitTexts(plot); });
    QObject::connect(&Presentation::instance(), &Presentation::changed, &plot, [&plot] {
        stylePlot(plot);
        plot.replot(QCustomPlot::rpQueuedReplot);
    });
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
