// Projects through the app, offscreen: a trained project saved from one window opens in another
// with the same weights (bit for bit), curves, settings and data, and trains on from there; a save
// that fails (a full disk, a folder that is a file) keeps the old file and the work; an autosave
// survives a crash and is offered at the next start, restored or discarded; every kind of bad
// file is explained and leaves the work open untouched; unsaved changes are asked about.
// Dialogs are replaced by recording hooks (ProjectSession::Dialogs).

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLockFile>
#include <QMenu>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <memory>
#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include "editor/network_document.h"
#include "editor/network_editor.h"
#include "io/project_file.h"
#include "koto_test_support.h"
#include "main_window_fixture.h"
#include "sample_projects.h"
#include "panels/dataset_panel.h"
#include "views/decision_boundary_view.h"
#include "views/loss_curve_view.h"
#include "window/main_window.h"

using namespace koto;
using namespace koto::gui;
using kototest::firstDifference;
using kototest::sameWeights;
using kototest::waitForSnapshot;

namespace {

// A process id that names no process: what a crashed copy's lock holds. Found by asking the
// kernel rather than by starting and ending a child, because forking a threaded test process is
// what ThreadSanitizer refuses.
qint64 unusedProcessId() {
    for (pid_t pid = 4'000'000; pid > 300; pid -= 997)
        if (kill(pid, 0) == -1 && errno == ESRCH) return pid;
    return -1;
}

StartingWork xorLesson() {
    StartingWork lesson;
    lesson.dataset = "xor";
    lesson.layers = "dense:6:tanh,dropout:0.8,dense:4:relu";
    lesson.settings.learningRate = 0.1;
    lesson.settings.batchSize = 10;
    return lesson;
}

// What the session asked and said, with the answers the test gives.
struct Dialogs {
    QStringList errors;        // "title: message"
    QStringList unsavedAsked;  // document names
    QStringList restoreAsked;  // document names
    int filesAsked = 0;
    QString fileToChoose;
    ProjectSession::UnsavedChoice unsavedAnswer = ProjectSession::UnsavedChoice::Cancel;
    bool restoreAnswer = false;

    void attach(MainWindow& window) {
        ProjectSession::Dialogs hooks;
        hooks.chooseFile = [this](bool, const QString&) {
            ++filesAsked;
            return fileToChoose;
        };
        hooks.askUnsaved = [this](const QString& name) {
            unsavedAsked << name;
            return unsavedAnswer;
        };
        hooks.askRestore = [this](const QString& name, const QDateTime&) {
            restoreAsked << name;
            return restoreAnswer;
        };
        hooks.showError = [this](const QString& title, const QString& message) {
            errors << title + ": " + message;
        };
        window.session().setDialogs(hooks);
    }
};

// Trains at full speed until `steps` steps in all are done, then waits for the paused snapshot.
bool trainTo(MainWindow& window, int64_t steps) {
    window.controller().setEpochsPerSecond(0);
    window.controller().setStepLimit(steps);
    window.controller().play();
    return waitForSnapshot(window,
                           [&](const TrainingSnapshot& s) { return s.steps >= steps && s.paused; });
}

std::vector<double> boundaryValues(const MainWindow& window) {
    const DecisionBoundaryView& view = window.boundaryView();
    std::vector<double> values;
    for (int row = 0; row < view.gridSize(); row += 7)
        for (int column = 0; column < view.gridSize(); column += 7)
            values.push_back(view.shownValue(column, row));
    return values;
}

QByteArray contents(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

template <typename T>
T* child(MainWindow& window, const char* name) {
    auto* found = window.findChild<T*>(QLatin1String(name));
    if (!found) qFatal("no widget %s", name);
    return found;
}

// Files beside the project that a save left behind (a temporary file of an atomic write).
QStringList strayFiles(const QString& folder, const QStringList& expected) {
    QStringList stray = QDir(folder).entryList(QDir::Files);
    for (const QString& name : expected) stray.removeAll(name);
    return stray;
}

}  // namespace

class TestProjects : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Recent files go to QSettings: keep them out of the user's own, and out of another run's.
        QVERIFY(settings_.isValid());
        qputenv("XDG_CONFIG_HOME", settings_.path().toLocal8Bit());
    }

    void init() {
        QVERIFY(dir_.isValid());
        QVERIFY(first_.open(xorLesson()));
        dialogs_ = {};
        dialogs_.attach(window());
    }

    void cleanup() {
        first_.close();
        second_.close();
    }

    void savedProjectOpensWithItsWeightsCurvesSettingsAndData();
    void aSaveThatFailsKeepsTheOldFileAndTheWork_data();
    void aSaveThatFailsKeepsTheOldFileAndTheWork();
    void autosaveIsOfferedAfterACrashAndRestores_data();
    void autosaveIsOfferedAfterACrashAndRestores();
    void discardingTheAutosaveRemovesIt();
    void anAutosaveOlderThanItsFileIsNotOffered();
    void badFilesLeaveTheWorkUntouched_data();
    void badFilesLeaveTheWorkUntouched();
    void unsavedChangesAreAskedAbout();
    void savingWhileTrainingRunsKeepsItRunning();
    void openRecentListsAndOpensSavedFiles();
    void aRunThatDivergedSavesItsLastFiniteStep();
    void theModifiedMarkFollowsTheUndoHistory();
    void unfinishedWorkIsSavedAndOpensAsItWas();
    void aScriptedRunAddsNoRecentFile();
    void runningCopiesKeepTheirOwnAutosaves();
    void aProjectOnDataOfAnotherShapeTrainsOnAtPlay();

