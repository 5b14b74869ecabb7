// kotohajime-cli lessons and lesson-check: the list a teacher scripts against, a student's saved
// project checked task by task (exit 0 all met, 1 not), a lesson's own solutions checked, and
// unknown lessons, broken lessons and bad usage said as such.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

}  // namespace

class TestCliLessons : public QObject {
    Q_OBJECT
    QTemporaryDir folder_;

    // The CLI in the test's folder, with the test's own (empty, or given) user lesson folder.
    Run cli(const QStringList& arguments) {
        QProcess process;
        process.setWorkingDirectory(folder_.path());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), folder_.filePath(QStringLiteral("data")));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(KOTO_CLI_PATH), arguments);
        Run run;
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.code = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

private slots:
    void initTestCase() { QVERIFY(folder_.isValid()); }

    void listsTheBuiltInLessons() {
        const Run run = cli({"lessons", "--json"});
        QCOMPARE(run.code, 0);
        const QStringList lines = run.out.trimmed().split(u'\n');
        QVERIFY(lines.size() >= 10);
        const QJsonObject first = QJsonDocument::fromJson(lines.front().toUtf8()).object();
        QCOMPARE(first.value("id").toString(), QStringLiteral("logistic-unit"));
        QCOMPARE(first.value("part").toInt(), 4);
        QVERIFY(!first.value("title").toObject().value("ja").toString().isEmpty());
        QVERIFY(first.value("tasks").toArray().size() >= 2);
        QVERIFY(run.err.isEmpty());
    }

    void checksAStudentsProject() {
        // Logistic-unit's first task: the test error of the two Gaussians under 5 %.
        const QStringList data{"--dataset", "gauss:noise=0.1", "--layers", "dense:1:sigmoid", "--loss", "bce",
                               "--lr", "0.03", "--seed", "1"};
        QCOMPARE(cli(QStringList{"train", "--epochs", "0", "--save", "untrained.koto"} + data).code, 0);
        QCOMPARE(cli(QStringList{"train", "--epochs", "5", "--save", "trained.koto"} + data).code, 0);
        const Run before = cli({"lesson-check", "--lesson", "logistic-unit", "--project", "untrained.koto"});
        QCOMPARE(before.code, 1);
        QVERIFY2(before.out.startsWith(QStringLiteral("task 1: not met")), qPrintable(before.out));
        const Run after = cli({"lesson-check", "--lesson", "logistic-unit", "--project",
                               "trained.koto", "--json"});
        QCOMPARE(after.code, 1);  // the XOR task is not met by a run on the Gaussians
        const QJsonObject first =
            QJsonDocument::fromJson(after.out.split(u'\n').front().toUtf8()).object();
        QCOMPARE(first.value("task").toInt(), 1);
        QVERIFY2(first.value("met").toBool(), qPrintable(after.out));
    }

    void checksALessonsOwnSolutions() {
        const Run run = cli({"lesson-check", "--lesson", "learning-rate", "--solutions"});
        QCOMPARE(run.code, 0);
        QCOMPARE(run.out.count(QStringLiteral("before not met, after the solution's")), 3);
    }

    void saysWhatIsWrong() {
        Run run = cli({"lesson-check", "--lesson", "no-such-lesson", "--solutions"});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(QStringLiteral("no lesson \"no-such-lesson\"")), qPrintable(run.err));
        run = cli({"lesson-check", "--lesson", "logistic-unit"});
        QCOMPARE(run.code, 2);
        // A broken lesson of the user's: named, by file and field, where the list is printed and
        // where it is asked for; the built-in ones still list.
        QVERIFY(QDir(folder_.path()).mkpath(QStringLiteral("data/kotohajime/lessons/mine")));
        QFile manifest(folder_.filePath(QStringLiteral("data/kotohajime/lessons/mine/lesson.json")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write(R"({"format": "kotohajime-lesson", "version": 1, "id": "mine", "part": 20})");
        manifest.close();
        run = cli({"lessons"});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(QStringLiteral("logistic-unit")));
        QVERIFY2(run.err.contains(QStringLiteral("mine/lesson.json: part must be a whole number from 4 to 13")),
                 qPrintable(run.err));
        run = cli({"lesson-check", "--lesson", "mine", "--solutions"});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains(QStringLiteral("mine/lesson.json: part")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliLessons)
#include "test_cli_lessons.moc"
