#pragma once
// A network drawn as columns of units, the input on the left: each layer a column, its
// connections to the column before, the curriculum's name under each column (X, Z, Y). The
// layer being computed is highlighted: blue while the signal goes forward, orange while the
// error goes back; the cost and the update light the output and every weight. Built to be
// reused by the live views: it needs only the spec and what to highlight.

#include <QWidget>

#include "network/network_spec.h"

namespace koto::gui {

class NetworkDiagramView : public QWidget {
    Q_OBJECT
public:
    enum class Highlight { None, Forward, Loss, Backward, Update };
    static constexpr int kMaxUnitsDrawn = 10;  // larger layers show their first units and "…"

    explicit NetworkDiagramView(QWidget* parent = nullptr);

    void setNetwork(const NetworkSpec& spec);
    // layer: the index of the highlighted layer (forward and backward).
    void setHighlight(Highlight highlight, int layer = -1);
    Highlight highlight() const { return highlight_; }
    int highlightedLayer() const { return layer_; }

    QSize sizeHint() const override { return {320, 360}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<int64_t> sizes_;  // units per column: the input, then each layer's output
    std::vector<QString> names_;
    Highlight highlight_ = Highlight::None;
    int layer_ = -1;
};

}  // namespace koto::gui