private:
    MainWindow& window() { return *first_.window; }
    QString path(const QString& name) const { return dir_.filePath(name); }
    // A second window, as at the next start, with its own recording dialogs.
    MainWindow& openSecond(Dialogs& dialogs) {
        if (!second_.open()) qFatal("the second window did not start");
        dialogs.attach(*second_.window);
        return *second_.window;
    }

    QTemporaryDir settings_;
    QTemporaryDir dir_;
    kototest::MainWindowFixture first_, second_;
    Dialogs dialogs_;
};

void TestProjects::savedProjectOpensWithItsWeightsCurvesSettingsAndData() {
    MainWindow& first = window();
    // Settings other than the lesson's, chosen in the panels (each starts a new run).
    auto* optimizer = child<QComboBox>(first, "optimizerChoice");
    optimizer->setCurrentIndex(optimizer->findData(QStringLiteral("momentum")));
    auto* batch = child<QSpinBox>(first, "batchSizeSpin");
    batch->setValue(5);
    emit batch->editingFinished();
    child<QSpinBox>(first, "validationSpin")->setValue(20);
    QVERIFY(
        waitForSnapshot(first, [](const TrainingSnapshot& s) { return s.paused && s.steps == 0; }));
    QVERIFY(trainTo(first, 120));
    QVERIFY(first.session().isModified());
    QVERIFY(first.isWindowModified());

    QVERIFY(QDir().mkpath(path("round-trip")));
    const QString file = path("round-trip/trained.koto");
    QVERIFY(first.session().saveTo(file));
    QVERIFY2(dialogs_.errors.isEmpty(), qPrintable(dialogs_.errors.join('\n')));
    QVERIFY(!first.session().isModified());
    QVERIFY(!first.isWindowModified());
    QVERIFY(first.windowTitle().contains(QStringLiteral("trained.koto")));
    QCOMPARE(ProjectSession::recentFiles().value(0), QFileInfo(file).absoluteFilePath());
    QCOMPARE(strayFiles(path("round-trip"), {"trained.koto"}), QStringList());

    const Project saved = loadProject(file.toStdString());
    QCOMPARE(saved.stepsTrained, int64_t{120});
    QCOMPARE(saved.training.optimizer, std::string("momentum"));
    QCOMPARE(saved.training.batchSize, int64_t{5});
    QCOMPARE(saved.training.validation, 0.2);
    QCOMPARE(saved.training.learningRate, 0.1);
    QCOMPARE(saved.dataset, first.datasetPanel().spec().text());
    QVERIFY(saved.epochsTrained >= 1);
    QCOMPARE(saved.curves.size(), static_cast<size_t>(saved.epochsTrained));
    QCOMPARE(saved.curves.back().epoch, saved.epochsTrained);
    // The file holds the run's weights, bit for bit: the training thread hands them over again.
    const std::optional<Project> again = first.captureProject();
    QVERIFY(again);
    QVERIFY2(sameWeights(again->weights, saved.weights),
             qPrintable(firstDifference(again->weights, saved.weights)));

    // Node positions belong to the network and come back too (the editor draws them).
    Project placed = saved;
    for (size_t i = 0; i < placed.network.layers.size(); ++i)
        placed.network.layers[i].position = std::make_pair(40.0 * static_cast<double>(i), -12.5);
    const QString placedFile = path("placed.koto");
    saveProject(placed, placedFile.toStdString());

    Dialogs secondDialogs;
    MainWindow& second = openSecond(secondDialogs);
    QVERIFY(second.session().openFile(placedFile));
    QVERIFY2(secondDialogs.errors.isEmpty(), qPrintable(secondDialogs.errors.join('\n')));
    QVERIFY(waitForSnapshot(second,
                            [](const TrainingSnapshot& s) { return s.paused && s.steps == 120; }));
    QCOMPARE(second.session().filePath(), placedFile);
    QVERIFY(!second.session().isModified());
    QVERIFY(second.windowTitle().contains(QStringLiteral("placed.koto")));
    // The panels show the settings; the learning curve shows the saved epochs.
    QCOMPARE(child<QComboBox>(second, "optimizerChoice")->currentData().toString(),
             QStringLiteral("momentum"));
    QCOMPARE(child<QSpinBox>(second, "batchSizeSpin")->value(), 5);
    QCOMPARE(child<QSpinBox>(second, "validationSpin")->value(), 20);
    QCOMPARE(second.datasetPanel().spec().text(), saved.dataset);
    QVERIFY(QTest::qWaitFor(
        [&] { return second.lossCurve().pointCount() == static_cast<int>(saved.curves.size()); }));
    // The same weights draw the same decision boundary.
    QCOMPARE(boundaryValues(second), boundaryValues(first));

    const std::optional<Project> restored = second.captureProject();
    QVERIFY(restored);
    QVERIFY2(sameWeights(restored->weights, saved.weights),
             qPrintable(firstDifference(restored->weights, saved.weights)));
    QVERIFY(restored->network == placed.network);
    QCOMPARE(restored->dataset, saved.dataset);
    QCOMPARE(restored->training.optimizer, saved.training.optimizer);
    QCOMPARE(restored->training.batchSize, saved.training.batchSize);
    QCOMPARE(restored->training.validation, saved.training.validation);
    QCOMPARE(restored->training.momentum, saved.training.momentum);
    QCOMPARE(restored->epochsTrained, saved.epochsTrained);
    QCOMPARE(restored->curves.size(), saved.curves.size());
    for (size_t i = 0; i < saved.curves.size(); ++i) {
        QCOMPARE(restored->curves[i].epoch, saved.curves[i].epoch);
        QCOMPARE(restored->curves[i].test.loss, saved.curves[i].test.loss);
    }

    // The editor shows the network where it was placed; a node moved there is saved where it is.
    const auto& edited = second.networkDocument().network();
    QVERIFY(edited);
    QVERIFY(edited->layers.front().position == placed.network.layers.front().position);
    const std::string moved = placed.network.layers.front().name;
    second.networkDocument().moveNodes({{moved, QPointF(7, 8)}}, 1);
    const std::optional<Project> afterMove = second.captureProject();
    QVERIFY(afterMove);
    QVERIFY(afterMove->network.layers.front().position == std::make_pair(7.0, 8.0));
    QVERIFY(second.session().isModified());

    // Training carries on from those weights: the steps and epochs count on.
    second.controller().stepBatch();
    QVERIFY(waitForSnapshot(second,
                            [](const TrainingSnapshot& s) { return s.paused && s.steps == 121; }));
    QVERIFY(second.session().isModified());
    const std::optional<Project> onwards = second.captureProject();
    QVERIFY(onwards);
    QCOMPARE(onwards->stepsTrained, int64_t{121});
    QVERIFY(!sameWeights(onwards->weights, saved.weights));
}

