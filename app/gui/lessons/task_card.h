#pragma once
// One task of a lesson in the lesson panel: its text with a mark that ticks itself when the
// task's check passes, and its hints, shown one at a time as the learner asks for them.

#include <QFrame>
#include <vector>

#include "lessons/lesson.h"

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace koto::gui {

class TaskCard : public QFrame {
    Q_OBJECT
public:
    TaskCard(int number, const LessonTask& task, QWidget* parent = nullptr);

    // The task's texts in this language ("en", "ja"), with this many hints shown.
    void show(const std::string& language, int hintsShown);
    void setDone(bool done);
    bool isDone() const { return done_; }
    void setFocused(bool focused);

signals:
    void hintWanted();

private:
    void restyle();

    int number_;
    const LessonTask& task_;
    bool done_ = false;
    bool focused_ = false;
    QLabel* mark_;
    QLabel* text_;
    QVBoxLayout* hints_;
    QPushButton* hint_;
};

}  // namespace koto::gui
