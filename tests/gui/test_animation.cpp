// A run's history as an animated GIF (issue 16), as a user makes one: a project trained by
// kotohajime-cli, which keeps its history, animated by `kotohajime-cli animate` and by
// `kotohajime --animate`. Qt's own GIF reader (not giflib, which wrote it) reads one frame for
// each checkpoint kept, looping for ever; the first and the last frame show the view as the
// --view-epoch screenshots of those checkpoints do, within the 256-colour palette's rounding, with
// the caption under it. A project without a history, an epoch not kept and an output that cannot
// be written are refused, and nothing is written.

#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdlib>

#include "io/project_file.h"

namespace {

struct Result {
    int exitCode = -1;  // -1: did not end, or crashed
    QString errors;
};

Result run(const QString& program, const QStringList& arguments, const QString& folder) {
    QProcess process;
    process.setWorkingDirectory(folder);
    process.start(program, arguments);
    Result result;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitCode();
    result.errors = QString::fromLocal8Bit(process.readAllStandardError());
    return result;
}

struct Animation {
    QList<QImage> frames;
    int loopCount = 0;
};

// The GIF's frames as Qt's GIF reader reads them.
Animation readGif(const QString& path) {
    Animation animation;
    QImageReader reader(path, "gif");
    animation.loopCount = reader.loopCount();
    for (QImage frame = reader.read(); !frame.isNull(); frame = reader.read())
        animation.frames << frame.convertToFormat(QImage::Format_RGB32);
    return animation;
}

// How far the frame's top part is from the picture: "" when every pixel's channels are within
// the palette's rounding; else where they are not.
constexpr int kPaletteRounding = 24;

QString differenceFrom(const QImage& frame, const QImage& picture) {
    if (frame.width() != picture.width() || frame.height() <= picture.height())
        return QStringLiteral("a frame of %1 x %2 for a picture of %3 x %4")
            .arg(frame.width())
            .arg(frame.height())
            .arg(picture.width())
            .arg(picture.height());
    const QImage view = picture.convertToFormat(QImage::Format_RGB32);
    int largest = 0, farPixels = 0;
    for (int y = 0; y < view.height(); ++y)
        for (int x = 0; x < view.width(); ++x) {
            const QRgb a = frame.pixel(x, y), b = view.pixel(x, y);
            const int d = std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                    std::abs(qBlue(a) - qBlue(b))});
            largest = std::max(largest, d);
            if (d > kPaletteRounding) ++farPixels;
        }
    if (farPixels == 0) return {};
    return QStringLiteral("%1 pixels differ by more than %2, the most by %3")
        .arg(farPixels)
        .arg(kPaletteRounding)
        .arg(largest);
}

// The files in the folder, temporaries included.
QStringList filesIn(const QString& folder) {
    return QDir(folder).entryList(QDir::Files | QDir::System | QDir::Hidden, QDir::Name);
}

}  // namespace

class TestAnimation : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void framesAreTheCheckpointsScreenshots_data();
    void framesAreTheCheckpointsScreenshots();
    void aProjectWithoutHistoryIsRefused_data();
    void aProjectWithoutHistoryIsRefused();
    void anOutputThatCannotBeWrittenIsRefused_data();
    void anOutputThatCannotBeWrittenIsRefused();
    void anEpochNotKeptIsRefused();

private:
    QString path(const QString& name) const { return folder_.filePath(name); }
    Result cli(const QStringList& arguments) const {
        return run(QStringLiteral(KOTO_CLI_PATH), arguments, folder_.path());
    }
    Result app(const QStringList& arguments) const {
        return run(QStringLiteral(KOTO_APP_PATH), arguments, folder_.path());
    }
    // The view of the project at a checkpoint, as --view-epoch draws it.
    QImage screenshot(const QString& view, qint64 epoch, const QString& language) {
        const QString file =
            path(QStringLiteral("%1-%2-%3.png").arg(view).arg(epoch).arg(language));
        const Result shot = app({"--project", path("history.koto"), "--view", view, "--view-epoch",
                                 QString::number(epoch), "--screenshot", file, "--lang", language});
        if (shot.exitCode != 0) qWarning("%s", qPrintable(shot.errors));
        return QImage(file);
    }

    QTemporaryDir folder_;
    size_t checkpoints_ = 0;
    qint64 epochs_ = 0;
};

void TestAnimation::initTestCase() {
    QVERIFY(folder_.isValid());
    const Result trained = cli({"train", "--dataset", "xor", "--layers", "dense:8:tanh", "--epochs",
                                "20", "--lr", "0.1", "--save", "history.koto"});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.errors));
    const koto::Project project = koto::loadProject(path("history.koto").toStdString());
    checkpoints_ = project.checkpoints.size();
    epochs_ = project.epochsTrained;
    QCOMPARE(checkpoints_, size_t{21});  // epoch 0 and each of the 20
}

void TestAnimation::framesAreTheCheckpointsScreenshots_data() {
    QTest::addColumn<bool>("byTheCli");
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("language");
    QTest::newRow("the CLI's boundary") << true << "boundary"
                                        << "en";
    QTest::newRow("the app's weights") << false << "weights"
                                       << "ja";
    QTest::newRow("the CLI's learning curve in Japanese") << true << "curve"
                                                          << "ja";
}

