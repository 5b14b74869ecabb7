// The built-in lessons: every one loads, in both languages, the curriculum's parts 4 to 13 are
// all taught, and every task can be done: its solution, trained for real from the lesson's
// preset, meets the task's check, which the preset as a learner opens it does not.

#include <QtTest>

#include <set>

#include "backend/cpu_backend.h"
#include "lessons/lesson_library.h"
#include "lessons/lesson_solution.h"

using namespace koto;

namespace {

const LessonLibrary& builtIn() {
    static const LessonLibrary library = loadLessons({{KOTO_LESSONS_DIR, true}});
    return library;
}

}  // namespace

class TestBuiltinLessons : public QObject {
    Q_OBJECT
private slots:
    void everyLessonLoads() {
        const LessonLibrary& library = builtIn();
        for (const std::string& problem : library.problems) qWarning("%s", problem.c_str());
        QVERIFY(library.problems.empty());
        QVERIFY(library.lessons.size() >= 10);
        std::set<int> parts;
        std::set<std::string> ids;
        for (const Lesson& lesson : library.lessons) {
            parts.insert(lesson.part);
            QVERIFY2(ids.insert(lesson.id).second, lesson.id.c_str());
            QVERIFY(lesson.builtIn);
            QVERIFY2(lesson.body.en.size() > 200 && lesson.body.ja.size() > 200, lesson.id.c_str());
            QVERIFY2(lesson.tasks.size() >= 2 && lesson.tasks.size() <= 4, lesson.id.c_str());
            for (const LessonTask& task : lesson.tasks) {
                QVERIFY2(task.solution, lesson.id.c_str());
                QVERIFY2(!task.hints.empty(), lesson.id.c_str());
            }
            QCOMPARE(lessonPreset(lesson).epochsTrained, int64_t{0});
        }
        QCOMPARE(parts, (std::set<int>{4, 5, 6, 7, 8, 10, 11, 12, 13}));
    }

    void everyTaskCanBeDone_data() {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<int>("task");
        for (const Lesson& lesson : builtIn().lessons)
            for (size_t i = 0; i < lesson.tasks.size(); ++i)
                QTest::addRow("%s task %zu", lesson.id.c_str(), i + 1)
                    << QString::fromStdString(lesson.id) << static_cast<int>(i);
    }
    void everyTaskCanBeDone() {
        QFETCH(QString, lesson);
        QFETCH(int, task);
        const Lesson& found = *builtIn().find(lesson.toStdString());
        const LessonTask& chosen = found.tasks[static_cast<size_t>(task)];
        CpuBackend backend;
        const SolutionRun run = trainSolution(backend, lessonPreset(found), *chosen.solution);
        QVERIFY2(!chosen.check.holds(factsOf(run.before)), "met before the solution");
        QVERIFY2(chosen.check.holds(factsOf(run.after)), "not met after the solution");
    }
};

QTEST_GUILESS_MAIN(TestBuiltinLessons)
#include "test_builtin_lessons.moc"
