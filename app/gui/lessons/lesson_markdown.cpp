#include "lessons/lesson_markdown.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QUrl>

namespace koto::gui {
namespace {

const QString kScheme = QStringLiteral("math:");

// The length of the run of backticks at `at`.
qsizetype ticksAt(const QString& text, qsizetype at) {
    qsizetype n = 0;
    while (at + n < text.size() && text[at + n] == u'`') ++n;
    return n;
}

}  // namespace

MarkdownWithMaths separateMaths(const QString& text) {
    MarkdownWithMaths result;
    QString& out = result.markdown;
    qsizetype i = 0;
    bool lineStart = true;
    while (i < text.size()) {
        const QChar c = text[i];
        // A fenced code block: copied as it is up to its closing fence.
        if (lineStart && (text.mid(i, 3) == QLatin1String("```") ||
                          text.mid(i, 3) == QLatin1String("~~~"))) {
            const QString fence = text.mid(i, 3);
            qsizetype end = text.indexOf(u'\n' + fence, i + 3);
            end = end < 0 ? text.size() : text.indexOf(u'\n', end + 4);
            if (end < 0) end = text.size();
            out += text.mid(i, end - i);
            i = end;
            lineStart = false;
            continue;
        }
        if (c == u'`') {  // a code span: up to the same number of backticks
            const qsizetype ticks = ticksAt(text, i);
            const qsizetype close = text.indexOf(QString(ticks, u'`'), i + ticks);
            const qsizetype end = close < 0 ? i + ticks : close + ticks;
            out += text.mid(i, end - i);
            i = end;
            lineStart = false;
            continue;
        }
        if (c == u'\\' && i + 1 < text.size() && text[i + 1] == u'$') {
            out += QLatin1String("\\$");
            i += 2;
            lineStart = false;
            continue;
        }
        if (c == u'$') {
            const bool display = i + 1 < text.size() && text[i + 1] == u'$';
            const QString delimiter = display ? QStringLiteral("$$") : QStringLiteral("$");
            const qsizetype start = i + delimiter.size();
            const qsizetype close = text.indexOf(delimiter, start);
            // Inline maths stays on its line; a lone dollar is a dollar.
            const bool closed = close > start &&
                                (display || !text.mid(start, close - start).contains(u'\n'));
            if (closed) {
                const QString tex = text.mid(start, close - start).trimmed();
                // Qt's Markdown reader places an image as it reads its text: it needs some.
                out += QStringLiteral("![formula](%1%2)").arg(kScheme).arg(result.maths.size());
                result.maths.push_back({tex, display});
                i = close + delimiter.size();
                lineStart = false;
                continue;
            }
        }
        out += c;
        lineStart = c == u'\n';
        ++i;
    }
    return result;
}

void setLessonText(QTextDocument& document, const QString& markdown, const MathPainter& paint) {
    const MarkdownWithMaths separated = separateMaths(markdown);
    // Resources after the text: setting the text clears the document, its resources with it.
    document.setMarkdown(separated.markdown);
    std::vector<QImage> images;
    for (size_t n = 0; n < separated.maths.size(); ++n) {
        images.push_back(paint(separated.maths[n].tex, separated.maths[n].display));
        document.addResource(QTextDocument::ImageResource,
                             QUrl(kScheme + QString::number(n)), images.back());
    }
    // Each picture at its size in device-independent pixels; display maths centred on its line.
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.charFormat().isImageFormat()) continue;
            QTextImageFormat format = fragment.charFormat().toImageFormat();
            if (!format.name().startsWith(kScheme)) continue;
            bool ok = false;
            const size_t n = format.name().mid(kScheme.size()).toULongLong(&ok);
            if (!ok || n >= images.size()) continue;
            const QImage& image = images[n];
            const qreal ratio = image.devicePixelRatio();
            format.setWidth(image.width() / ratio);
            format.setHeight(image.height() / ratio);
            format.setVerticalAlignment(separated.maths[n].display ? QTextCharFormat::AlignNormal
                                                                   : QTextCharFormat::AlignMiddle);
            QTextCursor cursor(&document);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(format);
            if (separated.maths[n].display) {
                QTextBlockFormat centred = block.blockFormat();
                centred.setAlignment(Qt::AlignHCenter);
                cursor.setBlockFormat(centred);
            }
        }
    }
}

}  // namespace koto::gui
