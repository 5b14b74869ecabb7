// kotohajime-cli as a user runs it: real processes on real files, checking what they print and
// every exit code (0 success, 2 usage error, 3 bad input, 4 training diverged, 5 output that
// cannot be written). No input may crash it. The tests of each class of failure run the CLI
// under a time limit and a memory ceiling (guardedCli, memory_guard.h): a regression fails
// instead of hanging CI or exhausting the machine.

#include <QtTest>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "memory_guard.h"

namespace {

struct Result {
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out, err;
};

QList<QJsonObject> jsonLines(const QByteArray& text) {
    QList<QJsonObject> objects;
    for (const QByteArray& line : text.split('\n')) {
        if (line.trimmed().isEmpty()) continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return {};  // not JSON lines
        objects << document.object();
    }
    return objects;
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    // Runs the CLI in the temporary folder; fails the test if it does not end normally in time.
    Result cli(const QStringList& arguments, int timeoutMs = 60000,
               const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment()) {
        return runCli(arguments, timeoutMs, environment, {}, false);
    }
    // The same under the memory ceiling of memory_guard.h, standard output going to
    // `standardOutput` where one is named ("/dev/full").
    Result guardedCli(const QStringList& arguments, const QString& standardOutput = {},
                      int timeoutMs = 60000) {
        return runCli(arguments, timeoutMs, QProcessEnvironment::systemEnvironment(),
                      standardOutput, true);
    }
    Result runCli(const QStringList& arguments, int timeoutMs,
                  const QProcessEnvironment& environment, const QString& standardOutput,
                  bool guarded) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(dir_.path());
        if (!standardOutput.isEmpty()) process.setStandardOutputFile(standardOutput);
        if (guarded) kototest::limitChildMemory(process);
        process.start(QStringLiteral(KOTO_CLI_PATH), arguments);
        Result result;
        if (!process.waitForStarted(10000)) {
            qWarning("kotohajime-cli did not start: %s", qPrintable(process.errorString()));
            return result;
        }
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished(5000);
            qWarning("kotohajime-cli %s did not finish in time", qPrintable(arguments.join(' ')));
            return result;
        }
        result.exitCode = process.exitCode();
        result.exitStatus = process.exitStatus();
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }
    // The CLI on a hostile file: 20 seconds at most, under the memory ceiling of memory_guard.h,
    // so that reading /dev/zero to the end or waiting on a FIFO fails the test, not the machine.
    Result cliUnderLimits(const QStringList& arguments) { return guardedCli(arguments, {}, 20000); }
    void makeHostileFiles();
    QString path(const QString& name) const { return dir_.filePath(name); }
    // Why OpenCL cannot be tested here, or empty: the OpenCL tests skip only where no platform can
    // be used at all, by the rule of tests/support/opencl_test_support.h.
    QString whyNoOpenClPlatform() {
        const Result devices = cli({"devices", "--json"});
        for (const QJsonObject& line : jsonLines(devices.out)) {
            const QString problem = line.value("problem").toString();
            if (problem.contains("no OpenCL platform") ||
                problem.contains("crashed while listing") || problem.contains("did not answer"))
                return problem;
        }
        return {};
    }
    void write(const QString& name, const QByteArray& contents) {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
    }

    QTemporaryDir dir_;

private slots:
    void initTestCase();
    void trainJsonPrintsEveryEpoch();
    void trainRegressionReportsRmse();
    void trainsManyToMany();
    void trainSaveThenEvalAndPredict();
    void continueTrainingASavedProject();
    void trainsAProjectAsTheAppSavesIt();
    void templatesAreListed();
    void predictsKaggleStyleTestPixels();
    void confusionMatrixOfTheTestData();
    void printPeriodReportsTheTestCost();
    void samplesDrawsAugmentedCopies();
    void listsDatasets();
    void listsTheCpuDevice();
    void threadsOptionChangesNothingButSpeed();
    void threadsOptionRefusesBadValues_data();
    void threadsOptionRefusesBadValues();
    void survivesACrashingOpenClDriver();
    void stopsCleanlyWhenItsReaderGoesAway();
    void saysWhenNoOpenClPlatformExists();
    void trainsEvaluatesAndPredictsOnOpenCl();
    void fallsBackToTheCpuWhenOpenClFails_data();
    void fallsBackToTheCpuWhenOpenClFails();
    void continuesOnTheCpuWhenTheDeviceFailsMidRun();
    void trainsAnAutoencoder();
    void trainsAnRbm();
    void pretrainsAClassifier();
    void gradcheckJson_data();
    void bpttJsonPrintsEveryStep();
    void gradcheckJson();
    void helpExitsZero_data();
    void helpExitsZero();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void badInputExitsThree_data();
    void badInputExitsThree();
    void hostileFilesExitThree_data();
    void hostileFilesExitThree();
    void savesThroughASymbolicLink();
    void badProjectValuesExitThree_data();
    void badProjectValuesExitThree();
    void divergenceExitsFour_data();
    void divergenceExitsFour();
    void networkTooLargeForTheMemoryExitsThree();
    void outputThatCannotBeWrittenExitsFive_data();
    void outputThatCannotBeWrittenExitsFive();
};

// A trained xor project and a few files, shared by the tests.
void TestCli::initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(KOTO_CLI_PATH)), KOTO_CLI_PATH);
    const Result trained =
        cli({"train", "--dataset", "xor", "--epochs", "30", "--lr", "0.1", "--save", "xor.koto"});
    QCOMPARE(trained.exitStatus, QProcess::NormalExit);
    QCOMPARE(trained.exitCode, 0);
    QVERIFY(QFile::exists(path("xor.koto")));
    write("corrupt.koto", "{\"format\":\"kotohajime-project\",\"schema_version\":1,\"network\":");
    write("three-columns.csv", "a,b,c\n1,2,3\n");
    write("points.csv", "x,y\n3,3\n-3,-3\n3,-3\n-3,3\n");
}

