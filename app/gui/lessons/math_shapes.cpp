#include "lessons/math_shapes.h"

#include <QPainterPathStroker>
#include <QTransform>
#include <algorithm>

namespace koto::gui {

namespace {

// A straight stroke from `from` to `to`, `width` wide, as a filled outline.
QPainterPath stroke(QPointF from, QPointF to, qreal width) {
    QPainterPath line(from);
    line.lineTo(to);
    QPainterPathStroker stroker;
    stroker.setWidth(width);
    stroker.setCapStyle(Qt::RoundCap);
    return stroker.createStroke(line);
}

// A box `width` wide whose ink is `shape`, as high and deep as the shape reaches.
MathBox shapeBox(const QPainterPath& shape, qreal width) {
    MathBox box;
    box.width = width;
    box.addShape(shape);
    const QRectF ink = shape.boundingRect();
    box.ascent = std::max(-ink.top(), 0.0);
    box.descent = std::max(ink.bottom(), 0.0);
    return box;
}

// An opening delimiter's `shape` in a box `width` wide, mirrored for a closing one.
MathBox facing(bool closing, const QPainterPath& shape, qreal width) {
    return shapeBox(closing ? QTransform(-1, 0, 0, 1, width, 0).map(shape) : shape, width);
}

// An opening parenthesis from `top` to `bottom` (y downwards) in a box `width` wide: a
// crescent whose outer and inner curves meet thin at the ends and are `middle` apart halfway.
QPainterPath parenthesis(qreal top, qreal bottom, qreal width, qreal middle, qreal end) {
    const qreal end_x = 0.85 * width;  // where the ends are
    const qreal mid_x = 0.12 * width;  // the outer curve's leftmost point
    // A cubic between two ends at x = e with both control points at x = c passes halfway at
    // (e + 3c) / 4: the c that makes it pass through the point wanted.
    const auto control = [](qreal halfway, qreal ends) { return (4 * halfway - ends) / 3; };
    const qreal bend = 0.08 * (bottom - top);  // how far the control points sit from the ends
    QPainterPath shape(QPointF(end_x, top));
    const qreal outer = control(mid_x, end_x);
    shape.cubicTo(QPointF(outer, top + bend), QPointF(outer, bottom - bend),
                  QPointF(end_x, bottom));
    shape.lineTo(end_x + end, bottom);
    const qreal inner = control(mid_x + middle, end_x + end);
    shape.cubicTo(QPointF(inner, bottom - bend), QPointF(inner, top + bend),
                  QPointF(end_x + end, top));
    shape.closeSubpath();
    return shape;
}

// A square bracket: a stem and two arms of `arm` length.
QPainterPath bracket(qreal top, qreal bottom, qreal stem_x, qreal stem, qreal arm, qreal rule) {
    QPainterPath shape;
    shape.setFillRule(Qt::WindingFill);
    shape.addRect(QRectF(stem_x, top, stem, bottom - top));
    shape.addRect(QRectF(stem_x, top, arm, rule));
    shape.addRect(QRectF(stem_x, bottom - rule, arm, rule));
    return shape;
}

// The font's glyph for `which` stretched upright to span `top` to `bottom` (braces and any
// delimiter without a drawing of its own).
QPainterPath stretchedGlyph(QChar which, qreal top, qreal bottom, const MathBox& glyph) {
    QPainterPath outline;
    outline.addText(QPointF(0, 0), glyph.ink.front().font, QString(which));
    const QRectF ink = outline.boundingRect();
    QTransform fit;
    fit.translate(0, top);
    fit.scale(1, (bottom - top) / ink.height());
    fit.translate(0, -ink.top());
    return fit.map(outline);
}

}  // namespace

MathBox radicalSign(qreal top, qreal depth, qreal thickness, qreal em) {
    const qreal height = top + depth;
    // Taller signs lean less steeply, as a font's larger radicals do.
    const qreal width = std::min(0.45 * em + 0.12 * height, 1.2 * em);
    const qreal tick_y = depth - std::min(0.45 * height, 0.45 * em);
    const QPointF start(0.02 * width, tick_y + 0.06 * em);
    const QPointF tick(0.22 * width, tick_y);
    const QPointF vertex(0.5 * width, depth);
    const QPointF end(width, -top + thickness / 2);
    QPainterPath shape;
    shape.setFillRule(Qt::WindingFill);
    shape.addPath(stroke(start, tick, thickness));
    // The down stroke is the heavy one, as in a typeset √.
    shape.addPath(stroke(tick, vertex, std::max(2.2 * thickness, 0.07 * em)));
    shape.addPath(stroke(vertex, end, thickness));
    return shapeBox(shape, width);
}

QPainterPath accentShape(MathAccent accent, qreal width, qreal thickness) {
    QPainterPath line(QPointF(-width / 2, 0));
    if (accent == MathAccent::Tilde) {
        // One wave: up from the left, over a crest, down through a trough, up to the right.
        const qreal rise = 0.22 * width;
        line.moveTo(-width / 2, -0.2 * rise);
        line.cubicTo(QPointF(-0.2 * width, -1.6 * rise), QPointF(0.2 * width, 0.6 * rise),
                     QPointF(width / 2, -rise));
    } else {
        line.lineTo(0, -0.4 * width);
        line.lineTo(width / 2, 0);
    }
    QPainterPathStroker stroker;
    stroker.setWidth(thickness);
    stroker.setJoinStyle(Qt::MiterJoin);
    stroker.setCapStyle(Qt::FlatCap);
    QPainterPath shape = stroker.createStroke(line);
    shape.translate(0, -shape.boundingRect().bottom());
    return shape;
}

MathBox delimiter(QChar which, qreal height, MathStyle style, const MathFonts& fonts) {
    const qreal em = fonts.em(style);
    if (which == '.') {
        MathBox none;
        none.width = 0.12 * em;
        return none;
    }
    const MathBox glyph = fonts.text(QString(which), MathVariant::Upright, style);
    if (glyph.height() >= height) return glyph;

    const qreal axis = fonts.axis(style);
    const qreal top = -axis - height / 2;
    const qreal bottom = -axis + height / 2;
    const qreal rule = fonts.ruleThickness(style);
    const qreal stem = std::max(0.075 * em, rule);
    switch (which.unicode()) {
    case '(':
    case ')': {
        const qreal width = std::min(0.4 * em + 0.04 * height, 0.75 * em);
        return facing(which == ')', parenthesis(top, bottom, width, 1.2 * stem, 0.4 * stem),
                      width);
    }
    case '[':
    case ']':
        return facing(which == ']',
                      bracket(top, bottom, 0.15 * em, stem, 0.3 * em, std::max(0.05 * em, rule)),
                      0.45 * em);
    case '|': {
        const qreal width = 0.3 * em;
        QPainterPath bar;
        bar.addRect(QRectF((width - stem) / 2, top, stem, height));
        return shapeBox(bar, width);
    }
    case 0x2016: {  // ‖
        QPainterPath bars;
        bars.setFillRule(Qt::WindingFill);
        bars.addRect(QRectF(0.12 * em, top, stem, height));
        bars.addRect(QRectF(0.33 * em - stem, top, stem, height));
        return shapeBox(bars, 0.45 * em);
    }
    default:
        return shapeBox(stretchedGlyph(which, top, bottom, glyph), glyph.width);
    }
}

}  // namespace koto::gui
