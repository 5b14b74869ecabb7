// The weights view's charts: the matrix as a heatmap (or its units' weights as images), the
// histogram of its values, and the percentile bands of every epoch (weight_view.cpp: the rest).

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

#include "look/notation.h"
#include "look/plot_style.h"
#include "look/presentation.h"
#include "look/view_colours.h"
#include "views/image_stack_view.h"
#include "views/weight_meaning.h"
#include "views/weight_view.h"

namespace koto::gui {
namespace {

constexpr int kHistogramBins = 41;
constexpr int kUnitTile = 56;

// The scale's colours at each eighth, exact zeros (NaN in the map) in their own colour.
QCPColorGradient gradientOf(const ColourScale& scale) {
    QCPColorGradient gradient;
    for (int i = 0; i <= 8; ++i) {
        const double t = i / 8.0;
        ColourScale plain = scale;
        plain.markZero = false;
        gradient.setColorStopAt(t, QColor(plain.colour(scale.low + t * (scale.high - scale.low))));
    }
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(kExactZeroColour));
    return gradient;
}

// Whole-number ticks: rows and columns are counted.
void countedTicks(QCPAxis* axis) {
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    const double range = axis->range().size();
    ticker->setTickStep(range <= 16 ? 1 : range <= 40 ? 5 : range <= 200 ? 20 : 100);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    axis->setTicker(ticker);
}

}  // namespace

void WeightView::drawHeatmap(const std::vector<float>& shown) {
    const Entry& entry = entries_[static_cast<size_t>(matrix_->currentIndex())];
    double extent = 0;
    int64_t zeros = 0;
    for (float v : shown) {
        if (std::isfinite(v)) extent = std::max(extent, std::abs(static_cast<double>(v)));
        zeros += v == 0;
    }
    if (rangeMode_->currentIndex() == 1) extent = range_->value();
    extent = std::max(extent, 1e-12);
    scale_ = ColourScale{-extent, extent, true, false, true};

    QCPColorMapData* data = map_->data();
    data->setSize(static_cast<int>(shownCols_), static_cast<int>(shownRows_));
    auto centres = [](int64_t count) {
        return count > 1 ? QCPRange(1, static_cast<double>(count)) : QCPRange(0.5, 1.5);
    };
    data->setRange(centres(shownCols_), centres(shownRows_));
    for (int64_t r = 0; r < shownRows_; ++r)
        for (int64_t c = 0; c < shownCols_; ++c) {
            const float v = shown[static_cast<size_t>(r * shownCols_ + c)];
            data->setCell(static_cast<int>(c), static_cast<int>(r),
                          v == 0 ? std::numeric_limits<double>::quiet_NaN() : v);
        }
    map_->setGradient(gradientOf(scale_));
    map_->setDataRange(QCPRange(scale_.low, scale_.high));
    heatmap_->xAxis->setRange(0.5, static_cast<double>(shownCols_) + 0.5);
    heatmap_->yAxis->setRange(0.5, static_cast<double>(shownRows_) + 0.5);
    countedTicks(heatmap_->xAxis);
    countedTicks(heatmap_->yAxis);
    const WeightMeaning meaning(spec_, dataset_.get());
    const WeightMatrix& matrix = weights_->matrices[entry.parameter];
    heatmap_->yAxis->setLabel(meaning.from(matrix, entry.parameter == 0, -1));
    heatmap_->xAxis->setLabel(meaning.to(matrix, entry.gate, -1));
    // About 6 pixels a row, within what fits beside the other charts.
    heatmap_->setMinimumHeight(
        static_cast<int>(std::clamp<int64_t>(6 * shownRows_ + 80, 200, 420)));
    heatmap_->replot(QCustomPlot::rpQueuedReplot);
    zeroLegend_->setText(
        tr("<span style=\"color:black\">■</span> black: exactly 0 (%1 of %2 cells)")
            .arg(zeros)
            .arg(shown.size()));
    if (hoverText_->text().isEmpty() || shownRows_ == 0)
        hoverText_->setText(tr("Point at a cell: what it connects and its value."));

    const bool images = !asImages_->isHidden() && asImages_->isChecked() && !shown.empty();
    images_->setVisible(images);
    heatmap_->setVisible(!images);
    if (images) {
        // Column j of W, the weights into unit j, one value a pixel.
        const int64_t height = dataset_->imageHeight, width = dataset_->imageWidth;
        ImageStack stack{"", "dense", shownCols_, height, width, {}};
        for (int64_t j = 0; j < shownCols_; ++j)
            for (int64_t i = 0; i < shownRows_; ++i)
                stack.values.push_back(shown[static_cast<size_t>(i * shownCols_ + j)]);
        images_->setStack(
            std::move(stack),
            tr("Each hidden unit's incoming weights as a %1 × %2 image").arg(height).arg(width),
            kUnitTile, {}, scale_);
    }
}

