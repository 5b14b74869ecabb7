#pragma once
// How far this user has come in each lesson: the tasks done and the hints unlocked, remembered
// between starts (QSettings, per user). A scripted run (a screenshot) keeps it in memory only,
// so that it leaves the user's progress as it was.

#include <QString>
#include <map>
#include <set>

namespace koto::gui {

class LessonProgress {
public:
    // remembers: read and kept in the user's settings; otherwise in memory only, from nothing.
    explicit LessonProgress(bool remembers = true) : remembers_(remembers) {}
    void setRemembers(bool remembers);

    bool isDone(const QString& lesson, int task) const;
    int doneCount(const QString& lesson) const;
    void markDone(const QString& lesson, int task);
    int hintsShown(const QString& lesson, int task) const;
    void showHint(const QString& lesson, int task);  // one more
    // Starting the lesson over: its tasks not done, its hints locked again.
    void forget(const QString& lesson);

    // The lesson last opened ("" before any), to offer it again at the next start.
    QString lastLesson() const;
    void setLastLesson(const QString& lesson);

private:
    struct State {
        std::set<int> done;
        std::map<int, int> hints;
    };
    State& stateOf(const QString& lesson) const;  // read from the settings at first use
    void save(const QString& lesson);

    bool remembers_;
    mutable std::map<QString, State> states_;
};

}  // namespace koto::gui
