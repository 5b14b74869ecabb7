#pragma once
// Part 6's output probabilities for one test sample: the network's output Y as a bar per class,
// P(Y = k | X) from 0 to 1 (the softmax's K outputs, or for one sigmoid unit
// P(Y = 0 | X) = 1 - P(Y = 1 | X) beside P(Y = 1 | X)), the target class's bar marked and the
// network's answer (the most probable class) said in words; for regression each output's
// prediction beside its target. The sample is chosen here (counted from 1) or by a click in the
// picture (RunViews passes it on); the training thread computes its output only while this view
// is shown.

#include <memory>
#include <vector>

#include "data/dataset.h"
#include "views/exportable_view.h"
#include "views/one_sample_view.h"

class QCustomPlot;
class QCPBars;
class QCPGraph;
class QCPItemText;
class QCPTextElement;

namespace koto::gui {

class OutputProbabilityView : public OneSampleView, public ExportableView {
    Q_OBJECT
public:
    explicit OutputProbabilityView(QWidget* parent = nullptr);

    // The data the sample is chosen from (its test samples, their classes or targets).
    void setDataset(std::shared_ptr<const Dataset> dataset);
    // The network's output for test sample `sample` (its last time step's for seq:many); null:
    // none yet.
    void setOutput(std::shared_ptr<const std::vector<float>> output, int64_t sample);
    // Chooses test sample `sample` (counted from 0), as a click in the picture does.
    void chooseSample(int64_t sample);

    // What is drawn, for tests: the bars (each class's probability, or each output's prediction
    // for regression; empty before the output of the chosen sample has come), the target class
    // (-1 for regression) or the targets (regression), the network's answer (-1: none) and the
    // plot's title.
    std::vector<double> shownBars() const;
    int shownTargetClass() const { return targetClass_; }
    std::vector<double> shownTargets() const;
    int shownAnswer() const { return answer_; }
    QString shownTitle() const;
    QCustomPlot* plot() const { return plot_; }

    // A row for each bar: sample,class,probability,target (target 1 for the target class, else
    // 0), or for regression sample,output,prediction,target.
    QString csv() const override;
    QWidget& pictureWidget() override { return *this; }

private:
    void retranslate() override;
    void redraw() override;
    // Pens, markers and the title's font as the presentation has them (look/presentation.h).
    void restyle();
    void clearPlot();
    void drawClasses(const std::vector<float>& output, int64_t sample);
    void drawRegression(const std::vector<float>& output, int64_t sample);
    QString className(int64_t k) const;

    std::shared_ptr<const Dataset> dataset_;
    std::shared_ptr<const std::vector<float>> output_;
    int64_t outputSample_ = -1;
    QCustomPlot* plot_;
    QCPTextElement* title_;
    QCPBars* bars_;                     // every class's probability (regression: the predictions)
    QCPBars* target_;                   // the target class's bar again, over it, marked
    QCPGraph* targetPoints_;            // regression: the targets
    std::vector<QCPItemText*> values_;  // the number at each bar
    double targetLow_ = 0, targetHigh_ = 0;  // regression: the test targets' range, with 0
    int targetClass_ = -1;
    int answer_ = -1;
};

}  // namespace koto::gui