void WeightView::drawHistogram(const std::vector<float>& shown) {
    const double low = scale_.low, high = scale_.high;
    const double width = (high - low) / kHistogramBins;
    QVector<double> keys, counts(kHistogramBins, 0);
    for (int b = 0; b < kHistogramBins; ++b) keys.push_back(low + (b + 0.5) * width);
    for (float v : shown) {
        if (!std::isfinite(v)) continue;
        const int bin =
            std::clamp(static_cast<int>(std::floor((v - low) / width)), 0, kHistogramBins - 1);
        counts[bin] += 1;
    }
    bars_->setData(keys, counts, true);
    bars_->setWidth(width);
    QColor grey = plotColours().text;  // grey on a light plot or a dark one
    grey.setAlphaF(0.6);
    bars_->setBrush(grey);
    histogram_->xAxis->setRange(low, high);
    histogram_->yAxis->setRange(0, std::max(1.0, *std::max_element(counts.begin(), counts.end())) *
                                       1.1);
    histogram_->xAxis->setLabel(tr("value"));
    histogram_->yAxis->setLabel(tr("cells"));
    histogramTitle_->setText(tr("How the values shown spread (outside the range: at its ends)"));
    histogram_->replot(QCustomPlot::rpQueuedReplot);
}

// The percentiles of the chosen parameter's values epoch by epoch: 5-95 % and 25-75 % as bands
// around the median.
void WeightView::drawHistory() {
    const int index = matrix_->currentIndex();
    const bool have =
        weights_ && index >= 0 && index < static_cast<int>(entries_.size()) && !history_.empty();
    historyStale_ = false;
    historyTitle_->setVisible(have);
    historyPlot_->setVisible(have);
    if (!have) return;
    const Entry& entry = entries_[static_cast<size_t>(index)];
    const WeightMatrix& matrix = weights_->matrices[entry.parameter];
    const QString whole =
        entry.gate >= 0 ? Notation(spec_).parameterName(spec_, matrix.id) : entry.name;
    historyTitle_->setText(
        tr("How the values of %1 spread, epoch by epoch: the median, 25–75 % and 5–95 %")
            .arg(whole));
    historyPlot_->clearGraphs();
    QVector<double> epochs;
    std::array<QVector<double>, 5> lines;
    for (const EpochWeightPercentiles& epoch : history_) {
        if (entry.parameter >= epoch.parameters.size()) continue;
        epochs.push_back(static_cast<double>(epoch.epoch));
        for (size_t k = 0; k < lines.size(); ++k)
            lines[k].push_back(epoch.parameters[entry.parameter][k]);
    }
    std::array<QCPGraph*, 5> graphs{};
    const QColor usual[] = {QColor(33, 102, 172)};
    const QColor line = seriesColour(0, usual);
    for (size_t k = 0; k < graphs.size(); ++k) {
        graphs[k] = historyPlot_->addGraph();
        graphs[k]->setData(epochs, lines[k], true);
        graphs[k]->setPen(k == 2 ? linePen(line, 2) : QPen(Qt::NoPen));
        if (epochs.size() == 1)
            graphs[k]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, markerSize(6)));
    }
    // The outer band from the 5th to the 95th percentile, the inner one from the 25th to the 75th.
    QColor outer = line, inner = line;
    outer.setAlpha(50);
    inner.setAlpha(110);
    graphs[0]->setBrush(outer);
    graphs[0]->setChannelFillGraph(graphs[4]);
    graphs[1]->setBrush(inner);
    graphs[1]->setChannelFillGraph(graphs[3]);
    historyPlot_->rescaleAxes();
    if (epochs.size() == 1) historyPlot_->xAxis->setRange(epochs.front() - 1, epochs.front() + 1);
    const QCPRange values = historyPlot_->yAxis->range();
    const double pad = std::max(values.size() * 0.05, 1e-6);
    historyPlot_->yAxis->setRange(values.lower - pad, values.upper + pad);
    historyPlot_->xAxis->setLabel(tr("epoch"));
    historyPlot_->yAxis->setLabel(tr("value"));
    historyPlot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace koto::gui
