#pragma once
// The input square with the network's output painted over it (orange for one class, blue for the
// other, the paler the less sure: TF Playground's colours, look/view_colours.h) and the data
// points on top: training points filled, test points with a dark outline. For regression the
// colour is the value, -1 orange to +1 blue. For classes, a line where P(class 1) = 0.5: the
// decision boundary itself.

#include <QWidget>
#include <vector>

#include "data/dataset.h"
#include "views/exportable_view.h"

class QCustomPlot;
class QCPColorMap;
class QCPCurve;
class QCPGraph;

namespace koto::gui {

class DecisionBoundaryView : public QWidget, public ExportableView {
    Q_OBJECT
public:
    explicit DecisionBoundaryView(QWidget* parent = nullptr);

    void setDataset(const Dataset& dataset);
    // size x size values, row by row from the bottom of the square.
    void setOutputGrid(int size, const std::vector<float>& values);

    // Rings test point `sample` (counted from 0) as the one chosen for the output view (-1: none).
    void setChosenSample(int64_t sample);
    // Where test point `sample` is drawn, in the plot's pixels (for tests).
    QPointF testPointPixel(int64_t sample) const;

    // The value drawn at a cell (for tests and the status bar).
    double shownValue(int column, int row) const;
    int gridSize() const { return gridSize_; }
    // The line P(class 1) = 0.5 as drawn: its points, pieces apart by NaN (for tests).
    std::vector<QPointF> decisionLine() const;
    QCustomPlot* plot() const { return plot_; }

    // kind,x1,x2,value: a "grid" row for each cell of the output (its centre and the output
    // drawn there), then a "train" and a "test" row for each data point (its class, or its target
    // for regression).
    QString csv() const override;
    // The square, without the room around it.
    QWidget& pictureWidget() override;

signals:
    // A click in the square chose the test point nearest to it, counted from 0.
    void testPointClicked(int64_t sample);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    // Colours, point sizes and line widths as the presentation has them (look/presentation.h).
    void restyle();
    void showPoints(const DataSplit& split, bool test);

    QCustomPlot* plot_;
    QCPColorMap* colorMap_;
    // Points binned by colour, training and test apart (QCustomPlot colours a graph, not a point).
    std::vector<QCPGraph*> trainGraphs_, testGraphs_;
    QCPGraph* chosen_;               // a ring around the chosen test point
    QCPCurve* decisionLine_;         // P(class 1) = 0.5, for classes
    std::vector<float> testInputs_;  // the test points (x₁, x₂), for finding the one clicked
    // The data points as drawn, for the CSV: the class, or the target for regression.
    struct DataPoint {
        bool test = false;
        float x1 = 0, x2 = 0, value = 0;
    };
    std::vector<DataPoint> points_;
    bool regression_ = false;
    int gridSize_ = 0;
};

}  // namespace koto::gui
