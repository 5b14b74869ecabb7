#include "views/loss_curve_view.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "look/plot_style.h"
#include "look/presentation.h"
#include "look/view_colours.h"
#include "views/csv_text.h"

namespace koto::gui {
namespace {

// Other runs' test losses: colours apart from this run's blue, orange and green, dashed (dotted
// where colour-blind-safe mode dashes this run's test loss).
QPen otherRunPen(size_t i) {
    static const QColor usual[] = {QColor(0x9b, 0x59, 0xb6), QColor(0xc0, 0x39, 0x2b),
                                   QColor(0x7f, 0x8c, 0x8d), QColor(0x16, 0xa0, 0x85),
                                   QColor(0xd3, 0x54, 0x00), QColor(0x2c, 0x3e, 0x50)};
    const bool safe = Presentation::instance().colourBlindSafe();
    // In the safe palette the first three are this run's colours.
    return linePen(seriesColour(safe ? i + 3 : i, usual), 1.5, safe ? Qt::DotLine : Qt::DashLine);
}

}  // namespace

LossCurveView::LossCurveView(QWidget* parent) : QWidget(parent) {
    figures_ = new QLabel(this);
    figures_->setObjectName(QStringLiteral("lossFigures"));
    figures_->setWordWrap(true);
    plot_ = makeCurvePlot(this, QStringLiteral("lossCurvePlot"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(figures_);
    layout->addWidget(plot_, 1);

    plot_->addGraph();  // training
    plot_->addGraph();  // test
    plot_->addGraph()->removeFromLegend();  // validation, once it has points
    putLegendBelow(*plot_);
    viewedLine_ = new QCPItemStraightLine(plot_);
    viewedLine_->setVisible(false);
    restyle();
    connect(&Presentation::instance(), &Presentation::changed, this, &LossCurveView::restyle);
    clear();
    retranslate();
}

void LossCurveView::restyle() {
    const Curve curves[] = {Curve::Training, Curve::Test, Curve::Validation};  // graphs 0, 1, 2
    for (int i = 0; i < 3; ++i)
        plot_->graph(i)->setPen(linePen(curveColour(curves[i]), 2, curveStyle(curves[i])));
    QColor grey = inkColour();
    grey.setAlphaF(0.65);
    viewedLine_->setPen(linePen(grey, 1.5, Qt::DotLine));
    for (size_t i = 0; i < otherGraphs_.size(); ++i) otherGraphs_[i]->setPen(otherRunPen(i));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::clear() {
    for (int i = 0; i < 3; ++i) plot_->graph(i)->data()->clear();
    plot_->graph(2)->removeFromLegend();  // shown again once validation points arrive
    curve_ = LearningCurve();
    largestLoss_ = 0;
    fitRanges();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::fitRanges() {
    const double lastEpoch = curve_.empty() ? 0.0 : static_cast<double>(curve_.latest().epoch);
    plot_->xAxis->setRange(0, std::max({10.0, lastEpoch, otherLastEpoch_}));
    const double largest = std::max(largestLoss_, otherLargestLoss_);
    plot_->yAxis->setRange(0, largest > 0 ? std::max(1e-3, largest * 1.05) : 1.0);
}

void LossCurveView::setViewedEpoch(int64_t epoch) {
    viewedLine_->setVisible(epoch >= 0);
    if (epoch >= 0) {
        viewedLine_->point1->setCoords(static_cast<double>(epoch), 0);
        viewedLine_->point2->setCoords(static_cast<double>(epoch), 1);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::setOtherRuns(const std::vector<OtherRun>& runs) {
    for (QCPGraph* graph : otherGraphs_) plot_->removeGraph(graph);
    otherGraphs_.clear();
    otherLargestLoss_ = 0;
    otherLastEpoch_ = 0;
    for (size_t i = 0; i < runs.size(); ++i) {
        QCPGraph* graph = plot_->addGraph();
        graph->setPen(otherRunPen(i));
        graph->setName(tr("%1: test loss").arg(runs[i].name));
        QVector<double> epochs, losses;
        for (const EpochMetrics& m : runs[i].curve) {
            epochs.push_back(static_cast<double>(m.epoch));
            losses.push_back(m.test.loss);
            if (std::isfinite(m.test.loss)) otherLargestLoss_ = std::max(otherLargestLoss_, m.test.loss);
            otherLastEpoch_ = std::max(otherLastEpoch_, static_cast<double>(m.epoch));
        }
        graph->setData(epochs, losses, true);
        otherGraphs_.push_back(graph);
    }
    fitRanges();
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LossCurveView::addEpochs(const std::vector<EpochMetrics>& epochs) {
    if (epochs.empty()) return;
    for (const EpochMetrics& m : epochs) {
        curve_.add(m);
        for (double loss : {m.train.loss, m.test.loss, m.hasValidation ? m.validation.loss : 0.0})
            if (std::isfinite(loss)) largestLoss_ = std::max(largestLoss_, loss);
    }
    QVector<double> epochAxis, train, test, validationEpochs, validation;
    for (const EpochMetrics& m : shownPoints()) {
        epochAxis.push_back(static_cast<double>(m.epoch));
        train.push_back(m.train.loss);
        test.push_back(m.test.loss);
        if (m.hasValidation) {
            validationEpochs.push_back(static_cast<double>(m.epoch));
            validation.push_back(m.validation.loss);
        }
    }
    plot_->graph(2)->setData(validationEpochs, validation, true);
    if (validation.isEmpty()) plot_->graph(2)->removeFromLegend();
    else plot_->graph(2)->addToLegend();
    plot_->graph(0)->setData(epochAxis, train, true);
    plot_->graph(1)->setData(epochAxis, test, true);
    fitRanges();
    showLatest(epochs.back(), recentBatchLoss_);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

std::vector<EpochMetrics> LossCurveView::shownPoints() const {
    if (curve_.empty()) return {};
    std::vector<EpochMetrics> points = curve_.points();
    if (points.empty() || points.back().epoch != curve_.latest().epoch)
        points.push_back(curve_.latest());
    return points;
}

QString LossCurveView::csv() const {
    const std::vector<EpochMetrics> points = shownPoints();
    if (points.empty()) return {};
    const bool regression = points.back().regression;
    const bool validation = std::any_of(points.begin(), points.end(),
                                        [](const EpochMetrics& m) { return m.hasValidation; });
    const QString measure = regression ? QStringLiteral("rmse") : QStringLiteral("accuracy");
    QStringList header{QStringLiteral("epoch"), QStringLiteral("steps")};
    for (const QString& split :
         {QStringLiteral("train"), QStringLiteral("test"), QStringLiteral("validation")}) {
        if (split == QLatin1String("validation") && !validation) continue;
        header << split + QStringLiteral("_loss") << split + QLatin1Char('_') + measure;
    }
    QString text = csvRow(header);
    for (const EpochMetrics& m : points) {
        QStringList row{QString::number(m.epoch), QString::number(m.steps)};
        for (const SplitMetrics* split : {&m.train, &m.test})
            row << csvNumber(split->loss) << csvNumber(regression ? split->rmse : split->accuracy);
        if (validation && m.hasValidation)
            row << csvNumber(m.validation.loss)
                << csvNumber(regression ? m.validation.rmse : m.validation.accuracy);
        else if (validation) row << QString() << QString();  // no validation measured at this epoch
        text += csvRow(row);
    }
    return text;
}

void LossCurveView::showLatest(const EpochMetrics& m, double recentBatchLoss) {
    latest_ = m;
    recentBatchLoss_ = recentBatchLoss;
    QString text = m.epoch == 0 ? tr("Before training:") : tr("After epoch %1:").arg(m.epoch);
    if (m.regression)
        text += QLatin1Char(' ') + tr("training loss %1 · test loss %2 · test RMSE %3")
                                       .arg(m.train.loss, 0, 'f', 4)
                                       .arg(m.test.loss, 0, 'f', 4)
                                       .arg(m.test.rmse, 0, 'f', 4);
    else
        text += QLatin1Char(' ') + tr("training loss %1 · test loss %2 · test accuracy %3 %")
                                       .arg(m.train.loss, 0, 'f', 4)
                                       .arg(m.test.loss, 0, 'f', 4)
                                       .arg(m.test.accuracy * 100, 0, 'f', 1);
    if (recentBatchLoss >= 0)
        text +=
            QLatin1Char('\n') + tr("Recent mini-batches: loss %1 (their mean, updated every step)")
                                    .arg(recentBatchLoss, 0, 'f', 4);
    figures_->setText(text);
}

int LossCurveView::pointCount() const { return plot_->graph(0)->dataCount(); }

void LossCurveView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void LossCurveView::retranslate() {
    plot_->graph(0)->setName(tr("Training loss"));
    plot_->graph(1)->setName(tr("Test loss"));
    plot_->graph(2)->setName(tr("Validation loss"));
    plot_->xAxis->setLabel(tr("Epoch"));
    plot_->yAxis->setLabel(tr("Loss (cost J per sample)"));
    showLatest(latest_, recentBatchLoss_);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace koto::gui
