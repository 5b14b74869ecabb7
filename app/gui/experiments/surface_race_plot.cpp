#include "experiments/surface_race_plot.h"

#include <qcustomplot.h>

#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "look/plot_style.h"
#include "look/presentation.h"
#include "look/view_colours.h"
#include "views/csv_text.h"
#include "views/level_line.h"

namespace koto::gui {

namespace {

constexpr int kGridSide = 121;
constexpr int kContourLevels = 14;

// log(1 + J - Jmin): a surface whose cost spans orders of magnitude still shows its valley.
double shade(double cost, double lowest) { return std::log1p(std::max(0.0, cost - lowest)); }

}  // namespace

QColor raceColour(size_t entrant) {
    static const QColor colours[] = {QColor(0x08, 0x77, 0xbd), QColor(0xe6, 0x55, 0x0d),
                                     QColor(0x2e, 0x8b, 0x57), QColor(0x9b, 0x30, 0xb6),
                                     QColor(0xc0, 0x20, 0x2b), QColor(0x6b, 0x5b, 0x00),
                                     QColor(0x00, 0x8b, 0x8b), QColor(0x55, 0x55, 0x55)};
    return seriesColour(entrant, colours);
}

SurfaceRacePlot::SurfaceRacePlot(QWidget* parent) : QWidget(parent) {
    plot_ = makeCurvePlot(this, QStringLiteral("surfaceRacePlot"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    shading_ = new QCPColorMap(plot_->xAxis, plot_->yAxis);
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, QColor(0x9e, 0xb8, 0xd9));
    gradient.setColorStopAt(1.0, QColor(0xfb, 0xfb, 0xf4));
    shading_->setGradient(gradient);
    shading_->setInterpolate(true);
    shading_->setLayer(QStringLiteral("background"));  // the contours and trails above it
    // Only the trails are named in the legend, not the shading and the contour lines.
    plot_->setAutoAddPlottableToLegend(false);
    putLegendBelow(*plot_);
    fitLegendColumns(*plot_);  // no trails yet: hidden
    connect(&Presentation::instance(), &Presentation::changed, this,
            [this] { setTrails(std::vector<SurfaceTrail>(trails_)); });
}

void SurfaceRacePlot::setSurface(const LossSurface& surface) {
    surface_ = &surface;
    const SurfaceGrid grid = surfaceGrid(surface, kGridSide, kGridSide);
    const SurfaceRange& r = grid.range;
    const double lowest = *std::min_element(grid.costs.begin(), grid.costs.end());
    QCPColorMapData* data = shading_->data();
    data->setSize(kGridSide, kGridSide);
    data->setRange(QCPRange(r.p0Min, r.p0Max), QCPRange(r.p1Min, r.p1Max));
    for (int row = 0; row < kGridSide; ++row)
        for (int column = 0; column < kGridSide; ++column)
            data->setCell(column, row, shade(grid.at(column, row), lowest));
    shading_->rescaleDataRange(true);
    drawContours(grid);
    plot_->xAxis->setRange(r.p0Min, r.p0Max);
    plot_->yAxis->setRange(r.p1Min, r.p1Max);
    plot_->xAxis->setLabel(QString::fromStdString(surface.p0Name));
    plot_->yAxis->setLabel(QString::fromStdString(surface.p1Name));
    setTrails({});
}

void SurfaceRacePlot::drawContours(const SurfaceGrid& grid) {
    for (QCPCurve* curve : contours_) plot_->removePlottable(curve);
    contours_.clear();
    const double lowest = *std::min_element(grid.costs.begin(), grid.costs.end());
    std::vector<float> values(grid.costs.size());
    double highest = 0;
    for (size_t i = 0; i < values.size(); ++i) {
        values[i] = static_cast<float>(shade(grid.costs[i], lowest));
        highest = std::max(highest, static_cast<double>(values[i]));
    }
    // levelLine places grid points at the cell centres of [-1, 1]^2: back to the surface's range.
    const SurfaceRange& r = grid.range;
    const auto toPlane = [&](const QPointF& p) {
        const double column = (p.x() + 1) * kGridSide / 2 - 0.5;
        const double row = (p.y() + 1) * kGridSide / 2 - 0.5;
        return QPointF(r.p0Min + column * (r.p0Max - r.p0Min) / (kGridSide - 1),
                       r.p1Min + row * (r.p1Max - r.p1Min) / (kGridSide - 1));
    };
    const QPen pen = linePen(QColor(0x6d, 0x7f, 0x99), 0.8);
    for (int level = 1; level <= kContourLevels; ++level) {
        const double at = highest * level / (kContourLevels + 1);
        auto* curve = new QCPCurve(plot_->xAxis, plot_->yAxis);
        curve->setPen(pen);
        contours_.push_back(curve);
        QVector<QCPCurveData> points;
        double t = 0;
        for (const LineSegment& segment : levelLine(values, kGridSide, at, 1.0)) {
            // Each piece on its own: a NaN point breaks the line between them.
            points.append(QCPCurveData(t++, toPlane(segment[0]).x(), toPlane(segment[0]).y()));
            points.append(QCPCurveData(t++, toPlane(segment[1]).x(), toPlane(segment[1]).y()));
            points.append(QCPCurveData(t++, qQNaN(), qQNaN()));
        }
        curve->data()->set(points, true);
        curve->setLayer(QStringLiteral("grid"));  // under the trails
    }
}

void SurfaceRacePlot::setTrails(const std::vector<SurfaceTrail>& trails) {
    trails_ = trails;
    for (QCPCurve* curve : trailCurves_) plot_->removePlottable(curve);
    trailCurves_.clear();
    plot_->legend->simplify();
    for (size_t i = 0; i < trails.size(); ++i) {
        auto* curve = new QCPCurve(plot_->xAxis, plot_->yAxis);
        const QColor colour = raceColour(i);
        curve->setPen(linePen(colour, 1.6));
        curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, markerSize(4)));
        QString name = QString::fromStdString(trails[i].label);
        if (trails[i].diverged()) name += QLatin1Char(' ') + tr("(diverged)");
        curve->setName(name);
        QVector<QCPCurveData> points;
        for (size_t k = 0; k < trails[i].points.size(); ++k)
            points.append(QCPCurveData(static_cast<double>(k), trails[i].points[k].at.p0,
                                       trails[i].points[k].at.p1));
        curve->data()->set(points, true);
        curve->addToLegend();
        trailCurves_.push_back(curve);
    }
    fitLegendColumns(*plot_);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

std::vector<std::vector<QPointF>> SurfaceRacePlot::drawnTrails() const {
    std::vector<std::vector<QPointF>> drawn;
    for (const QCPCurve* curve : trailCurves_) {
        std::vector<QPointF> points;
        for (const QCPCurveData& point : *curve->data()) points.emplace_back(point.key, point.value);
        drawn.push_back(std::move(points));
    }
    return drawn;
}

QString SurfaceRacePlot::csv() const {
    QString text = csvRow({QStringLiteral("optimizer"), QStringLiteral("step"),
                           surface_ ? QString::fromStdString(surface_->p0Name) : QStringLiteral("p0"),
                           surface_ ? QString::fromStdString(surface_->p1Name) : QStringLiteral("p1"),
                           QStringLiteral("J")});
    for (const SurfaceTrail& trail : trails_)
        for (size_t k = 0; k < trail.points.size(); ++k)
            text += csvRow({QString::fromStdString(trail.label), QString::number(k),
                            csvNumber(trail.points[k].at.p0), csvNumber(trail.points[k].at.p1),
                            csvNumber(trail.points[k].cost)});
    return text;
}

}  // namespace koto::gui
