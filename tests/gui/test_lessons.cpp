// The lesson panel and classroom controls: a lesson opens its preset, view and controls; its
// tasks tick themselves as the live run meets their checks, and stay done; hints unlock one by
// one; the presenter's keys move between tasks; a teacher's locks and a lesson's combine; every
// built-in lesson's text draws its maths in both languages and its preset opens; a broken
// lesson of the user's is named while the others load; progress is remembered per user.

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "lessons/lesson_panel.h"
#include "window/lesson_start.h"
#include "lessons/lesson_text_view.h"
#include "lessons/task_card.h"
#include "main_window_fixture.h"
#include "panels/dataset_panel.h"
#include "panels/layer_list_editor.h"
#include "panels/training_panel.h"

using namespace koto::gui;

namespace {

QDir userLessons(const QTemporaryDir& home) {
    return QDir(home.filePath(QStringLiteral("data/kotohajime/lessons")));
}

TaskCard* card(MainWindow& window, int index) {
    return window.lessonPanel().findChild<TaskCard*>(QStringLiteral("taskCard%1").arg(index + 1));
}

QAction* menuAction(MainWindow& window, const QString& objectName) {
    return window.findChild<QAction*>(objectName);
}

}  // namespace

class TestLessons : public QObject {
    Q_OBJECT
    QTemporaryDir home_;
    kototest::MainWindowFixture fixture_;

