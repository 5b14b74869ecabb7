#pragma once
// Reads a formula of the TeX subset (see math_picture.h) and lays it out as it goes: each
// character and command becomes an atom of a row, scripts attach to the atom before them, and
// \frac, \sqrt, \left ... \right read their arguments in the style TeX would give them.

#include <QString>

#include "lessons/math_box.h"
#include "lessons/math_fonts.h"

namespace koto::gui {

struct MathReading {
    MathBox box;
    QString error;  // what could not be read (then `box` is empty); empty when all was read
};

MathReading readMath(const QString& tex, const MathFonts& fonts, MathStyle style);

}  // namespace koto::gui
