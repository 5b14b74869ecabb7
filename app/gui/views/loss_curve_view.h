#pragma once
// The learning curve: training and test loss per epoch, with the latest numbers above it. It
// keeps a bounded LearningCurve, so that hours at full speed still plot in an instant.

#include <QWidget>

#include <vector>

#include "training/learning_curve.h"
#include "views/exportable_view.h"

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
    QCustomPlot* plot() const { return plot_; }

    // A row for each epoch drawn (epoch 0 first): its steps, and the training, test and (where
    // there is one) validation loss with the accuracy, or for regression the RMSE.
    QString csv() const override;
    QWidget& pictureWidget() override { return *this; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    // The epochs drawn: the bounded curve's points, with the latest epoch as the line's end.
    std::vector<EpochMetrics> shownPoints() const;

    QLabel* figures_;
    QCustomPlot* plot_;
    EpochMetrics latest_;
    double recentBatchLoss_ = -1;
    LearningCurve curve_;
    double largestLoss_ = 0;
};

}  // namespace koto::gui