void TestProjects::aSaveThatFailsKeepsTheOldFileAndTheWork_data() {
    QTest::addColumn<bool>("fullDisk");  // else: the folder to save in is a file
    QTest::newRow("full disk") << true;
    QTest::newRow("folder is a file") << false;
}

void TestProjects::aSaveThatFailsKeepsTheOldFileAndTheWork() {
    QFETCH(bool, fullDisk);
    MainWindow& first = window();
    const QString folder = path(fullDisk ? "full-disk" : "folder-is-a-file");
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + QStringLiteral("/kept.koto");
    QVERIFY(trainTo(first, 30));
    QVERIFY(first.session().saveTo(file));
    const QByteArray before = contents(file);
    QVERIFY(trainTo(first, 60));
    QVERIFY(first.session().isModified());

    QString target = file;
    bool saved = true;
    if (fullDisk) {
        // Files may grow no larger than 256 bytes: the write runs out of room part-way, as on a
        // full disk.
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = old;
        small.rlim_cur = 256;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        saved = first.session().saveTo(target);
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
    } else {
        target = file + QStringLiteral("/inside.koto");  // kept.koto is a file, not a folder
        saved = first.session().saveTo(target);
    }
    QVERIFY(!saved);
    QCOMPARE(dialogs_.errors.size(), 1);
    QVERIFY2(dialogs_.errors[0].startsWith(QStringLiteral("The project was not saved")),
             qPrintable(dialogs_.errors[0]));
    QVERIFY2(dialogs_.errors[0].contains(target), qPrintable(dialogs_.errors[0]));
    // The old file is intact, no temporary file is left, and the work is still open and unsaved.
    QCOMPARE(contents(file), before);
    QCOMPARE(strayFiles(folder, {"kept.koto"}), QStringList());
    QCOMPARE(first.session().filePath(), file);
    QVERIFY(first.session().isModified());
    QCOMPARE(first.latestSnapshot()->steps, int64_t{60});
    // Saving again where there is room works.
    QVERIFY(first.session().save());
    QCOMPARE(loadProject(file.toStdString()).stepsTrained, int64_t{60});
}

void TestProjects::autosaveIsOfferedAfterACrashAndRestores_data() {
    QTest::addColumn<bool>("titled");
    QTest::newRow("saved document") << true;
    QTest::newRow("untitled work") << false;
}

void TestProjects::autosaveIsOfferedAfterACrashAndRestores() {
    QFETCH(bool, titled);
    const QString autosaves = path(QStringLiteral("autosave-%1").arg(titled));
    MainWindow& first = window();
    first.session().autosave().setDirectory(autosaves);
    first.session().autosave().setInterval(100);
    const QString file = path("work.koto");
    if (titled) {
        QVERIFY(trainTo(first, 20));
        QVERIFY(first.session().saveTo(file));
    }
    // Changes after the save: the autosave follows within its interval.
    QVERIFY(trainTo(first, 50));
    const QString autosave = first.session().autosave().pathFor(titled ? file : QString());
    QVERIFY(QTest::qWaitFor([&] { return QFile::exists(autosave); }, 10000));
    QVERIFY(QTest::qWaitFor(
        [&] {
            return QFile::exists(autosave) &&
                   loadProject(autosave.toStdString()).stepsTrained == 50;
        },
        10000));
    const Project autosaved = loadProject(autosave.toStdString());

    first_.close();  // a crash: no closing, no questions, the autosave stays
    QVERIFY(QFile::exists(autosave));

    Dialogs secondDialogs;
    secondDialogs.restoreAnswer = true;
    MainWindow& second = openSecond(secondDialogs);
    second.session().autosave().setDirectory(autosaves);
    QVERIFY(second.session().offerRecovery());
    QCOMPARE(secondDialogs.restoreAsked,
             QStringList{titled ? QStringLiteral("work.koto") : QStringLiteral("Untitled")});
    QVERIFY(waitForSnapshot(second,
                            [](const TrainingSnapshot& s) { return s.paused && s.steps == 50; }));
    QCOMPARE(second.session().filePath(), titled ? QFileInfo(file).absoluteFilePath() : QString());
    QVERIFY(second.session().isModified());  // the restored changes are in no file yet
    QVERIFY(second.isWindowModified());
    const std::optional<Project> restored = second.captureProject();
    QVERIFY(restored);
    QVERIFY2(sameWeights(restored->weights, autosaved.weights),
             qPrintable(firstDifference(restored->weights, autosaved.weights)));
    if (titled)
        QCOMPARE(loadProject(file.toStdString()).stepsTrained,
                 int64_t{20});  // the file is as it was

    // The autosave stays until the work is saved.
    QVERIFY(QFile::exists(autosave));
    secondDialogs.fileToChoose = file;
    QVERIFY(second.session().save());
    QVERIFY(!QFile::exists(autosave));
    QCOMPARE(QDir(autosaves).entryList(QDir::Files), QStringList());
    QCOMPARE(loadProject(file.toStdString()).stepsTrained, int64_t{50});
}

