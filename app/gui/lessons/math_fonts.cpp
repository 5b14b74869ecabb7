#include "lessons/math_fonts.h"

#include <QFontInfo>
#include <QFontMetricsF>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace koto::gui {

namespace {

using Level = MathStyle::Level;

int levelIndex(Level level) { return static_cast<int>(level); }

// Where the ink of `text` lies, its baseline's start at the origin. Glyph outlines say it to a
// fraction of a pixel (QFontMetricsF's ink rectangles are whole pixels, too coarse at 14 px to
// place a superscript by), and also for the slant Qt makes up for a font without an italic
// face, for which those rectangles are far too wide.
QRectF inkOf(const QString& text, const QFont& font) {
    QPainterPath outline;
    outline.addText(0, 0, font, text);
    return outline.boundingRect();
}

}  // namespace

MathStyle MathStyle::superscript() const {
    return {level == Level::Display || level == Level::Text ? Level::Script : Level::ScriptScript,
            cramped};
}

MathStyle MathStyle::subscript() const { return {superscript().level, true}; }

MathStyle MathStyle::numerator() const {
    switch (level) {
    case Level::Display: return {Level::Text, cramped};
    case Level::Text: return {Level::Script, cramped};
    default: return {Level::ScriptScript, cramped};
    }
}

MathStyle MathStyle::denominator() const { return {numerator().level, true}; }

MathFonts::MathFonts(const QFont& font)
    : basePixelSize_(std::max(QFontInfo(font).pixelSize(), 4)), wordsFamily_(font.family()) {
    for (Level level : {Level::Display, Level::Text, Level::Script, Level::ScriptScript}) {
        const QFont upright = this->font(MathVariant::Upright, pixelSize({level, false}));
        xHeight_[levelIndex(level)] = -inkOf("x", upright).top();
        axis_[levelIndex(level)] = -inkOf("+", upright).center().y();
    }
}

qreal MathFonts::pixelSize(MathStyle style) const {
    // TeX's scripts are 70% and 50% of the text size; at lesson sizes (12 to 16 px) 50% is
    // unreadable, so a script's script keeps 55% and never goes under 7 px.
    switch (style.level) {
    case Level::Display:
    case Level::Text: return basePixelSize_;
    case Level::Script: return std::max(std::round(basePixelSize_ * 0.7), 7.0);
    case Level::ScriptScript: return std::max(std::round(basePixelSize_ * 0.55), 7.0);
    }
    return basePixelSize_;
}

qreal MathFonts::em(MathStyle style) const { return pixelSize(style); }
qreal MathFonts::xHeight(MathStyle style) const { return xHeight_[levelIndex(style.level)]; }
qreal MathFonts::axis(MathStyle style) const { return axis_[levelIndex(style.level)]; }

qreal MathFonts::ruleThickness(MathStyle style) const {
    return std::max(em(style) * 0.05, 1.0);
}

QFont MathFonts::font(MathVariant variant, qreal pixelSize) const {
    QFont font;
    if (variant == MathVariant::Words) {
        font.setFamily(wordsFamily_);
    } else {
        font.setFamilies({QStringLiteral("DejaVu Serif")});
        font.setStyleHint(QFont::Serif);
    }
    font.setPixelSize(std::max(static_cast<int>(std::round(pixelSize)), 1));
    font.setItalic(variant == MathVariant::Italic);
    font.setBold(variant == MathVariant::Bold);
    return font;
}

MathBox MathFonts::textBox(const QString& text, const QFont& font, qreal* italicCorrection) const {
    const QRectF bounds = inkOf(text, font);
    MathBox box;
    box.width = QFontMetricsF(font).horizontalAdvance(text);
    box.ascent = std::max(-bounds.top(), 0.0);
    box.descent = std::max(bounds.bottom(), 0.0);
    if (italicCorrection) *italicCorrection = std::max(bounds.right() - box.width, 0.0);
    MathInk piece;
    piece.font = font;
    piece.text = text;
    piece.bounds = bounds;
    box.ink.push_back(std::move(piece));
    return box;
}

MathBox MathFonts::text(const QString& text, MathVariant variant, MathStyle style,
                        qreal* italicCorrection) const {
    return textBox(text, font(variant, pixelSize(style)), italicCorrection);
}

MathBox MathFonts::scaledSymbol(const QString& text, MathStyle style, qreal scale) const {
    return textBox(text, font(MathVariant::Upright, pixelSize(style) * scale), nullptr);
}

}  // namespace koto::gui
