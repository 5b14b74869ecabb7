#include "inspector/inspector_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

#include "inspector/computation_graph_view.h"
#include "inspector/descent_lesson_view.h"
#include "inspector/formula_panel.h"
#include "inspector/network_diagram_view.h"
#include "inspector/stage_text.h"
#include "training/training_controller.h"

namespace koto::gui {

InspectorWindow::InspectorWindow(TrainingController& controller, QWidget* parent)
    : QWidget(parent, Qt::Window), controller_(controller) {
    setObjectName(QStringLiteral("inspectorWindow"));
    source_ = new QComboBox;
    source_->addItems({QString(), QString()});
    sample_ = new QSpinBox;
    sample_->setRange(0, 0);
    sample_->setEnabled(false);
    take_ = new QPushButton(style()->standardIcon(QStyle::SP_MediaSkipForward), QString());
    back_ = new QPushButton(style()->standardIcon(QStyle::SP_ArrowBack), QString());
    forward_ = new QPushButton(style()->standardIcon(QStyle::SP_ArrowForward), QString());
    toEnd_ = new QPushButton(style()->standardIcon(QStyle::SP_MediaSeekForward), QString());
    back_->setShortcut(QKeySequence(Qt::Key_Left));
    forward_->setShortcut(QKeySequence(Qt::Key_Right));
    byHand_ = new QCheckBox;
    position_ = new QLabel;
    status_ = new QLabel;
    status_->setWordWrap(true);

    diagram_ = new NetworkDiagramView;
    formulas_ = new FormulaPanel;
    graph_ = new ComputationGraphView;
    lessons_ = new DescentLessonView;
    auto* formulaScroll = new QScrollArea;
    formulaScroll->setWidget(formulas_);
    formulaScroll->setWidgetResizable(true);
    formulaScroll->setFrameShape(QFrame::NoFrame);
    tabs_ = new QTabWidget;
    tabs_->addTab(formulaScroll, QString());
    tabs_->addTab(lessons_, QString());
    // The graph stays in view under the formulas: both follow the walk through the step.
    auto* right = new QSplitter(Qt::Vertical);
    right->addWidget(tabs_);
    right->addWidget(graph_);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 2);
    auto* split = new QSplitter;
    split->addWidget(diagram_);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);

    auto* controls = new QHBoxLayout;
    controls->addWidget(source_);
    controls->addWidget(sample_);
    controls->addWidget(take_);
    controls->addSpacing(16);
    controls->addWidget(back_);
    controls->addWidget(forward_);
    controls->addWidget(toEnd_);
    controls->addSpacing(16);
    controls->addWidget(byHand_);
    controls->addStretch(1);
    controls->addWidget(position_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(status_);
    layout->addWidget(split, 1);

    connect(source_, &QComboBox::currentIndexChanged, this,
            [this](int index) { sample_->setEnabled(index == 1); });
    connect(take_, &QPushButton::clicked, this, &InspectorWindow::takeStep);
    connect(back_, &QPushButton::clicked, this, &InspectorWindow::stepBack);
    connect(forward_, &QPushButton::clicked, this, &InspectorWindow::stepForward);
    connect(toEnd_, &QPushButton::clicked, this, &InspectorWindow::runToEnd);
    connect(byHand_, &QCheckBox::toggled, this, &InspectorWindow::setByHand);
    connect(formulas_, &FormulaPanel::elementChosen, this,
            [this](int row, int) { graph_->setSample(row); });
    connect(formulas_, &FormulaPanel::timeStepShown, diagram_, &NetworkDiagramView::setTimeStep);
    connect(&controller_, &TrainingController::traceReady, this, &InspectorWindow::showTrace);
    retranslate();
    resize(1280, 800);
}

InspectorWindow::~InspectorWindow() = default;

void InspectorWindow::setSampleCount(int64_t count) {
    sample_->setRange(0, static_cast<int>(std::max<int64_t>(count, 1) - 1));
}

void InspectorWindow::takeStep() {
    waiting_ = true;
    controller_.traceStep(source_->currentIndex() == 1 ? sample_->value() : -1);
    retranslate();
}