void TestCli::trainJsonPrintsEveryEpoch() {
    const Result r = cli({"train", "--dataset", "xor", "--epochs", "2", "--json"});
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QVERIFY2(lines.size() == 3, r.out.constData());  // two epochs and the final summary
    for (int i = 0; i < lines.size(); ++i) {
        const QJsonObject& line = lines[i];
        for (const char* key :
             {"epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "seconds"})
            QVERIFY2(line.value(key).isDouble(), key);
        QCOMPARE(line.value("epoch").toInt(), std::min(i + 1, 2));
        for (const char* key : {"train_accuracy", "test_accuracy"})
            QVERIFY(line.value(key).toDouble() >= 0 && line.value(key).toDouble() <= 1);
        QVERIFY(line.value("train_loss").toDouble() > 0);
        QVERIFY(line.value("seconds").toDouble() >= 0);
        QVERIFY(!line.contains("train_rmse"));
        QCOMPARE(line.value("final").toBool(), i == 2);
    }
    QCOMPARE(lines[2].value("test_loss").toDouble(), lines[1].value("test_loss").toDouble());
    QCOMPARE(lines[2].value("steps").toInt(), 50);  // 250 training points in batches of 10
}

void TestCli::trainRegressionReportsRmse() {
    const Result r = cli({"train", "--dataset", "plane", "--epochs", "3", "--json"});
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 4);
    for (const QJsonObject& line : lines) {
        QVERIFY(line.value("train_rmse").isDouble());
        QVERIFY(line.value("test_rmse").isDouble());
        QVERIFY(!line.contains("test_accuracy"));
        // With mse the loss is the squared RMSE.
        const double rmse = line.value("test_rmse").toDouble();
        QVERIFY(std::abs(line.value("test_loss").toDouble() - rmse * rmse) < 1e-6);
    }
    QVERIFY(lines.last().value("final").toBool());
}

// seq:many on sine with a target at every step: trains, evaluates to the same numbers from the
// file, and predicts a line per input row and time step.
void TestCli::trainsManyToMany() {
    const Result trained = cli({"train", "--dataset", "sine:targets=every,window=4,n=200",
                                "--layers", "lstm:8,seq:many", "--optimizer", "adam", "--lr",
                                "0.02", "--epochs", "3", "--json", "--save", "many.koto"});
    QCOMPARE(trained.exitCode, 0);
    const QJsonObject summary = jsonLines(trained.out).last();
    QCOMPARE(summary.value("layers").toString(), QStringLiteral("lstm:8:uniform,seq:many"));
    const Result evaluated = cli({"eval", "--project", "many.koto", "--json"});
    QCOMPARE(evaluated.exitCode, 0);
    QCOMPARE(jsonLines(evaluated.out).value(0).value("test_rmse").toDouble(),
             summary.value("test_rmse").toDouble());

    write("windows.csv", "0,0.25,0.48,0.68\n0.1,0.2,0.3,0.4\n");
    const Result predicted = cli({"predict", "--project", "many.koto", "--input", "windows.csv"});
    QCOMPARE(predicted.exitCode, 0);
    const QList<QByteArray> rows = predicted.out.trimmed().split('\n');
    QCOMPARE(rows.size(), 1 + 2 * 4);
    QCOMPARE(rows[0], QByteArray("row,step,y0"));
    QVERIFY(rows[1].startsWith("1,1,"));
    QVERIFY(rows[8].startsWith("2,4,"));
}

void TestCli::trainSaveThenEvalAndPredict() {
    const Result trained = cli({"train", "--dataset", "xor", "--epochs", "30", "--lr", "0.1",
                                "--json", "--save", "again.koto"});
    QCOMPARE(trained.exitCode, 0);
    const QJsonObject summary = jsonLines(trained.out).last();
    QVERIFY(summary.value("final").toBool());

    // eval computes the same numbers from the saved weights.
    const Result evaluated = cli({"eval", "--project", "again.koto", "--json"});
    QCOMPARE(evaluated.exitStatus, QProcess::NormalExit);
    QCOMPARE(evaluated.exitCode, 0);
    const QList<QJsonObject> eval = jsonLines(evaluated.out);
    QCOMPARE(eval.size(), 1);
    QCOMPARE(eval[0].value("test_accuracy").toDouble(), summary.value("test_accuracy").toDouble());
    QCOMPARE(eval[0].value("test_loss").toDouble(), summary.value("test_loss").toDouble());
    QCOMPARE(eval[0].value("epoch").toInt(), 30);
    QVERIFY(summary.value("test_accuracy").toDouble() > 0.9);

    // The plain output is one readable line.
    const Result plain = cli({"eval", "--project", "again.koto"});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(plain.out.contains("accuracy"));

    // predict: (3,3) and (-3,-3) are class 1 in xor (x*y >= 0), the other two class 0.
    const Result predicted =
        cli({"predict", "--project", "again.koto", "--input", "points.csv", "--output", "out.csv"});
    QCOMPARE(predicted.exitStatus, QProcess::NormalExit);
    QCOMPARE(predicted.exitCode, 0);
    QFile output(path("out.csv"));
    QVERIFY(output.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = output.readAll().trimmed().split('\n');
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows[0], QByteArray("class,p0,p1"));
    const QList<int> expected{1, 1, 0, 0};
    for (int i = 0; i < 4; ++i) {
        const QList<QByteArray> fields = rows[i + 1].split(',');
        QCOMPARE(fields.size(), 3);
        QCOMPARE(fields[0].toInt(), expected[i]);
        const double p0 = fields[1].toDouble(), p1 = fields[2].toDouble();
        QVERIFY(std::abs(p0 + p1 - 1) < 1e-5);
        QCOMPARE(p1 > p0, expected[i] == 1);
    }

    // Without --output the same table goes to standard output.
    const Result toStdout = cli({"predict", "--project", "again.koto", "--input", "points.csv"});
    QCOMPARE(toStdout.exitCode, 0);
    QCOMPARE(toStdout.out.trimmed().split('\n'), rows);
}

// Kaggle's digit-recognizer layout: train.csv with "label,pixel0..", test.csv without labels. A
// network trained on pixels predicts from pixels (0-255), scaled as in training.
void TestCli::predictsKaggleStyleTestPixels() {
    // 4 x 4 images: class 1 when the right half is bright, 0 when the left half is.
    auto row = [](int label, int variation) {
        QByteArray line;
        for (int p = 0; p < 16; ++p) {
            const bool bright = (p % 4 >= 2) == (label == 1);
            line += (p ? "," : "") + QByteArray::number(bright ? 200 + (p * 7 + variation) % 55
                                                               : (p + variation) % 30);
        }
        return line;
    };
    QByteArray header;
    for (int p = 0; p < 16; ++p) header += (p ? ",pixel" : "pixel") + QByteArray::number(p);
    QByteArray train = "label," + header + "\n";
    for (int i = 0; i < 200; ++i) train += QByteArray::number(i % 2) + "," + row(i % 2, i) + "\n";
    write("digits-train.csv", train);
    QByteArray test = header + "\n";
    for (int i = 0; i < 20; ++i) test += row(i % 2, 1000 + i) + "\n";
    write("digits-test.csv", test);

    const Result trained =
        cli({"train", "--dataset", "csv:digits-train.csv", "--layers", "dense:8:relu", "--epochs",
             "20", "--lr", "0.1", "--save", "digits.koto"});
    QCOMPARE(trained.exitCode, 0);
    const Result predicted =
        cli({"predict", "--project", "digits.koto", "--input", "digits-test.csv"});
    QCOMPARE(predicted.exitCode, 0);
    const QList<QByteArray> lines = predicted.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 21);
    int right = 0;
    for (int i = 0; i < 20; ++i) right += lines[i + 1].split(',')[0].toInt() == i % 2;
    QCOMPARE(right, 20);

    QByteArray bad = header + "\n" + row(1, 5) + "\n";
    bad.replace(bad.lastIndexOf(','), bad.size() - bad.lastIndexOf(','), ",300\n");
    write("digits-bad.csv", bad);
    const Result refused =
        cli({"predict", "--project", "digits.koto", "--input", "digits-bad.csv"});
    QCOMPARE(refused.exitCode, 3);
    QVERIFY2(refused.err.contains(
                 "data row 1, column 16: the network was trained on pixels from 0 to 255, not 300"),
             refused.err.constData());
}

void TestCli::continueTrainingASavedProject() {
    const Result r = cli(
        {"train", "--project", "xor.koto", "--epochs", "2", "--json", "--save", "continued.koto"});
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0].value("epoch").toInt(), 31);  // counting on from the 30 saved epochs
    QCOMPARE(lines[2].value("epoch").toInt(), 32);
    QCOMPARE(lines[2].value("dataset").toString(), QStringLiteral("xor"));
    const Result evaluated = cli({"eval", "--project", "continued.koto", "--json"});
    QCOMPARE(evaluated.exitCode, 0);
    QCOMPARE(jsonLines(evaluated.out).value(0).value("epoch").toInt(), 32);
}

// The app saves node positions, its input noise as a first layer and the training panel's
// settings; train --project carries such a project on and keeps all of it.
void TestCli::trainsAProjectAsTheAppSavesIt() {
    QFile original(path("xor.koto"));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QJsonObject project = QJsonDocument::fromJson(original.readAll()).object();
    QJsonObject network = project.value("network").toObject();
    QJsonArray layers = network.value("layers").toArray();
    for (int i = 0; i < layers.size(); ++i) {
        QJsonObject layer = layers[i].toObject();
        layer["position"] = QJsonArray{120.0 * i, 40.5};
        layers[i] = layer;
    }
    layers.prepend(QJsonObject{
        {"type", "noise"}, {"name", "noise_1"}, {"sigma", 0.1}, {"position", QJsonArray{-80, 0}}});
    network["layers"] = layers;
    project["network"] = network;
    QJsonObject training = project.value("training").toObject();
    training["optimizer"] = "momentum";
    training["momentum"] = 0.8;
    training["validation"] = 0.2;
    project["training"] = training;
    write("from-the-app.koto", QJsonDocument(project).toJson());

    const Result r = cli({"train", "--project", "from-the-app.koto", "--epochs", "2", "--json",
                          "--save", "app-continued.koto"});
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0].value("epoch").toInt(), 31);
    QVERIFY(lines[0].contains("validation_loss"));
    QVERIFY2(lines[2].value("layers").toString().startsWith(QStringLiteral("noise:0.1,dense:")),
             qPrintable(lines[2].value("layers").toString()));

    QFile continued(path("app-continued.koto"));
    QVERIFY(continued.open(QIODevice::ReadOnly));
    const QJsonObject saved = QJsonDocument::fromJson(continued.readAll()).object();
    QCOMPARE(saved.value("network").toObject().value("layers").toArray(),
             layers);  // positions kept
    QCOMPARE(saved.value("training").toObject().value("optimizer").toString(),
             QStringLiteral("momentum"));
    QCOMPARE(saved.value("training").toObject().value("momentum").toDouble(), 0.8);
    QCOMPARE(saved.value("progress").toObject().value("epochs").toInt(), 32);
    QVERIFY(saved.value("weights").toArray() != project.value("weights").toArray());  // trained on
}

void TestCli::templatesAreListed() {
    const Result plain = cli({"templates"});
    QCOMPARE(plain.exitCode, 0);
    const Result json = cli({"templates", "--json"});
    QCOMPARE(json.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(json.out);
    QVERIFY(lines.size() >= 4);
    QStringList names;
    for (const QJsonObject& line : lines) {
        names << line.value("name").toString();
        QVERIFY(!line.value("title").toString().isEmpty());
        QVERIFY(!line.value("dataset").toString().isEmpty());
        QVERIFY(plain.out.contains(line.value("name").toString().toUtf8()));
    }
    for (const char* name : {"logistic", "mlp", "lenet"})
        QVERIFY2(names.contains(QLatin1String(name)), name);
}

void TestCli::confusionMatrixOfTheTestData() {
    const Result r = cli({"train", "--dataset", "xor", "--epochs", "3", "--json", "--confusion"});
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 0);
    const QJsonObject last = jsonLines(r.out).last();
    const QJsonArray rows = last.value("confusion").toArray();
    QCOMPARE(rows.size(), 2);
    int total = 0, diagonal = 0;
    for (int t = 0; t < 2; ++t)
        for (int p = 0; p < 2; ++p) {
            const int count = rows[t].toArray()[p].toInt();
            total += count;
            if (t == p) diagonal += count;
        }
    QCOMPARE(total, 250);  // xor's test half
    QCOMPARE(diagonal / 250.0, last.value("test_accuracy").toDouble());
    QCOMPARE(last.value("per_class_accuracy").toArray().size(), 2);
    const Result text = cli({"train", "--dataset", "xor", "--epochs", "1", "--confusion"});
    QVERIFY(text.out.contains("confusion matrix on the test data"));
    const Result regression = cli({"train", "--dataset", "plane", "--epochs", "1", "--confusion"});
    QCOMPARE(regression.exitCode, 2);  // refused before training
}

