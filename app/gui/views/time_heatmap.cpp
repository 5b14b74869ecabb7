#include "views/time_heatmap.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>

#include "look/plot_style.h"
#include "look/presentation.h"

namespace koto::gui {
namespace {

// The same colours as the tiles of the feature maps: the scale's stops at each eighth.
QCPColorGradient gradientOf(const ColourScale& scale) {
    QCPColorGradient gradient;
    for (int i = 0; i <= 8; ++i) {
        const double t = i / 8.0;
        gradient.setColorStopAt(t, QColor(scale.colour(scale.low + t * (scale.high - scale.low))));
    }
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    return gradient;
}

}  // namespace

TimeHeatmap::TimeHeatmap(QWidget* parent) : QWidget(parent) {
    // The title above the plot, wrapped when the view is narrow.
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    plot_ = new QCustomPlot(this);
    plot_->setMinimumWidth(160);  // narrower than its axes want is still readable
    map_ = new QCPColorMap(plot_->xAxis, plot_->yAxis);
    map_->setInterpolate(false);  // each step and unit a cell of its own
    colourScale_ = new QCPColorScale(plot_);
    plot_->plotLayout()->addElement(0, 1, colourScale_);
    colourScale_->setBarWidth(10);
    map_->setColorScale(colourScale_);
    // The scale as tall as the plot beside it.
    auto* margins = new QCPMarginGroup(plot_);
    plot_->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    colourScale_->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    followPresentation(*plot_);
    // The scale's colours change with colour-blind-safe mode.
    connect(&Presentation::instance(), &Presentation::changed, this, [this] {
        map_->setGradient(gradientOf(scale_));
        plot_->replot(QCustomPlot::rpQueuedReplot);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(title_);
    layout->addWidget(plot_);
}

void TimeHeatmap::setState(const StateOverTime& state, const QString& title,
                           const QString& rowsLabel, std::optional<ColourScale> scale) {
    rows_ = state.rows;
    steps_ = state.steps;
    titleText_ = title;
    title_->setText(title);
    plot_->xAxis->setLabel(tr("time step t"));
    plot_->yAxis->setLabel(rowsLabel);
    // About 4 pixels a unit, within what fits a few plots on a screen.
    plot_->setMinimumHeight(static_cast<int>(std::clamp<int64_t>(4 * rows_ + 70, 150, 330)));
    if (scale) {
        scale_ = *scale;
    } else {
        double low = std::numeric_limits<double>::infinity(), high = -low;
        for (float v : state.values) {
            low = std::min(low, static_cast<double>(v));
            high = std::max(high, static_cast<double>(v));
        }
        scale_ = state.values.empty() ? ColourScale{} : ColourScale::forRange(low, high);
    }
    QCPColorMapData* data = map_->data();
    data->setSize(static_cast<int>(steps_), static_cast<int>(rows_));
    // Cell centres at t = 1..T and rows 1..U, as a learner counts them (a single cell spans the
    // range it is given).
    auto centres = [](int64_t count) {
        return count > 1 ? QCPRange(1, static_cast<double>(count)) : QCPRange(0.5, 1.5);
    };
    data->setRange(centres(steps_), centres(rows_));
    for (int64_t t = 0; t < steps_; ++t)
        for (int64_t r = 0; r < rows_; ++r)
            data->setCell(static_cast<int>(t), static_cast<int>(r), state.at(r, t));
    map_->setGradient(gradientOf(scale_));
    map_->setDataRange(QCPRange(scale_.low, scale_.high));
    plot_->xAxis->setRange(0.5, static_cast<double>(steps_) + 0.5);
    plot_->yAxis->setRange(0.5, static_cast<double>(rows_) + 0.5);
    // Whole-number ticks: steps and units are counted.
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
        const double range = axis->range().size();
        ticker->setTickStep(range <= 16 ? 1 : range <= 40 ? 5 : 10);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        axis->setTicker(ticker);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

double TimeHeatmap::shownValue(int64_t row, int64_t step) const {
    return map_->data()->cell(static_cast<int>(step), static_cast<int>(row));
}

}  // namespace koto::gui
