#pragma once
// The colour scales the heatmap views share. Signed values (weights, tanh outputs) on a diverging
// scale, blue for negative, white at 0, red for positive, symmetric so that 0 is always white;
// values that are never negative (ReLU, pooling of ReLU, sigmoid gates) on a sequential scale
// from dark to bright, so that "more" always reads as "brighter"; input images in grey. Where it
// matters that a value is exactly 0 (a weight L1 has cleared), it can be drawn in a colour of its
// own, black, which no scale uses. In colour-blind-safe mode (presentation.h) the diverging scale
// runs from blue through white to orange instead; viridis is safe as it is.

#include <QColor>
#include <QImage>

namespace koto::gui {

// Exactly 0, on a scale that marks it (ColourScale::markZero).
constexpr QRgb kExactZeroColour = 0xff000000;

struct ColourScale {
    double low = 0, high = 1;  // the values at the two ends
    bool diverging = false;
    bool grey = false;      // black to white, for images as they are (pixels 0..1)
    bool markZero = false;  // exactly 0 in kExactZeroColour

    // The scale for values from min to max: diverging and symmetric (-m..m) when min < 0.
    static ColourScale forRange(double min, double max);
    QRgb colour(double value) const;
    // A horizontal bar of the scale, low at the left (for legends).
    QImage bar(int width, int height) const;
};

}  // namespace koto::gui