// --print-period N: a line at batches 0, N, 2N, ... of every epoch with the test cost then.
void TestCli::printPeriodReportsTheTestCost() {
    // 250 training points in batches of 10: 25 batches, reports at 0, 10 and 20.
    const Result r = cli({"train", "--dataset", "xor", "--epochs", "2", "--batch", "10",
                          "--print-period", "10", "--json"});
    QCOMPARE(r.exitCode, 0);
    QList<int> batches;
    for (const QJsonObject& line : jsonLines(r.out)) {
        if (!line.contains("batch")) continue;
        batches << line.value("batch").toInt();
        const double errorRate = line.value("test_error_rate").toDouble(-1);
        QVERIFY(errorRate >= 0 && errorRate <= 1);
        QVERIFY(line.value("test_loss").toDouble() > 0);
    }
    QCOMPARE(batches, (QList<int>{0, 10, 20, 0, 10, 20}));
    const Result text = cli({"train", "--dataset", "xor", "--epochs", "1", "--print-period", "20"});
    QVERIFY2(text.out.contains("test cost") && text.out.contains("error rate"),
             text.out.constData());
}

void TestCli::samplesDrawsAugmentedCopies() {
    if (!QFile::exists(
            QStringLiteral("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")))
        QSKIP("needs Debian's dataset-fashion-mnist, which the set-up command installs");
    const Result r =
        cli({"samples", "--dataset", "fashion-mnist:n=10,ntest=5", "--augment", "translate=2,flip",
             "--count", "2", "--variants", "3", "--scale", "2", "--out", "grid.pgm"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("sample 1: label 9 (Ankle boot)"), r.out.constData());
    QFile grid(path("grid.pgm"));
    QVERIFY(grid.open(QIODevice::ReadOnly));
    const QByteArray bytes = grid.readAll();
    // 4 images a row (the original and 3 copies), 2 rows; each 29 x 29 cells of 2 x 2 pixels.
    const QByteArray header =
        "P5\n" + QByteArray::number(4 * 58 + 2) + " " + QByteArray::number(2 * 58 + 2) + "\n255\n";
    QVERIFY(bytes.startsWith(header));
    QCOMPARE(bytes.size(), header.size() + (4 * 58 + 2) * (2 * 58 + 2));
    const Result digits = cli({"samples", "--dataset", "spiral", "--out", "no.pgm"});
    QCOMPARE(digits.exitCode, 3);
    QVERIFY(digits.err.contains("not an image dataset"));
}

void TestCli::listsDatasets() {
    const Result r = cli({"datasets"});
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 0);
    for (const char* name : {"circle", "xor", "gauss", "spiral", "moons", "plane", "multigauss",
                             "fashion-mnist", "idx", "csv", "sine", "firstbit", "parity", "seqimg"})
        QVERIFY2(r.out.contains(name), name);
    const Result json = cli({"datasets", "--json"});
    QCOMPARE(json.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(json.out);
    // the seven 2-D sets, fashion-mnist, idx:DIR, csv:PATH and the four sequence sets
    QCOMPARE(lines.size(), 14);
    QCOMPARE(lines[5].value("name").toString(), QStringLiteral("plane"));
    QCOMPARE(lines[5].value("task").toString(), QStringLiteral("regression"));
}

// An OpenCL driver that aborts the process as soon as it is loaded (PoCL does so without /sys):
// the device list says so, and training goes on on the CPU.
void TestCli::survivesACrashingOpenClDriver() {
    QVERIFY(QDir(dir_.path()).mkpath(QStringLiteral("vendors")));
    write(QStringLiteral("vendors/crashing.icd"), QByteArray(KOTO_CRASHING_DRIVER) + "\n");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OCL_ICD_VENDORS"), path(QStringLiteral("vendors")));
    const Result devices = cli({"devices"}, 60000, environment);
    QCOMPARE(devices.exitStatus, QProcess::NormalExit);
    QCOMPARE(devices.exitCode, 0);
    QVERIFY2(devices.out.contains("cpu") && devices.out.contains("crashed"),
             devices.out.constData());
    const Result train = cli({"train", "--dataset", "xor", "--epochs", "1", "--backend", "opencl"},
                             60000, environment);
    QCOMPARE(train.exitStatus, QProcess::NormalExit);
    QCOMPARE(train.exitCode, 0);
    QVERIFY2(train.err.contains("crashed") && train.err.contains("CPU"), train.err.constData());
}

// `kotohajime-cli train --json | head -1`: no SIGPIPE death, a clear stop with exit code 5.
void TestCli::stopsCleanlyWhenItsReaderGoesAway() {
    QProcess process;
    process.setWorkingDirectory(dir_.path());
    // bash reports the CLI's own status (141 had SIGPIPE killed it).
    process.start(QStringLiteral("bash"),
                  {"-c", "\"$0\" train --epochs 100000000 --json | head -1; exit ${PIPESTATUS[0]}",
                   QStringLiteral(KOTO_CLI_PATH)});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 5);
    QVERIFY(process.readAllStandardOutput().startsWith("{\"epoch\":1,"));
    QVERIFY(process.readAllStandardError().contains("cannot write the output"));
}

void TestCli::saysWhenNoOpenClPlatformExists() {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OCL_ICD_VENDORS"), path(QStringLiteral("no-vendors-here")));
    const Result devices = cli({"devices", "--json"}, 60000, environment);
    QCOMPARE(devices.exitStatus, QProcess::NormalExit);
    QCOMPARE(devices.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(devices.out);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[1].value("backend").toString(), QStringLiteral("opencl"));
    QVERIFY(lines[1].value("problem").toString().contains("no OpenCL platform"));
    const Result train = cli({"train", "--dataset", "xor", "--epochs", "1", "--backend", "opencl"},
                             60000, environment);
    QCOMPARE(train.exitCode, 0);
    QVERIFY2(train.err.contains("no OpenCL platform is installed; training on the CPU"),
             train.err.constData());
}

// The same training on the OpenCL device gives the CPU's learning curve (within rounding), and
// the project it saves evaluates and predicts there as on the CPU.
void TestCli::trainsEvaluatesAndPredictsOnOpenCl() {
    if (const QString why = whyNoOpenClPlatform(); !why.isEmpty()) QSKIP(qPrintable(why));
    const QStringList training{"train", "--dataset", "xor", "--epochs",
                               "5",     "--lr",      "0.1", "--json"};
    const Result onCpu = cli(training);
    const Result onOpenCl =
        cli(training + QStringList{"--backend", "opencl:0", "--save", "opencl.koto"}, 120000);
    QCOMPARE(onOpenCl.exitStatus, QProcess::NormalExit);
    QVERIFY2(onOpenCl.exitCode == 0, onOpenCl.err.constData());
    QVERIFY2(onOpenCl.err.contains("training on OpenCL device") &&
                 !onOpenCl.err.contains("on the CPU"),
             onOpenCl.err.constData());
    const QList<QJsonObject> expected = jsonLines(onCpu.out), actual = jsonLines(onOpenCl.out);
    QCOMPARE(actual.size(), 6);
    QCOMPARE(actual.size(), expected.size());
    for (int i = 0; i < actual.size(); ++i)
        for (const char* key : {"train_loss", "test_loss"})
            QVERIFY2(std::abs(actual[i].value(key).toDouble() - expected[i].value(key).toDouble()) <
                         1e-3,
                     qPrintable(QStringLiteral("epoch %1 %2").arg(i + 1).arg(key)));

    const Result evaluated =
        cli({"eval", "--project", "opencl.koto", "--json", "--backend", "opencl"}, 120000);
    QCOMPARE(evaluated.exitCode, 0);
    QVERIFY2(evaluated.err.contains("evaluating on OpenCL device"), evaluated.err.constData());
    const QList<QJsonObject> eval = jsonLines(evaluated.out);
    QCOMPARE(eval.size(), 1);
    QVERIFY(std::abs(eval[0].value("test_loss").toDouble() -
                     actual.last().value("test_loss").toDouble()) < 1e-6);

    const Result predictedOnCpu =
        cli({"predict", "--project", "opencl.koto", "--input", "points.csv"});
    // Under scripts/sanitize.sh address, GCC 12's LeakSanitizer crashes in its exit-time check
    // while it reads the thread-local storage of PoCL's threads in this process ("Tracer caught
    // signal 11 ... LeakSanitizer has encountered a fatal error"; use_tls=0 avoids it but then
    // reports glib's and the drivers' thread-local blocks). ASan still checks every access of
    // this run; predict's leaks are checked by the CPU runs of the other tests.
    QProcessEnvironment withoutLeakCheck = QProcessEnvironment::systemEnvironment();
    if (withoutLeakCheck.contains(QStringLiteral("ASAN_OPTIONS")))
        withoutLeakCheck.insert(QStringLiteral("ASAN_OPTIONS"),
                                withoutLeakCheck.value(QStringLiteral("ASAN_OPTIONS")) +
                                    QStringLiteral(":detect_leaks=0"));
    const Result predicted =
        cli({"predict", "--project", "opencl.koto", "--input", "points.csv", "--backend", "opencl"},
            120000, withoutLeakCheck);
    QVERIFY2(predicted.exitCode == 0, predicted.err.constData());
    const QList<QByteArray> rows = predicted.out.trimmed().split('\n'),
                            cpuRows = predictedOnCpu.out.trimmed().split('\n');
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows.size(), cpuRows.size());
    for (int i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i].split(',')[0], cpuRows[i].split(',')[0]);  // the same class
        QVERIFY(std::abs(rows[i].split(',')[2].toDouble() - cpuRows[i].split(',')[2].toDouble()) <
                1e-5);
    }
}

