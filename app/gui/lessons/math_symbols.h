#pragma once
// What each character and symbol command of the TeX subset stands for: the Unicode text drawn,
// the font variant, and TeX's class of the atom, which decides the space around it (a little
// around + and −, more around = and ←, none between letters).

#include <QString>
#include <optional>

#include "lessons/math_fonts.h"

namespace koto::gui {

// TeX's atom classes: ordinary, large operator or function name, binary operator, relation,
// opening and closing delimiter, punctuation, and a \left ... \right group.
enum class MathClass { Ord, Op, Bin, Rel, Open, Close, Punct, Inner };

struct MathSymbol {
    QString text;
    MathClass kind = MathClass::Ord;
    MathVariant variant = MathVariant::Upright;
};

// A character typed as itself: x, 2, +, =, (, ...
MathSymbol characterSymbol(QChar c);
// \alpha, \partial, \cdot, \leftarrow, \infty, ...; nothing for names that are no symbol.
std::optional<MathSymbol> commandSymbol(const QString& name);

// \log, \exp, \max, ...: a function name set upright; `limits`: in display style its subscript
// goes underneath (\max_{w}), as TeX does for \max, \min, \lim.
struct MathFunction {
    QString name;
    bool limits = false;
};
std::optional<MathFunction> functionName(const QString& name);

// \sum, \prod, \int: a large operator, bigger in display style.
struct MathOperator {
    QString glyph;
    bool limits = true;  // \int keeps its limits beside it, even in display style
};
std::optional<MathOperator> largeOperator(const QString& name);

// \mathbb{R}: the double-struck capital (ℝ, ℕ, ...), or nothing for other characters.
std::optional<QString> doubleStruck(QChar c);

}  // namespace koto::gui
