#include "look/heatmap_colours.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "look/presentation.h"

namespace koto::gui {
namespace {

struct Stop {
    double at;
    int r, g, b;
};

// ColorBrewer's RdBu (reversed: blue low, red high) and the viridis scale, a few stops each.
constexpr std::array<Stop, 5> kDiverging{{{0.0, 33, 102, 172},
                                          {0.25, 146, 197, 222},
                                          {0.5, 247, 247, 247},
                                          {0.75, 244, 165, 130},
                                          {1.0, 178, 24, 43}}};
// In colour-blind-safe mode blue to white to orange, ends taken from Okabe and Ito's blue and
// vermillion: red and blue can look alike to a protanope where both are dark.
constexpr std::array<Stop, 5> kDivergingSafe{{{0.0, 0, 92, 150},
                                              {0.25, 120, 180, 220},
                                              {0.5, 247, 247, 247},
                                              {0.75, 240, 170, 100},
                                              {1.0, 190, 84, 0}}};
constexpr std::array<Stop, 5> kSequential{{{0.0, 68, 1, 84},
                                           {0.25, 59, 82, 139},
                                           {0.5, 33, 145, 140},
                                           {0.75, 94, 201, 98},
                                           {1.0, 253, 231, 37}}};

template <size_t N>
QRgb interpolate(const std::array<Stop, N>& stops, double t) {
    t = std::clamp(std::isfinite(t) ? t : 0.5, 0.0, 1.0);
    size_t i = 1;
    while (i + 1 < N && t > stops[i].at) ++i;
    const Stop& a = stops[i - 1];
    const Stop& b = stops[i];
    const double f = (t - a.at) / (b.at - a.at);
    auto mix = [f](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * f)); };
    return qRgb(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b));
}

}  // namespace

ColourScale ColourScale::forRange(double min, double max) {
    if (!std::isfinite(min) || !std::isfinite(max)) return {};
    if (min < 0) {
        const double extent = std::max({std::abs(min), std::abs(max), 1e-12});
        return {-extent, extent, true};
    }
    return {min, max > min ? max : min + 1e-12, false};
}

QRgb ColourScale::colour(double value) const {
    if (markZero && value == 0) return kExactZeroColour;
    const double t = (value - low) / (high - low);
    if (grey) {
        const int level =
            static_cast<int>(std::lround(std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0) * 255));
        return qRgb(level, level, level);
    }
    if (!diverging) return interpolate(kSequential, t);
    return Presentation::instance().colourBlindSafe() ? interpolate(kDivergingSafe, t)
                                                      : interpolate(kDiverging, t);
}

QImage ColourScale::bar(int width, int height) const {
    QImage image(std::max(width, 1), std::max(height, 1), QImage::Format_RGB32);
    for (int x = 0; x < image.width(); ++x) {
        const QRgb c = colour(low + (high - low) * (x + 0.5) / image.width());
        for (int y = 0; y < image.height(); ++y) image.setPixel(x, y, c);
    }
    return image;
}

}  // namespace koto::gui