// Context creation, the kernel build and an allocation made to fail (KOTO_OPENCL_FAIL): one line
// on stderr says what failed, and the run trains on the CPU as if OpenCL had not been asked for.
void TestCli::fallsBackToTheCpuWhenOpenClFails_data() {
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QString>("expected");  // in standard error
    QTest::newRow("context") << "context"
                             << "creating the context for";
    QTest::newRow("kernel build") << "build"
                                  << "the kernels did not build";
    QTest::newRow("allocation") << "allocation"
                                << "CL_MEM_OBJECT_ALLOCATION_FAILURE";
}

void TestCli::fallsBackToTheCpuWhenOpenClFails() {
    QFETCH(QString, failure);
    QFETCH(QString, expected);
    if (const QString why = whyNoOpenClPlatform(); !why.isEmpty()) QSKIP(qPrintable(why));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("KOTO_OPENCL_FAIL"), failure);
    const QStringList training{"train", "--dataset", "xor", "--epochs", "2", "--json"};
    const Result r = cli(training + QStringList{"--backend", "opencl"}, 120000, environment);
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 0);
    QList<QByteArray> ours;  // stderr's lines from kotohajime-cli (the driver may add its own)
    for (const QByteArray& line : r.err.split('\n'))
        if (line.startsWith("kotohajime-cli")) ours << line;
    QCOMPARE(ours.size(), 1);
    QVERIFY2(ours[0].contains(expected.toUtf8()) &&
                 ours[0].contains("forced by KOTO_OPENCL_FAIL") &&
                 ours[0].endsWith("training on the CPU"),
             r.err.constData());
    // Exactly the CPU's run, but for the time it took.
    QList<QJsonObject> fellBack = jsonLines(r.out), onCpu = jsonLines(cli(training).out);
    QCOMPARE(fellBack.size(), 3);
    for (QList<QJsonObject>* lines : {&fellBack, &onCpu})
        for (QJsonObject& line : *lines) line.remove("seconds");
    QCOMPARE(fellBack, onCpu);
}

// The device gives out in the middle of training (KOTO_OPENCL_FAIL=run:N fails the N-th kernel
// launch, about 830 launches an epoch here, and everything after): one line on stderr says so and
// from which step and epoch the CPU goes on, and the run ends as one run of all its epochs.
void TestCli::continuesOnTheCpuWhenTheDeviceFailsMidRun() {
    if (const QString why = whyNoOpenClPlatform(); !why.isEmpty()) QSKIP(qPrintable(why));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("KOTO_OPENCL_FAIL"), QStringLiteral("run:2000"));
    const QStringList training{"train",  "--dataset", "xor",    "--epochs", "6",
                               "--json", "--backend", "opencl", "--save",   "taken-over.koto"};
    const Result r = cli(training, 120000, environment);
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 0);
    QList<QByteArray> ours;  // stderr's lines from kotohajime-cli (the driver may add its own)
    for (const QByteArray& line : r.err.split('\n'))
        if (line.startsWith("kotohajime-cli")) ours << line;
    QCOMPARE(ours.size(), 2);
    QVERIFY2(ours[0].contains("training on OpenCL device"), r.err.constData());
    const QRegularExpression takeover(
        QStringLiteral("^kotohajime-cli: OpenCL: .*CL_OUT_OF_RESOURCES.*forced by "
                       "KOTO_OPENCL_FAIL.*; training goes on on the CPU "
                       "from step (\\d+) \\(epoch (\\d+)\\)$"));
    const QRegularExpressionMatch match = takeover.match(QString::fromUtf8(ours[1]));
    QVERIFY2(match.hasMatch(), ours[1].constData());
    const int step = match.captured(1).toInt(), epoch = match.captured(2).toInt();
    QVERIFY2(epoch >= 1 && epoch <= 4, ours[1].constData());  // in the middle of the run
    QCOMPARE(step, epoch * 25);  // the end of that epoch: the device could not be read any more

    const QList<QJsonObject> lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 7);
    for (int i = 0; i < 6; ++i) {
        QCOMPARE(lines[i].value("epoch").toInt(), i + 1);
        QCOMPARE(lines[i].value("steps").toInt(), (i + 1) * 25);
    }
    QVERIFY(lines[6].value("final").toBool());
    QCOMPARE(lines[6].value("epoch").toInt(), 6);
    QCOMPARE(lines[6].value("steps").toInt(), 150);

    QFile saved(path("taken-over.koto"));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QJsonObject project = QJsonDocument::fromJson(saved.readAll()).object();
    QCOMPARE(project.value("progress").toObject().value("epochs").toInt(), 6);
    QCOMPARE(project.value("progress").toObject().value("steps").toInt(), 150);
    const QJsonArray curves = project.value("curves").toArray();
    QCOMPARE(curves.size(), 6);
    for (int i = 0; i < curves.size(); ++i)
        QCOMPARE(curves[i].toObject().value("epoch").toInt(), i + 1);

    // Before the first epoch ends: the CPU starts again from the initial weights, and says so.
    // Those are drawn from the seed on the host, so the run is exactly the CPU's.
    environment.insert(QStringLiteral("KOTO_OPENCL_FAIL"), QStringLiteral("run:2"));
    const QStringList shortRun{"train", "--dataset", "xor", "--epochs", "2", "--json"};
    const Result early = cli(shortRun + QStringList{"--backend", "opencl"}, 120000, environment);
    QCOMPARE(early.exitCode, 0);
    QVERIFY2(early.err.contains(
                 "training goes on on the CPU from step 0 (epoch 0), its initial weights"),
             early.err.constData());
    QList<QJsonObject> tookOver = jsonLines(early.out), onCpu = jsonLines(cli(shortRun).out);
    QCOMPARE(tookOver.size(), 3);
    for (QList<QJsonObject>* list : {&tookOver, &onCpu})
        for (QJsonObject& line : *list) line.remove("seconds");
    QCOMPARE(tookOver, onCpu);
}

void TestCli::listsTheCpuDevice() {
    const Result r = cli({"devices"});
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("cpu"), r.out.constData());
    const Result json = cli({"devices", "--json"});
    QCOMPARE(json.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(json.out);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines[0].value("backend").toString(), QStringLiteral("cpu"));
}

// --threads N, taken by every command: `devices` says the number, and a training run's curve is
// the same with 1 and 3 threads (a network large enough that its products are shared).
void TestCli::threadsOptionChangesNothingButSpeed() {
    const Result devices = cli({"devices", "--threads", "3", "--json"});
    QCOMPARE(devices.exitCode, 0);
    QCOMPARE(jsonLines(devices.out).value(0).value("threads").toInt(), 3);
    const QStringList run{
        "train",   "--dataset", "spiral:n=600", "--layers", "dense:128:tanh,dense:128:relu",
        "--batch", "256",       "--epochs",     "3",        "--json"};
    QList<QJsonObject> one = jsonLines(cli(run + QStringList{"--threads", "1"}).out),
                       three = jsonLines(cli(run + QStringList{"--threads=3"}).out);
    QCOMPARE(one.size(), 4);  // three epochs and the summary
    for (QList<QJsonObject>* list : {&one, &three})
        for (QJsonObject& line : *list) line.remove("seconds");
    QCOMPARE(one, three);
}

void TestCli::threadsOptionRefusesBadValues_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("zero") << QStringList{"devices", "--threads", "0"};
    QTest::newRow("too many") << QStringList{"devices", "--threads=100000"};
    QTest::newRow("not a number") << QStringList{"datasets", "--threads", "two"};
    QTest::newRow("no value") << QStringList{"devices", "--threads"};
}

