#pragma once
// TeX's rules for putting boxes together (The TeXbook, appendix G), in a simplified form: a row of
// atoms with the space their classes ask for, superscripts and subscripts beside a symbol or
// above and below a large operator, fractions on the maths axis, radicals and accents. Lengths
// are measured in the formula's own fonts (x-height, em, rule thickness) rather than TeX's
// Computer Modern tables, so that DejaVu's taller letters get proportionate gaps.

#include <optional>
#include <vector>

#include "lessons/math_box.h"
#include "lessons/math_fonts.h"
#include "lessons/math_shapes.h"
#include "lessons/math_symbols.h"

namespace koto::gui {

// One atom of a row: its nucleus and any scripts on it.
struct MathAtom {
    MathClass kind = MathClass::Ord;
    MathBox nucleus;
    std::optional<MathBox> superscript, subscript;
    // A single symbol: its scripts go at fixed heights instead of hanging from its box's top and
    // bottom, and a slanted letter's italic correction keeps the superscript clear of it.
    bool isSymbol = false;
    qreal italicCorrection = 0;
    bool slanted = false;  // an italic symbol: an accent over it leans right with it
    bool limits = false;  // scripts centred above and below (display \sum, \max)
    // An explicit space (\, \quad): width only; the atoms either side are spaced as neighbours.
    bool isSpace = false;
};

class MathLayout {
public:
    explicit MathLayout(const MathFonts& fonts) : fonts_(fonts) {}

    // The atoms side by side, binary operators turned ordinary where TeX would (a leading
    // minus), with thin, medium and thick spaces between them by class; no optional spaces in
    // script styles.
    MathBox row(std::vector<MathAtom> atoms, MathStyle style) const;
    MathBox fraction(const MathBox& numerator, const MathBox& denominator, MathStyle style) const;
    MathBox radical(const MathBox& radicand, MathStyle style) const;
    // `slanted`: the base is one italic letter, whose top leans right, so the accent does too.
    MathBox accent(const MathBox& base, MathAccent accent, bool slanted, MathStyle style) const;
    // A large operator's symbol, bigger in display style, centred on the maths axis.
    MathBox largeOperator(const QString& glyph, MathStyle style) const;
    // \left( inner \right): delimiters as tall as the inner box; '.' is none.
    MathBox fenced(QChar left, const MathBox& inner, QChar right, MathStyle style) const;
    // A space of `mu` maths units: 18 mu is one em of the style.
    MathBox space(qreal mu, MathStyle style) const;

private:
    MathBox withScripts(const MathAtom& atom, MathStyle style) const;
    MathBox withLimits(const MathAtom& atom, MathStyle style) const;

    const MathFonts& fonts_;
};

}  // namespace koto::gui