void TestProjects::discardingTheAutosaveRemovesIt() {
    const QString autosaves = path("autosave-discard");
    MainWindow& first = window();
    first.session().autosave().setDirectory(autosaves);
    first.session().autosave().setInterval(100);
    QVERIFY(trainTo(first, 30));
    const QString autosave = first.session().autosave().pathFor({});
    QVERIFY(QTest::qWaitFor([&] { return QFile::exists(autosave); }, 10000));
    first_.close();

    Dialogs secondDialogs;
    secondDialogs.restoreAnswer = false;
    MainWindow& second = openSecond(secondDialogs);
    second.session().autosave().setDirectory(autosaves);
    QVERIFY(!second.session().offerRecovery());
    QCOMPARE(secondDialogs.restoreAsked.size(), 1);
    QCOMPARE(QDir(autosaves).entryList(QDir::Files), QStringList());
    QCOMPARE(second.latestSnapshot()->steps, int64_t{0});  // the lesson, untrained
    QVERIFY(!second.session().isModified());
    // Nothing is offered again.
    QVERIFY(!second.session().offerRecovery());
    QCOMPARE(secondDialogs.restoreAsked.size(), 1);
}

void TestProjects::anAutosaveOlderThanItsFileIsNotOffered() {
    const QString autosaves = path("autosave-stale");
    const QString file = path("newer.koto");
    MainWindow& first = window();
    first.session().autosave().setDirectory(autosaves);
    QVERIFY(trainTo(first, 10));
    const std::optional<Project> project = first.captureProject();
    QVERIFY(project);
    first.session().autosave().write(*project, file);
    QTest::qWait(20);
    QVERIFY(first.session().saveTo(file));  // saved after the autosave was written
    // (the save removed that autosave; put it back older than the file, as a crash after a save
    // would leave it)
    first.session().autosave().write(*project, file);
    QFile autosave(first.session().autosave().pathFor(file));
    QVERIFY(autosave.open(QIODevice::ReadWrite));
    QVERIFY(autosave.setFileTime(QFileInfo(file).lastModified().addSecs(-60),
                                 QFileDevice::FileModificationTime));
    autosave.close();
    first_.close();

    Dialogs secondDialogs;
    MainWindow& second = openSecond(secondDialogs);
    second.session().autosave().setDirectory(autosaves);
    QVERIFY(!second.session().offerRecovery());
    QVERIFY(secondDialogs.restoreAsked.isEmpty());
    QCOMPARE(QDir(autosaves).entryList({"*.koto"}, QDir::Files), QStringList());
}

void TestProjects::badFilesLeaveTheWorkUntouched_data() {
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("expected");  // the sentence that explains it

    Project good;
    good.network = kototest::networkSpec(
        {2}, LossKind::CrossEntropy, {kototest::dense(4, "tanh"), kototest::dense(2, "softmax")});
    good.dataset = "xor";
    const std::string text = projectToJson(good);
    auto edited = [&](auto&& edit) {
        nlohmann::json json = nlohmann::json::parse(text);
        edit(json);
        return QByteArray::fromStdString(json.dump());
    };
    const QString newer = QStringLiteral("made by a newer version of Kotohajime");
    const QString damaged = QStringLiteral("damaged or is not a Kotohajime project");
    const QString network = QStringLiteral("The network it describes cannot be built");
    QTest::newRow("newer version") << edited([](auto& j) { j["schema_version"] = 7; }) << newer;
    QTest::newRow("newer network")
        << edited([](auto& j) { j["network"]["schema_version"] = 7; }) << newer;
    QTest::newRow("corrupt") << QByteArray::fromStdString(text.substr(0, text.size() / 2))
                             << damaged;
    QTest::newRow("not a project") << QByteArray("{\"format\":\"something-else\"}") << damaged;
    QTest::newRow("deeply nested") << QByteArray(100000, '[') << damaged;
    QTest::newRow("unknown layer type")
        << edited([](auto& j) { j["network"]["layers"][0]["type"] = "warp"; }) << network;
    QTest::newRow("dangling tie") << edited([](auto& j) {
        j["network"]["layers"][0] = {{"type", "tied_dense"},
                                     {"name", "decoder"},
                                     {"units", 4},
                                     {"activation", "tanh"},
                                     {"tied_to", "encoder"}};
    }) << network;
    QTest::newRow("cycle") << edited([](auto& j) {
        j["network"]["layers"][0] = {{"type", "tied_dense"},
                                     {"name", "decoder"},
                                     {"units", 4},
                                     {"activation", "tanh"},
                                     {"tied_to", "decoder"}};
    }) << network;
    QTest::newRow("an RBM") << edited([](auto& j) {
        j.erase("network");
        j["model"] = {{"kind", "rbm"}, {"visible", 2}, {"hidden", 3}};
    }) << QStringLiteral("It holds an autoencoder or an RBM");
    const QString data =
        QStringLiteral("Its data cannot be loaded, or its network does not fit the data");
    QTest::newRow("data that is not there")
        << edited([](auto& j) { j["dataset"] = "idx:/no/such/folder"; }) << data;
    QTest::newRow("network for other data")
        << edited([](auto& j) { j["network"]["input"] = {3}; }) << data;
    // Values out of range are refused as the file is read (issue 18), the field named.
    const QString range = QStringLiteral("A value in it is out of range");
    QTest::newRow("negative learning rate")
        << edited([](auto& j) { j["training"]["learning_rate"] = -1; })
        << range + QStringLiteral("|training.learning_rate must be a positive number, not -1");
    QTest::newRow("epochs 1e308") << edited([](auto& j) { j["training"]["epochs"] = 1e308; })
                                  << range;
}

