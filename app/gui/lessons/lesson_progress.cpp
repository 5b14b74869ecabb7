#include "lessons/lesson_progress.h"

#include <QSettings>
#include <QStringList>

namespace koto::gui {
namespace {

QString key(const QString& lesson, const char* what) {
    return QStringLiteral("lessons/%1/%2").arg(lesson, QLatin1String(what));
}

}  // namespace

void LessonProgress::setRemembers(bool remembers) {
    remembers_ = remembers;
    states_.clear();
}

LessonProgress::State& LessonProgress::stateOf(const QString& lesson) const {
    auto found = states_.find(lesson);
    if (found != states_.end()) return found->second;
    State state;
    if (remembers_) {
        // Written by save(): "0,2" the tasks done; "1:2,3:1" hints shown by task. Anything else
        // in the settings file is read as nothing done.
        const QSettings settings;
        for (const QString& task : settings.value(key(lesson, "done")).toString().split(u',')) {
            bool ok = false;
            const int n = task.toInt(&ok);
            if (ok && n >= 0) state.done.insert(n);
        }
        for (const QString& entry : settings.value(key(lesson, "hints")).toString().split(u',')) {
            const QStringList parts = entry.split(u':');
            bool taskOk = false, countOk = false;
            const int task = parts.value(0).toInt(&taskOk), count = parts.value(1).toInt(&countOk);
            if (parts.size() == 2 && taskOk && countOk && task >= 0 && count > 0)
                state.hints[task] = count;
        }
    }
    return states_.emplace(lesson, state).first->second;
}

void LessonProgress::save(const QString& lesson) {
    if (!remembers_) return;
    const State& state = states_[lesson];
    QStringList done, hints;
    for (int task : state.done) done << QString::number(task);
    for (auto [task, count] : state.hints) hints << QStringLiteral("%1:%2").arg(task).arg(count);
    QSettings settings;
    settings.setValue(key(lesson, "done"), done.join(u','));
    settings.setValue(key(lesson, "hints"), hints.join(u','));
}

bool LessonProgress::isDone(const QString& lesson, int task) const {
    return stateOf(lesson).done.count(task) > 0;
}

int LessonProgress::doneCount(const QString& lesson) const {
    return static_cast<int>(stateOf(lesson).done.size());
}

void LessonProgress::markDone(const QString& lesson, int task) {
    if (stateOf(lesson).done.insert(task).second) save(lesson);
}

int LessonProgress::hintsShown(const QString& lesson, int task) const {
    const auto& hints = stateOf(lesson).hints;
    const auto found = hints.find(task);
    return found == hints.end() ? 0 : found->second;
}

void LessonProgress::showHint(const QString& lesson, int task) {
    ++stateOf(lesson).hints[task];
    save(lesson);
}

void LessonProgress::forget(const QString& lesson) {
    states_[lesson] = {};
    save(lesson);
}

QString LessonProgress::lastLesson() const {
    return remembers_ ? QSettings().value(QStringLiteral("lessons/last")).toString() : QString();
}

void LessonProgress::setLastLesson(const QString& lesson) {
    if (remembers_) QSettings().setValue(QStringLiteral("lessons/last"), lesson);
}

}  // namespace koto::gui
