#pragma once
// How the app starts on lessons: `kotohajime --lesson ID [--task N]` opens one, and a plain start
// offers them: the very first opens the first lesson's preset beside the list, ready for Play.

#include <QString>

namespace koto::gui {

class MainWindow;

// Opens the lesson with task `task` (from 1; "" none) in focus. The exit code to end with when
// it cannot (2 a bad task, 3 a lesson that cannot be opened, said on stderr), else 0.
int openLessonAsAsked(MainWindow& window, const QString& id, const QString& task, bool scripted);

// The lesson list in its panel; at the very first start, the first lesson open.
void offerLessons(MainWindow& window);

}  // namespace koto::gui