void TestProjects::badFilesLeaveTheWorkUntouched() {
    QFETCH(QByteArray, contents);
    QFETCH(QString, expected);
    MainWindow& first = window();
    const QString file = path("current.koto");
    QVERIFY(trainTo(first, 25));
    QVERIFY(first.session().saveTo(file));
    QVERIFY(trainTo(first, 40));
    const std::optional<Project> before = first.captureProject();
    QVERIFY(before);
    const QString title = first.windowTitle();

    const QString bad = path("bad.koto");
    writeFile(bad, contents);
    // Even with the unsaved changes given up, a file that cannot be shown changes nothing.
    dialogs_.unsavedAnswer = ProjectSession::UnsavedChoice::Discard;
    QVERIFY(!first.session().openFile(bad));
    QCOMPARE(dialogs_.errors.size(), 1);
    QVERIFY2(dialogs_.errors[0].startsWith(
                 QStringLiteral("The project cannot be opened: bad.koto could not be opened")),
             qPrintable(dialogs_.errors[0]));
    for (const QString& part : expected.split(QLatin1Char('|')))  // each part of what is said
        QVERIFY2(dialogs_.errors[0].contains(part), qPrintable(dialogs_.errors[0]));

    // The work open is as it was: the same file, still unsaved, the same run and weights.
    QCOMPARE(first.session().filePath(), file);
    QVERIFY(first.session().isModified());
    QCOMPARE(first.windowTitle(), title);
    QCOMPARE(first.latestSnapshot()->steps, int64_t{40});
    const std::optional<Project> after = first.captureProject();
    QVERIFY(after);
    QVERIFY2(sameWeights(after->weights, before->weights),
             qPrintable(firstDifference(after->weights, before->weights)));
    QVERIFY(after->network == before->network);
    QCOMPARE(after->dataset, before->dataset);
    QCOMPARE(after->stepsTrained, before->stepsTrained);
}

void TestProjects::unsavedChangesAreAskedAbout() {
    MainWindow& first = window();
    const QString other = path("other.koto");
    QVERIFY(trainTo(first, 15));
    NetworkDocument& document = first.networkDocument();
    document.moveNodes({{document.draft().nodes.front().name, QPointF(40, 40)}}, 1);
    QVERIFY(document.undoStack().canUndo());
    QVERIFY(first.session().saveTo(other));
    QVERIFY(first.session().newProject());     // nothing unsaved: no question
    QVERIFY(!document.undoStack().canUndo());  // a new project starts a new history
    QVERIFY(dialogs_.unsavedAsked.isEmpty());
    QVERIFY(
        waitForSnapshot(first, [](const TrainingSnapshot& s) { return s.paused && s.steps == 0; }));
    QVERIFY(first.windowTitle().startsWith(QStringLiteral("Untitled")));
    QVERIFY(trainTo(first, 5));
    QVERIFY(first.isWindowModified());

    // Cancel: nothing happens.
    dialogs_.unsavedAnswer = ProjectSession::UnsavedChoice::Cancel;
    QVERIFY(!first.session().openFile(other));
    QCOMPARE(dialogs_.unsavedAsked, QStringList{"Untitled"});
    QVERIFY(!first.close());
    QVERIFY(first.isVisible());
    QCOMPARE(first.latestSnapshot()->steps, int64_t{5});

    // Save: asks where (untitled), saves, then opens.
    dialogs_.unsavedAnswer = ProjectSession::UnsavedChoice::Save;
    dialogs_.fileToChoose = path("untitled-work.koto");
    QVERIFY(first.session().openFile(other));
    QCOMPARE(dialogs_.filesAsked, 1);
    QCOMPARE(loadProject(path("untitled-work.koto").toStdString()).stepsTrained, int64_t{5});
    QVERIFY(waitForSnapshot(first,
                            [](const TrainingSnapshot& s) { return s.paused && s.steps == 15; }));
    QCOMPARE(first.session().filePath(), other);

    // Discard: the changes go, the window closes.
    QVERIFY(trainTo(first, 20));
    dialogs_.unsavedAnswer = ProjectSession::UnsavedChoice::Discard;
    QVERIFY(first.close());
    QCOMPARE(loadProject(other.toStdString()).stepsTrained, int64_t{15});
}

