#include "views/gradient_through_time_view.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "look/plot_style.h"
#include "look/presentation.h"
#include "look/view_colours.h"
#include "views/csv_text.h"

namespace koto::gui {
namespace {
// h's gradient, c's gradient and the forget gate (seriesColour: blue, orange and green).
const QColor kUsualColours[] = {QColor(0x08, 0x77, 0xbd), QColor(0xf5, 0x93, 0x22),
                                QColor(0x2e, 0x8b, 0x57)};
QColor hiddenColour() { return seriesColour(0, kUsualColours); }
QColor cellColour() { return seriesColour(1, kUsualColours); }
QColor forgetColour() { return seriesColour(2, kUsualColours); }

// The same colour, faint: the first step's curves stay behind the latest ones.
QPen faint(QColor colour) {
    colour.setAlpha(110);
    return linePen(colour, 1.5, Qt::DashLine);
}

// Labels the log axis's powers of ten as 10⁻³, as a learner writes them.
class PowerOfTenTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale&, QChar, int) override {
        static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
        const long exponent = std::lround(std::log10(tick));
        QString label = QStringLiteral("10");
        if (exponent < 0) label += QStringLiteral("⁻");
        for (const QChar digit : QString::number(std::labs(exponent)))
            label += digits[digit.digitValue()];
        return label;
    }
};
}  // namespace

GradientThroughTimeView::GradientThroughTimeView(QWidget* parent) : QWidget(parent) {
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    plot_ = makeCurvePlot(this, QStringLiteral("gradientThroughTimePlot"));
    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("gradientThroughTimeNote"));
    note_->setWordWrap(true);
    note_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title_);
    layout->addWidget(plot_, 1);
    layout->addWidget(note_);

    // The order of drawing: the first step's faint lines under the latest ones.
    for (int i = 0; i < 4; ++i) plot_->addGraph();
    plot_->addGraph(plot_->xAxis, plot_->yAxis2);  // the forget gate

    // A vanishing gradient shrinks by a factor every step: a straight line on a log scale.
    plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new PowerOfTenTicker));
    plot_->yAxis2->setRange(0, 1.05);
    // Time steps are whole numbers: ticks at 1, 2, 3, ... or at multiples of them.
    QSharedPointer<QCPAxisTickerFixed> steps(new QCPAxisTickerFixed);
    steps->setTickStep(1);
    steps->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot_->xAxis->setTicker(steps);

    putLegendBelow(*plot_);
    plot_->installEventFilter(this);
    restyle();
    connect(&Presentation::instance(), &Presentation::changed, this,
            &GradientThroughTimeView::restyle);
    retranslate();
}

void GradientThroughTimeView::restyle() {
    graph(Curve::InitialHidden)->setPen(faint(hiddenColour()));
    graph(Curve::InitialCell)->setPen(faint(cellColour()));
    graph(Curve::Hidden)->setPen(linePen(hiddenColour(), 2.5));
    graph(Curve::Cell)->setPen(linePen(cellColour(), 2.5));
    graph(Curve::ForgetGate)->setPen(linePen(forgetColour(), 1.5));
    graph(Curve::ForgetGate)
        ->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, markerSize(4)));
    // In colour-blind-safe mode c's points are squares, so that h and c differ by more than hue.
    const bool safe = Presentation::instance().colourBlindSafe();
    graph(Curve::Hidden)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, markerSize(5)));
    graph(Curve::Cell)->setScatterStyle(QCPScatterStyle(
        safe ? QCPScatterStyle::ssSquare : QCPScatterStyle::ssDisc, markerSize(5)));
    // The right axis is the forget gate's, in its colour (after the plot's own style).
    plot_->yAxis2->setTickLabelColor(forgetColour());
    plot_->yAxis2->setLabelColor(forgetColour());
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph* GradientThroughTimeView::graph(Curve curve) const {
    switch (curve) {
    case Curve::InitialHidden: return plot_->graph(0);
    case Curve::InitialCell: return plot_->graph(1);
    case Curve::Hidden: return plot_->graph(2);
    case Curve::Cell: return plot_->graph(3);
    case Curve::ForgetGate: return plot_->graph(4);
    }
    return nullptr;
}

