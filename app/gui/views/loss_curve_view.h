#pragma once
// The learning curve: training and test loss per epoch, with the latest numbers above it. It
// keeps a bounded LearningCurve, so that hours at full speed still plot in an instant.

#include <QWidget>

#include <vector>

#include "training/learning_curve.h"
#include "views/exportable_view.h"

class QCPGraph;
class QCPItemStraightLine;
class QCustomPlot;
class QLabel;

namespace koto::gui {

class LossCurveView : public QWidget, public ExportableView {
    Q_OBJECT
public:
    explicit LossCurveView(QWidget* parent = nullptr);

    void clear();
    void addEpochs(const std::vector<EpochMetrics>& epochs);
    // The figures above the plot (also for epoch 0, before any point is drawn), and the mean loss
    // of the recent mini-batches, which moves within an epoch (negative: none yet).
    void showLatest(const EpochMetrics& metrics, double recentBatchLoss = -1);
    int pointCount() const;
    // The run's curve as drawn (bounded: thinned on long runs).
    const LearningCurve& curve() const { return curve_; }
    // A vertical line at the epoch the views show while the learner scrubs back (-1: none).
    void setViewedEpoch(int64_t epoch);
    // Other runs (forks, the run a fork came from) drawn beside this one: their test loss,
    // dashed, each in its own colour, named in the legend.
    struct OtherRun {
        QString name;
        std::vector<EpochMetrics> curve;
    };
    void setOtherRuns(const std::vector<OtherRun>& runs);
    int otherRunCount() const { return static_cast<int>(otherGraphs_.size()); }
    QCustomPlot* plot() const { return plot_; }

    // A row for each epoch drawn (epoch 0 first): its steps, and the training, test and (where
    // there is one) validation loss with the accuracy, or for regression the RMSE.
    QString csv() const override;
    QWidget& pictureWidget() override { return *this; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    // The curves' colours, dashes and widths, as the presentation has them (look/presentation.h).
    void restyle();
    // The epochs drawn: the bounded curve's points, with the latest epoch as the line's end.
    std::vector<EpochMetrics> shownPoints() const;
    // The axes' ranges: every run's epochs and losses in sight.
    void fitRanges();

    QLabel* figures_;
    QCustomPlot* plot_;
    EpochMetrics latest_;
    double recentBatchLoss_ = -1;
    LearningCurve curve_;
    double largestLoss_ = 0;
    QCPItemStraightLine* viewedLine_;
    std::vector<QCPGraph*> otherGraphs_;
    double otherLargestLoss_ = 0;
    double otherLastEpoch_ = 0;
};

}  // namespace koto::gui
