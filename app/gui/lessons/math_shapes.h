#pragma once
// Signs that grow with what they go with, drawn as shapes: the radical sign of \sqrt, the
// delimiters of \left ... \right, and the accents. A font's glyph has one size; these are drawn
// to any height or width.

#include <QChar>
#include <QPainterPath>

#include "lessons/math_box.h"
#include "lessons/math_fonts.h"

namespace koto::gui {

// The √ sign from `depth` below the baseline to `top` above it, where the radical's bar (drawn
// by the caller, `thickness` thick) starts at the box's right edge.
MathBox radicalSign(qreal top, qreal depth, qreal thickness, qreal em);

// The delimiter `which` — ( ) [ ] | ‖ { } or '.' for none — at least `height` tall and
// centred on the maths axis; the font's own glyph when that is tall enough.
MathBox delimiter(QChar which, qreal height, MathStyle style, const MathFonts& fonts);

enum class MathAccent { Hat, Tilde, Bar };

// A hat or a tilde `width` wide with strokes `thickness` thick, centred on x = 0 with its ink's
// bottom at y = 0. (A bar is a rule, drawn sharp on whole pixels.)
QPainterPath accentShape(MathAccent accent, qreal width, qreal thickness);

}  // namespace koto::gui
