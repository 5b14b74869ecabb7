#include "lessons/math_layout.h"

#include <algorithm>

namespace koto::gui {

namespace {

// The space between two neighbouring atoms in maths units (18 mu = 1 em), The TeXbook's table
// on page 170: 3 mu is a thin space, 4 a medium one (around binary operators), 5 a thick one
// (around relations). A negative entry is left out in script styles, where rows are tight.
constexpr int kSpacing[8][8] = {
    //  Ord Op  Bin Rel Open Close Punct Inner      (right atom)
    {0, 3, -4, -5, 0, 0, 0, -3},      // Ord
    {3, 3, 0, -5, 0, 0, 0, -3},       // Op
    {-4, -4, 0, 0, -4, 0, 0, -4},     // Bin
    {-5, -5, 0, 0, -5, 0, 0, -5},     // Rel
    {0, 0, 0, 0, 0, 0, 0, 0},         // Open
    {0, 3, -4, -5, 0, 0, 0, -3},      // Close
    {-3, -3, 0, -3, -3, -3, -3, -3},  // Punct
    {-3, 3, -4, -5, -3, 0, -3, -3},   // Inner
};

qreal spacingMu(MathClass left, MathClass right, MathStyle style) {
    const int mu = kSpacing[static_cast<int>(left)][static_cast<int>(right)];
    if (mu < 0) return style.isScript() ? 0 : -mu;
    return mu;
}

bool oneOf(MathClass kind, std::initializer_list<MathClass> kinds) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

}  // namespace

MathBox MathLayout::row(std::vector<MathAtom> atoms, MathStyle style) const {
    // A binary operator with nothing to combine on its left (a leading minus, "= -x", "(-x")
    // or on its right is an ordinary symbol, and gets no space (appendix G, rules 5 and 6).
    MathAtom* previous = nullptr;
    for (MathAtom& atom : atoms) {
        if (atom.isSpace) continue;
        using C = MathClass;
        if (atom.kind == C::Bin && (!previous || oneOf(previous->kind, {C::Bin, C::Op, C::Rel,
                                                                          C::Open, C::Punct})))
            atom.kind = C::Ord;
        if (previous && previous->kind == C::Bin && oneOf(atom.kind, {C::Rel, C::Close, C::Punct}))
            previous->kind = C::Ord;
        previous = &atom;
    }
    if (previous && previous->kind == MathClass::Bin) previous->kind = MathClass::Ord;

    MathBox box;
    std::optional<MathClass> left;
    for (const MathAtom& atom : atoms) {
        if (atom.isSpace) {
            box.width += atom.nucleus.width;
            continue;
        }
        if (left) box.width += space(spacingMu(*left, atom.kind, style), style).width;
        const MathBox piece = atom.limits ? withLimits(atom, style) : withScripts(atom, style);
        box.place(piece, {box.width, 0});
        box.width += piece.width;
        box.ascent = std::max(box.ascent, piece.ascent);
        box.descent = std::max(box.descent, piece.descent);
        left = atom.kind;
    }
    return box;
}

MathBox MathLayout::withScripts(const MathAtom& atom, MathStyle style) const {
    const MathBox& nucleus = atom.nucleus;
    const qreal italic = atom.isSymbol ? atom.italicCorrection : 0;
    MathBox box = nucleus;
    box.width += italic;
    if (!atom.superscript && !atom.subscript) return box;

    // TeX's shifts are fractions of Computer Modern's em; here they are of the x-height, so that
    // DejaVu's large x-height lifts a superscript clear of the letters it follows.
    const qreal x_height = fonts_.xHeight(style);
    const qreal rule = fonts_.ruleThickness(style);
    // A symbol's scripts sit at fixed heights; a taller box's hang from its top and bottom.
    qreal up = atom.isSymbol ? 0 : nucleus.ascent - 0.39 * fonts_.em(style.superscript());
    qreal down = atom.isSymbol ? 0 : nucleus.descent + 0.05 * fonts_.em(style.subscript());
    const MathBox* sup = atom.superscript ? &*atom.superscript : nullptr;
    const MathBox* sub = atom.subscript ? &*atom.subscript : nullptr;
    if (sup) {
        const qreal least = style.isDisplay() ? 0.96 : style.cramped ? 0.67 : 0.84;
        up = std::max({up, least * x_height, sup->descent + x_height / 4});
    }
    if (sub && !sup) down = std::max({down, 0.35 * x_height, sub->ascent - 0.8 * x_height});
    if (sub && sup) {
        down = std::max(down, 0.57 * x_height);
        // Keep four rule thicknesses between them, then lift the pair if the superscript's
        // bottom has sunk below 4/5 of the x-height.
        const qreal gap = (up - sup->descent) - (sub->ascent - down);
        if (gap < 4 * rule) down += 4 * rule - gap;
        const qreal lift = 0.8 * x_height - (up - sup->descent);
        if (lift > 0) {
            up += lift;
            down -= lift;
        }
    }
    const qreal script_space = 0.05 * fonts_.em(style);
    qreal right = box.width;
    if (sup) {
        box.place(*sup, {nucleus.width + italic, -up});
        right = std::max(right, nucleus.width + italic + sup->width);
        box.ascent = std::max(box.ascent, up + sup->ascent);
        box.descent = std::max(box.descent, sup->descent - up);
    }
    if (sub) {
        // A subscript tucks under a slanted letter: it starts before the italic correction.
        box.place(*sub, {nucleus.width, down});
        right = std::max(right, nucleus.width + sub->width);
        box.ascent = std::max(box.ascent, sub->ascent - down);
        box.descent = std::max(box.descent, down + sub->descent);
    }
    box.width = right + script_space;
    return box;
}

MathBox MathLayout::withLimits(const MathAtom& atom, MathStyle style) const {
    const MathBox& nucleus = atom.nucleus;
    const qreal em = fonts_.em(style);
    qreal width = nucleus.width;
    if (atom.superscript) width = std::max(width, atom.superscript->width);
    if (atom.subscript) width = std::max(width, atom.subscript->width);

    MathBox box;
    box.width = width;
    box.ascent = nucleus.ascent;
    box.descent = nucleus.descent;
    box.place(nucleus, {(width - nucleus.width) / 2, 0});
    if (const auto& sup = atom.superscript) {
        const qreal gap = std::max(0.11 * em, 0.2 * em - sup->descent);
        const qreal baseline = nucleus.ascent + gap + sup->descent;
        box.place(*sup, {(width - sup->width) / 2, -baseline});
        box.ascent = baseline + sup->ascent + 0.1 * em;
    }
    if (const auto& sub = atom.subscript) {
        const qreal gap = std::max(0.17 * em, 0.7 * em - sub->ascent);
        const qreal baseline = nucleus.descent + gap + sub->ascent;
        box.place(*sub, {(width - sub->width) / 2, baseline});
        box.descent = baseline + sub->descent + 0.1 * em;
    }
    return box;
}

MathBox MathLayout::fraction(const MathBox& numerator, const MathBox& denominator,
                             MathStyle style) const {
    const qreal em = fonts_.em(style);
    const qreal axis = fonts_.axis(style);
    const qreal rule = fonts_.ruleThickness(style);
    const bool display = style.isDisplay();
    // TeX's num1/denom1 and num2/denom2 shifts, then at least `clearance` between each part's
    // ink and the rule.
    const qreal clearance = display ? 3 * rule : 1.5 * rule;
    const qreal up = std::max(display ? 0.68 * em : 0.39 * em,
                              axis + rule / 2 + clearance + numerator.descent);
    const qreal down = std::max(display ? 0.69 * em : 0.35 * em,
                                clearance + rule / 2 - axis + denominator.ascent);
    // A little room either side, so that the rule stands out from its neighbours.
    const qreal margin = 0.12 * em;
    const qreal inner = std::max(numerator.width, denominator.width);

    MathBox box;
    box.width = inner + 2 * margin;
    box.ascent = up + numerator.ascent;
    box.descent = down + denominator.descent;
    box.place(numerator, {margin + (inner - numerator.width) / 2, -up});
    box.place(denominator, {margin + (inner - denominator.width) / 2, down});
    box.addRule(QRectF(margin, -axis - rule / 2, inner, rule));
    return box;
}

MathBox MathLayout::radical(const MathBox& radicand, MathStyle style) const {
    const qreal em = fonts_.em(style);
    const qreal rule = fonts_.ruleThickness(style);
    // TeX's clearance between the radicand and the bar, then a sign at least about as tall as
    // a text line, its extra length shared between the gap above and the tail below.
    qreal clearance = rule + (style.isDisplay() ? fonts_.xHeight(style) : rule) / 4;
    const qreal needed = radicand.ascent + clearance + rule + radicand.descent;
    const qreal extra = std::max(1.0 * em - needed, 0.0);
    clearance += extra / 2;
    const qreal top = radicand.ascent + clearance + rule;
    const qreal depth = radicand.descent + extra / 2;

    const MathBox sign = radicalSign(top, depth, rule, em);
    const qreal before = 0.06 * em, after = 0.1 * em;
    MathBox box;
    box.place(sign, {0, 0});
    box.place(radicand, {sign.width + before, 0});
    box.width = sign.width + before + radicand.width + after;
    box.addRule(QRectF(sign.width, -top, box.width - sign.width, rule));
    box.ascent = top;
    box.descent = std::max(depth, sign.descent);
    return box;
}

MathBox MathLayout::accent(const MathBox& base, MathAccent accent, bool slanted,
                           MathStyle style) const {
    const QRectF ink = base.inkBounds();
    // The middle of a slanted letter's top is right of the middle of its ink by the slant
    // (about 1/5) times half its height.
    const qreal centre = (ink.isNull() ? base.width / 2 : ink.center().x()) +
                         (slanted ? 0.1 * ink.height() : 0);
    const qreal em = fonts_.em(style);
    const qreal rule = fonts_.ruleThickness(style);
    const qreal gap = 0.1 * fonts_.xHeight(style);
    MathBox box = base;
    if (accent == MathAccent::Bar) {
        const qreal width = std::max(ink.width(), 0.4 * em);
        box.addRule(QRectF(centre - width / 2, -(base.ascent + gap + rule), width, rule));
        box.ascent = base.ascent + gap + rule;
        return box;
    }
    // About half as wide as a letter, growing with a wider base as TeX's wide accents do.
    const qreal width = std::clamp(0.6 * ink.width(), 0.3 * em, 1.5 * em);
    const QPainterPath mark = accentShape(accent, width, std::max(0.055 * em, rule))
                                  .translated(centre, -(base.ascent + gap));
    box.addShape(mark);
    box.ascent = std::max(base.ascent, -mark.boundingRect().top());
    return box;
}

MathBox MathLayout::largeOperator(const QString& glyph, MathStyle style) const {
    // TeX's ∑ is 1.4 em from top to bottom in display style and 1 em in a line, ∫ 2.2 and 1.1:
    // 3.3 and 2.3, 5.2 and 2.6 times Computer Modern's x-height. Measured in x-heights, they
    // keep their size beside DejaVu's larger letters. Fonts draw ∑ at different heights, so
    // the glyph is scaled to its ink's height.
    const bool integral = glyph == "∫";
    const qreal wanted = (style.isDisplay() ? (integral ? 5.2 : 3.3) : (integral ? 2.6 : 2.3)) *
                         fonts_.xHeight(style);
    const qreal natural = fonts_.scaledSymbol(glyph, style, 1).inkBounds().height();
    const MathBox symbol =
        fonts_.scaledSymbol(glyph, style, natural > 0 ? wanted / natural : 1);
    const QRectF ink = symbol.inkBounds();
    const qreal shift = -fonts_.axis(style) - ink.center().y();
    MathBox box;
    box.place(symbol, {0, shift});
    box.width = symbol.width;
    box.ascent = -(ink.top() + shift);
    box.descent = ink.bottom() + shift;
    return box;
}

MathBox MathLayout::fenced(QChar left, const MathBox& inner, QChar right, MathStyle style) const {
    // TeX's rule 19: cover the inner box's reach from the axis, allowing 10% or half an em
    // short, whichever is shorter.
    const qreal axis = fonts_.axis(style);
    const qreal reach = std::max(inner.ascent - axis, inner.descent + axis);
    const qreal height = std::max(2 * reach * 0.901, 2 * reach - 0.5 * fonts_.em(style));
    const MathBox opening = delimiter(left, height, style, fonts_);
    const MathBox closing = delimiter(right, height, style, fonts_);
    MathBox box;
    box.place(opening, {0, 0});
    box.place(inner, {opening.width, 0});
    box.place(closing, {opening.width + inner.width, 0});
    box.width = opening.width + inner.width + closing.width;
    box.ascent = std::max({opening.ascent, inner.ascent, closing.ascent});
    box.descent = std::max({opening.descent, inner.descent, closing.descent});
    return box;
}

MathBox MathLayout::space(qreal mu, MathStyle style) const {
    MathBox box;
    box.width = mu / 18 * fonts_.em(style);
    return box;
}

}  // namespace koto::gui
