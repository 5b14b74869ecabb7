#pragma once
// A lesson's Markdown text as a document to show, its maths drawn as maths: every `$...$`
// (inline) and `$$...$$` (a line of its own) becomes a picture in the document, drawn by the
// given painter of maths, aligned with the text (inline) or centred (display). Dollars inside
// code, and escaped ones (\$), stay text.

#include <QImage>
#include <QString>
#include <functional>
#include <vector>

class QTextDocument;

namespace koto::gui {

// The picture of one formula, its devicePixelRatio set (the document sizes it by that).
using MathPainter = std::function<QImage(const QString& tex, bool display)>;

// The Markdown with each maths span replaced by an image reference ("math:N"), and the spans in
// order, each with whether it is displayed on a line of its own.
struct MathSpan {
    QString tex;
    bool display = false;
};
struct MarkdownWithMaths {
    QString markdown;
    std::vector<MathSpan> maths;
};
MarkdownWithMaths separateMaths(const QString& markdown);

// Fills the document: the Markdown, then each maths span's picture as an image resource.
void setLessonText(QTextDocument& document, const QString& markdown, const MathPainter& paint);

}  // namespace koto::gui
