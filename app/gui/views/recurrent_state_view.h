#pragma once
// Inside a recurrent network (part 13), for one test sequence chosen by the learner: each
// SimpleRNN or LSTM layer's input x(t) and, step by step, an LSTM's gates i, f, o, its candidate
// g, its cell state c and hidden state h (a SimpleRNN's h), as heatmaps of units over time.
// Drawn from the snapshots; the training thread computes the states by a real forward pass.

#include <memory>
#include <vector>

#include "data/dataset.h"
#include "inspect/recurrent_states.h"
#include "views/exportable_view.h"
#include "views/one_sample_view.h"

namespace koto::gui {

class TimeHeatmap;

class RecurrentStateView : public OneSampleView, public ExportableView {
    Q_OBJECT
public:
    explicit RecurrentStateView(QWidget* parent = nullptr);

    // The data the sequence is chosen from (its test samples).
    void setDataset(std::shared_ptr<const Dataset> dataset);
    // The states for test sample `sample` (null: none yet).
    void setStates(std::shared_ptr<const std::vector<RecurrentStates>> states, int64_t sample);

    // What is drawn, for tests: a heatmap for each state of each layer, in order.
    std::vector<const TimeHeatmap*> heatmapsShown() const;

    // layer,state,row,t,value: a row for each cell of each heatmap, the unit (or input value)
    // and the time step counted from 1; state is x, i, f, o, g, c or h.
    QString csv() const override;
    QWidget& pictureWidget() override { return *this; }

private:
    void retranslate() override;
    void redraw() override;
    // What sample `sample` is and what the network should answer.
    QString describeSample(int64_t sample) const;

    std::shared_ptr<const Dataset> dataset_;
    std::shared_ptr<const std::vector<RecurrentStates>> states_;
    int64_t statesSample_ = -1;
    std::vector<TimeHeatmap*> heatmaps_;
};

}  // namespace koto::gui
