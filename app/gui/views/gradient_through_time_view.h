#pragma once
// Why LSTMs exist, made visible (part 13): how much gradient reaches each time step t of a
// training step's backpropagation through time, ||dJ/dh(t)|| of the first SimpleRNN or LSTM
// layer (and an LSTM's ||dJ/dc(t)||), on a logarithmic scale, since a vanishing gradient shrinks
// by orders of magnitude. Faint lines keep the first training step's values, at the initial
// weights; for an LSTM the mean forget gate f(t) goes on a second axis from 0 to 1. Drawn from
// the snapshots: the layer measured the norms in training's own backward pass.

#include <QWidget>
#include <memory>
#include <vector>

#include "inspect/gradient_through_time.h"
#include "views/exportable_view.h"

class QCustomPlot;
class QCPGraph;
class QLabel;

namespace koto::gui {

class GradientThroughTimeView : public QWidget, public ExportableView {
    Q_OBJECT
public:
    enum class Curve { Hidden, Cell, InitialHidden, InitialCell, ForgetGate };

    explicit GradientThroughTimeView(QWidget* parent = nullptr);

    // The latest step's measurement and the first step's (either may be null: not measured yet).
    void setGradients(std::shared_ptr<const GradientThroughTime> latest,
                      std::shared_ptr<const GradientThroughTime> initial);

    // What is plotted, for tests: a curve's values for t = 1, 2, ... (empty when not drawn).
    std::vector<double> plotted(Curve curve) const;
    bool logarithmic() const;

    // A row for each time step t (from 1) with a column for each curve drawn: hidden_norm
    // ‖dJ/dh(t)‖, cell_norm ‖dJ/dc(t)‖, mean_forget_gate, and the first step's
    // initial_hidden_norm and initial_cell_norm (norms of exactly 0 too, which the log scale
    // cannot draw).
    QString csv() const override;
    QWidget& pictureWidget() override { return *this; }

protected:
    void changeEvent(QEvent* event) override;
    // The plot resized: as many legend columns as now fit.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    // Colours, widths and markers as the presentation has them (look/presentation.h).
    void restyle();
    void draw();
    QCPGraph* graph(Curve curve) const;
    // The values a curve draws (null: not drawn).
    const std::vector<double>* values(Curve curve) const;

    std::shared_ptr<const GradientThroughTime> latest_, initial_;
    QLabel* title_;
    QCustomPlot* plot_;
    QLabel* note_;
};

}  // namespace koto::gui
