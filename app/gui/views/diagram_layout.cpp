#include "views/diagram_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "look/presentation.h"

namespace koto::gui {
namespace {

constexpr double kMargin = 8;
// Room above the nodes for each column's name, and below for "12 of 32 units" (two lines if need
// be): as much more as the text is larger.
double headerSpace() { return 34 * Presentation::instance().fontScale(); }

// A dense layer's weights W (in x out) and biases b (1 x out), by their places in the matrices.
struct DenseWeights {
    size_t w = 0, b = 0;
};

std::vector<DenseWeights> denseLayers(const NetworkWeights& weights) {
    std::vector<DenseWeights> layers;
    const auto& matrices = weights.matrices;
    for (size_t i = 0; i + 1 < matrices.size(); ++i)
        if (matrices[i].layerType == "dense" && matrices[i].name == "W" &&
            matrices[i + 1].layer == matrices[i].layer && matrices[i + 1].name == "b")
            layers.push_back({i, i + 1});
    return layers;
}

// The units of each column to draw: all, or the kMaxUnits most strongly connected.
std::vector<int64_t> chooseUnits(const std::vector<double>& strength) {
    std::vector<int64_t> units(strength.size());
    std::iota(units.begin(), units.end(), 0);
    if (units.size() <= static_cast<size_t>(DiagramLayout::kMaxUnits)) return units;
    std::stable_sort(units.begin(), units.end(), [&strength](int64_t a, int64_t b) {
        return strength[static_cast<size_t>(a)] > strength[static_cast<size_t>(b)];
    });
    units.resize(DiagramLayout::kMaxUnits);
    std::sort(units.begin(), units.end());
    return units;
}

}  // namespace

int DiagramLayout::nodeOf(int column, int64_t unit) const {
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].column == column && nodes[i].unit == unit) return static_cast<int>(i);
    return -1;
}

DiagramLayout layOutDiagram(const NetworkWeights& weights, QSizeF size) {
    DiagramLayout layout;
    const std::vector<DenseWeights> dense = denseLayers(weights);
    if (dense.empty()) return layout;
    const auto& matrices = weights.matrices;

    // Each column's units and how strongly each is connected (|w| in and out, biases in).
    std::vector<std::vector<double>> strength;
    strength.emplace_back(static_cast<size_t>(matrices[dense.front().w].rows), 0.0);
    layout.columns.push_back({{}, matrices[dense.front().w].rows, {}});
    for (const DenseWeights& layer : dense) {
        const WeightMatrix& w = matrices[layer.w];
        const WeightMatrix& b = matrices[layer.b];
        std::vector<double>& in = strength.back();
        std::vector<double> out(static_cast<size_t>(w.cols), 0.0);
        for (int64_t r = 0; r < w.rows && r < static_cast<int64_t>(in.size()); ++r)
            for (int64_t c = 0; c < w.cols; ++c) {
                const double size = std::abs(w.at(r, c));
                in[static_cast<size_t>(r)] += size;
                out[static_cast<size_t>(c)] += size;
            }
        for (int64_t c = 0; c < w.cols && c < b.cols; ++c)
            out[static_cast<size_t>(c)] += std::abs(b.at(0, c));
        strength.push_back(std::move(out));
        layout.columns.push_back({w.layer, w.cols, {}});
        layout.linkCount += w.rows * w.cols + b.cols;
    }
    size_t tallest = 0;
    for (size_t c = 0; c < layout.columns.size(); ++c) {
        layout.columns[c].shown = chooseUnits(strength[c]);
        tallest = std::max(tallest, layout.columns[c].shown.size() + 1);  // + the "1"
    }

    // Columns evenly across, nodes evenly down and centred; square nodes as large as fit.
    const double header = headerSpace();
    const double height = std::max(1.0, size.height() - 2 * header - 2 * kMargin);
    const double columnWidth =
        std::max(1.0, (size.width() - 2 * kMargin) / static_cast<double>(layout.columns.size()));
    const double pitch = height / static_cast<double>(tallest);
    const double side = std::clamp(std::min(pitch * 0.82, columnWidth * 0.42), 10.0, 64.0);
    const double gap = pitch - side;
    for (size_t c = 0; c < layout.columns.size(); ++c) {
        const DiagramColumn& column = layout.columns[c];
        const bool last = c + 1 == layout.columns.size();
        const double x = kMargin + (static_cast<double>(c) + 0.5) * columnWidth;
        const size_t count = column.shown.size() + (last ? 0 : 1);
        double y = kMargin + header + (height - static_cast<double>(count) * pitch + gap) / 2;
        if (!last) {  // the "1" on top, smaller
            const double bias = side * 0.5;
            layout.nodes.push_back(
                {static_cast<int>(c), -1, QRectF(x - bias / 2, y + (side - bias) / 2, bias, bias)});
            y += pitch;
        }
        for (int64_t unit : column.shown) {
            layout.nodes.push_back(
                {static_cast<int>(c), unit, QRectF(x - side / 2, y, side, side)});
            y += pitch;
        }
    }

    // The links between shown nodes, the strongest kMaxLinks of each pair of columns.
    for (size_t l = 0; l < dense.size(); ++l) {
        const WeightMatrix& w = matrices[dense[l].w];
        const WeightMatrix& b = matrices[dense[l].b];
        const int from = static_cast<int>(l), to = from + 1;
        std::vector<DiagramLink> links;
        for (int64_t m : layout.columns[static_cast<size_t>(to)].shown) {
            const int target = layout.nodeOf(to, m);
            for (int64_t d : layout.columns[static_cast<size_t>(from)].shown)
                links.push_back(
                    {layout.nodeOf(from, d), target, dense[l].w, d * w.cols + m, w.at(d, m)});
            links.push_back({layout.nodeOf(from, -1), target, dense[l].b, m, b.at(0, m)});
        }
        if (links.size() > static_cast<size_t>(DiagramLayout::kMaxLinks)) {
            std::stable_sort(links.begin(), links.end(), [](const auto& a, const auto& b) {
                return std::abs(a.weight) > std::abs(b.weight);
            });
            links.resize(DiagramLayout::kMaxLinks);
        }
        for (const DiagramLink& link : links) {
            layout.largestWeight = std::max(layout.largestWeight, std::abs(link.weight));
            layout.links.push_back(link);
        }
    }
    return layout;
}

}  // namespace koto::gui
