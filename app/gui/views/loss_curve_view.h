#pragma once
// The learning curve: training and test loss per epoch, with the latest numbers above it. It
// keeps a bounded LearningCurve, so that hours at full speed still plot in an instant.

#include <QWidget>

#include <vector>

#include "training/learning_curve.h"

class QCustomPlot;
class QLabel;

namespace koto::gui {

class LossCurveView : public QWidget {
    Q_OBJECT
public:
    explicit LossCurveView(QWidget* parent = nullptr);

    void clear();
    void addEpochs(const std::vector<EpochMetrics>& epochs);
    // The figures above the plot (also for epoch 0, before any point is drawn), and the mean loss
    // of the recent mini-batches, which moves within an epoch (negative: none yet).
    void showLatest(const EpochMetrics& metrics, double recentBatchLoss = -1);
    int pointCount() const;
    QCustomPlot* plot() const { return plot_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* figures_;
    QCustomPlot* plot_;
    EpochMetrics latest_;
    double recentBatchLoss_ = -1;
    LearningCurve curve_;
    double largestLoss_ = 0;
};

}  // namespace koto::gui