void TestCli::threadsOptionRefusesBadValues() {
    QFETCH(QStringList, arguments);
    const Result r = cli(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--threads"), r.err.constData());
}

void TestCli::gradcheckJson_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("tensors");
    const QStringList threeLayers{"dense_1.W", "dense_1.b", "dense_2.W",
                                  "dense_2.b", "dense_3.W", "dense_3.b"};
    const QStringList twoLayers{"dense_1.W", "dense_1.b", "dense_2.W", "dense_2.b"};
    QTest::newRow("defaults") << QStringList{} << threeLayers;
    QTest::newRow("relu layers") << QStringList{"--layers", "dense:8:relu,dense:8:relu"}
                                 << threeLayers;
    QTest::newRow("sigmoid, bce") << QStringList{"--layers", "dense:6:sigmoid", "--loss",
                                                 "bce",      "--dataset",       "xor"}
                                  << twoLayers;
    QTest::newRow("plane, mse") << QStringList{"--layers", "dense:6:tanh", "--dataset",
                                               "plane",    "--samples",    "40"}
                                << twoLayers;
    QTest::newRow("rnn and lstm on firstbit")
        << QStringList{"--dataset", "firstbit:5",
                       "--layers",  "rnn:4:tanh:xavier,lstm:3:orthogonal,seq:last",
                       "--samples", "4"}
        << QStringList{"rnn_1.Wx",  "rnn_1.Wh", "rnn_1.b",   "lstm_1.Wx",
                       "lstm_1.Wh", "lstm_1.b", "dense_1.W", "dense_1.b"};
}

void TestCli::gradcheckJson() {
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, tensors);
    const Result r = cli(QStringList{"gradcheck", "--json"} + arguments);
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(r.out);
    QStringList names;
    for (const QJsonObject& line : lines) {
        names << line.value("tensor").toString();
        QVERIFY(line.value("max_relative_error").isDouble());
        QVERIFY2(line.value("max_relative_error").toDouble() < 1e-6,
                 qPrintable(QStringLiteral("%1: %2")
                                .arg(line.value("tensor").toString())
                                .arg(line.value("max_relative_error").toDouble())));
        QVERIFY(line.value("elements").toInt() > 0);
    }
    QCOMPARE(names, tensors);  // one object per parameter tensor, W and b of every layer
}

// At initialisation, per time step: a SimpleRNN's gradient fades toward step 1, more than an
// LSTM's; --init changes the recurrent weights and so the numbers, and so does --epochs.
void TestCli::bpttJsonPrintsEveryStep() {
    const auto norms = [this](const QStringList& arguments, const char* key) {
        const Result r = cli(QStringList{"bptt", "--dataset", "firstbit:10", "--json"} + arguments);
        std::vector<double> values;
        if (r.exitStatus != QProcess::NormalExit || r.exitCode != 0) return values;
        int step = 0;
        for (const QJsonObject& line : jsonLines(r.out)) {
            if (line.value("step").toInt() != ++step || !line.value(key).isDouble())
                return std::vector<double>{};
            values.push_back(line.value(key).toDouble());
        }
        return values;
    };
    const std::vector<double> rnn = norms({"--layers", "rnn:16,seq:last"}, "grad_norm");
    QCOMPARE(rnn.size(), size_t{10});
    QVERIFY2(rnn.front() < 0.1 * rnn.back(),
             qPrintable(QStringLiteral("%1 at step 1, %2 at 10").arg(rnn.front()).arg(rnn.back())));
    const std::vector<double> cells = norms({"--layers", "lstm:16,seq:last"}, "cell_grad_norm");
    QCOMPARE(cells.size(), size_t{10});
    QVERIFY(cells.front() > 0);
    const std::vector<double> lstm = norms({"--layers", "lstm:16,seq:last"}, "grad_norm");
    QCOMPARE(lstm.size(), size_t{10});
    QVERIFY(lstm.front() / lstm.back() > rnn.front() / rnn.back());
    QVERIFY(
        norms({"--layers", "rnn:16,seq:last"}, "cell_grad_norm").empty());  // no cell, no such key
    // The forget gate starts near sigmoid(1) = 0.73 (its bias is 1, the weights small).
    const std::vector<double> forget = norms({"--layers", "lstm:16,seq:last"}, "forget_gate_mean");
    QCOMPARE(forget.size(), size_t{10});
    QVERIFY2(forget.front() > 0.6 && forget.front() < 0.85,
             qPrintable(QString::number(forget.front())));
    // After two epochs of training the weights, and so the norms, are others.
    const std::vector<double> trained =
        norms({"--layers", "lstm:16,seq:last", "--epochs", "2"}, "cell_grad_norm");
    QCOMPARE(trained.size(), size_t{10});
    QVERIFY(trained.back() != cells.back());
    const std::vector<double> orthogonal =
        norms({"--layers", "rnn:16,seq:last", "--init", "orthogonal"}, "grad_norm");
    QCOMPARE(orthogonal.size(), size_t{10});
    QVERIFY(orthogonal.front() != rnn.front());
}

void TestCli::helpExitsZero_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("--help") << QStringList{"--help"} << "commands:";
    QTest::newRow("help") << QStringList{"help"} << "commands:";
    for (const char* command : {"train", "eval", "predict", "gradcheck", "bptt", "datasets",
                                "samples", "devices", "animate"})
        QTest::addRow("%s --help", command)
            << QStringList{command, "--help"} << QString("kotohajime-cli ") + command;
    QTest::newRow("help among other options")
        << QStringList{"train", "--epochs", "5", "-h"} << "--layers";
}

void TestCli::helpExitsZero() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Result r = cli(arguments);
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(expected.toUtf8()), r.out.constData());
}

void TestCli::trainsAnAutoencoder() {
    const Result r = cli({"train", "--model", "autoencoder:16,4:sigmoid", "--tied", "--denoise",
                          "0.1", "--dataset", "fashion-mnist:n=200", "--optimizer", "adam", "--lr",
                          "0.01", "--batch", "20", "--epochs", "4", "--json", "--save", "ae.koto"});
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QJsonObject> lines = jsonLines(r.out);
    QVERIFY2(lines.size() == 4, r.out.constData());
    for (const QJsonObject& line : lines)
        for (const char* key :
             {"epoch", "train_reconstruction_mse", "test_reconstruction_mse", "train_loss"})
            QVERIFY2(line.value(key).isDouble(), key);
    QVERIFY(lines.last().value("train_reconstruction_mse").toDouble() <
            lines.first().value("train_reconstruction_mse").toDouble());
    QFile saved(path("ae.koto"));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QJsonObject project = QJsonDocument::fromJson(saved.readAll()).object();
    QCOMPARE(project.value("model").toObject().value("kind").toString(),
             QStringLiteral("autoencoder"));
    // eval and predict are for classifiers and regression: said, not attempted.
    const Result evaluated = cli({"eval", "--project", "ae.koto"});
    QCOMPARE(evaluated.exitCode, 3);
    QVERIFY2(evaluated.err.contains("holds an autoencoder"), evaluated.err.constData());
    const Result continued = cli({"train", "--project", "ae.koto", "--epochs", "1"});
    QCOMPARE(continued.exitCode, 3);
    QVERIFY2(continued.err.contains("holds an autoencoder"), continued.err.constData());
}

void TestCli::trainsAnRbm() {
    const Result r =
        cli({"train", "--model", "rbm:16", "--cd", "2", "--dataset", "fashion-mnist:n=200", "--lr",
             "0.05", "--batch", "20", "--epochs", "3", "--json", "--save", "rbm.koto"});
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QJsonObject> lines = jsonLines(r.out);
    QVERIFY2(lines.size() == 3, r.out.constData());
    for (const QJsonObject& line : lines)
        for (const char* key : {"train_reconstruction_error", "test_reconstruction_error",
                                "train_free_energy", "test_free_energy"})
            QVERIFY2(line.value(key).isDouble(), key);
    QCOMPARE(lines.last().value("steps").toInt(), 30);  // 200 images in batches of 20, 3 epochs
    QVERIFY(lines.last().value("train_reconstruction_error").toDouble() <
            lines.first().value("train_reconstruction_error").toDouble());
    QFile saved(path("rbm.koto"));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QJsonObject model =
        QJsonDocument::fromJson(saved.readAll()).object().value("model").toObject();
    QCOMPARE(model.value("kind").toString(), QStringLiteral("rbm"));
    QCOMPARE(model.value("hidden").toInt(), 16);
    QCOMPARE(model.value("cd").toInt(), 2);
    QVERIFY(!model.value("persistent").toBool());

    const Result readable = cli({"train", "--model", "rbm:8", "--persistent", "--dataset",
                                 "fashion-mnist:n=100", "--epochs", "1"});
    QCOMPARE(readable.exitCode, 0);
    QVERIFY2(readable.out.contains("reconstruction error") && readable.out.contains("free energy"),
             readable.out.constData());
}

