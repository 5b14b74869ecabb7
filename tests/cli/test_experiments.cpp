// kotohajime-cli race and sweep (issue 16), as a user runs them: a race prints one JSON line per
// optimizer per epoch from epoch 0, where every optimizer measures the same start; a sweep prints
// one line per combination whose numbers are those of a separate train run with those settings;
// mistakes in either are refused with the usage exit code or the bad-input one.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Result {
    int exitCode = -1;
    QByteArray out, err;
};

Result cli(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(KOTO_CLI_PATH), arguments);
    Result result;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return result;  // exit code -1: failed by the caller's comparison
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QList<QJsonObject> jsonLines(const QByteArray& text) {
    QList<QJsonObject> objects;
    for (const QByteArray& line : text.split('\n'))
        if (!line.trimmed().isEmpty()) objects << QJsonDocument::fromJson(line).object();
    return objects;
}

const QStringList kNetwork{"--dataset", "spiral:n=200", "--layers", "dense:8:tanh",
                           "--batch",   "10",           "--seed",   "5"};

}  // namespace

class TestExperiments : public QObject {
    Q_OBJECT

private slots:
    void aRaceMeasuresOneStartThenEachOptimizer();
    void aSweepCellIsASeparateTrainRun();
    void mistakesAreRefused_data();
    void mistakesAreRefused();
};

void TestExperiments::aRaceMeasuresOneStartThenEachOptimizer() {
    const Result result = cli(QStringList{"race"} + kNetwork +
                              QStringList{"--optimizers", "sgd,momentum:0.9,adam@0.01", "--lr",
                                          "0.1", "--epochs", "3", "--json"});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QList<QJsonObject> lines = jsonLines(result.out);
    QCOMPARE(lines.size(), 4 * 3);
    const QStringList names{"sgd", "momentum:0.9", "adam@0.01"};
    for (int i = 0; i < lines.size(); ++i) {
        QCOMPARE(lines[i].value("optimizer").toString(), names[i % 3]);
        QCOMPARE(lines[i].value("epoch").toInt(), i / 3);
        QVERIFY(lines[i].contains("test_accuracy"));
    }
    // Epoch 0: the shared initial weights, measured alike.
    for (int i = 1; i < 3; ++i) {
        QCOMPARE(lines[i].value("train_loss").toDouble(), lines[0].value("train_loss").toDouble());
        QCOMPARE(lines[i].value("test_loss").toDouble(), lines[0].value("test_loss").toDouble());
    }
    QVERIFY(lines[9].value("train_loss").toDouble() != lines[11].value("train_loss").toDouble());
}

void TestExperiments::aSweepCellIsASeparateTrainRun() {
    const Result sweep =
        cli(QStringList{"sweep"} + kNetwork +
            QStringList{"--vary", "lr=0.05,0.3", "--vary=l2=0,0.001", "--epochs", "3", "--json"});
    QVERIFY2(sweep.exitCode == 0, sweep.err.constData());
    const QList<QJsonObject> cells = jsonLines(sweep.out);
    QCOMPARE(cells.size(), 4);
    QCOMPARE(cells[3].value("lr").toDouble(), 0.3);
    QCOMPARE(cells[3].value("l2").toDouble(), 0.001);
    QCOMPARE(cells[1].value("lr").toDouble(), 0.05);
    QCOMPARE(cells[1].value("l2").toDouble(), 0.001);
    QCOMPARE(cells[3].value("epoch").toInt(), 3);

    const Result train = cli(QStringList{"train"} + kNetwork +
                             QStringList{"--lr", "0.3", "--l2", "0.001", "--epochs", "3", "--json"});
    QVERIFY2(train.exitCode == 0, train.err.constData());
    const QJsonObject final = jsonLines(train.out).constLast();
    QVERIFY(final.value("final").toBool());
    for (const char* key : {"train_loss", "test_loss", "test_accuracy", "steps"})
        QCOMPARE(cells[3].value(key).toDouble(), final.value(key).toDouble());
    QVERIFY(cells[0].value("test_loss").toDouble() != cells[3].value("test_loss").toDouble());
}

void TestExperiments::mistakesAreRefused_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("said");
    QTest::newRow("sweep without --vary") << QStringList{"sweep", "--epochs", "1"} << 2 << "--vary";
    QTest::newRow("three axes") << QStringList{"sweep", "--vary", "lr=0.1", "--vary", "l2=0",
                                              "--vary", "l1=0"}
                                << 2 << "one or two";
    QTest::newRow("not an option") << QStringList{"sweep", "--vary", "speed=1,2"} << 2 << "speed";
    QTest::newRow("a value out of range")
        << QStringList{"sweep", "--vary", "lr=0.1,-1", "--epochs", "1"} << 2 << "--lr";
    QTest::newRow("one optimizer") << QStringList{"race", "--optimizers", "adam"} << 3 << "2 to 8";
    QTest::newRow("unknown optimizer")
        << QStringList{"race", "--optimizers", "sgd,lbfgs"} << 3 << "lbfgs";
    QTest::newRow("--optimizer in a race")
        << QStringList{"race", "--optimizer", "sgd", "--optimizers", "sgd,adam"} << 2
        << "--optimizers";
}

void TestExperiments::mistakesAreRefused() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, said);
    const Result result = cli(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(result.err).contains(said), result.err.constData());
    // One line; a usage error adds where to read the command's options.
    QCOMPARE(result.err.count('\n'), exitCode == 2 ? 2 : 1);
}

QTEST_APPLESS_MAIN(TestExperiments)
#include "test_experiments.moc"
