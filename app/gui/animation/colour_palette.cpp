#include "animation/colour_palette.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace koto::gui {
namespace {

constexpr size_t kMaxColours = 256;

struct ColourCount {
    QRgb colour;
    int64_t pixels;
};

int channel(QRgb colour, int which) {
    return which == 0 ? qRed(colour) : which == 1 ? qGreen(colour) : qBlue(colour);
}

// The colours [begin, end) of the picture's colour list, and the longest side of the box
// around them.
struct Box {
    size_t begin, end;
    int side = 0;     // the largest of max - min over red, green and blue
    int longest = 0;  // which channel that is: 0 red, 1 green, 2 blue
};

Box boxAround(const std::vector<ColourCount>& colours, size_t begin, size_t end) {
    Box box{begin, end};
    for (int which = 0; which < 3; ++which) {
        const auto [low, high] =
            std::minmax_element(colours.begin() + static_cast<std::ptrdiff_t>(begin),
                                colours.begin() + static_cast<std::ptrdiff_t>(end),
                                [which](const ColourCount& a, const ColourCount& b) {
                                    return channel(a.colour, which) < channel(b.colour, which);
                                });
        const int side = channel(high->colour, which) - channel(low->colour, which);
        if (side > box.side) {
            box.side = side;
            box.longest = which;
        }
    }
    return box;
}

// Cuts the box across its longest side at its median pixel, into two boxes that each hold at
// least one colour.
std::array<Box, 2> cut(std::vector<ColourCount>& colours, const Box& box) {
    const auto first = colours.begin() + static_cast<std::ptrdiff_t>(box.begin);
    const auto last = colours.begin() + static_cast<std::ptrdiff_t>(box.end);
    std::sort(first, last, [&box](const ColourCount& a, const ColourCount& b) {
        return channel(a.colour, box.longest) < channel(b.colour, box.longest);
    });
    int64_t pixels = 0;
    for (auto it = first; it != last; ++it) pixels += it->pixels;
    size_t middle = box.begin + 1;
    for (int64_t below = colours[box.begin].pixels; middle < box.end - 1 && 2 * below < pixels;
         ++middle)
        below += colours[middle].pixels;
    return {boxAround(colours, box.begin, middle), boxAround(colours, middle, box.end)};
}

QRgb meanColour(const std::vector<ColourCount>& colours, const Box& box) {
    double sum[3] = {0, 0, 0};
    int64_t pixels = 0;
    for (size_t i = box.begin; i < box.end; ++i) {
        for (int which = 0; which < 3; ++which)
            sum[which] +=
                static_cast<double>(channel(colours[i].colour, which) * colours[i].pixels);
        pixels += colours[i].pixels;
    }
    auto mean = [&](int which) { return static_cast<int>(sum[which] / pixels + 0.5); };
    return qRgb(mean(0), mean(1), mean(2));
}

std::vector<QRgb> medianCut(std::vector<ColourCount> colours) {
    std::vector<Box> boxes{boxAround(colours, 0, colours.size())};
    while (boxes.size() < kMaxColours) {
        const auto widest = std::max_element(
            boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.side < b.side; });
        if (widest->side == 0) break;  // every box holds one colour
        const std::array<Box, 2> halves = cut(colours, *widest);
        *widest = halves[0];
        boxes.push_back(halves[1]);
    }
    std::vector<QRgb> palette;
    for (const Box& box : boxes) palette.push_back(meanColour(colours, box));
    return palette;
}

uint8_t nearest(const std::vector<QRgb>& palette, QRgb colour) {
    size_t best = 0;
    int bestDistance = 3 * 255 * 255 + 1;
    for (size_t i = 0; i < palette.size(); ++i) {
        int distance = 0;
        for (int which = 0; which < 3; ++which) {
            const int d = channel(palette[i], which) - channel(colour, which);
            distance += d * d;
        }
        if (distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return static_cast<uint8_t>(best);
}

}  // namespace

PalettedPicture toPalette(const QImage& picture) {
    const QImage rgb = picture.convertToFormat(QImage::Format_RGB32);
    std::unordered_map<QRgb, int64_t> pixelsOf;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) ++pixelsOf[line[x] | 0xff000000u];
    }
    std::vector<ColourCount> colours;
    for (const auto& [colour, pixels] : pixelsOf) colours.push_back({colour, pixels});

    PalettedPicture paletted;
    if (colours.size() <= kMaxColours)
        for (const ColourCount& c : colours) paletted.palette.push_back(c.colour);
    else paletted.palette = medianCut(std::move(colours));
    std::unordered_map<QRgb, uint8_t> indexOf;
    for (const auto& entry : pixelsOf)
        indexOf[entry.first] = nearest(paletted.palette, entry.first);

    paletted.indices.reserve(static_cast<size_t>(rgb.width()) * static_cast<size_t>(rgb.height()));
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            paletted.indices.push_back(indexOf.at(line[x] | 0xff000000u));
    }
    return paletted;
}

}  // namespace koto::gui