void TestCli::pretrainsAClassifier() {
    const Result r =
        cli({"train", "--dataset", "fashion-mnist:n=200", "--layers", "dense:16:sigmoid",
             "--pretrain", "rbm", "--pretrain-epochs", "2", "--epochs", "1", "--json"});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QJsonObject> lines = jsonLines(r.out);
    QVERIFY2(lines.size() == 4,
             r.out.constData());  // two pre-training epochs, one epoch, the summary
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(lines[i].value("pretrain").toString(), QStringLiteral("rbm"));
        QCOMPARE(lines[i].value("epoch").toInt(), i + 1);
        QVERIFY(lines[i].value("reconstruction_error").isDouble() &&
                lines[i].value("free_energy").isDouble());
    }
    QVERIFY(lines[2].value("test_accuracy").isDouble());
    QVERIFY(lines[3].value("final").toBool());

    const Result autoencoder =
        cli({"train", "--dataset", "fashion-mnist:n=100", "--layers", "dense:8:relu", "--pretrain",
             "autoencoder", "--pretrain-epochs", "1", "--epochs", "1"});
    QVERIFY2(autoencoder.exitCode == 0, autoencoder.err.constData());
    QVERIFY2(autoencoder.out.startsWith("pretrain autoencoder epoch   1  reconstruction error"),
             autoencoder.out.constData());

    // Pre-training on other inputs: the unlabelled images beside a few labelled ones.
    const Result elsewhere =
        cli({"train", "--dataset", "fashion-mnist:n=50", "--layers", "dense:8:sigmoid",
             "--pretrain", "rbm", "--pretrain-data", "fashion-mnist:n=300", "--pretrain-epochs",
             "1", "--epochs", "1"});
    QVERIFY2(elsewhere.exitCode == 0, elsewhere.err.constData());
    const Result mismatch =
        cli({"train", "--dataset", "fashion-mnist:n=50", "--layers", "dense:8:sigmoid",
             "--pretrain", "rbm", "--pretrain-data", "xor", "--epochs", "1"});
    QCOMPARE(mismatch.exitCode, 3);
    QVERIFY2(mismatch.err.contains(
                 "the pre-training data xor has 2 inputs per sample but the classifier takes 784"),
             mismatch.err.constData());
}

void TestCli::usageErrorsExitTwo_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");  // in standard error
    QTest::newRow("no command") << QStringList{} << "";
    QTest::newRow("--model gan") << QStringList{"train", "--model", "gan", "--dataset", "xor"}
                                 << "--model must be autoencoder:SIZES";
    QTest::newRow("--model autoencoder:")
        << QStringList{"train", "--model", "autoencoder:", "--dataset", "xor"}
        << "give the encoder's sizes";
    QTest::newRow("--model with --layers")
        << QStringList{"train", "--model", "rbm:4", "--layers", "dense:2:tanh"} << "drop --layers";
    QTest::newRow("--cd for an autoencoder")
        << QStringList{"train", "--model", "autoencoder:4", "--dataset", "xor", "--cd", "2"}
        << "--cd and --persistent are for an RBM";
    QTest::newRow("--tied alone") << QStringList{"train", "--tied"}
                                  << "--tied needs --model or --pretrain";
    QTest::newRow("--pretrain gan")
        << QStringList{"train", "--pretrain", "gan"} << "--pretrain must be rbm or autoencoder";
    QTest::newRow("--pretrain a project")
        << QStringList{"train", "--pretrain", "rbm", "--project", "xor.koto"}
        << "--project already has weights";
    QTest::newRow("unknown command")
        << QStringList{"frobnicate"} << "unknown command \"frobnicate\"";
    QTest::newRow("unknown option")
        << QStringList{"train", "--frob", "1"} << "unknown option --frob";
    QTest::newRow("stray argument") << QStringList{"train", "spiral"} << "unexpected argument";
    QTest::newRow("--lr abc") << QStringList{"train", "--lr", "abc"} << "--lr needs a number";
    QTest::newRow("--lr 0") << QStringList{"train", "--lr", "0"}
                            << "--lr must be a positive number";
    QTest::newRow("--lr -1") << QStringList{"train", "--lr=-1"} << "--lr must be a positive number";
    QTest::newRow("--batch 0") << QStringList{"train", "--batch", "0"}
                               << "--batch must be a whole number from 1 to 1000000, not 0";
    QTest::newRow("--epochs 1.5") << QStringList{"train", "--epochs", "1.5"}
                                  << "--epochs needs a whole number";
    QTest::newRow("--seed -1") << QStringList{"train", "--seed", "-1"}
                               << "--seed must be a whole number from 0";
    QTest::newRow("--loss xyz") << QStringList{"train", "--loss", "xyz"}
                                << "--loss must be ce, bce or mse";
    QTest::newRow("--clip-norm -1")
        << QStringList{"train", "--clip-norm", "-1"} << "--clip-norm must be";
    QTest::newRow("bptt --init he")
        << QStringList{"bptt", "--init", "he"} << "--init must be uniform, xavier or orthogonal";
    QTest::newRow("--optimizer lbfgs")
        << QStringList{"train", "--optimizer", "lbfgs"} << "--optimizer must be";
    QTest::newRow("--momentum 1") << QStringList{"train", "--momentum", "1"}
                                  << "--momentum must be";
    QTest::newRow("--decay -0.1") << QStringList{"train", "--decay", "-0.1"} << "--decay must be";
    QTest::newRow("--schedule step:0:0.5")
        << QStringList{"train", "--schedule", "step:0:0.5"} << "--schedule";
    QTest::newRow("--schedule cosine")
        << QStringList{"train", "--schedule", "cosine"} << "unknown schedule";
    QTest::newRow("--backend tpu")
        << QStringList{"train", "--backend", "tpu"} << "--backend must be cpu, opencl or opencl:N";
    QTest::newRow("--backend opencl:x")
        << QStringList{"eval", "--project", "xor.koto", "--backend", "opencl:x"}
        << "--backend must be cpu, opencl or opencl:N";
    QTest::newRow("value missing") << QStringList{"train", "--epochs"} << "--epochs needs a value";
    QTest::newRow("flag with a value")
        << QStringList{"train", "--json=yes"} << "--json takes no value";
    QTest::newRow("eval without --project") << QStringList{"eval"} << "--project is required";
    QTest::newRow("predict without --input")
        << QStringList{"predict", "--project", "xor.koto"} << "--input is required";
    QTest::newRow("--project with --layers")
        << QStringList{"train", "--project", "xor.koto", "--layers", "dense:4"} << "drop --layers";
    QTest::newRow("--augment shear")
        << QStringList{"train", "--augment", "shear=2"} << "--augment: augmentation: unknown";
    QTest::newRow("--print-period 0")
        << QStringList{"train", "--print-period", "0"} << "--print-period must be between";
    QTest::newRow("--lr -1 beside a project")
        << QStringList{"train", "--project", "xor.koto", "--lr", "-1"}
        << "--lr must be a positive number, not -1";
    QTest::newRow("--batch 1e15 digits")
        << QStringList{"train", "--batch", "1000000000000000"}
        << "--batch must be a whole number from 1 to 1000000, not 1000000000000000";
    QTest::newRow("--validation 2")
        << QStringList{"train", "--validation", "2"}
        << "--validation must be a share of at least 0 and below 1, not 2";
    QTest::newRow("--augment rotate=1e308")
        << QStringList{"train", "--augment", "rotate=1e308"}
        << "--augment: augmentation: rotate must be a number from 0 to 180";
    QTest::newRow("--early-stop -1") << QStringList{"train", "--early-stop", "-1"}
                                     << "--early-stop must be a whole number from 0 to 1000000";
    QTest::newRow("samples without --out") << QStringList{"samples"} << "--out is required";
    QTest::newRow("samples --variants without --augment")
        << QStringList{"samples", "--out", "x.pgm", "--variants", "2"}
        << "--variants needs --augment";
    QTest::newRow("gradcheck --samples 0")
        << QStringList{"gradcheck", "--samples", "0"} << "--samples must be between";
}

void TestCli::usageErrorsExitTwo() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Result r = cli(arguments);
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(expected.toUtf8()), r.err.constData());
}

