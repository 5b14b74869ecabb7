// File > Export Model… and opening an .onnx (issue 14), offscreen: the trained network is written
// in each format through the same code as the CLI (exported, then imported: every weight bit for
// bit), a path that cannot be written is explained and writes nothing, an .onnx opens as an
// untitled project with its weights, and a damaged one leaves the work as it was. The
// autoencoder and RBM window exports its RBM as p(h|v) = sigmoid(vW + c) with its own W and c.

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "data/dataset_spec.h"
#include "export/onnx_import.h"
#include "io/atomic_file.h"
#include "main_window_fixture.h"
#include "training/training_controller.h"
#include "unsupervised/unsupervised_window.h"
#include "window/main_window.h"
#include "window/model_export_menu.h"

using namespace koto;
using namespace koto::gui;
using kototest::contentsOf;
using kototest::waitForSnapshot;

class TestModelExport : public QObject {
    Q_OBJECT

private slots:
    void init() {
        said_.clear();
        QVERIFY(fixture_.open(kototest::lesson("spiral", "dense:8:tanh")));
    }
    void cleanup() { fixture_.close(); }

    void everyFormatIsWrittenAndOnnxComesBackBitForBit();
    void aPathThatCannotBeWrittenIsExplained();
    void anOnnxModelOpensAsAnUntitledProject();
    void aDamagedOnnxModelLeavesTheWorkAsItWas();
    void theRbmWindowExportsItsHiddenProbabilities();

private:
    // Answers the export's questions with `format` and `path`, keeping what it says.
    void answer(ModelFormat format, const QString& path, ModelExportMenu* exporter = nullptr) {
        ModelExportMenu::Dialogs dialogs;
        dialogs.chooseFormat = [format] { return std::optional<ModelFormat>(format); };
        dialogs.chooseFile = [path](const QString&, const QString&, const QString&) { return path; };
        dialogs.showMessage = [this](const QString&, const QString& message) { said_ = message; };
        (exporter ? *exporter : fixture_.window->modelExport()).setDialogs(dialogs);
    }

    // Trains `steps` steps and exports the network as folder/model.onnx through Export Model…;
    // the path, or "" if either failed.
    QString exportedOnnx(const QTemporaryDir& folder, int64_t steps) {
        if (!kototest::trainTo(*fixture_.window, steps)) return QString();
        const QString path = folder.filePath(QStringLiteral("model.onnx"));
        answer(ModelFormat::Onnx, path);
        return fixture_.window->modelExport().exportModel() ? path : QString();
    }

    kototest::MainWindowFixture fixture_;
    QString said_;
};

void TestModelExport::everyFormatIsWrittenAndOnnxComesBackBitForBit() {
    MainWindow& window = *fixture_.window;
    QVERIFY(kototest::trainTo(window, 30));
    QTemporaryDir folder;
    const std::optional<Project> trained = window.captureProject();
    QVERIFY(trained && !trained->weights.empty());

    answer(ModelFormat::Onnx, folder.filePath(QStringLiteral("spiral.onnx")));
    QVERIFY(window.modelExport().exportModel());
    const Project imported =
        projectFromOnnx(contentsOf(folder.filePath(QStringLiteral("spiral.onnx"))).toStdString(),
                        "spiral.onnx");
    QCOMPARE(imported.network.layers.size(), trained->network.layers.size());
    QVERIFY(imported.weights == trained->weights);  // names, shapes and every bit

    answer(ModelFormat::Npz, folder.filePath(QStringLiteral("weights")));  // the suffix is added
    QVERIFY(window.modelExport().exportModel());
    QVERIFY(contentsOf(folder.filePath(QStringLiteral("weights.npz"))).startsWith("PK\x03\x04"));

    for (const ModelFormat format : {ModelFormat::NumPy, ModelFormat::PyTorch}) {
        const QString script = folder.filePath(QStringLiteral("net_%1.py").arg(int(format)));
        answer(format, script);
        QVERIFY(window.modelExport().exportModel());
        const QByteArray code = contentsOf(script);
        QVERIFY2(code.contains("def forward") && code.contains(QFileInfo(script).baseName().toUtf8() + ".npz"),
                 code.left(400).constData());
        QVERIFY(contentsOf(folder.filePath(QStringLiteral("net_%1.npz").arg(int(format))))
                    .startsWith("PK\x03\x04"));
    }
    QVERIFY2(said_.isEmpty(), qPrintable(said_));
}

