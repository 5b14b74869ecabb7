#pragma once
// The light and the dark palette of the app's themes, both legible on a projector: text well
// apart from its background, and in high contrast (projector mode) as far apart as they go.

#include <QPalette>

namespace koto::gui {

QPalette themePalette(bool dark, bool highContrast);
// Whether a palette shows light text on a dark window.
bool isDarkPalette(const QPalette& palette);

}  // namespace koto::gui
