#pragma once
// Where the network diagram draws what (TensorFlow Playground's picture, and part 4's logistic
// unit): a column of nodes for the two inputs and one for each dense layer, a "1" node at the top
// of every column but the last (its links are the next layer's biases), and a link for each
// weight. Larger layers are summarised honestly, never silently cut: a column shows at most
// kMaxUnits units (those most strongly connected, by the sum of |w| of their links, in their own
// order) and two columns at most kMaxLinks links (the strongest); the layout counts what it left
// out, and the view says so.

#include <QRectF>
#include <QSizeF>
#include <cstdint>
#include <string>
#include <vector>

#include "inspect/network_weights.h"

namespace koto::gui {

struct DiagramNode {
    int column = 0;
    int64_t unit = 0;  // -1: the "1" whose links are the next layer's biases
    QRectF box;
};

struct DiagramLink {
    int from = 0, to = 0;  // indices into DiagramLayout::nodes
    size_t matrix = 0;     // index into NetworkWeights::matrices (a W or a b)
    int64_t index = 0;     // the element: row * cols + col
    float weight = 0;
};

struct DiagramColumn {
    std::string layer;  // the dense layer ("dense_1"); empty for the inputs
    int64_t units = 0;
    std::vector<int64_t> shown;  // the units drawn, in order
};

struct DiagramLayout {
    static constexpr int kMaxUnits = 12;
    static constexpr int kMaxLinks = 120;

    std::vector<DiagramColumn> columns;  // the inputs, then each dense layer
    std::vector<DiagramNode> nodes;
    std::vector<DiagramLink> links;
    float largestWeight = 0;  // the largest |w| drawn: widths and colours are relative to it
    int64_t linkCount = 0;    // every weight and bias of the dense layers
    // The index in `nodes` of `unit` of `column` (-1: its "1"), or -1 when it is not drawn.
    int nodeOf(int column, int64_t unit) const;
};

// The dense layers' W and b of `weights` laid out in an area of `size` (the layers' columns left
// to right, units top to bottom). Empty when the weights hold no dense layer.
DiagramLayout layOutDiagram(const NetworkWeights& weights, QSizeF size);

}  // namespace koto::gui