// The training thread hands over the weights of a finished step between two steps: training
// goes on, and the file holds a run that opens at those steps with those weights.
void TestProjects::savingWhileTrainingRunsKeepsItRunning() {
    MainWindow& first = window();
    first.controller().setEpochsPerSecond(0);
    first.controller().play();
    QVERIFY(waitForSnapshot(first, [](const TrainingSnapshot& s) { return s.steps > 100; }));
    const QString file = path("running.koto");
    QVERIFY(first.session().saveTo(file));
    QVERIFY2(dialogs_.errors.isEmpty(), qPrintable(dialogs_.errors.join('\n')));
    QVERIFY(first.controller().isPlaying());
    const int64_t stepsThen = first.latestSnapshot()->steps;
    QVERIFY(waitForSnapshot(first,
                            [&](const TrainingSnapshot& s) { return s.steps > stepsThen + 50; }));
    first.controller().pause();

    const Project saved = loadProject(file.toStdString());
    QVERIFY(saved.stepsTrained > 100);
    Dialogs secondDialogs;
    MainWindow& second = openSecond(secondDialogs);
    QVERIFY(second.session().openFile(file));
    QVERIFY(waitForSnapshot(second, [&](const TrainingSnapshot& s) {
        return s.paused && s.steps == saved.stepsTrained;
    }));
    const std::optional<Project> opened = second.captureProject();
    QVERIFY(opened);
    QVERIFY2(sameWeights(opened->weights, saved.weights),
             qPrintable(firstDifference(opened->weights, saved.weights)));
}

// File > Open Recent lists the files saved, newest first, and opens them.
void TestProjects::openRecentListsAndOpensSavedFiles() {
    MainWindow& first = window();
    QVERIFY(trainTo(first, 10));
    QVERIFY(first.session().saveTo(path("older.koto")));
    QVERIFY(trainTo(first, 20));
    QVERIFY(first.session().saveTo(path("newer.koto")));

    Dialogs secondDialogs;
    MainWindow& second = openSecond(secondDialogs);
    auto* recent = child<QMenu>(second, "recentMenu");
    emit recent->aboutToShow();
    const QList<QAction*> entries = recent->actions();
    QVERIFY(entries.size() >= 2);
    QCOMPARE(entries[0]->text(), QStringLiteral("&1 newer.koto"));
    QCOMPARE(entries[1]->text(), QStringLiteral("&2 older.koto"));
    entries[1]->trigger();
    QCOMPARE(second.session().filePath(), QFileInfo(path("older.koto")).absoluteFilePath());
    QVERIFY(waitForSnapshot(second,
                            [](const TrainingSnapshot& s) { return s.paused && s.steps == 10; }));
}

// Divergence ends the training thread; the run it handed over as it ended is what is saved: the
// weights of the last finite step, finite, and the steps before the one that diverged.
void TestProjects::aRunThatDivergedSavesItsLastFiniteStep() {
    StartingWork lesson = defaultWork();
    lesson.dataset = "plane";
    lesson.layers = "dense:4:linear";
    lesson.settings.learningRate = 10;  // each step overshoots more
    first_.close();
    QVERIFY(first_.open(lesson));
    dialogs_.attach(window());
    MainWindow& first = window();
    first.controller().play();
    QVERIFY(waitForSnapshot(first, [](const TrainingSnapshot& s) { return s.diverged; }));
    const int64_t divergedAt = first.latestSnapshot()->divergenceStep;
    const QString file = path("diverged.koto");
    QVERIFY(first.session().saveTo(file));
    QVERIFY2(dialogs_.errors.isEmpty(), qPrintable(dialogs_.errors.join('\n')));
    const Project saved = loadProject(file.toStdString());
    QCOMPARE(saved.stepsTrained, divergedAt - 1);
    QVERIFY(!saved.weights.empty());
    for (const SavedTensor& tensor : saved.weights)
        for (float value : tensor.values) QVERIFY(std::isfinite(value));
}

// Undoing back to the state last saved clears the mark; a change the history cannot take back
// (training moved on, trained weights given up for a new run) keeps it.
void TestProjects::theModifiedMarkFollowsTheUndoHistory() {
    MainWindow& first = window();
    NetworkDocument& document = first.networkDocument();
    QUndoStack& history = document.undoStack();
    auto modified = [&] { return first.session().isModified() || first.isWindowModified(); };
    auto bothModified = [&] { return first.session().isModified() && first.isWindowModified(); };
    QVERIFY(!modified());
    const std::string node = document.draft().chainFromInput().front();

    // Edit, undo: not modified. A move, then a parameter (which starts a new run, untrained as
    // before).
    document.moveNodes({{node, QPointF(50, 60)}}, 1);
    QVERIFY(bothModified());
    history.undo();
    QVERIFY(!modified());
    document.setParameter(node, "units", int64_t{5});
    QVERIFY(bothModified());
    history.undo();
    QVERIFY(!modified());
    QCOMPARE(document.draft().node(node)->integer("units"), int64_t{6});

    // Edit, save, edit, undo: not modified; undo once more (before the save): modified; redo: not.
    document.moveNodes({{node, QPointF(70, 80)}}, 2);
    const QString file = path("marked.koto");
    QVERIFY(first.session().saveTo(file));
    QVERIFY(!modified());
    document.moveNodes({{node, QPointF(90, 100)}}, 3);
    QVERIFY(bothModified());
    history.undo();
    QVERIFY(!modified());
    QVERIFY(first.windowTitle().contains(QStringLiteral("marked.koto")));
    history.undo();
    QVERIFY(bothModified());
    history.redo();
    QVERIFY(!modified());

    // Training moved on: modified, whatever the history says.
    QVERIFY(trainTo(first, 5));
    QVERIFY(bothModified());
    QVERIFY(history.isClean());
    QVERIFY(first.session().save());
    QVERIFY(!modified());
    // A new run gives up the trained weights: undoing the edit brings the network back, not them.
    document.setParameter(node, "units", int64_t{4});
    QVERIFY(
        waitForSnapshot(first, [](const TrainingSnapshot& s) { return s.paused && s.steps == 0; }));
    history.undo();
    QVERIFY(history.isClean());
    QVERIFY(bothModified());
}