void TestAnimation::framesAreTheCheckpointsScreenshots() {
    QFETCH(bool, byTheCli);
    QFETCH(QString, view);
    QFETCH(QString, language);
    const QString gif = path(view + QStringLiteral(".gif"));
    const Result made = byTheCli ? cli({"animate", "--project", "history.koto", "--view", view,
                                        "--out", gif, "--lang", language})
                                 : app({"--project", path("history.koto"), "--animate", view,
                                        "--out", gif, "--lang", language});
    QVERIFY2(made.exitCode == 0, qPrintable(made.errors));

    const Animation animation = readGif(gif);
    QCOMPARE(static_cast<size_t>(animation.frames.size()), checkpoints_);
    QCOMPARE(animation.loopCount, -1);  // for ever
    const QImage first = screenshot(view, 0, language);
    const QImage last = screenshot(view, epochs_, language);
    QVERIFY(!first.isNull() && !last.isNull());
    const QString firstDifference = differenceFrom(animation.frames.first(), first);
    QVERIFY2(firstDifference.isEmpty(), qPrintable(firstDifference));
    const QString lastDifference = differenceFrom(animation.frames.last(), last);
    QVERIFY2(lastDifference.isEmpty(), qPrintable(lastDifference));
    // The comparison tells checkpoints apart: the first frame is not the last screenshot.
    QVERIFY(!differenceFrom(animation.frames.first(), last).isEmpty());
    for (const QImage& frame : animation.frames) QCOMPARE(frame.size(), animation.frames[0].size());
    // Under the view, a caption that changes with the epoch.
    const QRect caption(0, first.height(), first.width(),
                        animation.frames[0].height() - first.height());
    QVERIFY(animation.frames.first().copy(caption) != animation.frames.last().copy(caption));
}

void TestAnimation::aProjectWithoutHistoryIsRefused_data() {
    QTest::addColumn<bool>("byTheCli");
    QTest::newRow("the CLI") << true;
    QTest::newRow("the app") << false;
}

// A project saved before Kotohajime kept a history: exit 3, saying so, and no GIF.
void TestAnimation::aProjectWithoutHistoryIsRefused() {
    QFETCH(bool, byTheCli);
    QFile trained(path("history.koto"));
    QVERIFY(trained.open(QIODevice::ReadOnly));
    QJsonObject project = QJsonDocument::fromJson(trained.readAll()).object();
    QVERIFY(project.contains("history"));
    project.remove("history");
    QFile old(path("no-history.koto"));
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write(QJsonDocument(project).toJson());
    old.close();

    const QString gif = path("no-history.gif");
    const Result refused =
        byTheCli
            ? cli({"animate", "--project", "no-history.koto", "--view", "boundary", "--out", gif})
            : app({"--project", path("no-history.koto"), "--animate", "boundary", "--out", gif});
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.errors.contains("no history of checkpoints"), qPrintable(refused.errors));
    QVERIFY(!QFile::exists(gif));
}

void TestAnimation::anOutputThatCannotBeWrittenIsRefused_data() {
    QTest::addColumn<bool>("byTheCli");
    QTest::addColumn<QString>("out");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("said");
    // The app's scripted runs end with 1 for a file that cannot be written, the CLI with 3.
    for (const bool byTheCli : {true, false}) {
        const char* who = byTheCli ? "the CLI" : "the app";
        const int cannotWrite = byTheCli ? 3 : 1;
        QTest::addRow("%s: a folder", who) << byTheCli << "folder.gif" << cannotWrite << "folder";
        QTest::addRow("%s: a FIFO", who) << byTheCli << "fifo.gif" << cannotWrite << "FIFO";
        QTest::addRow("%s: in no folder", who)
            << byTheCli << "no-such-folder/run.gif" << cannotWrite << "no-such-folder";
        QTest::addRow("%s: not a GIF", who) << byTheCli << "run.png" << 2 << ".gif";
    }
}

// Refused with the reason, the folder as it was: no GIF, no temporary left beside it, the FIFO
// and the folder untouched.
void TestAnimation::anOutputThatCannotBeWrittenIsRefused() {
    QFETCH(bool, byTheCli);
    QFETCH(QString, out);
    QFETCH(int, exitCode);
    QFETCH(QString, said);
    QVERIFY(QDir(folder_.path()).mkpath(QStringLiteral("folder.gif")));
    if (!QFile::exists(path("fifo.gif")))
        QCOMPARE(mkfifo(QFile::encodeName(path("fifo.gif")).constData(), 0600), 0);
    const QStringList before = filesIn(folder_.path());

    const Result refused =
        byTheCli
            ? cli({"animate", "--project", "history.koto", "--view", "curve", "--out", out})
            : app({"--project", path("history.koto"), "--animate", "curve", "--out", path(out)});
    QCOMPARE(refused.exitCode, exitCode);
    QVERIFY2(refused.errors.contains(said), qPrintable(refused.errors));
    QCOMPARE(filesIn(folder_.path()), before);
    QVERIFY(QFileInfo(path("folder.gif")).isDir());
    struct stat fifo {};
    QVERIFY(stat(QFile::encodeName(path("fifo.gif")).constData(), &fifo) == 0 &&
            S_ISFIFO(fifo.st_mode));
}

void TestAnimation::anEpochNotKeptIsRefused() {
    const Result refused = app({"--project", path("history.koto"), "--view", "boundary",
                                "--view-epoch", "99", "--screenshot", path("epoch-99.png")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.errors.contains("no checkpoint of epoch 99"), qPrintable(refused.errors));
    QVERIFY(!QFile::exists(path("epoch-99.png")));
}

QTEST_MAIN(TestAnimation)
#include "test_animation.moc"
