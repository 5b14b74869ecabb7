#include "views/output_probability_view.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QLabel>
#include <QSpinBox>
#include <algorithm>

#include "look/plot_style.h"
#include "look/presentation.h"
#include "look/view_colours.h"
#include "look/ui_text.h"
#include "views/csv_text.h"

namespace koto::gui {
namespace {
const QColor kBar(0x78, 0x90, 0x9c);  // a grey blue, apart from any class colour
// The target's colour is the gallery's for a right answer (rightColour), a wrong one wrongColour.
constexpr double kBarWidth = 0.6;
constexpr double kRegressionBarWidth = 0.3;
}  // namespace

OutputProbabilityView::OutputProbabilityView(QWidget* parent)
    : OneSampleView(QStringLiteral("probabilitySampleSpin"), parent) {
    plot_ = makeCurvePlot(this, QStringLiteral("probabilityPlot"));
    plot_->setMinimumSize(320, 260);
    // Bars lying down: the classes' names down the left read as text, class 0 at the top.
    bars_ = new QCPBars(plot_->yAxis, plot_->xAxis);
    bars_->setWidth(kBarWidth);
    bars_->setBrush(kBar);
    target_ = new QCPBars(plot_->yAxis, plot_->xAxis);
    target_->setWidth(kBarWidth);
    targetPoints_ = new QCPGraph(plot_->yAxis, plot_->xAxis);
    targetPoints_->setLineStyle(QCPGraph::lsNone);
    plot_->yAxis->setRangeReversed(true);
    plot_->yAxis->grid()->setVisible(false);
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    putLegendBelow(*plot_);
    // The title in a row of its own above the plot.
    plot_->plotLayout()->insertRow(0);
    title_ = new QCPTextElement(plot_, QString());
    plot_->plotLayout()->addElement(0, 0, title_);
    plot_->plotLayout()->setRowStretchFactor(0, 0.001);
    connect(&Presentation::instance(), &Presentation::changed, this,
            &OutputProbabilityView::redraw);

    // The answer beside the chooser wraps rather than widening the window (a long class name in
    // Japanese).
    about_->setWordWrap(true);
    // The plot takes the room under the note; the column's stretch keeps none of it.
    column_->insertWidget(1, plot_, 1);
    column_->setStretch(column_->count() - 1, 0);
    retranslate();
}

void OutputProbabilityView::setDataset(std::shared_ptr<const Dataset> dataset) {
    dataset_ = std::move(dataset);
    // Regression: one scale for every sample, over all the test targets (and 0).
    targetLow_ = 0;
    targetHigh_ = 0;
    if (dataset_)
        for (float t : dataset_->test.targets) {
            targetLow_ = std::min(targetLow_, double(t));
            targetHigh_ = std::max(targetHigh_, double(t));
        }
    output_.reset();
    outputSample_ = -1;
    setSampleRange(dataset_.get());
    redraw();
}

void OutputProbabilityView::setOutput(std::shared_ptr<const std::vector<float>> output,
                                      int64_t sample) {
    if (output == output_ && sample == outputSample_) return;  // the same in a newer snapshot
    output_ = std::move(output);
    outputSample_ = sample;
    redraw();
}

void OutputProbabilityView::chooseSample(int64_t sample) {
    sample_->setValue(static_cast<int>(sample + 1));
}

std::vector<double> OutputProbabilityView::shownBars() const {
    std::vector<double> values;
    for (int i = 0; i < bars_->data()->size(); ++i) values.push_back(bars_->data()->at(i)->value);
    return values;
}

std::vector<double> OutputProbabilityView::shownTargets() const {
    std::vector<double> values;
    for (int i = 0; i < targetPoints_->data()->size(); ++i)
        values.push_back(targetPoints_->data()->at(i)->value);
    return values;
}

QString OutputProbabilityView::shownTitle() const {
    // On one line, as written: a narrow plot shows it on two (look/plot_style.h).
    return QString(title_->text()).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

QString OutputProbabilityView::csv() const {
    const std::vector<double> bars = shownBars();
    if (bars.empty()) return {};
    const QString sample = QString::number(chosenSample() + 1);
    const bool regression = targetClass_ < 0;
    QString text = csvRow(
        {QStringLiteral("sample"), regression ? QStringLiteral("output") : QStringLiteral("class"),
         regression ? QStringLiteral("prediction") : QStringLiteral("probability"),
         QStringLiteral("target")});
    const std::vector<double> targets = shownTargets();
    for (size_t k = 0; k < bars.size(); ++k) {
        // The bars hold the network's floats (as doubles): written as the floats they are.
        const QString bar = csvNumber(static_cast<float>(bars[k]));
        if (regression) {
            text += csvRow(
                {sample, QString::number(k + 1), bar,
                 k < targets.size() ? csvNumber(static_cast<float>(targets[k])) : QString()});
            continue;
        }
        const bool named = dataset_ && k < dataset_->classNames.size();
        text += csvRow(
            {sample, named ? QString::fromStdString(dataset_->classNames[k]) : QString::number(k),
             bar, static_cast<int>(k) == targetClass_ ? QStringLiteral("1") : QStringLiteral("0")});
    }
    return text;
}

QString OutputProbabilityView::className(int64_t k) const {
    if (dataset_ && k >= 0 && static_cast<size_t>(k) < dataset_->classNames.size())
        return classTitle(dataset_->classNames[static_cast<size_t>(k)]);
    return QString::number(k);
}

void OutputProbabilityView::clearPlot() {
    bars_->data()->clear();
    target_->data()->clear();
    targetPoints_->data()->clear();
    for (QCPItemText* text : values_) text->setVisible(false);
    targetClass_ = -1;
    answer_ = -1;
    about_->clear();
}

void OutputProbabilityView::restyle() {
    bars_->setPen(linePen(kBar.darker(130), 1));
    target_->setPen(linePen(inkColour(), 2.5));
    target_->setBrush(rightColour());
    targetPoints_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond,
                                                   linePen(inkColour(), 1.5),
                                                   QBrush(rightColour()), markerSize(14)));
    QFont titleFont = QApplication::font();
    titleFont.setBold(true);
    title_->setFont(titleFont);
    title_->setTextColor(plotColours().text);
}

