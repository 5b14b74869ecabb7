#include "experiments/race_panel.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <cmath>

#include "backend/cpu_backend.h"
#include "experiments/surface_race_plot.h"
#include "inspect/loss_surface.h"
#include "look/plot_style.h"
#include "look/presentation.h"
#include "training/optimizer.h"
#include "util/text.h"

namespace koto::gui {

namespace {

// Rates that make each optimizer's way visible on each surface (sgd, momentum, nesterov,
// adagrad, rmsprop, adam): plain descent zig-zags on the bowl, momentum overshoots, AdaGrad
// slows, RMSprop and Adam take even steps.
const std::map<std::string, std::vector<double>> kSurfaceRates{
    {"logistic", {0.5, 0.1, 0.1, 0.5, 0.05, 0.1}},
    {"bowl", {0.09, 0.01, 0.01, 0.5, 0.05, 0.1}},
    {"rosenbrock", {0.02, 0.002, 0.002, 0.3, 0.01, 0.05}},
    {"saddle", {0.01, 0.01, 0.01, 0.1, 0.01, 0.05}}};
constexpr int kSurfaceSteps = 100;
constexpr int kNetworkEpochs = 30;

}  // namespace

RacePanel::RacePanel(QWidget* parent) : QWidget(parent) {
    problemLabel_ = new QLabel;
    problem_ = new QComboBox;
    problem_->setObjectName(QStringLiteral("raceProblem"));
    formula_ = new QLabel;
    formula_->setWordWrap(true);
    auto* entrants = new QGridLayout;
    const std::vector<std::string>& names = optimizerNames();
    for (size_t i = 0; i < names.size(); ++i) {
        Choice choice{new QCheckBox(QString::fromStdString(names[i])), new QDoubleSpinBox};
        choice.use->setObjectName(QStringLiteral("race_") + QString::fromStdString(names[i]));
        choice.rate->setDecimals(4);
        choice.rate->setRange(0.0001, 10);
        choice.rate->setSingleStep(0.01);
        choice.use->setChecked(names[i] == "sgd" || names[i] == "momentum" ||
                               names[i] == "adagrad" || names[i] == "adam");
        entrants->addWidget(choice.use, static_cast<int>(i), 0);
        entrants->addWidget(choice.rate, static_cast<int>(i), 1);
        choices_.push_back(choice);
    }
    stepsLabel_ = new QLabel;
    steps_ = new QSpinBox;
    steps_->setRange(1, 10000);
    race_ = new QPushButton;
    race_->setObjectName(QStringLiteral("raceButton"));
    stop_ = new QPushButton;
    stop_->setEnabled(false);
    status_ = new QLabel;
    status_->setWordWrap(true);

    auto* side = new QVBoxLayout;
    side->addWidget(problemLabel_);
    side->addWidget(problem_);
    side->addWidget(formula_);
    side->addLayout(entrants);
    auto* stepsRow = new QHBoxLayout;
    stepsRow->addWidget(stepsLabel_);
    stepsRow->addWidget(steps_, 1);
    side->addLayout(stepsRow);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(race_);
    buttons->addWidget(stop_);
    side->addLayout(buttons);
    side->addWidget(status_);
    side->addStretch(1);
    auto* sideWidget = new QWidget;
    sideWidget->setLayout(side);
    sideWidget->setMaximumWidth(300);

    surfacePlot_ = new SurfaceRacePlot;
    curvePlot_ = makeCurvePlot(this, QStringLiteral("raceCurvePlot"));
    putLegendBelow(*curvePlot_);
    fitLegendColumns(*curvePlot_);  // none yet: hidden
    connect(&Presentation::instance(), &Presentation::changed, this, &RacePanel::drawCurves);
    plots_ = new QStackedWidget;
    plots_->addWidget(surfacePlot_);
    plots_->addWidget(curvePlot_);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(sideWidget);
    layout->addWidget(plots_, 1);

    connect(problem_, &QComboBox::currentIndexChanged, this, &RacePanel::problemChanged);
    connect(race_, &QPushButton::clicked, this, &RacePanel::race);
    connect(stop_, &QPushButton::clicked, this, &RacePanel::stop);
    connect(&job_, &BackgroundJob::finished, this, [this] {
        race_->setEnabled(true);
        stop_->setEnabled(false);
        status_->setText(status());
    });
    connect(&job_, &BackgroundJob::failed, this, [this](const QString& message) {
        failure_ = message;
        status_->setText(status());
    });
    retranslate();
    problemChanged();
}

int RacePanel::problemCount() const { return problem_->count(); }

void RacePanel::chooseProblem(int index) { problem_->setCurrentIndex(index); }

void RacePanel::chooseOptimizers(const std::vector<std::string>& names) {
    for (Choice& choice : choices_)
        choice.use->setChecked(std::find(names.begin(), names.end(),
                                         choice.use->text().toStdString()) != names.end());
}

void RacePanel::setSteps(int steps) { steps_->setValue(steps); }

void RacePanel::setSubject(const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
                           const TrainingSettings& settings) {
    spec_ = spec;
    dataset_ = std::move(dataset);
    settings_ = settings;
    if (problem_->currentIndex() == static_cast<int>(lossSurfaces().size())) problemChanged();
}

void RacePanel::problemChanged() {
    const auto index = static_cast<size_t>(std::max(0, problem_->currentIndex()));
    const bool surface = index < lossSurfaces().size();
    job_.cancel();
    plots_->setCurrentIndex(surface ? 0 : 1);
    for (size_t i = 0; i < choices_.size(); ++i) {
        const std::string& name = optimizerNames()[i];
        choices_[i].rate->setValue(surface ? kSurfaceRates.at(lossSurfaces()[index].name)[i]
                                   : name == "adam" || name == "rmsprop"
                                       ? 0.01
                                       : settings_.learningRate);
    }
    steps_->setValue(surface ? kSurfaceSteps : kNetworkEpochs);
    stepsLabel_->setText(surface ? tr("Steps") : tr("Epochs"));
    if (surface) {
        const LossSurface& chosen = lossSurfaces()[index];
        formula_->setText(QString::fromStdString(chosen.formula));
        surfacePlot_->setSurface(chosen);
    } else {
        formula_->setText(dataset_ ? tr("The main window's network on %1, from the same initial "
                                        "weights and mini-batches for every optimizer (on the CPU).")
                                         .arg(QString::fromStdString(dataset_->name))
                                   : QString());
    }
    entrants_.clear();
    curves_.clear();
    trails_.clear();
    failure_.clear();
    status_->setText(status());
}

std::vector<RaceEntrant> RacePanel::chosenEntrants(const TrainingSettings& base) const {
    std::string text;
    for (size_t i = 0; i < choices_.size(); ++i) {
        if (!choices_[i].use->isChecked()) continue;
        const std::string& name = optimizerNames()[i];
        if (!text.empty()) text += ',';
        text += name;
        if (name == "momentum" || name == "nesterov") text += ":0.9";
        text.append("@").append(shortNumber(choices_[i].rate->value()));
    }
    return raceEntrants(text, base);
}

void RacePanel::race() {
    failure_.clear();
    const auto index = static_cast<size_t>(std::max(0, problem_->currentIndex()));
    try {
        if (index < lossSurfaces().size()) {
            entrants_ = chosenEntrants(TrainingSettings{});
            trails_ = raceOnSurface(lossSurfaces()[index], entrants_, steps_->value());
            surfacePlot_->setTrails(trails_);
        } else {
            raceNetwork();
        }
    } catch (const std::exception& error) {
        failure_ = QString::fromStdString(error.what());
    }
    status_->setText(status());
}

void RacePanel::raceNetwork() {
    if (!dataset_) return;
    TrainingSettings base = settings_;
    base.epochs = steps_->value();
    entrants_ = chosenEntrants(base);
    curves_.assign(entrants_.size(), {});
    dropOuts_.assign(entrants_.size(), QString());
    drawCurves();
    race_->setEnabled(false);
    stop_->setEnabled(true);
    job_.start([spec = spec_, dataset = dataset_, entrants = entrants_,
                epochs = base.epochs, this](BackgroundJob::Context& context) {
        CpuBackend backend;
        OptimizerRace race(backend, spec, dataset, entrants);
        for (size_t i = 0; i < race.size(); ++i)
            context.post([this, i, m = race.run(i).trainer().evaluate()] { addEpoch(i, m); });
        for (int64_t epoch = 1; epoch <= epochs && !context.cancelled(); ++epoch) {
            const std::vector<size_t> dropped = race.trainEpoch();
            for (size_t i = 0; i < race.size(); ++i) {
                if (std::find(dropped.begin(), dropped.end(), i) != dropped.end())
                    context.post([this, i, why = QString::fromStdString(*race.dropOut(i))] {
                        dropOuts_[i] = why;
                        drawCurves();
                    });
                else if (!race.dropOut(i))
                    context.post([this, i, m = race.run(i).trainer().curve().latest()] {
                        addEpoch(i, m);
                    });
            }
        }
    });
}

void RacePanel::stop() { job_.cancel(); }

void RacePanel::addEpoch(size_t entrant, const EpochMetrics& metrics) {
    if (entrant >= curves_.size()) return;
    curves_[entrant].push_back(metrics);
    drawCurves();
}

void RacePanel::drawCurves() {
    curvePlot_->clearGraphs();
    curvePlot_->legend->simplify();
    double largest = 0, last = 1;
    for (size_t i = 0; i < curves_.size(); ++i) {
        QCPGraph* graph = curvePlot_->addGraph();
        graph->setPen(linePen(raceColour(i), 2));
        QString name = QString::fromStdString(entrants_[i].label);
        if (!dropOuts_[i].isEmpty()) name += QLatin1Char(' ') + tr("(diverged)");
        graph->setName(name);
        for (const EpochMetrics& m : curves_[i]) {
            graph->addData(static_cast<double>(m.epoch), m.test.loss);
            if (std::isfinite(m.test.loss)) largest = std::max(largest, m.test.loss);
            last = std::max(last, static_cast<double>(m.epoch));
        }
    }
    curvePlot_->xAxis->setRange(0, last);
    curvePlot_->yAxis->setRange(0, largest > 0 ? largest * 1.05 : 1);
    fitLegendColumns(*curvePlot_);
    curvePlot_->replot(QCustomPlot::rpQueuedReplot);
    status_->setText(status());
}

QString RacePanel::status() const {
    if (!failure_.isEmpty()) return failure_;
    if (!trails_.empty()) {  // where each trail ended
        QString text = tr("Each dot is one step. J after the last:");
        for (const SurfaceTrail& trail : trails_)
            text += QLatin1Char('\n') + QString::fromStdString(trail.label) + QStringLiteral(": ") +
                    (trail.diverged() ? tr("diverged")
                                      : QString::number(trail.points.back().cost, 'f', 4));
        return text;
    }
    if (job_.running()) {
        int64_t epoch = 0;
        for (const auto& curve : curves_)
            if (!curve.empty()) epoch = std::max(epoch, curve.back().epoch);
        return tr("Racing: epoch %1 of %2").arg(epoch).arg(steps_->value());
    }
    if (curves_.empty()) return tr("Tick two or more optimizers and press Race.");
    QString text = tr("Test loss at the last epoch:");
    for (size_t i = 0; i < curves_.size(); ++i)
        text += QLatin1Char('\n') + QString::fromStdString(entrants_[i].label) +
                QStringLiteral(": ") +
                (!dropOuts_[i].isEmpty() ? tr("diverged")
                 : curves_[i].empty()    ? QString()
                                         : QString::number(curves_[i].back().test.loss, 'f', 4));
    return text;
}

void RacePanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void RacePanel::retranslate() {
    problemLabel_->setText(tr("Race on"));
    const QStringList surfaces{tr("A logistic unit's w and b"), tr("A narrow bowl"),
                               tr("A curved valley (Rosenbrock)"), tr("A saddle")};
    const int chosen = problem_->currentIndex();
    {
        const QSignalBlocker quiet(problem_);
        problem_->clear();
        problem_->addItems(surfaces);
        problem_->addItem(tr("This network on this data"));
        problem_->setCurrentIndex(std::max(0, chosen));
    }
    stepsLabel_->setText(problem_->currentIndex() < static_cast<int>(lossSurfaces().size())
                             ? tr("Steps")
                             : tr("Epochs"));
    for (Choice& choice : choices_) choice.rate->setToolTip(tr("Learning rate"));
    race_->setText(tr("Race"));
    stop_->setText(tr("Stop"));
    curvePlot_->xAxis->setLabel(tr("Epoch"));
    curvePlot_->yAxis->setLabel(tr("Test loss"));
    status_->setText(status());
}

}  // namespace koto::gui
