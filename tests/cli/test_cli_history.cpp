// The history `kotohajime-cli train --save` keeps (issue 16), so that a project trained on the
// command line can be scrubbed back and animated as the app's own: a checkpoint at epoch 0 and at
// the end of every epoch, the last one the weights saved; thinned as the app's history is when a
// run outgrows it; a run continued with --project keeps the checkpoints before it and counts its
// own on from there.

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <optional>

#include "io/project_file.h"
#include "koto_test_support.h"

using kototest::sameWeights;

namespace {

const QStringList kXor{"--dataset", "xor", "--layers", "dense:4:tanh", "--batch", "10"};

// Runs the CLI in `folder`; its exit code (-1 if it did not end normally).
int cli(const QStringList& arguments, const QString& folder, QString* errors) {
    QProcess process;
    process.setWorkingDirectory(folder);
    process.start(QStringLiteral(KOTO_CLI_PATH), arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    *errors = QString::fromLocal8Bit(process.readAllStandardError());
    return process.exitCode();
}

std::vector<int64_t> epochsOf(const koto::Project& project) {
    std::vector<int64_t> epochs;
    for (const koto::RunCheckpoint& checkpoint : project.checkpoints)
        epochs.push_back(checkpoint.epoch);
    return epochs;
}

std::vector<int64_t> countFrom(int64_t first, int64_t last, int64_t spacing = 1) {
    std::vector<int64_t> epochs;
    for (int64_t epoch = first; epoch <= last; epoch += spacing) epochs.push_back(epoch);
    return epochs;
}

}  // namespace

class TestCliHistory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(folder_.isValid()); }
    void aSavedRunKeepsEveryEpoch();
    void aContinuedRunCountsOn();
    void aLongRunIsThinned();

private:
    // Trains with the CLI and reads back the project saved; nothing if either failed.
    std::optional<koto::Project> trained(const QStringList& arguments, const QString& name) {
        QString errors;
        const int code = cli(QStringList{"train"} + arguments + QStringList{"--save", name},
                             folder_.path(), &errors);
        if (code != 0) {
            qWarning("exit code %d: %s", code, qPrintable(errors));
            return std::nullopt;
        }
        return koto::loadProject(folder_.filePath(name).toStdString());
    }

    QTemporaryDir folder_;
};

void TestCliHistory::aSavedRunKeepsEveryEpoch() {
    const std::optional<koto::Project> project =
        trained(kXor + QStringList{"--epochs", "5"}, "five.koto");
    QVERIFY(project);
    QCOMPARE(epochsOf(*project), countFrom(0, 5));
    const int64_t batchesPerEpoch = project->stepsTrained / project->epochsTrained;
    for (const koto::RunCheckpoint& checkpoint : project->checkpoints)
        QCOMPARE(checkpoint.steps, checkpoint.epoch * batchesPerEpoch);
    QVERIFY(sameWeights(project->checkpoints.back().weights, project->weights));
    QVERIFY(!sameWeights(project->checkpoints.front().weights, project->weights));
    QCOMPARE(project->checkpoints.back().optimizer.optimizer, project->training.optimizer);
}

void TestCliHistory::aContinuedRunCountsOn() {
    const std::optional<koto::Project> before =
        trained(kXor + QStringList{"--epochs", "5"}, "before.koto");
    QVERIFY(before);
    const std::optional<koto::Project> after = trained(
        {"--project", "before.koto", "--epochs", "3", "--optimizer", "momentum"}, "after.koto");
    QVERIFY(after);
    QCOMPARE(epochsOf(*after), countFrom(0, 8));
    for (size_t i = 0; i < 5; ++i) QVERIFY(after->checkpoints[i] == before->checkpoints[i]);
    // Where it went on: the weights it went on from, counted on from the earlier run's steps.
    QVERIFY(sameWeights(after->checkpoints[5].weights, before->weights));
    QCOMPARE(after->checkpoints[5].steps, before->stepsTrained);
    QCOMPARE(after->checkpoints[5].optimizer.optimizer, std::string("momentum"));
    QCOMPARE(after->checkpoints.back().steps, after->stepsTrained);
    QVERIFY(sameWeights(after->checkpoints.back().weights, after->weights));
}

// 100 epochs outgrow the 64 checkpoints a run keeps: every second one is left, as in the app.
void TestCliHistory::aLongRunIsThinned() {
    const std::optional<koto::Project> project =
        trained(kXor + QStringList{"--epochs", "100"}, "long.koto");
    QVERIFY(project);
    QCOMPARE(epochsOf(*project), countFrom(0, 100, 2));
}

QTEST_GUILESS_MAIN(TestCliHistory)
#include "test_cli_history.moc"
