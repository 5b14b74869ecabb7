#include "views/decision_boundary_view.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "data/playground_datasets.h"
#include "look/plot_style.h"
#include "look/presentation.h"
#include "look/view_colours.h"
#include "views/csv_text.h"
#include "views/level_line.h"

namespace koto::gui {
namespace {

constexpr int kColourBins = 11;
// Drawn over the plane's pale middle, so dark on any theme.
const QColor kDarkLine(0x20, 0x20, 0x20);

QCPColorGradient playgroundGradient() {
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, classColour(0));
    gradient.setColorStopAt(0.5, unsureColour());
    gradient.setColorStopAt(1.0, classColour(1));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    return gradient;
}

}  // namespace

DecisionBoundaryView::DecisionBoundaryView(QWidget* parent) : QWidget(parent) {
    plot_ = new QCustomPlot(this);
    plot_->setObjectName(QStringLiteral("decisionBoundaryPlot"));
    plot_->setNoAntialiasingOnDrag(true);
    colorMap_ = new QCPColorMap(plot_->xAxis, plot_->yAxis);
    colorMap_->setInterpolate(true);
    colorMap_->setTightBoundary(true);
    colorMap_->setDataRange(QCPRange(0, 1));
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis})
        axis->setRange(-kPlaygroundExtent, kPlaygroundExtent);
    plot_->axisRect()->setupFullAxesBox(true);
    for (int test = 0; test < 2; ++test) {
        for (int bin = 0; bin < kColourBins; ++bin) {
            QCPGraph* graph = plot_->addGraph();
            graph->setLineStyle(QCPGraph::lsNone);
            (test ? testGraphs_ : trainGraphs_).push_back(graph);
        }
    }
    decisionLine_ = new QCPCurve(plot_->xAxis, plot_->yAxis);
    chosen_ = plot_->addGraph();
    chosen_->setLineStyle(QCPGraph::lsNone);
    followPresentation(*plot_);
    restyle();
    connect(&Presentation::instance(), &Presentation::changed, this,
            &DecisionBoundaryView::restyle);
    // A click chooses the nearest test point (for the output probabilities view).
    // (A right click is for the context menu.)
    connect(plot_, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (event->button() != Qt::LeftButton) return;
        const QPointF at = event->position();
        if (!plot_->axisRect()->rect().contains(at.toPoint()) || testInputs_.empty()) return;
        const double x = plot_->xAxis->pixelToCoord(at.x());
        const double y = plot_->yAxis->pixelToCoord(at.y());
        int64_t nearest = 0;
        double best = std::numeric_limits<double>::max();
        for (size_t n = 0; 2 * n + 1 < testInputs_.size(); ++n) {
            const double dx = testInputs_[2 * n] - x, dy = testInputs_[2 * n + 1] - y;
            if (dx * dx + dy * dy < best) {
                best = dx * dx + dy * dy;
                nearest = static_cast<int64_t>(n);
            }
        }
        emit testPointClicked(nearest);
    });
    retranslate();
}

