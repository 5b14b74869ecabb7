#pragma once
// A network drawn as columns of units, the input on the left: each layer a column, its
// connections to the column before, the curriculum's name under each column (X, Z, Y). Images
// (the input of a CNN, a conv or pooling layer's output) are drawn as a stack of feature maps
// with their shape (4×24×24), joined to the next stack by a window, as a convolution reads them.
// The
// layer being computed is highlighted: blue while the signal goes forward, orange while the
// error goes back; the cost and the update light the output and every weight. Built to be
// reused by the live views: it needs only the spec and what to highlight.
// Sequences are drawn unrolled in time, time running down each column so that x(t), h(t) and
// (after seq:many) Y(t) of one step lie on one line: a cell per step, x(t) → h(t), a recurrent
// layer's h(t−1) → h(t) down its column, seq:last reading h(T) alone. A long sequence shows its
// first steps, "⋮", the last, and the time step being stepped through, which is highlighted.

#include <QWidget>
#include <vector>

#include "network/network_spec.h"

namespace koto::gui {

class NetworkDiagramView : public QWidget {
    Q_OBJECT
public:
    enum class Highlight { None, Forward, Loss, Backward, Update };
    static constexpr int kMaxUnitsDrawn = 10;  // larger layers show their first units and "…"
    static constexpr int kMaxStepsDrawn = 5;   // longer sequences: the first steps, "⋮", the last

    explicit NetworkDiagramView(QWidget* parent = nullptr);

    void setNetwork(const NetworkSpec& spec);
    // layer: the index of the highlighted layer (forward and backward).
    void setHighlight(Highlight highlight, int layer = -1);
    Highlight highlight() const { return highlight_; }
    int highlightedLayer() const { return layer_; }
    // The time step (from 1) of the highlighted layer being shown; 0 for none.
    void setTimeStep(int step);
    int timeStep() const { return step_; }
    // The steps of a sequence of `steps` drawn, 0 where "⋮" stands for those left out: all of a
    // short one; else 1, 2, 3, the current step and the last.
    static std::vector<int> stepsDrawn(int steps, int current);
    // Column c's time steps (0: not a sequence) and where step t of it is drawn (empty if not).
    int columnSteps(int column) const { return steps_[static_cast<size_t>(column)]; }
    QRectF stepRect(int column, int step) const;

    QSize sizeHint() const override { return {320, 360}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double columnX(int column) const;
    // Slot `slot` of `slotCount` down a sequence column: a time step's cell, or the "⋮" between.
    QRectF slotRect(int column, int slot, int slotCount) const;

    std::vector<int64_t> sizes_;  // units per column: the input, then each layer's output
    std::vector<std::vector<int64_t>> shapes_;  // each column's shape per sample: {D} or {C, H, W}
    std::vector<QString> names_;
    std::vector<int> steps_;       // each column's time steps: T for a sequence, else 0
    std::vector<bool> recurrent_;  // the column is a recurrent layer's h(t): h(t−1) → h(t)
    Highlight highlight_ = Highlight::None;
    int layer_ = -1;
    int step_ = 0;
};

}  // namespace koto::gui
