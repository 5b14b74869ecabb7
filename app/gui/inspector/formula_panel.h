#pragma once
// The formula side of the inspector for one stage of a traced step: the stage's formulas in the
// curriculum's notation with its numbers, the chosen tensor as a heatmap table (and, at a conv
// or pooling stage, as feature maps with the element's window marked), the chosen element
// written out in full, the numerical gradient check beside a chosen weight or gradient,
// and "by hand" mode, where the learner types an element this stage computes before it is shown.

#include <QWidget>
#include <memory>

#include "inspect/hand_answer.h"
#include "inspector/stage_text.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace koto::gui {

class GradientNormView;
class MarkedMapsView;
class TensorTableView;

class FormulaPanel : public QWidget {
    Q_OBJECT
public:
    explicit FormulaPanel(QWidget* parent = nullptr);

    // The text must be over the trace; both must outlive the panel's use of them.
    void setTrace(const StepTrace* trace, const StageText* text);
    void setStage(int stage);
    void setByHand(bool byHand);

    // The tensor and element shown (false if the stage has no such tensor).
    bool selectTensor(const std::string& key);
    void selectElement(int row, int column);
    const ShownTensor* currentTensor() const;
    int selectedRow() const { return row_; }
    int selectedColumn() const { return column_; }
    // For a tensor that runs through time: the chosen element's step moves to t (from 1).
    void selectTimeStep(int t);

    // By hand: checks the learner's value for the chosen element and then shows it; true if right.
    bool checkAnswer(const QString& typed);
    // Whether the chosen element's value is hidden, waiting for the learner's answer.
    bool awaitingAnswer() const;

    // What is shown, as plain text (for tests and screen readers).
    QString titleText() const;
    QString formulaText() const;
    QString workingText() const;
    QString numericalCheckText() const;
    QString verdictText() const;
    TensorTableView& table() const { return *table_; }
    // The feature maps around a conv or pooling element (hidden for other tensors).
    MarkedMapsView& maps() const { return *maps_; }
    // A recurrent layer's gradient norm per time step (hidden at other stages).
    GradientNormView& gradientNorms() const { return *norms_; }

signals:
    // The learner chose an element (its row is the sample the graph view follows).
    void elementChosen(int row, int column);
    // The time step (from 1) of the element shown, whenever it is shown; 0 where the tensor does
    // not run through time.
    void timeStepShown(int step);

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void showWorking();
    void showNumericalCheck();
    void retranslate();

    const StepTrace* trace_ = nullptr;
    const StageText* text_ = nullptr;
    int stage_ = 0;
    std::vector<ShownTensor> tensors_;
    int tensor_ = -1;
    int row_ = 0, column_ = 0;
    bool byHand_ = false;
    bool revealed_ = false;
    HandTolerance tolerance_;

    QVBoxLayout* layout_;
    QLabel* title_;
    QLabel* formulas_;
    QLabel* tensorLabel_;
    QComboBox* tensorChoice_;
    QLabel* timeLabel_;
    QSpinBox* timeStep_;  // for a tensor that runs through time: which step t
    TensorTableView* table_;
    MarkedMapsView* maps_;
    GradientNormView* norms_;
    QLabel* working_;
    QString workingPlain_;
    QLabel* numerical_;
    QWidget* byHandRow_;
    QLabel* answerPrompt_;
    QLineEdit* answer_;
    QPushButton* check_;
    QLabel* verdict_;
};

}  // namespace koto::gui
