#pragma once
// The step-through inspector: a debugger for learning (part 7 of the curriculum). It asks the
// training thread for one real training step recorded stage by stage (on the next mini-batch or
// on one chosen sample; training pauses for it), then lets the learner walk through that step:
// forward layer by layer, the cost, backward layer by layer, the update; back as well as forward,
// to the end, and on to the next step. Beside the network diagram: the formulas with the live
// numbers, the computation graph, and the 1-D lessons of parts 7 and 9. The window only reads
// the immutable trace; the training thread keeps the network.

#include <QWidget>
#include <memory>

#include "inspect/step_trace.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace koto::gui {

class ComputationGraphView;
class DescentLessonView;
class FormulaPanel;
class NetworkDiagramView;
class StageText;
class TrainingController;

class InspectorWindow : public QWidget {
    Q_OBJECT
public:
    explicit InspectorWindow(TrainingController& controller, QWidget* parent = nullptr);
    ~InspectorWindow() override;

    // Asks for the next traced step (the sample chooser says on what); traceShown() follows.
    void takeStep();
    // How many training samples there are to choose one from.
    void setSampleCount(int64_t count);
    // Shows this trace (what the controller's traceReady brings), from its first stage.
    void showTrace(std::shared_ptr<const StepTrace> trace);

    int stage() const { return stage_; }
    int stageCount() const;
    void showStage(int stage);
    bool showStage(StageKind kind, int layer = -1);  // false if the step has no such stage
    void stepForward();
    void stepBack();
    void runToEnd();
    void setByHand(bool byHand);

    const StepTrace* trace() const { return trace_.get(); }
    FormulaPanel& formulas() const { return *formulas_; }
    NetworkDiagramView& diagram() const { return *diagram_; }
    ComputationGraphView& graph() const { return *graph_; }
    DescentLessonView& lessons() const { return *lessons_; }
    QTabWidget& tabs() const { return *tabs_; }

signals:
    void traceShown();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateButtons();

    TrainingController& controller_;
    std::shared_ptr<const StepTrace> trace_;
    std::unique_ptr<StageText> text_;
    int stage_ = 0;
    bool waiting_ = false;

    QComboBox* source_;
    QSpinBox* sample_;
    QPushButton* take_;
    QPushButton* back_;
    QPushButton* forward_;
    QPushButton* toEnd_;
    QCheckBox* byHand_;
    QLabel* position_;
    QLabel* status_;
    NetworkDiagramView* diagram_;
    QTabWidget* tabs_;
    FormulaPanel* formulas_;
    ComputationGraphView* graph_;
    DescentLessonView* lessons_;
};

}  // namespace koto::gui