void TestCli::badInputExitsThree_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");  // in standard error
    QTest::newRow("missing project file")
        << QStringList{"eval", "--project", "no-such.koto"} << "no-such.koto";
    QTest::newRow("corrupt project file")
        << QStringList{"eval", "--project", "corrupt.koto"} << "not valid JSON";
    QTest::newRow("corrupt project, predict")
        << QStringList{"predict", "--project", "corrupt.koto", "--input", "points.csv"}
        << "corrupt.koto";
    QTest::newRow("corrupt project, train")
        << QStringList{"train", "--project", "corrupt.koto"} << "corrupt.koto";
    QTest::newRow("CSV as project")
        << QStringList{"eval", "--project", "points.csv"} << "not valid JSON";
    QTest::newRow("unknown dataset")
        << QStringList{"train", "--dataset", "nosuch"} << "unknown dataset \"nosuch\"";
    QTest::newRow("an RBM on spiral")
        << QStringList{"train", "--model", "rbm:4", "--dataset", "spiral"}
        << "inputs must lie in [0, 1]";
    QTest::newRow("pre-training a conv network")
        << QStringList{"train",    "--dataset",        "fashion-mnist:n=20",
                       "--layers", "conv:2:3,flatten", "--pretrain",
                       "rbm"}
        << "pre-training needs a dense layer first";
    QTest::newRow("noise=2") << QStringList{"train", "--dataset", "spiral:noise=2"}
                             << "noise must be between 0 and 0.5";
    QTest::newRow("eval on an unknown dataset")
        << QStringList{"eval", "--project", "xor.koto", "--dataset", "nosuch"} << "unknown dataset";
    QTest::newRow("predict CSV with 3 columns")
        << QStringList{"predict", "--project", "xor.koto", "--input", "three-columns.csv"}
        << "rows have 3 values, the network takes 2";
    QTest::newRow("predict CSV missing")
        << QStringList{"predict", "--project", "xor.koto", "--input", "none.csv"} << "none.csv";
    QTest::newRow("layer dense:0") << QStringList{"train", "--layers", "dense:0"} << "dense:0";
    QTest::newRow("layer bogus:3")
        << QStringList{"train", "--layers", "bogus:3"} << "unknown layer token";
    QTest::newRow("activation swish")
        << QStringList{"train", "--layers", "dense:4:swish"} << "unknown activation";
    QTest::newRow("bce on regression")
        << QStringList{"train", "--dataset", "plane", "--loss", "bce"} << "regression";
    QTest::newRow("augmenting points")
        << QStringList{"train", "--dataset", "spiral", "--augment", "translate=1"}
        << "not an image dataset";
    QTest::newRow("gradcheck, bad layers")
        << QStringList{"gradcheck", "--layers", "dense:x"} << "dense:x";
    QTest::newRow("bptt on data that is not a sequence")
        << QStringList{"bptt", "--dataset", "xor", "--layers", "rnn:4,seq:last"}
        << "rnn_1 needs sequence data";
    QTest::newRow("bptt without a recurrent layer")
        << QStringList{"bptt", "--dataset", "firstbit:4", "--layers", "dense:4:tanh"}
        << "needs a recurrent layer";
    QTest::newRow("dense right after rnn")
        << QStringList{"train", "--dataset", "firstbit:4", "--layers", "rnn:4,dense:4:tanh"}
        << "seq:last";
    QTest::newRow("seq:many on one target a sequence")
        << QStringList{"train", "--dataset", "sine", "--layers", "lstm:4,seq:many"}
        << "targets=every";
}

void TestCli::badInputExitsThree() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const Result r = cli(arguments);
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(expected.toUtf8()), r.err.constData());
}

// Files that are not files, saves over what is not a file, and cells no message should echo
// whole (issue 18): each is refused promptly with exit code 3 and one line on standard error, and
// nothing that was there is replaced.
void TestCli::makeHostileFiles() {
    if (QFile::exists(path("hostile.fifo"))) return;
    QCOMPARE(::mkfifo(qPrintable(path("hostile.fifo")), 0600), 0);
    QCOMPARE(::symlink("hostile.fifo", qPrintable(path("fifo.link"))), 0);
    QVERIFY(QDir(dir_.path()).mkdir("a-folder"));
    // A project whose dataset is /dev/zero.
    QFile trained(path("xor.koto"));
    QVERIFY(trained.open(QIODevice::ReadOnly));
    QJsonObject project = QJsonDocument::fromJson(trained.readAll()).object();
    project["dataset"] = "csv:/dev/zero";
    write("zero-data.koto", QJsonDocument(project).toJson());
    // A 50 MB cell, and one holding a NUL and an escape sequence.
    write("huge-cell.csv", "x,y\n1,2\n3," + QByteArray(50 << 20, '7') + "z\n");
    write("nul-cell.csv", QByteArray("x,y\n1,2\n3,4\0\x1b[2Jz\n", 18));
}

void TestCli::hostileFilesExitThree_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");  // in the one line on standard error
    const QString device = "is a character device, not a file";
    const QString fifo = "is a FIFO (named pipe), not a file";
    QTest::newRow("train on csv:/dev/zero")
        << QStringList{"train", "--dataset", "csv:/dev/zero"} << device;
    QTest::newRow("train on a FIFO")
        << QStringList{"train", "--dataset", "csv:hostile.fifo"} << fifo;
    QTest::newRow("project /dev/zero") << QStringList{"eval", "--project", "/dev/zero"} << device;
    QTest::newRow("project a FIFO") << QStringList{"eval", "--project", "hostile.fifo"} << fifo;
    QTest::newRow("continue a FIFO") << QStringList{"train", "--project", "fifo.link"} << fifo;
    QTest::newRow("project's dataset /dev/zero")
        << QStringList{"eval", "--project", "zero-data.koto"} << device;
    QTest::newRow("eval on a FIFO")
        << QStringList{"eval", "--project", "xor.koto", "--dataset", "csv:fifo.link"} << fifo;
    QTest::newRow("predict /dev/zero")
        << QStringList{"predict", "--project", "xor.koto", "--input", "/dev/zero"} << device;
    QTest::newRow("predict /dev/urandom")
        << QStringList{"predict", "--project", "xor.koto", "--input", "/dev/urandom"} << device;
    QTest::newRow("predict a FIFO")
        << QStringList{"predict", "--project", "xor.koto", "--input", "hostile.fifo"} << fifo;
    QTest::newRow("predict a folder")
        << QStringList{"predict", "--project", "xor.koto", "--input", "a-folder"}
        << "is a folder, not a file";
    const QString notReplaced = "; only a regular file is replaced, and nothing was written";
    QTest::newRow("save onto a FIFO")
        << QStringList{"train", "--dataset", "xor", "--epochs", "1", "--save", "hostile.fifo"}
        << "cannot write hostile.fifo: it " + fifo + notReplaced;
    QTest::newRow("save through a link to a FIFO")
        << QStringList{"train", "--dataset", "xor", "--epochs", "1", "--save", "fifo.link"}
        << "cannot write fifo.link: it leads to hostile.fifo, which " + fifo + notReplaced;
    QTest::newRow("save an RBM onto a FIFO")
        << QStringList{"train",  "--model",     "rbm:4", "--dataset", "fashion-mnist:n=10,ntest=5",
                       "--save", "hostile.fifo"}
        << fifo;
    QTest::newRow("save onto a folder")
        << QStringList{"train", "--dataset", "xor", "--epochs", "1", "--save", "a-folder"}
        << "it is a folder, not a file";
    QTest::newRow("predict's output onto a FIFO")
        << QStringList{"predict",    "--project", "xor.koto", "--input",
                       "points.csv", "--output",  "fifo.link"}
        << fifo;
    QTest::newRow("samples onto a FIFO")
        << QStringList{"samples", "--dataset", "spiral", "--out", "hostile.fifo"} << fifo;
    QTest::newRow("a 50 MB cell")
        << QStringList{"predict", "--project", "xor.koto", "--input", "huge-cell.csv"}
        << "line 3, column 2: \"777777777777777777777777777777777777777777777777...\" is not "
           "a number";
    QTest::newRow("a NUL in a cell")
        << QStringList{"predict", "--project", "xor.koto", "--input", "nul-cell.csv"}
        << "line 3, column 2: \"4\\x00\\x1b[2Jz\" is not a number";
}

void TestCli::hostileFilesExitThree() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    makeHostileFiles();
    QElapsedTimer timer;
    timer.start();
    const Result r = cliUnderLimits(arguments);
    QVERIFY2(timer.elapsed() < 20000, "not refused in time");
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(expected.toUtf8()), r.err.left(400).constData());
    QVERIFY2(r.err.count('\n') == 1 && r.err.endsWith('\n'), r.err.left(400).constData());
    QVERIFY2(r.err.size() < 400, r.err.left(400).constData());
    // Nothing there was replaced.
    struct stat info = {};
    QCOMPARE(::lstat(qPrintable(path("hostile.fifo")), &info), 0);
    QVERIFY(S_ISFIFO(info.st_mode));
    QCOMPARE(::lstat(qPrintable(path("fifo.link")), &info), 0);
    QVERIFY(S_ISLNK(info.st_mode));
    QCOMPARE(QDir(dir_.path()).entryList({"*.tmp-*"}, QDir::AllEntries | QDir::System),
             QStringList());
}

// --save onto a link writes the file it leads to; the link stays a link.
void TestCli::savesThroughASymbolicLink() {
    QVERIFY(QDir(dir_.path()).mkpath("saved"));
    write("saved/real.koto", "old");
    QCOMPARE(::symlink("saved/real.koto", qPrintable(path("link.koto"))), 0);
    const Result r =
        cliUnderLimits({"train", "--dataset", "xor", "--epochs", "1", "--save", "link.koto"});
    QCOMPARE(r.exitCode, 0);
    struct stat info = {};
    QCOMPARE(::lstat(qPrintable(path("link.koto")), &info), 0);
    QVERIFY(S_ISLNK(info.st_mode));
    QCOMPARE(cliUnderLimits({"eval", "--project", "saved/real.koto"}).exitCode, 0);
}

