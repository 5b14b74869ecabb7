#include "reconstruction_curve_view.h"

#include "look/plot_style.h"
#include "look/presentation.h"
#include "look/view_colours.h"

#include <qcustomplot.h>

#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace koto::gui {
namespace {

enum Graph { TrainError, TestError, FreeEnergy };

}  // namespace

ReconstructionCurveView::ReconstructionCurveView(QWidget* parent) : QWidget(parent) {
    plot_ = makeCurvePlot(this, QStringLiteral("reconstructionCurvePlot"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    plot_->addGraph();
    plot_->addGraph();
    plot_->addGraph(plot_->xAxis, plot_->yAxis2);
    for (int i = 0; i < plot_->graphCount(); ++i) plot_->graph(i)->setLineStyle(QCPGraph::lsLine);
    // The colours of the main window's learning curve: training blue, test orange.
    auto restyle = [this] {
        plot_->graph(0)->setPen(linePen(curveColour(Curve::Training), 2,
                                        curveStyle(Curve::Training)));
        plot_->graph(1)->setPen(linePen(curveColour(Curve::Test), 2, curveStyle(Curve::Test)));
        const QColor purple[] = {QColor(0x6a, 0x3d, 0x9a)};
        const bool safe = Presentation::instance().colourBlindSafe();  // the test loss is dashed
        plot_->graph(2)->setPen(
            linePen(seriesColour(3, purple), 2, safe ? Qt::DashDotLine : Qt::DashLine));
        for (int i = 0; i < plot_->graphCount(); ++i)
            plot_->graph(i)->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssDisc, markerSize(5)));
    };
    restyle();
    connect(&Presentation::instance(), &Presentation::changed, this, restyle);
    putLegendBelow(*plot_);
    plot_->installEventFilter(this);
    setEpochs({}, false);
    retranslate();
}

void ReconstructionCurveView::setEpochs(const std::vector<UnsupervisedEpoch>& epochs,
                                        bool freeEnergy) {
    QVector<double> epochAxis, train, test, energyEpochs, energy;
    double largest = 0;
    for (const UnsupervisedEpoch& e : epochs) {
        epochAxis.push_back(static_cast<double>(e.epoch));
        train.push_back(e.trainError);
        test.push_back(e.testError);
        for (const double error : {e.trainError, e.testError})
            if (std::isfinite(error)) largest = std::max(largest, error);
        // A project's earlier epochs have no free energy recorded: the line starts where it is
        // known.
        if (freeEnergy && std::isfinite(e.freeEnergy)) {
            energyEpochs.push_back(static_cast<double>(e.epoch));
            energy.push_back(e.freeEnergy);
        }
    }
    plot_->graph(TrainError)->setData(epochAxis, train, true);
    plot_->graph(TestError)->setData(epochAxis, test, true);
    plot_->graph(FreeEnergy)->setData(energyEpochs, energy, true);
    plot_->graph(FreeEnergy)->setVisible(freeEnergy);
    if (freeEnergy != plot_->legend->hasItemWithPlottable(plot_->graph(FreeEnergy))) {
        if (freeEnergy) plot_->graph(FreeEnergy)->addToLegend();
        else plot_->graph(FreeEnergy)->removeFromLegend();
        fitLegendColumns(*plot_);  // the entries changed
    }
    plot_->yAxis2->setVisible(freeEnergy);
    plot_->xAxis->setRange(0, std::max(10.0, epochAxis.isEmpty() ? 0.0 : epochAxis.back()));
    plot_->yAxis->setRange(0, std::max(1e-3, largest * 1.05));
    if (!energy.isEmpty()) {
        const auto [low, high] = std::minmax_element(energy.begin(), energy.end());
        const double margin = std::max(1e-3, (*high - *low) * 0.05);
        plot_->yAxis2->setRange(*low - margin, *high + margin);
    }
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

int ReconstructionCurveView::pointCount() const { return plot_->graph(TrainError)->dataCount(); }

int ReconstructionCurveView::freeEnergyPointCount() const {
    return plot_->graph(FreeEnergy)->dataCount();
}

void ReconstructionCurveView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

bool ReconstructionCurveView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == plot_ && event->type() == QEvent::Resize) {
        fitLegendColumns(*plot_);
        plot_->replot(QCustomPlot::rpQueuedReplot);
    }
    return QWidget::eventFilter(watched, event);
}

void ReconstructionCurveView::retranslate() {
    plot_->graph(TrainError)->setName(tr("Error on the training images"));
    plot_->graph(TestError)->setName(tr("Error on the test images"));
    plot_->graph(FreeEnergy)->setName(tr("Mean free energy F(v) (right axis)"));
    plot_->xAxis->setLabel(tr("Epoch"));
    plot_->yAxis->setLabel(tr("Error per pixel"));
    plot_->yAxis2->setLabel(tr("Free energy F(v)"));
    fitLegendColumns(*plot_);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace koto::gui