const std::vector<double>* GradientThroughTimeView::values(Curve curve) const {
    // The first step's own curves would lie under the latest ones: shown once training moved on.
    const bool compare = initial_ && latest_ && latest_->step != initial_->step;
    switch (curve) {
    case Curve::Hidden: return latest_ ? &latest_->hidden : nullptr;
    case Curve::Cell: return latest_ ? &latest_->cell : nullptr;
    case Curve::InitialHidden: return compare ? &initial_->hidden : nullptr;
    case Curve::InitialCell: return compare ? &initial_->cell : nullptr;
    case Curve::ForgetGate: return latest_ ? &latest_->forgetGate : nullptr;
    }
    return nullptr;
}

QString GradientThroughTimeView::csv() const {
    const std::pair<Curve, const char*> columns[] = {{Curve::Hidden, "hidden_norm"},
                                                     {Curve::Cell, "cell_norm"},
                                                     {Curve::ForgetGate, "mean_forget_gate"},
                                                     {Curve::InitialHidden, "initial_hidden_norm"},
                                                     {Curve::InitialCell, "initial_cell_norm"}};
    QStringList header{QStringLiteral("t")};
    std::vector<const std::vector<double>*> drawn;
    size_t steps = 0;
    for (const auto& [curve, name] : columns) {
        const std::vector<double>* curveValues = values(curve);
        if (!curveValues || curveValues->empty()) continue;
        header << QLatin1String(name);
        drawn.push_back(curveValues);
        steps = std::max(steps, curveValues->size());
    }
    if (drawn.empty()) return {};
    QString text = csvRow(header);
    for (size_t t = 0; t < steps; ++t) {
        QStringList row{QString::number(t + 1)};
        for (const std::vector<double>* curveValues : drawn)
            row << (t < curveValues->size() ? csvNumber((*curveValues)[t]) : QString());
        text += csvRow(row);
    }
    return text;
}

void GradientThroughTimeView::setGradients(std::shared_ptr<const GradientThroughTime> latest,
                                           std::shared_ptr<const GradientThroughTime> initial) {
    if (latest == latest_ && initial == initial_)
        return;  // the same measurement in a newer snapshot
    latest_ = std::move(latest);
    initial_ = std::move(initial);
    draw();
}

std::vector<double> GradientThroughTimeView::plotted(Curve curve) const {
    std::vector<double> values;
    for (const QCPGraphData& point : *graph(curve)->data()) values.push_back(point.value);
    return values;
}

bool GradientThroughTimeView::logarithmic() const {
    return plot_->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

void GradientThroughTimeView::draw() {
    double smallest = 0, largest = 0;
    int64_t steps = 0;
    // Each value at its time step t = 1..T; a norm of exactly 0 has no place on a log scale.
    auto show = [&](Curve curve, const std::vector<double>* drawn, bool norm) {
        QVector<double> t, v;
        if (drawn) {
            for (size_t k = 0; k < drawn->size(); ++k) {
                const double value = (*drawn)[k];
                if (norm && !(value > 0)) continue;
                t.push_back(static_cast<double>(k + 1));
                v.push_back(value);
                if (!norm) continue;
                smallest = smallest == 0 ? value : std::min(smallest, value);
                largest = std::max(largest, value);
            }
            steps = std::max(steps, static_cast<int64_t>(drawn->size()));
        }
        graph(curve)->setData(t, v, true);
    };
    for (Curve curve : {Curve::Hidden, Curve::Cell, Curve::InitialHidden, Curve::InitialCell})
        show(curve, values(curve), true);
    show(Curve::ForgetGate, values(Curve::ForgetGate), false);
    plot_->yAxis2->setVisible(latest_ && !latest_->forgetGate.empty());
    // The legend names the curves drawn, the latest step's first (laid out once named).
    plot_->legend->clearItems();
    for (Curve curve :
         {Curve::Hidden, Curve::Cell, Curve::ForgetGate, Curve::InitialHidden, Curve::InitialCell})
        if (!graph(curve)->data()->isEmpty()) graph(curve)->addToLegend();
    plot_->xAxis->setRange(0.5, std::max<double>(2, static_cast<double>(steps)) + 0.5);
    if (largest > 0) plot_->yAxis->setRange(smallest / 3, largest * 3);
    else plot_->yAxis->setRange(1e-3, 1);
    plot_->replot(QCustomPlot::rpQueuedReplot);
    retranslate();
}

bool GradientThroughTimeView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == plot_ && event->type() == QEvent::Resize) {
        fitLegendColumns(*plot_);
        plot_->replot(QCustomPlot::rpQueuedReplot);
    }
    return QWidget::eventFilter(watched, event);
}