void OutputProbabilityView::redraw() {
    restyle();
    clearPlot();
    const int64_t sample = chosenSample();
    const bool current = dataset_ && output_ && !output_->empty() && outputSample_ == sample &&
                         sample < dataset_->test.count;
    title_->setText(tr("Test sample %1").arg(sample + 1));
    if (current && dataset_->task == Task::Classification) drawClasses(*output_, sample);
    else if (current) drawRegression(*output_, sample);
    else
        note_->setText(tr("The output appears once the training thread has computed it for this "
                          "sample (also while training is paused)."));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

// P(Y = k | X) for every class, the target's bar again over its own, the number at each bar.
void OutputProbabilityView::drawClasses(const std::vector<float>& output, int64_t sample) {
    const Dataset& data = *dataset_;
    const bool sigmoid = output.size() == 1;
    // One sigmoid unit gives P(Y = 1 | X); P(Y = 0 | X) = 1 - P(Y = 1 | X), as the CLI writes it.
    const std::vector<float> probabilities =
        sigmoid ? std::vector<float>{1.0f - output[0], output[0]} : output;
    const auto count = static_cast<int>(probabilities.size());
    // A line of text for each class's bar, and some for the title, the axis and the legend.
    const int line = QFontMetrics(QApplication::font()).height();
    plot_->setMinimumHeight(std::max(260, (count + 6) * line));
    const int64_t steps = data.targetEveryStep ? std::max<int64_t>(1, data.sequenceLength) : 1;
    targetClass_ = data.test.labels[static_cast<size_t>(sample * steps + steps - 1)];
    answer_ = sigmoid
                  ? (output[0] >= 0.5f ? 1 : 0)
                  : static_cast<int>(std::max_element(probabilities.begin(), probabilities.end()) -
                                     probabilities.begin());

    auto ticker = plot_->yAxis->ticker().dynamicCast<QCPAxisTickerText>();
    ticker->clear();
    for (int k = 0; k < count; ++k) {
        const double p = probabilities[static_cast<size_t>(k)];
        bars_->addData(k, p);
        if (k == targetClass_) target_->addData(k, p);
        ticker->addTick(k, className(k));
        while (values_.size() <= static_cast<size_t>(k)) values_.push_back(new QCPItemText(plot_));
        QCPItemText* text = values_[static_cast<size_t>(k)];
        text->setVisible(true);
        text->position->setCoords(p, k);
        text->setText(QString::number(p, 'f', 3));
        // Inside the end of a long bar, in white; after a short one, in the text's colour.
        const bool inside = p > 0.8;
        text->setPositionAlignment((inside ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
        text->setPadding(inside ? QMargins(0, 0, 6, 0) : QMargins(6, 0, 0, 0));
        text->setColor(inside ? QColor(Qt::white) : plotColours().text);
        text->setFont(QApplication::font());
    }
    plot_->xAxis->setRange(0, 1);
    bars_->setWidth(kBarWidth);
    plot_->xAxis->setLabel(tr("probability P(Y = k | X)"));
    plot_->yAxis->setRange(-0.5, count - 0.5);
    bars_->setName(tr("P(Y = k | X)"));
    target_->setName(tr("the target class"));
    bars_->addToLegend();
    target_->addToLegend();
    targetPoints_->removeFromLegend();

    const QString target = className(targetClass_);
    title_->setText(
        sigmoid ? tr("Test sample %1: sigmoid output Y = P(Y = 1 | X) (target: %2)")
                      .arg(sample + 1)
                      .arg(target)
                : tr("Test sample %1: softmax output Y (target: %2)").arg(sample + 1).arg(target));
    const bool right = answer_ == targetClass_;
    about_->setText((right ? tr("The network answers %1 (P = %2): right.")
                           : tr("The network answers %1 (P = %2): wrong."))
                        .arg(className(answer_))
                        .arg(probabilities[static_cast<size_t>(answer_)], 0, 'f', 3));
    about_->setStyleSheet(
        QStringLiteral("color: %1;").arg((right ? rightColour() : wrongColour()).name()));
    note_->setText(
        sigmoid ? tr("One sigmoid output gives P(Y = 1 | X); the other class has "
                     "P(Y = 0 | X) = 1 − P(Y = 1 | X). The target class's bar is green and "
                     "framed; the network answers class 1 where P(Y = 1 | X) ≥ 0.5.")
                : tr("Each bar is the probability the network gives a class for this sample, "
                     "the softmax output Y[k] = exp(a[k]) / Σ exp(a[j]): the bars add up to 1. "
                     "The target class's bar is green and framed; the network answers the class "
                     "with the highest probability."));
}

// Each output's prediction Y as a bar, its target T as a diamond on the same line.
void OutputProbabilityView::drawRegression(const std::vector<float>& output, int64_t sample) {
    const Dataset& data = *dataset_;
    const auto width = static_cast<int64_t>(output.size());
    const int64_t steps = data.targetEveryStep ? std::max<int64_t>(1, data.sequenceLength) : 1;
    const size_t first = static_cast<size_t>((sample * steps + steps - 1) * width);
    auto ticker = plot_->yAxis->ticker().dynamicCast<QCPAxisTickerText>();
    ticker->clear();
    double low = targetLow_, high = targetHigh_;
    for (int64_t k = 0; k < width; ++k) {
        const double y = output[static_cast<size_t>(k)];
        const double t = first + static_cast<size_t>(k) < data.test.targets.size()
                             ? data.test.targets[first + static_cast<size_t>(k)]
                             : 0.0;
        bars_->addData(static_cast<double>(k), y);
        bars_->setWidth(kRegressionBarWidth);
        targetPoints_->addData(static_cast<double>(k), t);
        ticker->addTick(static_cast<double>(k), width == 1 ? tr("Y") : tr("output %1").arg(k + 1));
        low = std::min({low, y, t});
        high = std::max({high, y, t});
        while (values_.size() <= static_cast<size_t>(k)) values_.push_back(new QCPItemText(plot_));
        QCPItemText* text = values_[static_cast<size_t>(k)];
        text->setVisible(true);
        text->position->setCoords(y, static_cast<double>(k) - kRegressionBarWidth / 2);
        text->setText(QString::number(y, 'f', 3));
        text->setPositionAlignment((y < 0 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignBottom);
        text->setPadding(QMargins(4, 0, 4, 2));
        text->setColor(plotColours().text);
        text->setFont(QApplication::font());
    }
    // Room for the numbers beyond the longest bar.
    const double margin = std::max(0.05, 0.1 * (high - low));
    plot_->xAxis->setRange(low < 0 ? low - margin : 0, high > 0 ? high + margin : 0);
    plot_->xAxis->setLabel(tr("value"));
    plot_->yAxis->setRange(-0.5 - kRegressionBarWidth / 2, static_cast<double>(width) - 0.5);
    bars_->setName(tr("prediction Y"));
    targetPoints_->setName(tr("target T"));
    bars_->addToLegend();
    targetPoints_->addToLegend();
    target_->removeFromLegend();

    title_->setText(tr("Test sample %1: prediction Y and target T").arg(sample + 1));
    about_->setStyleSheet(QString());
    if (width == 1)
        about_->setText(
            tr("Y = %1, T = %2: off by %3.")
                .arg(output[0], 0, 'f', 3)
                .arg(targetPoints_->data()->at(0)->value, 0, 'f', 3)
                .arg(std::abs(output[0] - targetPoints_->data()->at(0)->value), 0, 'f', 3));
    note_->setText(tr("For regression the output is the prediction itself: each bar is a "
                      "prediction Y, the diamond on its line the target T it should be."));
}

void OutputProbabilityView::retranslate() {
    sampleLabel_->setText(tr("Test sample"));
    sample_->setToolTip(tr("Which test sample's output to show; clicking a point of the plot or "
                           "an image of the gallery chooses it too"));
    redraw();
}

}  // namespace koto::gui
