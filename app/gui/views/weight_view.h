#pragma once
// The network's weights (parts 7 and 11 of the curriculum): one parameter at a time, chosen by
// the learner under the curriculum's name (W, b, V, c; W1, W2, ... in deeper networks; an LSTM's
// Wx, Wh and b in their four gate blocks i, f, o, g), as a heatmap of its values W[i, j] on a
// diverging scale centred at 0 with a colour bar (its range automatic or fixed), exact zeros in
// black (as L1 leaves them). It shows the values W, this step's gradient dJ/dW or the last update
// ΔW; hovering over a cell says what the weight connects ("input x2 → hidden unit 7", "pixel
// (r, c) → hidden unit j"). The first dense layer of an image network can show each unit's
// incoming weights as an image. Under the matrix, a histogram of what is shown and, epoch by
// epoch, the percentiles of the parameter's values (5-95 % and 25-75 % bands and the median).
// Drawn from the snapshots; the training thread copies the weights only while this view is shown.

#include <QWidget>
#include <memory>
#include <vector>

#include "data/dataset.h"
#include "inspect/network_weights.h"
#include "look/heatmap_colours.h"
#include "network/network_spec.h"
#include "views/exportable_view.h"

class QCheckBox;
class QComboBox;
class QCPBars;
class QCPColorMap;
class QCPColorScale;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QMouseEvent;

namespace koto::gui {

class ImageStackView;

class WeightView : public QWidget, public ExportableView {
    Q_OBJECT
public:
    enum class Quantity { Weights, Gradient, Update };

    explicit WeightView(QWidget* parent = nullptr);

    // What the names and meanings follow: the data (its inputs, images, classes) and the network.
    void setDataset(std::shared_ptr<const Dataset> dataset);
    void setNetwork(const NetworkSpec& spec);
    // The weights of a snapshot (null: keep what is shown).
    void setWeights(std::shared_ptr<const NetworkWeights> weights);
    // Epochs' percentiles as they come; an epoch at or before the last one starts the story
    // again from there (a Reset, a new run).
    void addPercentiles(const std::vector<EpochWeightPercentiles>& percentiles);
    void clearHistory();
    // The epochs whose percentiles are kept (thinned as the learning curve is).
    const std::vector<EpochWeightPercentiles>& history() const { return history_; }

    // The matrices one can choose (an LSTM's gate blocks each one), and the chosen one.
    int matrixCount() const { return static_cast<int>(entries_.size()); }
    QString matrixName(int index) const;
    void chooseMatrix(int index);
    void setQuantity(Quantity quantity);
    // Automatic range (±the largest magnitude shown) or a fixed ±range.
    void setFixedRange(bool fixed, double range = 1);

    const std::shared_ptr<const NetworkWeights>& weights() const { return weights_; }
    // What the heatmap draws: its rows and columns, the value of cell (row, col) counted from 0
    // (NaN where it is exactly 0: drawn in kExactZeroColour), and what hovering there says.
    int64_t shownRows() const { return shownRows_; }
    int64_t shownCols() const { return shownCols_; }
    double shownValue(int64_t row, int64_t col) const;
    bool shownAsExactZero(int64_t row, int64_t col) const;
    QString cellText(int64_t row, int64_t col) const;
    const ColourScale& scale() const { return scale_; }
    QRgb zeroColour() const;  // the colour map's colour for exact zeros
    // Whether the units' weights are drawn as images, and that picture.
    const ImageStackView* unitImages() const;

    // Every parameter of the network (not only the one shown; an LSTM's whole Wx, Wh and b), in
    // the quantity shown: under the header "quantity,matrix,parameter,rows,columns" a block for
    // each, a line "weights,W,dense_1.W,2,8" (gradient or update for dJ/dW and ΔW) and then its
    // rows of values, each the float itself.
    QString csv() const override;
    QWidget& pictureWidget() override { return *this; }

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    // One matrix of the chooser: parameter `parameter` of the snapshot, its columns from
    // `column` (an LSTM gate block's U of 4U), under its curriculum's name.
    struct Entry {
        size_t parameter = 0;
        int64_t column = 0, cols = 0;
        int gate = -1;  // an LSTM block: 0..3 for i, f, o, g
        QString name;
    };

    void retranslate();
    void rebuildEntries();
    void redraw();
    void drawHeatmap(const std::vector<float>& shown);
    void drawHistogram(const std::vector<float>& shown);
    void drawHistory();
    void hover(QMouseEvent* event);
    const std::vector<float>* quantityOf(const WeightMatrix& matrix) const;
    bool imagesPossible(const Entry& entry) const;

    std::shared_ptr<const Dataset> dataset_;
    NetworkSpec spec_;
    std::shared_ptr<const NetworkWeights> weights_;
    std::vector<EpochWeightPercentiles> history_;  // at most kHistoryPoints epochs
    static constexpr size_t kHistoryPoints = 2048;
    bool historyStale_ = false;  // epochs came while hidden: drawn when shown
    std::vector<Entry> entries_;
    std::vector<float> shown_;  // the chosen quantity of the chosen matrix, row by row
    int64_t shownRows_ = 0, shownCols_ = 0;
    ColourScale scale_;

    QLabel* matrixLabel_;
    QComboBox* matrix_;
    QLabel* quantityLabel_;
    QComboBox* quantity_;
    QLabel* rangeLabel_;
    QComboBox* rangeMode_;
    QDoubleSpinBox* range_;
    QCheckBox* asImages_;
    QLabel* title_;
    QLabel* note_;
    QCustomPlot* heatmap_;
    QCPColorMap* map_;
    QCPColorScale* colourScale_;
    QLabel* hoverText_;
    QLabel* zeroLegend_;
    ImageStackView* images_;
    QLabel* histogramTitle_;
    QCustomPlot* histogram_;
    QCPBars* bars_;
    QLabel* historyTitle_;
    QCustomPlot* historyPlot_;
};

}  // namespace koto::gui
