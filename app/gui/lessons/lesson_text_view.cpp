#include "lessons/lesson_text_view.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <cmath>

#include "lessons/lesson_markdown.h"
#include "lessons/math_picture.h"

namespace koto::gui {
namespace {

// A document centres an inline picture on the middle of its line of text; the picture is padded
// above or below so that, centred so, the formula's baseline falls on the text's baseline.
QImage onTextBaseline(const MathPicture& picture, const QFontMetricsF& metrics) {
    const QImage& image = picture.image;
    const qreal ratio = image.devicePixelRatio();
    const qreal height = image.height() / ratio;
    const qreal middle = (metrics.ascent() - metrics.descent()) / 2;  // above the baseline
    // Padding makes the height twice the distance from the top to the baseline less `middle`.
    const qreal above = std::max<qreal>(0, height - 2 * (picture.baseline - middle));
    const qreal total = std::max(height + above, 2 * (picture.baseline + above - middle));
    QImage padded(image.width(), static_cast<int>(std::ceil(total * ratio)), image.format());
    padded.setDevicePixelRatio(ratio);
    padded.fill(Qt::transparent);
    QPainter painter(&padded);
    painter.drawImage(QPointF(0, above), image);
    return padded;
}

}  // namespace

LessonTextView::LessonTextView(QWidget* parent) : QTextBrowser(parent) {
    setOpenExternalLinks(true);
    setFrameShape(QFrame::StyledPanel);
}

void LessonTextView::setLesson(const QString& markdown) {
    markdown_ = markdown;
    render();
}

void LessonTextView::render() {
    const int scrolled = verticalScrollBar()->value();
    problems_.clear();
    const QFont font = this->font();
    const QColor ink = palette().color(QPalette::Text);
    const qreal ratio = devicePixelRatioF();
    const QFontMetricsF metrics(font);
    // A formula of its own line wider than the view is set smaller, down to a size still read
    // comfortably, rather than making the learner scroll sideways.
    constexpr qreal kSmallestScale = 0.7;
    const qreal room = viewport()->width() - 2 * document()->documentMargin() - 4;
    renderedWidth_ = viewport()->width();
    setLessonText(*document(), markdown_, [&](const QString& tex, bool display) {
        MathPicture picture = MathPicture::render(tex, font, ink, ratio, display);
        if (!picture.error.isEmpty())
            problems_ << QStringLiteral("$%1$: %2").arg(tex, picture.error);
        const qreal width = picture.image.width() / ratio;
        if (display && picture.error.isEmpty() && width > room && room > 0) {
            QFont smaller = font;
            smaller.setPointSizeF(font.pointSizeF() * std::max(kSmallestScale, room / width));
            picture = MathPicture::render(tex, smaller, ink, ratio, display);
        }
        return display ? picture.image : onTextBaseline(picture, metrics);
    });
    // Filling the document leaves the cursor, and the view with it, at the end.
    moveCursor(QTextCursor::Start);
    verticalScrollBar()->setValue(scrolled);
}

void LessonTextView::resizeEvent(QResizeEvent* event) {
    QTextBrowser::resizeEvent(event);
    // Wide formulas are fitted to the width: again when it changes, but later: a resize comes
    // in the middle of laying out the document (a scroll bar appears), which must not be
    // replaced under it.
    if (!markdown_.isEmpty() && viewport()->width() != renderedWidth_ && !refitting_) {
        refitting_ = true;
        QTimer::singleShot(0, this, [this] {
            refitting_ = false;
            if (viewport()->width() != renderedWidth_) render();
        });
    }
}

void LessonTextView::changeEvent(QEvent* event) {
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::StyleChange)
        if (!markdown_.isEmpty()) render();
}

}  // namespace koto::gui
