#include "views/svg_picture.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QImage>
#include <QSvgGenerator>
#include <QWidget>

namespace koto::gui {
namespace {

// What `widget` paints itself, without its children, in the part `source` (in its coordinates),
// as pixels at the screen's resolution.
QImage ownPixels(QWidget& widget, const QRect& source) {
    const qreal ratio = widget.devicePixelRatioF();
    QImage image(source.size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::transparent);
    widget.render(&image, QPoint(), QRegion(source), QWidget::DrawWindowBackground);
    return image;
}

// Draws `widget` (at its place in `root`) and then its children, each cut to the part its
// parents show (`visible`, in root's coordinates): what is scrolled out of sight stays out. The
// SVG generator ignores clipping, so a widget shown only in part (one cut by the edge of a
// scrolling column) paints that part as pixels; a widget shown whole is drawn as vectors.
void drawTree(QCPPainter& painter, QWidget& root, QWidget& widget, const QRect& visible) {
    const QPoint at = widget.mapTo(&root, QPoint(0, 0));
    const QRect whole(at, widget.size());
    const QRect shown = visible & whole;
    if (shown.isEmpty()) return;
    auto* plot = qobject_cast<QCustomPlot*>(&widget);
    if (shown != whole) {
        painter.drawImage(shown.topLeft(), plot ? plot->grab(shown.translated(-at)).toImage()
                                                : ownPixels(widget, shown.translated(-at)));
    } else if (plot) {
        // The plot draws its background only into its on-screen pixmaps: filled here.
        painter.fillRect(whole, plot->palette().window());
        painter.save();
        painter.translate(at);
        plot->toPainter(&painter, plot->width(), plot->height());
        painter.restore();
    } else {
        widget.render(&painter, at, QRegion(widget.rect()), QWidget::DrawWindowBackground);
    }
    if (plot) return;
    for (QObject* child : widget.children()) {
        auto* inner = qobject_cast<QWidget*>(child);
        if (inner && !inner->isWindow() && inner->isVisibleTo(&widget))
            drawTree(painter, root, *inner, shown);
    }
}

}  // namespace

QByteArray svgPicture(QWidget& widget) {
    QByteArray svg;
    QBuffer buffer(&svg);
    if (!buffer.open(QIODevice::WriteOnly)) return {};
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(widget.size());
    generator.setViewBox(widget.rect());
    // The screen's resolution, so that text keeps the size it has on screen.
    generator.setResolution(widget.logicalDpiX());
    generator.setTitle(QStringLiteral("Kotohajime"));
    QCPPainter painter;  // QCustomPlot draws only with its own painter
    if (!painter.begin(&generator)) return {};
    painter.setMode(QCPPainter::pmVectorized);
    painter.fillRect(widget.rect(), widget.palette().window());
    drawTree(painter, widget, widget, widget.rect());
    painter.end();
    return svg;
}

}  // namespace koto::gui
