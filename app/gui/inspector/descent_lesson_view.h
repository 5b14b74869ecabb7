#pragma once
// The 1-D lessons of parts 7 and 9: gradient descent on J = x² + x and on u·u + u + 1, drawn on
// the curve step by step for the learning rate on the slider, with what the steps do (creep
// down, bounce across the valley, bounce for ever, diverge) and the iterates as a table, as
// part 9's TensorFlow loop prints them.

#include <QWidget>

#include "inspect/descent_lesson.h"

class QCustomPlot;
class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QPlainTextEdit;

namespace koto::gui {

class DescentLessonView : public QWidget {
    Q_OBJECT
public:
    explicit DescentLessonView(QWidget* parent = nullptr);

    // 0: J = x² + x from x = 2; 1: u·u + u + 1 from u = 20.
    void setLesson(int lesson);
    void setLearningRate(double rate);
    double learningRate() const;
    const std::vector<DescentIterate>& iterates() const { return iterates_; }
    QString behaviourText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void recompute();

    QComboBox* lesson_;
    QSlider* rate_;
    QLabel* rateLabel_;
    QLabel* stepsLabel_;
    QSpinBox* steps_;
    QLabel* behaviour_;
    QCustomPlot* plot_;
    QPlainTextEdit* table_;
    std::vector<DescentIterate> iterates_;
};

}  // namespace koto::gui
