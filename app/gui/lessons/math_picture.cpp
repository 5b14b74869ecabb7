#include "lessons/math_picture.h"

#include <QFontInfo>
#include <QFontMetricsF>
#include <QPainter>
#include <cmath>

#include "lessons/math_reader.h"

namespace koto::gui {

namespace {

// The colour of a formula that could not be read: red enough to catch an author's eye.
const QColor kErrorInk(200, 30, 30);

// The formula's source in a monospace font of the lesson's size, drawn when it cannot be read.
MathBox sourceBox(const QString& tex, const QFont& font) {
    QFont mono;
    mono.setFamilies({QStringLiteral("DejaVu Sans Mono")});
    mono.setStyleHint(QFont::TypeWriter);
    mono.setPixelSize(std::max(QFontInfo(font).pixelSize(), 4));
    const QFontMetricsF metrics(mono);
    MathBox box;
    box.width = metrics.horizontalAdvance(tex);
    box.ascent = metrics.ascent();
    box.descent = metrics.descent();
    MathInk piece;
    piece.font = mono;
    piece.text = tex;
    piece.bounds = QRectF(0, -box.ascent, box.width, box.height());
    box.ink.push_back(std::move(piece));
    return box;
}

// `box` drawn into an image just big enough for its ink and its own extent, the baseline on a
// whole pixel so that a formula in a line of text sits exactly on the text's baseline.
MathPicture draw(const MathBox& box, const QColor& ink, qreal devicePixelRatio) {
    const QRectF extent =
        box.inkBounds().united(QRectF(0, -box.ascent, std::max(box.width, 1.0), box.height()));
    const qreal left = std::floor(extent.left()) - 1;
    const qreal top = std::floor(extent.top()) - 1;
    const qreal width = std::ceil(extent.right()) + 1 - left;
    const qreal height = std::ceil(extent.bottom()) + 1 - top;
    const qreal pixels_wide = std::ceil(width * devicePixelRatio);
    const qreal pixels_high = std::ceil(height * devicePixelRatio);
    MathPicture picture;
    picture.baseline = -top;
    // QPainter draws into images up to 32767 pixels a side; no lesson's formula comes near.
    if (pixels_wide > 32767 || pixels_high > 32767) {
        picture.error = QStringLiteral("too large to draw");
        return picture;
    }
    picture.image = QImage(static_cast<int>(pixels_wide), static_cast<int>(pixels_high),
                           QImage::Format_ARGB32_Premultiplied);
    picture.image.setDevicePixelRatio(devicePixelRatio);
    picture.image.fill(Qt::transparent);
    QPainter painter(&picture.image);
    painter.setPen(ink);
    box.paint(painter, QPointF(-left, -top), devicePixelRatio);
    return picture;
}

}  // namespace

MathPicture MathPicture::render(const QString& tex, const QFont& font, const QColor& ink,
                                qreal devicePixelRatio, bool display) {
    if (!(devicePixelRatio > 0)) devicePixelRatio = 1;
    const MathFonts fonts(font);
    const MathStyle style{display ? MathStyle::Level::Display : MathStyle::Level::Text};
    const MathReading reading = readMath(tex, fonts, style);
    if (reading.error.isEmpty()) return draw(reading.box, ink, devicePixelRatio);
    MathPicture picture = draw(sourceBox(tex, font), kErrorInk, devicePixelRatio);
    picture.error = reading.error;
    return picture;
}

}  // namespace koto::gui
