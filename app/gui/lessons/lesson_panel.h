#pragma once
// The lesson panel beside the workspace: the list of lessons, and the lesson open, with its text
// (maths drawn as maths), its tasks, which tick themselves as their checks pass on the live run,
// their hints, unlocked one by one, and the summary once every task is done. The window does
// the rest: it opens a lesson's preset, applies its controls and feeds the run's facts in.

#include <QWidget>
#include <vector>

#include "lessons/lesson_library.h"

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace koto::gui {

class LessonProgress;
class LessonTextView;
class TaskCard;

class LessonPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonPanel(LessonProgress& progress, QWidget* parent = nullptr);

    void setLibrary(LessonLibrary library);
    const LessonLibrary& library() const { return library_; }
    // The list of lessons, this one chosen ("" the one after the last done, or the first).
    void showList(const QString& chosen = {});
    bool showsList() const;
    // The lesson's page (it must be in the library).
    void showLesson(const QString& id);
    const Lesson* lesson() const { return lesson_; }

    // Ticks each task of the lesson open whose check the run's facts meet (and remembers it).
    void checkTasks(const RunFacts& facts);
    // The task in focus (presenter keys move it; --task N chooses it): outlined and scrolled to.
    void focusTask(int index);
    int focusedTask() const { return focused_; }

signals:
    void lessonChosen(const QString& id);
    // The learner went back to the list: no lesson is open.
    void lessonClosed();
    void resetRequested();
    // A task was met for the first time (the window may say so in the status bar).
    void taskMet(int index);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillList();
    void fillLesson();  // the lesson's page, in the current language
    void updateSummary();
    QWidget* buildListPage();
    QWidget* buildLessonPage();

    LessonProgress& progress_;
    LessonLibrary library_;
    const Lesson* lesson_ = nullptr;
    int focused_ = -1;

    QStackedWidget* pages_;
    // The list
    QLabel* listTitle_;
    QListWidget* list_;
    QLabel* refused_;
    QPushButton* open_;
    // The lesson
    QPushButton* back_;
    QLabel* title_;
    QLabel* goal_;
    LessonTextView* text_;
    QLabel* tasksTitle_;
    QVBoxLayout* tasksLayout_;
    std::vector<TaskCard*> cards_;
    QLabel* summary_;
    QPushButton* reset_;
};

}  // namespace koto::gui