void GradientThroughTimeView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void GradientThroughTimeView::retranslate() {
    const bool lstm = latest_ && latest_->type == "lstm";
    graph(Curve::Hidden)->setName(tr("‖dJ/dh(t)‖, step %1").arg(latest_ ? latest_->step : 0));
    graph(Curve::Cell)->setName(tr("‖dJ/dc(t)‖, step %1").arg(latest_ ? latest_->step : 0));
    graph(Curve::InitialHidden)->setName(tr("‖dJ/dh(t)‖, step 1 (initial weights)"));
    graph(Curve::InitialCell)->setName(tr("‖dJ/dc(t)‖, step 1 (initial weights)"));
    graph(Curve::ForgetGate)->setName(tr("mean forget gate f(t) (right axis)"));
    plot_->xAxis->setLabel(tr("time step t"));
    plot_->yAxis->setLabel(tr("gradient norm (log scale)"));
    plot_->yAxis2->setLabel(tr("forget gate f"));
    fitLegendColumns(*plot_);
    if (!latest_) {
        title_->setText(tr("<b>Gradient through time</b>"));
        note_->setText(tr(
            "How much of the gradient reaches each time step appears after the first training step "
            "(press Step): the recurrent layer measures it in that step's own backward pass."));
    } else {
        title_->setText(tr("<b>Gradient through time</b> of %1, measured in the backward pass of "
                           "training step %2 "
                           "(its mini-batch)")
                            .arg(QString::fromStdString(latest_->layer))
                            .arg(latest_->step));
        note_->setText(lstm ? tr("Backpropagation through time goes from the last step t = T back "
                                 "to t = 1. The cell passes its "
                                 "gradient back multiplied only by the forget gate, dJ/dc(t−1) "
                                 "gets f(t) · dJ/dc(t), with no "
                                 "squashing in between: the nearer f stays to 1 (green, right "
                                 "axis), the less the gradient "
                                 "shrinks each step and the further back the first inputs can "
                                 "still teach the weights. A "
                                 "SimpleRNN has no such path. The forget gate's bias starts at 1 "
                                 "(f ≈ 0.73); as training goes "
                                 "on, watch whether it opens wider where the task needs memory. "
                                 "Faint lines: the first step, at "
                                 "the initial weights.")
                            : tr("Backpropagation through time goes from the last step t = T back "
                                 "to t = 1, and every step "
                                 "multiplies the gradient by s′(a(t)) (at most 1 for tanh) and by "
                                 "Whᵀ: dJ/dh(t−1) gets "
                                 "(dJ/dh(t) ⊙ s′(a(t))) Whᵀ. Where these factors are below 1, "
                                 "‖dJ/dh(t)‖ shrinks by about the "
                                 "same factor every step, a straight fall on this log scale toward "
                                 "t = 1: the vanishing "
                                 "gradient. The first inputs then hardly change the weights, so "
                                 "what they carry is not "
                                 "learned. How fast it falls depends on Wh: compare the "
                                 "initialisations (uniform, Xavier, "
                                 "orthogonal) in the layer list, and an LSTM. Gradient clipping "
                                 "(training panel) tames the "
                                 "opposite, an exploding gradient. Faint line: the first step, at "
                                 "the initial weights."));
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace koto::gui
