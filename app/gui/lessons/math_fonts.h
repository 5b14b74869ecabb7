#pragma once
// The fonts a formula is set in and the sizes TeX calls styles: display (a formula on its own
// line), text (a formula in a line of words), script (a superscript, a subscript, an inline
// fraction's parts) and scriptscript (a script's script). Letters are italic serif, digits and
// symbols upright serif (DejaVu Serif, which every Debian desktop has), words in \text the
// lesson's own font, so that Japanese shows with the same fallback fonts as the lesson's text.

#include <QFont>
#include <QString>
#include <array>

#include "lessons/math_box.h"

namespace koto::gui {

struct MathStyle {
    enum class Level { Display, Text, Script, ScriptScript };
    Level level = Level::Text;
    // Under a fraction's rule, a radical's bar or in a subscript, TeX keeps superscripts lower.
    bool cramped = false;

    bool isDisplay() const { return level == Level::Display; }
    bool isScript() const { return level == Level::Script || level == Level::ScriptScript; }
    MathStyle superscript() const;
    MathStyle subscript() const;
    MathStyle numerator() const;
    MathStyle denominator() const;
    MathStyle crampedStyle() const { return {level, true}; }
};

// How a character is drawn: \mathit (letters), \mathrm (digits, symbols, function names),
// \mathbf, and \text's words.
enum class MathVariant { Italic, Upright, Bold, Words };

class MathFonts {
public:
    // `font`: the lesson's font, whose pixel size the formula's text style takes.
    explicit MathFonts(const QFont& font);

    // The font size in pixels: the em, against which TeX measures its spaces.
    qreal em(MathStyle style) const;
    qreal xHeight(MathStyle style) const;
    // The height of the maths axis above the baseline (the middle of a minus sign), on which
    // fractions' rules and tall delimiters are centred.
    qreal axis(MathStyle style) const;
    // A fraction rule's and a radical's overbar's thickness: at least a pixel, whatever the
    // screen's device pixel ratio, so that a formula is laid out alike on every screen and a
    // sharper screen only draws it finer.
    qreal ruleThickness(MathStyle style) const;

    // `text` set in one font as a box as tall and deep as its ink; `italicCorrection` is set to
    // how far a slanted letter's top leans past its advance (a superscript then steps over it).
    MathBox text(const QString& text, MathVariant variant, MathStyle style,
                 qreal* italicCorrection = nullptr) const;
    // `text` in an upright font `scale` times the style's size (display \sum).
    MathBox scaledSymbol(const QString& text, MathStyle style, qreal scale) const;

private:
    QFont font(MathVariant variant, qreal pixelSize) const;
    qreal pixelSize(MathStyle style) const;
    MathBox textBox(const QString& text, const QFont& font, qreal* italicCorrection) const;

    qreal basePixelSize_;
    QString wordsFamily_;
    std::array<qreal, 4> xHeight_{}, axis_{};  // by MathStyle::Level
};

}  // namespace koto::gui
