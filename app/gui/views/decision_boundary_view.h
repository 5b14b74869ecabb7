#pragma once
// The input square with the network's output painted over it (orange for one class, blue for the
// other, the paler the less sure: TF Playground's colours) and the data points on top: training
// points filled, test points with a dark outline. For regression the colour is the value, -1
// orange to +1 blue.

#include <QWidget>
#include <vector>

#include "data/dataset.h"

class QCustomPlot;
class QCPColorMap;
class QCPGraph;

namespace koto::gui {

class DecisionBoundaryView : public QWidget {
    Q_OBJECT
public:
    explicit DecisionBoundaryView(QWidget* parent = nullptr);

    void setDataset(const Dataset& dataset);
    // size x size values, row by row from the bottom of the square.
    void setOutputGrid(int size, const std::vector<float>& values);

    // The value drawn at a cell (for tests and the status bar).
    double shownValue(int column, int row) const;
    int gridSize() const { return gridSize_; }
    QCustomPlot* plot() const { return plot_; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showPoints(const DataSplit& split, bool test);

    QCustomPlot* plot_;
    QCPColorMap* colorMap_;
    // Points binned by colour, training and test apart (QCustomPlot colours a graph, not a point).
    std::vector<QCPGraph*> trainGraphs_, testGraphs_;
    bool regression_ = false;
    int gridSize_ = 0;
};

}  // namespace koto::gui