void DecisionBoundaryView::restyle() {
    QCPColorGradient gradient = playgroundGradient();  // (its color() is not const)
    colorMap_->setGradient(gradient);
    for (int test = 0; test < 2; ++test)
        for (int bin = 0; bin < kColourBins; ++bin) {
            const double position = bin / double(kColourBins - 1);
            const QColor fill = gradient.color(position, QCPRange(0, 1));
            const QPen outline = test ? linePen(QColor(0x30, 0x30, 0x30), 1.5)
                                      : linePen(Qt::white, 1.2);
            (test ? testGraphs_ : trainGraphs_)[static_cast<size_t>(bin)]->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssCircle, outline, QBrush(fill), markerSize(8)));
        }
    decisionLine_->setPen(linePen(kDarkLine, 1.6));
    chosen_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, linePen(Qt::black, 2.5),
                                             Qt::NoBrush, markerSize(18)));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DecisionBoundaryView::setChosenSample(int64_t sample) {
    chosen_->data()->clear();
    const auto n = static_cast<size_t>(sample);
    if (sample >= 0 && 2 * n + 1 < testInputs_.size())
        chosen_->addData(testInputs_[2 * n], testInputs_[2 * n + 1]);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

QPointF DecisionBoundaryView::testPointPixel(int64_t sample) const {
    const auto n = static_cast<size_t>(sample);
    if (sample < 0 || 2 * n + 1 >= testInputs_.size()) return {};
    return {plot_->xAxis->coordToPixel(testInputs_[2 * n]),
            plot_->yAxis->coordToPixel(testInputs_[2 * n + 1])};
}

void DecisionBoundaryView::setDataset(const Dataset& dataset) {
    regression_ = dataset.task == Task::Regression;
    testInputs_ = dataset.test.floatInputs(0, dataset.test.count, dataset.inputSize);
    chosen_->data()->clear();
    points_.clear();
    showPoints(dataset.train, false);
    showPoints(dataset.test, true);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void DecisionBoundaryView::showPoints(const DataSplit& split, bool test) {
    std::vector<QVector<double>> xs(kColourBins), ys(kColourBins);
    for (int64_t n = 0; n < split.count; ++n) {
        // Colour position 0..1: the class for classification, (value + 1) / 2 for regression.
        const double position =
            regression_ ? std::clamp((split.targets[static_cast<size_t>(n)] + 1.0) / 2.0, 0.0, 1.0)
                        : split.labels[static_cast<size_t>(n)];
        const auto bin = static_cast<size_t>(std::lround(position * (kColourBins - 1)));
        const float x1 = split.inputs[static_cast<size_t>(2 * n)];
        const float x2 = split.inputs[static_cast<size_t>(2 * n + 1)];
        xs[bin].push_back(x1);
        ys[bin].push_back(x2);
        points_.push_back({test, x1, x2,
                           regression_ ? split.targets[static_cast<size_t>(n)]
                                       : static_cast<float>(split.labels[static_cast<size_t>(n)])});
    }
    auto& graphs = test ? testGraphs_ : trainGraphs_;
    for (size_t bin = 0; bin < graphs.size(); ++bin) graphs[bin]->setData(xs[bin], ys[bin], true);
}

void DecisionBoundaryView::setOutputGrid(int size, const std::vector<float>& values) {
    if (size <= 0 || values.size() != static_cast<size_t>(size) * static_cast<size_t>(size)) return;
    QCPColorMapData* data = colorMap_->data();
    if (size != gridSize_) {
        data->setSize(size, size);
        const double half = kPlaygroundExtent - kPlaygroundExtent / size;
        data->setRange(QCPRange(-half, half), QCPRange(-half, half));
        gridSize_ = size;
    }
    for (int row = 0; row < size; ++row)
        for (int column = 0; column < size; ++column)
            data->setCell(column, row, values[static_cast<size_t>(row * size + column)]);
    colorMap_->setDataRange(regression_ ? QCPRange(-1, 1) : QCPRange(0, 1));
    // The pieces of the line one curve, a NaN point between pieces (QCustomPlot leaves a gap).
    QVector<QCPCurveData> line;
    if (!regression_) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        for (const LineSegment& segment : levelLine(values, size, 0.5, kPlaygroundExtent)) {
            for (const QPointF& point : segment)
                line.append(QCPCurveData(line.size(), point.x(), point.y()));
            line.append(QCPCurveData(line.size(), nan, nan));
        }
    }
    decisionLine_->data()->set(line, true);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

std::vector<QPointF> DecisionBoundaryView::decisionLine() const {
    std::vector<QPointF> points;
    for (const QCPCurveData& point : *decisionLine_->data())
        points.emplace_back(point.key, point.value);
    return points;
}

double DecisionBoundaryView::shownValue(int column, int row) const {
    return colorMap_->data()->cell(column, row);
}

QString DecisionBoundaryView::csv() const {
    if (gridSize_ == 0 && points_.empty()) return {};
    QString text = csvRow({QStringLiteral("kind"), QStringLiteral("x1"), QStringLiteral("x2"),
                           QStringLiteral("value")});
    QCPColorMapData& data = *colorMap_->data();  // (its cellToCoord is not const)
    for (int row = 0; row < gridSize_; ++row)
        for (int column = 0; column < gridSize_; ++column) {
            double x1 = 0, x2 = 0;
            data.cellToCoord(column, row, &x1, &x2);
            text += csvRow({QStringLiteral("grid"), csvNumber(x1), csvNumber(x2),
                            csvNumber(static_cast<float>(data.cell(column, row)))});
        }
    for (const DataPoint& point : points_)
        text += csvRow({point.test ? QStringLiteral("test") : QStringLiteral("train"),
                        csvNumber(point.x1), csvNumber(point.x2), csvNumber(point.value)});
    return text;
}

QWidget& DecisionBoundaryView::pictureWidget() { return *plot_; }

void DecisionBoundaryView::resizeEvent(QResizeEvent* event) {
    // Keep the square square: the plot takes the largest square that fits, centred.
    const int side = std::min(width(), height());
    plot_->setGeometry((width() - side) / 2, (height() - side) / 2, side, side);
    QWidget::resizeEvent(event);
}

void DecisionBoundaryView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void DecisionBoundaryView::retranslate() {
    plot_->xAxis->setLabel(tr("x₁"));
    plot_->yAxis->setLabel(tr("x₂"));
    setToolTip(tr("The network's output over the input plane. Filled points: training data; "
                  "outlined points: test data. For classes, the dark line is where the network "
                  "is unsure, P = 0.5: its decision boundary."));
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace koto::gui
