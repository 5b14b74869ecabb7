#include "animation/animation_frame.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QPainter>
#include <QPixmap>
#include <QWidget>

#include "views/exportable_view.h"
#include "views/view_export.h"

namespace koto::gui {
namespace {

constexpr int kCaptionPixels = 18;  // readable on a slide beside a 600-pixel picture
constexpr int kSmallestCaptionPixels = 9;
constexpr int kCaptionMargin = 12;

// Lays out the widget and everything in it now, at its size, as the event loop would before
// painting it (a label's new text, a scroll area's bars): the picture is then the same whatever
// the window did before. Laying out one level may ask the next to, hence a few rounds. The
// window's own layout waits: it gives the widget back its place later.
void layOutNow(QWidget& widget) {
    for (int round = 0; round < 3; ++round) {
        QCoreApplication::sendPostedEvents(&widget, QEvent::LayoutRequest);
        for (QWidget* inside : widget.findChildren<QWidget*>())
            QCoreApplication::sendPostedEvents(inside, QEvent::LayoutRequest);
    }
}

}  // namespace

bool isAnimatedView(const QString& name) {
    return name == QLatin1String("boundary") || name == QLatin1String("gallery") ||
           name == QLatin1String("weights") || name == QLatin1String("curve");
}

QSize frameViewSize(const QString& name) {
    if (name == QLatin1String("boundary")) return {640, 640};
    if (name == QLatin1String("weights")) return {800, 900};  // its column whole, unscrolled
    if (name == QLatin1String("gallery")) return {800, 400};  // its three rows of eight
    return {800, 600};
}

QImage drawViewAt(ExportableView& view, QSize size) {
    QWidget& widget = view.pictureWidget();
    // Its layout gives it another size in the window: it takes this one for the picture, and the
    // layout gives it back its own when it next lays the window out.
    widget.resize(size);
    layOutNow(widget);
    replotPlots(widget);
    return widget.grab().toImage().convertToFormat(QImage::Format_RGB32);
}

QString frameCaption(const EpochMetrics& m) {
    if (m.regression)
        return QCoreApplication::translate("AnimationFrame",
                                           "Epoch %1 · test loss %2 · test RMSE %3")
            .arg(m.epoch)
            .arg(m.test.loss, 0, 'f', 4)
            .arg(m.test.rmse, 0, 'f', 4);
    return QCoreApplication::translate("AnimationFrame",
                                       "Epoch %1 · test loss %2 · test accuracy %3 %")
        .arg(m.epoch)
        .arg(m.test.loss, 0, 'f', 4)
        .arg(m.test.accuracy * 100, 0, 'f', 1);
}

QImage captionedFrame(const QImage& picture, const QString& caption) {
    // In the picture's logical pixels: a screen that scales by 2 gives a picture of twice the
    // pixels, and the caption grows with it.
    const qreal ratio = picture.devicePixelRatio();
    const int width = qRound(picture.width() / ratio);
    QFont font = QGuiApplication::font();
    font.setPixelSize(kCaptionPixels);
    while (font.pixelSize() > kSmallestCaptionPixels &&
           QFontMetrics(font).horizontalAdvance(caption) > width - 2 * kCaptionMargin)
        font.setPixelSize(font.pixelSize() - 1);
    const int strip = 2 * QFontMetrics(font).height();

    QImage frame(picture.width(), picture.height() + qRound(strip * ratio), QImage::Format_RGB32);
    frame.setDevicePixelRatio(ratio);
    frame.fill(Qt::white);
    QPainter painter(&frame);
    painter.drawImage(QPoint(0, 0), picture);
    const QRect band(0, qRound(picture.height() / ratio), width, strip);
    painter.setPen(QColor(0xd0, 0xd0, 0xd0));
    painter.drawLine(band.topLeft(), band.topRight());
    painter.setPen(QColor(0x20, 0x20, 0x20));
    painter.setFont(font);
    painter.drawText(band, Qt::AlignCenter, caption);
    return frame;
}

}  // namespace koto::gui
