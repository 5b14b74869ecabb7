#include "window/lesson_start.h"

#include <cstdio>

#include "lessons/lesson_panel.h"
#include "window/main_window.h"

namespace koto::gui {

int openLessonAsAsked(MainWindow& window, const QString& id, const QString& task, bool scripted) {
    if (scripted) {  // no dialog in a script: its problem is said on stderr
        ProjectSession::Dialogs dialogs = window.session().dialogs();
        dialogs.showError = [](const QString&, const QString& message) {
            std::fprintf(stderr, "kotohajime: %s\n", qPrintable(message));
        };
        window.session().setDialogs(dialogs);
    }
    const koto::Lesson* lesson = window.lessonPanel().library().find(id.toStdString());
    if (!lesson) {
        std::fprintf(stderr, "kotohajime: there is no lesson \"%s\" (kotohajime-cli lessons "
                     "lists them)\n", qPrintable(id));
        for (const std::string& problem : window.lessonPanel().library().problems)
            std::fprintf(stderr, "kotohajime: lesson refused: %s\n", problem.c_str());
        return 3;
    }
    int focus = -1;
    if (!task.isEmpty()) {
        bool ok = false;
        focus = task.toInt(&ok) - 1;
        if (!ok || focus < 0 || focus >= static_cast<int>(lesson->tasks.size())) {
            std::fprintf(stderr, "kotohajime: --task takes a task of the lesson, 1 to %zu, not "
                         "\"%s\"\n", lesson->tasks.size(), qPrintable(task));
            return 2;
        }
    }
    if (!window.openLesson(id)) return 3;
    if (focus >= 0) window.lessonPanel().focusTask(focus);
    return 0;
}

void offerLessons(MainWindow& window) {
    const bool firstStart = window.lessonProgress().lastLesson().isEmpty();
    const auto& lessons = window.lessonPanel().library().lessons;
    window.showLessonList();
    if (firstStart && !lessons.empty()) {
        window.openLesson(QString::fromStdString(lessons.front().id));
        window.lessonPanel().showList(QString::fromStdString(lessons.front().id));
    }
}

}  // namespace koto::gui
