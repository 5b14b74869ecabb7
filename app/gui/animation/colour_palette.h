#pragma once
// A picture in at most 256 colours, as a GIF frame holds it (animation/gif_animation.h).
//
// A picture of no more than 256 colours keeps them all and stays exact. Otherwise the palette
// comes from a median cut: one box around every colour the picture uses, counted by its pixels;
// the box whose longest side (red, green or blue) is longest is cut across that side at its
// median pixel, again and again until there are 256 boxes; each box's colour is the mean of its
// pixels. Every pixel is then drawn in the palette's nearest colour (the least squared distance
// in RGB), so that no pixel ends far from its colour: a frame can be compared with a screenshot.

#include <QImage>
#include <cstdint>
#include <vector>

namespace koto::gui {

struct PalettedPicture {
    std::vector<QRgb> palette;     // 1 to 256 colours, opaque
    std::vector<uint8_t> indices;  // a palette index for each pixel, row after row
};

// Transparency is dropped: each pixel is taken as its opaque colour.
PalettedPicture toPalette(const QImage& picture);

}  // namespace koto::gui