    MainWindow& window() { return *fixture_.window; }

private slots:
    void initTestCase() {
        // The user's settings and lesson folder are the test's own, with one broken lesson.
        qputenv("XDG_CONFIG_HOME", home_.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", home_.filePath(QStringLiteral("data")).toUtf8());
        QVERIFY(userLessons(home_).mkpath(QStringLiteral("broken")));
        QFile manifest(userLessons(home_).filePath(QStringLiteral("broken/lesson.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write(R"({"format": "kotohajime-lesson", "version": 2})");
        manifest.close();
        QVERIFY(fixture_.open());
        window().lessonProgress().setRemembers(false);
    }
    void cleanupTestCase() { fixture_.close(); }

    void listsTheLessonsAndNamesABrokenOne() {
        const koto::LessonLibrary& library = window().lessonPanel().library();
        QVERIFY(library.lessons.size() >= 10);
        QCOMPARE(library.lessons.front().id, std::string("logistic-unit"));
        window().showLessonList();
        QVERIFY(window().lessonPanel().isVisible());
        QVERIFY(window().lessonPanel().showsList());
        auto* refused = window().lessonPanel().findChild<QLabel*>(QStringLiteral("refusedLessons"));
        QVERIFY(refused->isVisible());
        QVERIFY2(refused->toolTip().contains(QStringLiteral("broken/lesson.json: version must be 1")),
                 qPrintable(refused->toolTip()));
        QVERIFY(refused->text().contains(QStringLiteral("lesson.json: version must be 1")));
        QCOMPARE(window().width(), 1280);  // a long path wraps rather than widening the window
    }

    void theFirstStartOpensTheFirstLessonBesideTheList() {
        offerLessons(window());  // no lesson opened before: the first start
        QVERIFY(window().lessonPanel().isVisible());
        QVERIFY(window().lessonPanel().showsList());
        auto* list = window().lessonPanel().findChild<QListWidget*>(QStringLiteral("lessonList"));
        QCOMPARE(list->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("logistic-unit"));
        QCOMPARE(window().datasetPanel().findChild<QComboBox*>()->currentText(),
                 QStringLiteral("Two Gaussians"));
        QCOMPARE(window().width(), 1280);  // the views make room for the panel beside them
        QCOMPARE(window().height(), 800);
    }

    void aLessonOpensItsPresetViewAndControls() {
        QVERIFY(window().openLesson(QStringLiteral("logistic-unit")));
        QVERIFY(kototest::waitForSnapshot(window(), [](const TrainingSnapshot& s) {
            return s.paused && s.steps == 0;
        }));
        QCOMPARE(window().lessonPanel().lesson()->id, std::string("logistic-unit"));
        QVERIFY(!window().lessonPanel().showsList());
        // Its data and network, untrained, as new work.
        QVERIFY(window().session().filePath().isEmpty());
        QVERIFY(!window().session().isModified());
        QCOMPARE(window().datasetPanel().findChild<QComboBox*>()->currentText(),
                 QStringLiteral("Two Gaussians"));
        // Its view, and its controls: the optimizer hidden, the layers locked (in the list and in
        // the editor), the templates hidden, the learning rate open.
        QCOMPARE(window().charts().currentWidget()->objectName(), QStringLiteral("networkPlayground"));
        auto* optimizer = window().trainingPanel().findChild<QComboBox*>(QStringLiteral("optimizerChoice"));
        auto* rate = window().trainingPanel().findChild<QComboBox*>(QStringLiteral("learningRateChoice"));
        QVERIFY(!optimizer->isVisibleTo(&window()));
        QVERIFY(rate->isVisibleTo(&window()) && rate->isEnabled());
        auto* layers = window().findChild<LayerListEditor*>();
        QVERIFY(layers->isVisibleTo(&window()) && !layers->isEnabled());
        auto* pages = window().findChild<QTabWidget*>(QStringLiteral("pages"));
        QVERIFY(!pages->isTabEnabled(1));
        QVERIFY(window().datasetPanel().isEnabled());
        bool templatesShown = false;
        for (QAction* action : window().menuBar()->actions())
            if (action->text().contains(QStringLiteral("Templates"))) templatesShown = action->isVisible();
        QVERIFY(!templatesShown);
    }

    void tasksTickThemselvesAndStayDone() {
        QVERIFY(window().openLesson(QStringLiteral("logistic-unit")));
        TaskCard* first = card(window(), 0);
        QVERIFY(first && !first->isDone());
        QVERIFY(!window().lessonProgress().isDone(QStringLiteral("logistic-unit"), 0));
        QSignalSpy met(&window().lessonPanel(), &LessonPanel::taskMet);
        // Task 1: the test error of the two Gaussians under 5 %, which a few epochs reach.
        window().controller().setStepLimit(2000);
        window().controller().play();
        QVERIFY(QTest::qWaitFor([&] { return card(window(), 0)->isDone(); }, 60000));
        window().controller().pause();
        QCOMPARE(met.count() >= 1, true);
        QCOMPARE(met.first().at(0).toInt(), 0);
        QVERIFY(window().lessonProgress().isDone(QStringLiteral("logistic-unit"), 0));
        QVERIFY(!card(window(), 2)->isDone());  // XOR, not trained
        // Reset goes back to the untrained preset; the task stays done.
        emit window().lessonPanel().resetRequested();
        QVERIFY(kototest::waitForSnapshot(window(), [](const TrainingSnapshot& s) {
            return s.paused && s.steps == 0;
        }));
        QVERIFY(card(window(), 0)->isDone());
    }

    void hintsUnlockOneByOne() {
        QVERIFY(window().openLesson(QStringLiteral("logistic-unit")));
        TaskCard* second = card(window(), 1);
        const size_t hints = window().lessonPanel().lesson()->tasks[1].hints.size();
        QVERIFY(hints >= 2);
        auto* button = second->findChild<QPushButton*>(QStringLiteral("hintButton"));
        QCOMPARE(second->findChildren<QLabel*>(QStringLiteral("hintText")).size(), 0);
        QTest::mouseClick(button, Qt::LeftButton);
        second = card(window(), 1);
        QCOMPARE(second->findChildren<QLabel*>(QStringLiteral("hintText")).size(), 1);
        QVERIFY(second->findChildren<QLabel*>(QStringLiteral("hintText"))
                    .front()
                    ->text()
                    .contains(QString::fromStdString(
                        window().lessonPanel().lesson()->tasks[1].hints[0].en)));
        for (size_t shown = 1; shown < hints; ++shown)
            QTest::mouseClick(second->findChild<QPushButton*>(QStringLiteral("hintButton")),
                              Qt::LeftButton);
        QCOMPARE(static_cast<size_t>(second->findChildren<QLabel*>(QStringLiteral("hintText")).size()), hints);
        QVERIFY(!second->findChild<QPushButton*>(QStringLiteral("hintButton"))->isVisibleTo(second));
    }

    void presenterKeysMoveBetweenTasks() {
        QVERIFY(window().openLesson(QStringLiteral("hidden-layers")));
        QCOMPARE(window().lessonPanel().focusedTask(), -1);
        window().activateWindow();
        QTest::keyClick(&window(), Qt::Key_PageDown);
        QCOMPARE(window().lessonPanel().focusedTask(), 0);
        QTest::keyClick(&window(), Qt::Key_PageDown);
        QTest::keyClick(&window(), Qt::Key_PageDown);
        QTest::keyClick(&window(), Qt::Key_PageDown);  // past the last stays on the last
        QCOMPARE(window().lessonPanel().focusedTask(), 2);
        QTest::keyClick(&window(), Qt::Key_PageUp);
        QCOMPARE(window().lessonPanel().focusedTask(), 1);
        // The clicker's other keys: "." takes a step, F5 plays and pauses.
        QVERIFY(kototest::waitForSnapshot(window(), [](const TrainingSnapshot& s) { return s.paused; }));
        const int64_t steps = window().latestSnapshot()->steps;
        QTest::keyClick(&window(), Qt::Key_Period);
        QVERIFY(kototest::waitForSnapshot(window(), [steps](const TrainingSnapshot& s) {
            return s.steps == steps + 1;
        }));
        QTest::keyClick(&window(), Qt::Key_F5);
        QVERIFY(window().controller().isPlaying());
        QTest::keyClick(&window(), Qt::Key_F5);
        QVERIFY(!window().controller().isPlaying());
    }

    void teacherAndLessonLocksCombine() {
        QVERIFY(window().openLesson(QStringLiteral("learning-rate")));  // locks data and layers
        window().setTeacherControlAccess({{"dataset", ControlAccess::Hidden},
                                          {"learning_rate", ControlAccess::Locked}});
        auto* rate = window().trainingPanel().findChild<QComboBox*>(QStringLiteral("learningRateChoice"));
        QVERIFY(!window().datasetPanel().isVisibleTo(&window()));
        QVERIFY(!rate->isEnabled());
        QVERIFY(!window().findChild<LayerListEditor*>()->isEnabled());
        // Back to the list: the lesson's locks go, the teacher's stay.
        window().lessonPanel().showList();
        QVERIFY(window().findChild<LayerListEditor*>()->isEnabled());
        QVERIFY(!window().datasetPanel().isVisibleTo(&window()));
        QVERIFY(!rate->isEnabled());
        window().setTeacherControlAccess({});
        QVERIFY(window().datasetPanel().isVisibleTo(&window()));
        QVERIFY(rate->isEnabled());
        QVERIFY(menuAction(window(), QStringLiteral("controlAccessAction")));
    }

    void everyLessonDrawsItsMathsInBothLanguages() {
        LessonPanel& panel = window().lessonPanel();
        auto* text = panel.findChild<LessonTextView*>(QStringLiteral("lessonText"));
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("ja")}) {
            fixture_.language->apply(language);
            for (const koto::Lesson& lesson : panel.library().lessons) {
                panel.showLesson(QString::fromStdString(lesson.id));
                QVERIFY2(text->mathProblems().isEmpty(),
                         qPrintable(QString::fromStdString(lesson.id) + u' ' + language + u' ' +
                                    text->mathProblems().join(u'\n')));
                QVERIFY(text->document()->toPlainText().size() > 100);
                QVERIFY(text->document()->toPlainText().contains(QChar::ObjectReplacementCharacter));
            }
        }
        fixture_.language->apply(QStringLiteral("en"));
    }

    void everyLessonOpensItsPresetAndView() {
        for (const koto::Lesson& lesson : window().lessonPanel().library().lessons) {
            QVERIFY2(window().openLesson(QString::fromStdString(lesson.id)), lesson.id.c_str());
            if (!lesson.view.empty())
                QVERIFY2(window().views().showChart(QString::fromStdString(lesson.view)),
                         lesson.id.c_str());
        }
    }

    void progressIsRememberedPerUser() {
        QSettings().setValue(QStringLiteral("lessons/softmax/done"), QStringLiteral("junk,1,-4"));
        {
            LessonProgress progress;
            QVERIFY(progress.isDone(QStringLiteral("softmax"), 1));
            QCOMPARE(progress.doneCount(QStringLiteral("softmax")), 1);
            progress.markDone(QStringLiteral("softmax"), 2);
            progress.showHint(QStringLiteral("softmax"), 0);
            progress.setLastLesson(QStringLiteral("softmax"));
        }
        LessonProgress again;
        QCOMPARE(again.doneCount(QStringLiteral("softmax")), 2);
        QCOMPARE(again.hintsShown(QStringLiteral("softmax"), 0), 1);
        QCOMPARE(again.lastLesson(), QStringLiteral("softmax"));
        again.forget(QStringLiteral("softmax"));
        QCOMPARE(LessonProgress().doneCount(QStringLiteral("softmax")), 0);
        // A scripted run reads none of it and writes none.
        LessonProgress scripted(false);
        scripted.markDone(QStringLiteral("softmax"), 0);
        QCOMPARE(LessonProgress().doneCount(QStringLiteral("softmax")), 0);
        QVERIFY(scripted.lastLesson().isEmpty());
    }
};

QTEST_MAIN(TestLessons)
#include "test_lessons.moc"