void TestModelExport::aPathThatCannotBeWrittenIsExplained() {
    QVERIFY(kototest::trainTo(*fixture_.window, 5));
    QTemporaryDir folder;
    const QString intoAFolder = folder.filePath(QStringLiteral("a folder.onnx"));
    QVERIFY(QDir().mkdir(intoAFolder));
    answer(ModelFormat::Onnx, intoAFolder);  // a folder, not a file
    QVERIFY(!fixture_.window->modelExport().exportModel());
    QVERIFY2(said_.contains(QStringLiteral("could not be written")), qPrintable(said_));
    QVERIFY(QFileInfo(intoAFolder).isDir());
    // A script whose weights could not go beside it is not written either.
    const QString script = folder.filePath(QStringLiteral("model.py"));
    QVERIFY(QDir().mkdir(folder.filePath(QStringLiteral("model.npz"))));
    answer(ModelFormat::NumPy, script);
    QVERIFY(!fixture_.window->modelExport().exportModel());
    QVERIFY(!QFile::exists(script));
}

void TestModelExport::anOnnxModelOpensAsAnUntitledProject() {
    MainWindow& window = *fixture_.window;
    QTemporaryDir folder;
    const QString path = exportedOnnx(folder, 20);
    QVERIFY(!path.isEmpty());
    const std::optional<Project> trained = window.captureProject();
    QVERIFY(trained);

    QVERIFY(window.session().newProject());  // other weights open now
    QVERIFY(window.session().openFile(path));
    QCOMPARE(window.session().documentName(), QStringLiteral("Untitled"));
    QVERIFY(window.session().isModified());  // saved as a .koto of its own, never over the .onnx
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.paused; }));
    const std::optional<Project> opened = window.captureProject();
    QVERIFY(opened);
    QCOMPARE(opened->dataset, std::string("spiral"));
    QVERIFY(opened->weights == trained->weights);
}

void TestModelExport::aDamagedOnnxModelLeavesTheWorkAsItWas() {
    MainWindow& window = *fixture_.window;
    QTemporaryDir folder;
    const QString path = exportedOnnx(folder, 10);
    QVERIFY(!path.isEmpty());
    const QByteArray whole = contentsOf(path);
    const QString damaged = folder.filePath(QStringLiteral("damaged.onnx"));
    writeFileAtomically(damaged.toStdString(), whole.left(whole.size() / 2).toStdString());
    const std::optional<Project> before = window.captureProject();

    QString error;
    ProjectSession::Dialogs dialogs;
    dialogs.chooseFile = [](bool, const QString&) { return QString(); };
    dialogs.askUnsaved = [](const QString&) { return ProjectSession::UnsavedChoice::Discard; };
    dialogs.askRestore = [](const QString&, const QDateTime&) { return false; };
    dialogs.showError = [&error](const QString&, const QString& message) { error = message; };
    window.session().setDialogs(dialogs);
    QVERIFY(!window.session().openFile(damaged));
    QVERIFY2(error.contains(QStringLiteral("ONNX")), qPrintable(error));
    const std::optional<Project> after = window.captureProject();
    QVERIFY(before && after && after->weights == before->weights);
}

void TestModelExport::theRbmWindowExportsItsHiddenProbabilities() {
    fixture_.close();  // this test needs no main window
    if (!QFile::exists(QStringLiteral("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")))
        QSKIP("Debian's dataset-fashion-mnist is not installed");
    const std::string spec = "fashion-mnist:n=64,ntest=16";
    UnsupervisedWindow window;
    window.show();
    window.setDataset(std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(spec))), spec);
    window.findChild<QComboBox*>(QStringLiteral("modelKind"))->setCurrentIndex(1);  // RBM
    window.findChild<QSpinBox*>(QStringLiteral("hiddenUnits"))->setValue(12);
    window.reset();
    QVERIFY(QTest::qWaitFor([&] { return window.shown() && window.shown()->paused; }, 60000));
    window.step();
    QVERIFY(QTest::qWaitFor(
        [&] { return window.shown() && window.shown()->steps == 1 && window.shown()->paused; },
        60000));

    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("rbm.onnx"));
    answer(ModelFormat::Onnx, path, &window.modelExport());
    window.findChild<QPushButton*>(QStringLiteral("exportButton"))->click();
    QVERIFY2(said_.isEmpty(), qPrintable(said_));
    const std::optional<Project> rbm = window.captureProject();
    QVERIFY(rbm && rbm->model == ModelKind::Rbm);
    const Project imported = projectFromOnnx(contentsOf(path).toStdString(), "rbm.onnx");
    QCOMPARE(imported.network.layers.size(), size_t{1});
    QCOMPARE(imported.network.layers[0].text("activation"), std::string("sigmoid"));
    QVERIFY(imported.pixelInputs);  // pixels 0-255 divided by 255 inside the model
    const auto tensor = [](const Project& p, const std::string& name) {
        for (const SavedTensor& t : p.weights)
            if (t.name == name) return t.values;
        return std::vector<float>{};
    };
    QVERIFY(!tensor(*rbm, "rbm.W").empty());
    QVERIFY(tensor(imported, "dense_1.W") == tensor(*rbm, "rbm.W"));
    QVERIFY(tensor(imported, "dense_1.b") == tensor(*rbm, "rbm.c"));
}

QTEST_MAIN(TestModelExport)
#include "test_model_export.moc"
