#include "experiments/experiments_window.h"

#include <QEvent>
#include <QTabWidget>
#include <QVBoxLayout>

#include "experiments/race_panel.h"
#include "experiments/sweep_panel.h"

namespace koto::gui {

ExperimentsWindow::ExperimentsWindow(QWidget* parent) : QWidget(parent, Qt::Window) {
    setObjectName(QStringLiteral("experimentsWindow"));
    race_ = new RacePanel;
    sweep_ = new SweepPanel;
    tabs_ = new QTabWidget;
    tabs_->addTab(race_, QString());
    tabs_->addTab(sweep_, QString());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs_);
    resize(1200, 760);
    retranslate();
}

void ExperimentsWindow::setSubject(const NetworkSpec& spec, std::shared_ptr<const Dataset> dataset,
                                   const TrainingSettings& settings) {
    race_->setSubject(spec, dataset, settings);
    sweep_->setSubject(spec, std::move(dataset), settings);
}

void ExperimentsWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ExperimentsWindow::retranslate() {
    setWindowTitle(tr("Experiments — Kotohajime"));
    tabs_->setTabText(0, tr("Optimizer race"));
    tabs_->setTabText(1, tr("Hyperparameter sweep"));
}

}  // namespace koto::gui