// A network the editor cannot train yet (a layer on its own, the chain cut from the output) is
// saved as it is, beside the run of the network that last trained; opening it shows the same
// nodes, links and positions, says why it cannot train, and saving again keeps both.
void TestProjects::unfinishedWorkIsSavedAndOpensAsItWas() {
    MainWindow& first = window();
    QVERIFY(trainTo(first, 10));
    NetworkDocument& document = first.networkDocument();
    const NetworkSpec trained = *document.network();
    std::string lone;
    QVERIFY(document
                .addLayer({"dense",
                           "",
                           {{"units", int64_t{3}}, {"activation", std::string("relu")}},
                           std::nullopt},
                          QPointF(700, 40), {}, &lone)
                .isEmpty());
    QVERIFY(document.disconnectNodes(document.draft().source(kOutputNode)).isEmpty());
    QVERIFY(!document.network());
    const NetworkDraft unfinished = document.draft();
    const QString problem = document.check().problem;
    QVERIFY(!problem.isEmpty());

    const QString file = path("unfinished.koto");
    QVERIFY(first.session().saveTo(file));
    QVERIFY2(dialogs_.errors.isEmpty(), qPrintable(dialogs_.errors.join('\n')));
    const Project saved = loadProject(file.toStdString());
    QVERIFY(saved.draft);
    QVERIFY(draftFromSaved(*saved.draft) == unfinished);
    QCOMPARE(saved.stepsTrained, int64_t{10});  // the network that trained, with its weights
    QCOMPARE(saved.network.layers.size(), trained.layers.size());

    Dialogs secondDialogs;
    MainWindow& second = openSecond(secondDialogs);
    QVERIFY(second.session().openFile(file));
    QVERIFY2(secondDialogs.errors.isEmpty(), qPrintable(secondDialogs.errors.join('\n')));
    QVERIFY(waitForSnapshot(second,
                            [](const TrainingSnapshot& s) { return s.paused && s.steps == 10; }));
    NetworkDocument& opened = second.networkDocument();
    QVERIFY(opened.draft() == unfinished);
    QCOMPARE(opened.check().problem, problem);
    QVERIFY(!second.session().isModified());
    QVERIFY(!opened.undoStack().canUndo());
    // The reason, on the editor's page and on the training page, and nothing to play.
    QVERIFY2(second.networkEditor().statusText().contains(problem),
             qPrintable(second.networkEditor().statusText()));
    auto* banner = child<QLabel>(second, "problemBanner");
    QVERIFY2(banner->text().contains(problem), qPrintable(banner->text()));
    QVERIFY(!child<QToolButton>(second, "playButton")->isEnabled());

    // Saved again, both are kept: the draft, and the run with its weights bit for bit.
    const std::optional<Project> again = second.captureProject();
    QVERIFY(again);
    QVERIFY(again->draft == saved.draft);
    QVERIFY2(sameWeights(again->weights, saved.weights),
             qPrintable(firstDifference(again->weights, saved.weights)));

    // The autosave keeps unfinished work too.
    const QString autosaves = path("autosave-draft");
    second.session().autosave().setDirectory(autosaves);
    second.session().autosave().setInterval(100);
    opened.moveNodes({{lone, QPointF(-40, 300)}}, 7);
    QVERIFY(second.isWindowModified());
    const QString autosave = second.session().autosave().pathFor(file);
    QVERIFY(QTest::qWaitFor([&] { return QFile::exists(autosave); }, 10000));
    const Project autosaved = loadProject(autosave.toStdString());
    QVERIFY(autosaved.draft);
    QVERIFY(draftFromSaved(*autosaved.draft) == opened.draft());

    // Connected to the output again, it trains: a save holds the network and no draft.
    QVERIFY(opened.removeNodes({lone}).isEmpty());
    const std::vector<std::string> chain = opened.draft().chainFromInput();
    QVERIFY(opened.connectNodes(chain.back(), kOutputNode).isEmpty());
    QVERIFY(opened.network());
    QVERIFY(child<QToolButton>(second, "playButton")->isEnabled());
    const std::optional<Project> finished = second.captureProject();
    QVERIFY(finished);
    QVERIFY(!finished->draft);
}

// kotohajime --project F --screenshot opens F without making it a recent file of the user's.
void TestProjects::aScriptedRunAddsNoRecentFile() {
    MainWindow& first = window();
    const QString file = path("scripted.koto");
    QVERIFY(first.session().saveTo(file));
    const QStringList before = ProjectSession::recentFiles();
    QCOMPARE(before.value(0), QFileInfo(file).absoluteFilePath());
    QVERIFY(first.session().saveTo(path("other-scripted.koto")));
    const QStringList remembered = ProjectSession::recentFiles();

    Dialogs secondDialogs;
    MainWindow& second = openSecond(secondDialogs);
    second.session().setRemembersRecentFiles(false);
    QVERIFY(second.session().openFile(file));
    QVERIFY(second.session().saveTo(path("scripted-copy.koto")));
    QCOMPARE(ProjectSession::recentFiles(), remembered);
}

