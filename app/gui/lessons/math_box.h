#pragma once
// A laid-out piece of a formula, as TeX builds them: a box with a width, a height above its
// baseline (ascent) and a depth below it (descent), and the ink to draw in it. Boxes are put
// together by copying a smaller box's ink into a bigger one at an offset, so a finished formula
// is one flat list of text runs, rules and shapes with nothing left to lay out.

#include <QFont>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <vector>

class QPainter;

namespace koto::gui {

// One thing to draw, placed relative to its box's origin (the left end of the baseline; y grows
// downwards, as on screen).
struct MathInk {
    enum class Kind { Text, Rule, Shape };
    Kind kind = Kind::Text;
    QPointF at;          // Text: where its baseline starts; Rule, Shape: their offset
    QFont font;          // Text
    QString text;        // Text
    QRectF rule;         // Rule: a filled rectangle, kept on whole device pixels when drawn
    QPainterPath shape;  // Shape: a filled outline (radical signs, tall delimiters)
    QRectF bounds;       // where the ink lies, relative to the box's origin
};

struct MathBox {
    qreal width = 0;
    qreal ascent = 0;   // above the baseline
    qreal descent = 0;  // below the baseline
    std::vector<MathInk> ink;

    qreal height() const { return ascent + descent; }
    // Copies `other`'s ink into this box with its origin at `offset` (the box's size is the
    // caller's to set).
    void place(const MathBox& other, QPointF offset);
    void addRule(const QRectF& rule);
    void addShape(const QPainterPath& shape);
    // Where all the ink lies; an empty rectangle when there is none.
    QRectF inkBounds() const;
    // Draws the ink with the box's origin at `origin`. Rules are snapped to whole pixels of a
    // device with `devicePixelRatio` pixels per unit, so that a fraction's rule stays one sharp
    // line instead of two faint ones.
    void paint(QPainter& painter, QPointF origin, qreal devicePixelRatio) const;
};

}  // namespace koto::gui