void InspectorWindow::showTrace(std::shared_ptr<const StepTrace> trace) {
    waiting_ = false;
    trace_ = std::move(trace);
    text_ = std::make_unique<StageText>(*trace_);
    diagram_->setNetwork(trace_->spec);
    formulas_->setTrace(trace_.get(), text_.get());
    graph_->setTrace(trace_.get(), text_.get());
    graph_->setSample(0);
    showStage(0);
    retranslate();
    emit traceShown();
}

int InspectorWindow::stageCount() const {
    return trace_ ? static_cast<int>(trace_->stages.size()) : 0;
}

void InspectorWindow::showStage(int stage) {
    if (!trace_) return;
    stage_ = std::clamp(stage, 0, stageCount() - 1);
    const TraceStage& s = trace_->stages[static_cast<size_t>(stage_)];
    switch (s.kind) {
    case StageKind::Forward:
        diagram_->setHighlight(NetworkDiagramView::Highlight::Forward, s.layer);
        break;
    case StageKind::Loss: diagram_->setHighlight(NetworkDiagramView::Highlight::Loss); break;
    case StageKind::Backward:
        diagram_->setHighlight(NetworkDiagramView::Highlight::Backward, s.layer);
        break;
    case StageKind::Update: diagram_->setHighlight(NetworkDiagramView::Highlight::Update); break;
    }
    formulas_->setStage(stage_);
    graph_->setStage(stage_);
    updateButtons();
}

bool InspectorWindow::showStage(StageKind kind, int layer) {
    if (!trace_) return false;
    const int index = trace_->indexOf(kind, layer);
    if (index < 0) return false;
    showStage(index);
    return true;
}

void InspectorWindow::stepForward() { showStage(stage_ + 1); }
void InspectorWindow::stepBack() { showStage(stage_ - 1); }
void InspectorWindow::runToEnd() { showStage(stageCount() - 1); }

void InspectorWindow::setByHand(bool byHand) {
    if (byHand_->isChecked() != byHand) byHand_->setChecked(byHand);  // comes back here
    else formulas_->setByHand(byHand);
}

void InspectorWindow::updateButtons() {
    back_->setEnabled(trace_ && stage_ > 0);
    forward_->setEnabled(trace_ && stage_ + 1 < stageCount());
    toEnd_->setEnabled(trace_ && stage_ + 1 < stageCount());
    position_->setText(trace_ ? tr("Stage %1 of %2").arg(stage_ + 1).arg(stageCount()) : QString());
}

void InspectorWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void InspectorWindow::retranslate() {
    setWindowTitle(tr("Step through backpropagation"));
    source_->setItemText(0, tr("The next mini-batch"));
    source_->setItemText(1, tr("One training sample:"));
    take_->setText(trace_ ? tr("Next step") : tr("Take a step"));
    take_->setToolTip(
        tr("Pause training and make one real training step, recorded stage by stage"));
    back_->setText(tr("Step back"));
    forward_->setText(tr("Step forward"));
    toEnd_->setText(tr("To the end of the step"));
    byHand_->setText(tr("By hand"));
    byHand_->setToolTip(tr("Work out each value yourself before it is shown"));
    tabs_->setTabText(0, tr("Formulas"));
    tabs_->setTabText(1, tr("1-D lessons: J = x² + x, u·u + u + 1"));
    if (waiting_) {
        status_->setText(tr("Waiting for the training thread to make the step…"));
    } else if (trace_) {
        const QString on = trace_->oneSample ? tr("on training sample %1").arg(trace_->sample)
                                             : tr("on a mini-batch of %n sample(s)", nullptr,
                                                  static_cast<int>(trace_->samples()));
        status_->setText(tr("Training step %1, %2. The values are those training used (float32); "
                            "the weights have "
                            "been updated.")
                             .arg(trace_->step)
                             .arg(on));
    } else {
        status_->setText(
            tr("Take a step to record one training step of the network, then walk through it."));
    }
    updateButtons();
}

}  // namespace koto::gui