// Two copies of the app at once: each has its own untitled autosave, and neither offers nor
// removes the other's. A copy that crashed leaves its lock naming a process that is gone: the
// next start takes it over and offers that autosave.
void TestProjects::runningCopiesKeepTheirOwnAutosaves() {
    const QString autosaves = path("autosave-copies");
    MainWindow& first = window();
    first.session().autosave().setDirectory(autosaves);
    first.session().autosave().setInterval(100);
    QVERIFY(trainTo(first, 10));
    const QString firstAutosave = first.session().autosave().pathFor({});
    QVERIFY(QTest::qWaitFor([&] { return QFile::exists(firstAutosave); }, 10000));

    Dialogs secondDialogs;
    secondDialogs.restoreAnswer = false;  // it would discard, if it were asked
    MainWindow& second = openSecond(secondDialogs);
    second.session().autosave().setDirectory(autosaves);
    second.session().autosave().setInterval(100);
    QVERIFY(!second.session().offerRecovery());
    QVERIFY(secondDialogs.restoreAsked.isEmpty());
    QVERIFY(QFile::exists(firstAutosave));
    QVERIFY(trainTo(second, 20));
    const QString secondAutosave = second.session().autosave().pathFor({});
    QVERIFY(secondAutosave != firstAutosave);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return QFile::exists(secondAutosave) &&
                   loadProject(secondAutosave.toStdString()).stepsTrained == 20;
        },
        10000));
    QCOMPARE(loadProject(firstAutosave.toStdString()).stepsTrained, int64_t{10});

    // The first copy crashes: its autosave stays, and its lock, which names a process now gone.
    const QString lockPath =
        firstAutosave.chopped(QStringLiteral(".koto").size()) + QStringLiteral(".lock");
    first_.close();
    QVERIFY(!QFile::exists(lockPath));  // (closing released it; a crash leaves it, so put it back)
    const qint64 deadPid = unusedProcessId();
    QVERIFY(deadPid > 0);
    QByteArray lockText;
    {
        QLockFile made(lockPath);
        QVERIFY(made.tryLock(0));
        lockText = contents(lockPath);
        made.unlock();
    }
    lockText = QByteArray::number(deadPid) + lockText.mid(lockText.indexOf('\n'));
    writeFile(lockPath, lockText);

    // The next start offers the crashed copy's work, not the running copy's, and takes it over.
    kototest::MainWindowFixture third;
    QVERIFY(third.open(xorLesson()));
    Dialogs thirdDialogs;
    thirdDialogs.restoreAnswer = true;
    thirdDialogs.attach(*third.window);
    third.window->session().autosave().setDirectory(autosaves);
    QVERIFY(third.window->session().offerRecovery());
    QCOMPARE(thirdDialogs.restoreAsked, QStringList{"Untitled"});
    QVERIFY(waitForSnapshot(*third.window,
                            [](const TrainingSnapshot& s) { return s.paused && s.steps == 10; }));
    QCOMPARE(third.window->session().autosave().pathFor({}), firstAutosave);
    thirdDialogs.fileToChoose = path("recovered.koto");
    QVERIFY(third.window->session().save());
    QVERIFY(!QFile::exists(firstAutosave));
    QVERIFY(QFile::exists(secondAutosave));
    third.close();
}

QTEST_MAIN(TestProjects)
// A project on data of another shape than the window had (images after points), as the CLI
// saves one: Play trains it on from its weights, neither refused nor started over (the editor
// checks its network against the project's data, not the data before).
void TestProjects::aProjectOnDataOfAnotherShapeTrainsOnAtPlay() {
    Project project;
    project.network = kototest::networkSpec(
        {784}, LossKind::CrossEntropy, {kototest::dense(8, "relu"), kototest::dense(10, "softmax")});
    project.dataset = "fashion-mnist:n=200";
    project.stepsTrained = 20;
    for (auto [name, rows, cols] : {std::tuple{"dense_1.W", 784, 8}, std::tuple{"dense_1.b", 1, 8},
                                    std::tuple{"dense_2.W", 8, 10}, std::tuple{"dense_2.b", 1, 10}}) {
        SavedTensor tensor{name, rows, cols, std::vector<float>(size_t(rows * cols))};
        for (size_t i = 0; i < tensor.values.size(); ++i)
            tensor.values[i] = 0.01f * static_cast<float>(int(i % 11) - 5);
        project.weights.push_back(std::move(tensor));
    }
    const QString file = path("images.koto");
    saveProject(project, file.toStdString());

    MainWindow& first = window();
    QSignalSpy refused(&first, &MainWindow::trainingCannotStart);
    QVERIFY(first.session().openFile(file));
    first.controller().setStepLimit(25);
    first.controller().play();  // at once, as a script does
    QVERIFY(waitForSnapshot(first, [](const TrainingSnapshot& s) { return s.paused && s.steps == 25; }));
    QCOMPARE(refused.count(), 0);
    const std::optional<Project> trained = first.captureProject();
    QVERIFY(trained && trained->network.layers.front().integer("units") == 8);
}

#include "test_projects.moc"
