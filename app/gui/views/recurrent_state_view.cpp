#include "views/recurrent_state_view.h"

#include <QLabel>
#include <QSpinBox>
#include <optional>

#include "look/ui_text.h"
#include "views/csv_text.h"
#include "views/time_heatmap.h"

namespace koto::gui {

RecurrentStateView::RecurrentStateView(QWidget* parent)
    : OneSampleView(QStringLiteral("sequenceSampleSpin"), parent) {
    retranslate();
}

void RecurrentStateView::setDataset(std::shared_ptr<const Dataset> dataset) {
    dataset_ = std::move(dataset);
    states_.reset();
    setSampleRange(dataset_.get());
    redraw();
}

void RecurrentStateView::setStates(std::shared_ptr<const std::vector<RecurrentStates>> states,
                                   int64_t sample) {
    if (states == states_ && sample == statesSample_)
        return;  // the same states in a newer snapshot
    states_ = std::move(states);
    statesSample_ = sample;
    redraw();
}

std::vector<const TimeHeatmap*> RecurrentStateView::heatmapsShown() const {
    return shown(heatmaps_);
}

QString RecurrentStateView::csv() const {
    if (!states_) return {};
    QString text = csvRow({QStringLiteral("layer"), QStringLiteral("state"), QStringLiteral("row"),
                           QStringLiteral("t"), QStringLiteral("value")});
    for (const RecurrentStates& layer : *states_)
        for (const StateOverTime& state : layer.states)
            for (int64_t r = 0; r < state.rows; ++r)
                for (int64_t t = 0; t < state.steps; ++t)
                    text += csvRow({QString::fromStdString(layer.layer),
                                    QString::fromStdString(state.name), QString::number(r + 1),
                                    QString::number(t + 1), csvNumber(state.at(r, t))});
    return text;
}

QString RecurrentStateView::describeSample(int64_t sample) const {
    if (!dataset_ || sample >= dataset_->test.count) return {};
    // With a target at every step (many-to-many) the one at the last step stands for them.
    const int64_t steps = dataset_->targetSteps();
    const auto n = static_cast<size_t>(sample * steps + steps - 1);
    if (dataset_->task == Task::Regression) {
        const float target = dataset_->test.targets[n * static_cast<size_t>(dataset_->outputSize)];
        return steps > 1 ? tr("Target at the last step: %1").arg(target, 0, 'f', 3)
                         : tr("Target: %1").arg(target, 0, 'f', 3);
    }
    const QString title =
        classTitle(dataset_->classNames.at(static_cast<size_t>(dataset_->test.labels[n])));
    return steps > 1 ? tr("Class at the last step: %1").arg(title) : tr("Class: %1").arg(title);
}

void RecurrentStateView::redraw() {
    hideAll(heatmaps_);
    about_->setText(describeSample(chosenSample()));
    const bool current = states_ && statesSample_ == chosenSample();
    note_->setText(
        current
            ? tr("Each column is one time step t, each row one unit. The gates i, f, o are between "
                 "0 "
                 "(closed) and 1 (open): where the forget gate f stays near 1, the cell c keeps "
                 "what it holds, and its gradient travels back through time.")
            : tr("The states appear once the training thread has computed them for this sequence "
                 "(also while training is paused)."));
    if (!states_) return;
    const ColourScale gate{0, 1, false};      // sigmoid outputs
    const ColourScale squashed{-1, 1, true};  // tanh outputs
    size_t next = 0;
    for (const RecurrentStates& layer : *states_) {
        const QString name = QString::fromStdString(layer.layer);
        const bool lstm = layer.type == "lstm";
        for (const StateOverTime& state : layer.states) {
            const std::string& s = state.name;
            QString title;
            std::optional<ColourScale> scale;
            if (s == "x")
                title =
                    tr("%1: input x(t), %n value(s) a step", nullptr, static_cast<int>(state.rows))
                        .arg(name);
            else if (s == "i")
                title = tr("%1: input gate i(t), how much new content enters the cell").arg(name);
            else if (s == "f")
                title = tr("%1: forget gate f(t), how much of c(t−1) is kept").arg(name);
            else if (s == "o")
                title = tr("%1: output gate o(t), how much of the cell h(t) shows").arg(name);
            else if (s == "g")
                title = tr("%1: candidate g(t) = tanh(x(t) Wxg + h(t−1) Whg + bg)").arg(name);
            else if (s == "c")
                title = tr("%1: cell state c(t) = f(t) c(t−1) + i(t) g(t)").arg(name);
            else
                title = lstm ? tr("%1: hidden state h(t) = o(t) tanh(c(t))").arg(name)
                             : tr("%1: hidden state h(t) = s(x(t) Wx + h(t−1) Wh + b)").arg(name);
            if (s == "i" || s == "f" || s == "o") scale = gate;
            if (s == "g" || (lstm && s == "h")) scale = squashed;
            picture(heatmaps_, next++)
                ->setState(state, title, s == "x" ? tr("input value") : tr("unit"), scale);
        }
    }
}

void RecurrentStateView::retranslate() {
    sampleLabel_->setText(tr("Test sequence"));
    sample_->setToolTip(tr("Which test sequence to follow through the network, step by step"));
    redraw();
}

}  // namespace koto::gui
