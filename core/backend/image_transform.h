#pragma once
// One image's data augmentation, as drawn for one sample of one training batch (see
// data/augmentation.h). The geometry, for an image of width w and height h with centre
// c = ((w - 1) / 2, (h - 1) / 2): mirror left-right if `mirror`, then turn by `radians` about c
// (counter-clockwise on screen), then move by (shiftX, shiftY) pixels (right, down). Each output
// pixel is read from the input point that lands on it, by bilinear interpolation, with black (0)
// outside the image. Then each value v in [0, 1] becomes
// clamp(contrast * (v - 1/2) + 1/2 + brightness, 0, 1).

namespace koto {

struct ImageTransform {
    float shiftX = 0, shiftY = 0;
    float radians = 0;
    bool mirror = false;
    float brightness = 0;
    float contrast = 1;
};

}  // namespace koto