// A project whose values are out of range, or whose weights are not finite, is refused as it is
// read: exit 3 and one line naming the file and the field, never a flag the user did not pass.
void TestCli::badProjectValuesExitThree_data() {
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("section");  // "" for the top level
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    struct Case {
        const char* name;
        QString section, key;
        QJsonValue value;
        QString expected;
    };
    const std::vector<Case> cases{
        {"learning rate -1", "training", "learning_rate", -1,
         "training.learning_rate must be a positive number, not -1"},
        {"batch size 0", "training", "batch_size", 0,
         "training.batch_size must be a whole number from 1 to 1000000, not 0"},
        {"batch size 1e15", "training", "batch_size", 1e15,
         "training.batch_size must be a whole number from 1 to 1000000"},
        {"epochs 1e308", "training", "epochs", 1e308,
         "training.epochs must be a whole number from 0 to 100000000, not 1e+308"},
        {"epochs -1", "training", "epochs", -1,
         "training.epochs must be a whole number from 0 to 100000000, not -1"},
        {"seed -1", "training", "seed", -1, "training.seed must be a whole number from 0"},
        {"clip norm -1", "training", "clip_norm", -1, "training.clip_norm must be a number"},
        {"unknown optimizer", "training", "optimizer", "lbfgs",
         "training.optimizer must be sgd, momentum"},
        {"unknown schedule", "training", "schedule", "cosine",
         "training.schedule: unknown schedule \"cosine\""},
        {"validation 2", "training", "validation", 2.0,
         "training.validation must be a share of at least 0 and below 1, not 2"},
        {"rotate 1e308", "training", "augment", "rotate=1e308",
         "training.augment: augmentation: rotate must be a number from 0 to 180"},
        {"negative steps", "progress", "steps", -1, "progress.steps must be at least 0, not -1"},
        {"schema version -1", "", "schema_version", -1, "schema_version must be 1, not -1"},
    };
    for (const Case& c : cases)
        for (const QString command : {"eval", "train"})
            QTest::newRow(qPrintable(command + ", " + c.name))
                << command << c.section << c.key << c.value << c.expected;
    // The weights: a float put at dense_1.W [0, 1] (2 x 8).
    for (const QString command : {"eval", "train"}) {
        QTest::newRow(qPrintable(command + ", NaN weights"))
            << command << "weights"
            << "" << QJsonValue("nan") << "weights dense_1.W holds a NaN at [0, 1]";
        QTest::newRow(qPrintable(command + ", infinite weights"))
            << command << "weights"
            << "" << QJsonValue("inf") << "weights dense_1.W holds an infinity at [0, 1]";
    }
}

void TestCli::badProjectValuesExitThree() {
    QFETCH(QString, command);
    QFETCH(QString, section);
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    QFile good(path("xor.koto"));
    QVERIFY(good.open(QIODevice::ReadOnly));
    QJsonObject project = QJsonDocument::fromJson(good.readAll()).object();
    if (section == "weights") {
        QJsonArray weights = project["weights"].toArray();
        QJsonObject first = weights[0].toObject();
        QByteArray data = QByteArray::fromBase64(first["data"].toString().toLatin1());
        const float bad =
            value.toString() == "nan" ? std::nanf("") : std::numeric_limits<float>::infinity();
        std::memcpy(data.data() + sizeof(float), &bad, sizeof(float));
        first["data"] = QString::fromLatin1(data.toBase64());
        weights[0] = first;
        project["weights"] = weights;
    } else if (section.isEmpty()) {
        project[key] = value;
    } else {
        QJsonObject inner = project[section].toObject();
        inner[key] = value;
        project[section] = inner;
    }
    write("bad.koto", QJsonDocument(project).toJson());
    QStringList arguments{command, "--project", "bad.koto"};
    if (command == "train")
        arguments << "--epochs"
                  << "1";
    const Result r = cli(arguments);
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 3);
    const QString err = QString::fromUtf8(r.err).trimmed();
    QVERIFY2(err.startsWith("kotohajime-cli " + command + ": bad.koto: " + expected),
             r.err.constData());
    QVERIFY2(!err.contains('\n'), r.err.constData());  // one line
    QVERIFY2(!err.contains("--"), r.err.constData());  // no flag was passed wrongly
    QVERIFY(r.out.isEmpty());
}

// Settings that make training blow up within a few steps: the loss or the weights go NaN/Inf.
void TestCli::divergenceExitsFour_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("linear network, lr 1e30")
        << QStringList{"train", "--dataset", "plane", "--layers", "dense:8:linear", "--lr", "1e30"};
    QTest::newRow("relu network, lr 1e30")
        << QStringList{"train", "--dataset", "spiral", "--layers", "dense:8:relu", "--lr", "1e30"};
    QTest::newRow("regression, lr 100")
        << QStringList{"train", "--dataset", "plane", "--lr", "100"};
    QTest::newRow("lr beyond float") << QStringList{"train", "--dataset", "xor", "--lr", "1e300"};
    // Saturating units: the loss grows to millions without reaching NaN (Trainer::lossBlewUp).
    QTest::newRow("tanh network, lr 1e6, loss grows")
        << QStringList{"train", "--dataset", "xor", "--layers", "dense:8:tanh", "--lr", "1e6"};
    QTest::newRow("sigmoid network, lr 1e6, loss grows") << QStringList{
        "train", "--dataset", "spiral", "--layers", "dense:8:sigmoid", "--lr", "1e6"};
}

void TestCli::divergenceExitsFour() {
    QFETCH(QStringList, arguments);
    const Result r =
        guardedCli(arguments + QStringList{"--epochs", "5", "--save", "diverged.koto"});
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 4);
    QVERIFY2(r.err.contains("diverged at step"), r.err.constData());
    QCOMPARE(r.err.count('\n'), 1);
    if (QString(QTest::currentDataTag()).contains("loss grows"))
        QVERIFY2(r.err.contains("the loss grew to") && r.err.contains("more than 10000 times"),
                 r.err.constData());
    // The weights of the last finite step are saved: the project loads and evaluates.
    QVERIFY(QFile::exists(path("diverged.koto")));
    const Result evaluated = cli({"eval", "--project", "diverged.koto", "--json"});
    QCOMPARE(evaluated.exitStatus, QProcess::NormalExit);
    QCOMPARE(evaluated.exitCode, 0);
    QFile::remove(path("diverged.koto"));
}

// The eight dense layers of 10,000 units, in batches of a million rows: about 1.3 TB,
// refused at once with the estimate, before anything is allocated.
void TestCli::networkTooLargeForTheMemoryExitsThree() {
    QStringList layers;
    for (int i = 0; i < 8; ++i) layers << QStringLiteral("dense:10000:tanh");
    QElapsedTimer timer;
    timer.start();
    const Result r = guardedCli({"train", "--dataset", "xor", "--layers", layers.join(','),
                                 "--batch", "1000000", "--optimizer", "adam", "--epochs", "1"});
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 3);
    QVERIFY(timer.elapsed() < 30000);
    QCOMPARE(r.err.count('\n'), 1);
    for (const char* part : {"training this network needs about", "TiB (parameters 2.6 GiB",
                             "optimizer state 5.2 GiB", "memory allows", "dense_"})
        QVERIFY2(r.err.contains(part), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void TestCli::outputThatCannotBeWrittenExitsFive_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("datasets") << QStringList{"datasets"};
    QTest::newRow("templates") << QStringList{"templates"};
    QTest::newRow("help") << QStringList{"--help"};
    QTest::newRow("train --help") << QStringList{"train", "--help"};
    QTest::newRow("eval") << QStringList{"eval", "--project", "xor.koto"};
    QTest::newRow("eval --json") << QStringList{"eval", "--project", "xor.koto", "--json"};
    QTest::newRow("predict") << QStringList{"predict", "--project", "xor.koto", "--input",
                                            "points.csv"};
    QTest::newRow("gradcheck") << QStringList{"gradcheck", "--dataset", "xor", "--layers",
                                              "dense:3:tanh"};
    QTest::newRow("bptt") << QStringList{"bptt", "--dataset", "firstbit:5", "--layers",
                                         "rnn:4,seq:last"};
    // Training stops at its first line instead of training on for nobody.
    QTest::newRow("train") << QStringList{"train", "--dataset", "xor", "--epochs", "100000000"};
    QTest::newRow("train --json") << QStringList{"train",    "--dataset", "xor",
                                                 "--epochs", "100000000", "--json"};
}

// `> /dev/full`: every write fails with ENOSPC. Before, these exited 0.
void TestCli::outputThatCannotBeWrittenExitsFive() {
    QFETCH(QStringList, arguments);
    if (!QFile::exists(QStringLiteral("/dev/full"))) QSKIP("this system has no /dev/full");
    const Result r = guardedCli(arguments, QStringLiteral("/dev/full"));
    QCOMPARE(r.exitStatus, QProcess::NormalExit);
    QCOMPARE(r.exitCode, 5);
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY2(r.err.startsWith("kotohajime-cli") &&
                 r.err.contains(": cannot write the output: No space left on device"),
             r.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
