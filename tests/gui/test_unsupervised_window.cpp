// The autoencoder and RBM window, offscreen: trained on small images it shows the inputs beside
// their reconstructions and the learned features (and, for the RBM, the samples of a Gibbs
// chain), with a learning curve of the reconstruction error (and the RBM's free energy); it
// refuses data that are not images. Its controls are the main window's: Play trains to the
// epochs set and Pause stops, Step trains exactly one mini-batch, Reset goes back to the initial
// weights. It computes on the Compute menu's device (PoCL in CI), falling back to the CPU with a
// banner. Save As… writes a project that opens again bit for bit (also through the main
// window's File > Open), and a save that fails keeps the old file. Switching between the two
// models asks before a trained one is lost, and Play greyed out at the epoch limit says why.

#include <sys/resource.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDataStream>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>

#include "data/dataset_spec.h"
#include "main_window_fixture.h"
#include "opencl_devices.h"
#include "unsupervised/reconstruction_curve_view.h"
#include "unsupervised/unsupervised_window.h"
#include "util/errors.h"
#include "util/random.h"
#include "views/image_stack_view.h"

using namespace koto;
using namespace koto::gui;

namespace {

// Found before QApplication starts its threads: discovery forks (see opencl_devices.h).
OpenClDiscovery discovered;

// 8 x 8 images of one horizontal or vertical bright bar, as bytes; 160 to train on, 16 to test.
std::shared_ptr<const Dataset> barImages() {
    auto data = std::make_shared<Dataset>();
    data->name = "bars";
    data->inputSize = 64;
    data->imageWidth = data->imageHeight = 8;
    data->classCount = 2;
    data->classNames = {"horizontal", "vertical"};
    Random random(5);
    for (auto [split, count] : {std::pair{&data->train, 160}, std::pair{&data->test, 16}}) {
        split->count = count;
        for (int n = 0; n < count; ++n) {
            const bool vertical = n % 2 == 1;
            const auto line = static_cast<int>(random.below(8));
            for (int y = 0; y < 8; ++y)
                for (int x = 0; x < 8; ++x)
                    split->pixels.push_back((vertical ? x : y) == line ? 255 : 0);
            split->labels.push_back(vertical ? 1 : 0);
        }
    }
    return data;
}

// The same images as an IDX folder (idx:DIR), for projects whose data the main window loads.
bool writeIdxFolder(const QString& folder, const Dataset& data) {
    for (auto [split, prefix] : {std::pair{&data.train, "train"}, std::pair{&data.test, "t10k"}}) {
        QFile images(folder + "/" + prefix + "-images-idx3-ubyte"),
            labels(folder + "/" + prefix + "-labels-idx1-ubyte");
        if (!images.open(QIODevice::WriteOnly) || !labels.open(QIODevice::WriteOnly)) return false;
        QDataStream i(&images), l(&labels);  // big-endian, as IDX is
        i << qint32(0x803) << qint32(split->count) << qint32(8) << qint32(8);
        for (const uint8_t p : split->pixels) i << quint8(p);
        l << qint32(0x801) << qint32(split->count);
        for (const int32_t label : split->labels) l << quint8(label);
    }
    return true;
}

bool waitUntilFinished(UnsupervisedWindow& window, int timeoutMs = 30000) {
    return QTest::qWaitFor(
        [&] { return window.shown() && window.shown()->finished && !window.isPlaying(); },
        timeoutMs);
}

template <typename Condition>
bool waitForSnapshot(UnsupervisedWindow& window, Condition condition, int timeoutMs = 20000) {
    return QTest::qWaitFor([&] { return window.shown() && condition(*window.shown()); }, timeoutMs);
}

bool pausedAtStart(UnsupervisedWindow& window, int timeoutMs = 20000) {
    return waitForSnapshot(
        window,
        [](const UnsupervisedSnapshot& s) {
            return s.paused && s.steps == 0 && !s.preparingKernels && s.failure.isEmpty();
        },
        timeoutMs);
}

// The window on the bars, with the model of that kind (0 autoencoder, 1 RBM), paused at step 0.
void openOnBars(UnsupervisedWindow& window, int kind) {
    window.setDataset(barImages(), "bars");
    window.findChild<QComboBox*>("modelKind")->setCurrentIndex(kind);
    if (kind == 0) {
        auto* sizes = window.findChild<QLineEdit*>("encoderSizes");
        sizes->setText("16,4:sigmoid");
        emit sizes->editingFinished();
    } else {
        window.findChild<QSpinBox*>("hiddenUnits")->setValue(10);
    }
    window.reset();
}

QString sameWeightsOrWhy(const std::vector<SavedTensor>& a, const std::vector<SavedTensor>& b) {
    if (a.size() != b.size())
        return QStringLiteral("%1 tensors against %2").arg(a.size()).arg(b.size());
    for (size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i])) return QString::fromStdString(a[i].name + " differs");
    return {};
}

}  // namespace

class TestUnsupervisedWindow : public QObject {
    Q_OBJECT

private slots:
    void init() { qunsetenv("KOTO_OPENCL_FAIL"); }
    void cleanup() { qunsetenv("KOTO_OPENCL_FAIL"); }

    void autoencoderShowsReconstructionsAndFeatures() {
        UnsupervisedWindow window;
        window.show();
        openOnBars(window, 0);
        window.findChild<QSpinBox*>("epochs")->setValue(4);
        QVERIFY(pausedAtStart(window));
        auto* play = window.findChild<QPushButton*>("playButton");
        QCOMPARE(play->text(), QStringLiteral("Play"));
        QTest::mouseClick(play, Qt::LeftButton);
        QCOMPARE(play->text(), QStringLiteral("Pause"));
        QVERIFY(waitUntilFinished(window));
        const auto shown = window.shown();
        QVERIFY2(shown->failure.isEmpty(), qPrintable(shown->failure));
        QCOMPARE(shown->epochs.size(), size_t{4});
        QCOMPARE(shown->steps, int64_t{4 * 3});  // 160 images in batches of 64
        QVERIFY(shown->epochs.back().trainError < shown->epochs.front().trainError);
        QCOMPARE(window.curve().pointCount(), 4);
        QCOMPARE(window.curve().freeEnergyPointCount(), 0);
        QCOMPARE(window.findChild<ImageStackView*>("inputImages")->stack().count, int64_t{12});
        QCOMPARE(window.findChild<ImageStackView*>("reconstructions")->stack().count, int64_t{12});
        QCOMPARE(window.findChild<ImageStackView*>("reconstructions")->stack().width, int64_t{8});
        QCOMPARE(window.findChild<ImageStackView*>("features")->stack().count,
                 int64_t{16});  // the first layer's units
        QVERIFY(!window.findChild<ImageStackView*>("gibbsSamples")->isVisible());
        const QString status = window.findChild<QLabel*>("status")->text();
        QVERIFY2(status.startsWith("Epoch 4: reconstruction error") && status.contains("are done"),
                 qPrintable(status));
        QCOMPARE(play->text(), QStringLiteral("Play"));
        QVERIFY(!play->isEnabled());  // all epochs done: more epochs let it go on
        window.findChild<QSpinBox*>("epochs")->setValue(5);
        QTRY_VERIFY(play->isEnabled());
        window.play();
        QVERIFY(waitForSnapshot(window, [](const UnsupervisedSnapshot& s) {
            return s.epochs.size() == 5 && s.paused;
        }));
    }

    // Play greyed out at the epoch limit says why, and what to do, in the status and on Play.
    void playSaysWhyItWaitsAtTheEpochLimit() {
        UnsupervisedWindow window;
        window.show();
        openOnBars(window, 0);
        auto* epochs = window.findChild<QSpinBox*>("epochs");
        epochs->setValue(2);
        QVERIFY(pausedAtStart(window));
        auto* play = window.findChild<QPushButton*>("playButton");
        auto* status = window.findChild<QLabel*>("status");
        const QString why = QStringLiteral("raise Epochs to train on, or Step");
        QVERIFY2(!status->text().contains(why), qPrintable(status->text()));
        window.play();
        QVERIFY(!play->toolTip().contains(why));  // training: nothing to explain
        QVERIFY(waitUntilFinished(window));
        QVERIFY(!play->isEnabled());
        QVERIFY2(status->text().contains(why) && status->text().contains("2 epoch"),
                 qPrintable(status->text()));
        QVERIFY2(play->toolTip().contains(why), qPrintable(play->toolTip()));
        epochs->setValue(3);  // more epochs: Play can go on, and nothing is left to explain
        QTRY_VERIFY(play->isEnabled());
        QVERIFY2(!status->text().contains(why), qPrintable(status->text()));
        QVERIFY(!play->toolTip().contains(why));
    }

    // Switching between the autoencoder and the RBM makes a new model: a trained one is given up
    // only when the learner says so (saved first, or discarded); Cancel keeps everything.
    void switchingTheKindAsksBeforeLosingATrainedModel() {
        QTemporaryDir folder;
        const QString file = folder.filePath("kept.koto");
        UnsupervisedWindow window;
        window.show();
        using Choice = UnsupervisedWindow::TrainedModelChoice;
        Choice answer = Choice::Cancel;
        QList<qint64> asked;  // the steps of each question
        QString suggested, chosenFile;
        UnsupervisedWindow::Dialogs dialogs = window.dialogs();
        dialogs.chooseSaveFile = [&](const QString& s) {
            suggested = s;
            return chosenFile;
        };
        dialogs.showError = [](const QString& title, const QString& message) {
            QFAIL(qPrintable(title + ": " + message));
        };
        dialogs.askDiscardTrained = [&](qint64 steps) {
            asked.append(steps);
            return answer;
        };
        window.setDialogs(dialogs);
        auto* kind = window.findChild<QComboBox*>("modelKind");
        auto* rate = window.findChild<QDoubleSpinBox*>("learningRate");

        // Untrained: the other kind at once, without a question.
        openOnBars(window, 0);
        QVERIFY(pausedAtStart(window));
        kind->setCurrentIndex(1);
        QTest::qWait(20);  // the new run starts on the next turn of the event loop
        QVERIFY(pausedAtStart(window));
        std::optional<Project> model = window.captureProject();
        QVERIFY(model && model->model == ModelKind::Rbm);
        kind->setCurrentIndex(0);
        QVERIFY(asked.isEmpty());
        openOnBars(window, 0);

        // Trained one epoch (3 steps): Cancel puts the combo back, the model and its curve stay.
        window.findChild<QSpinBox*>("epochs")->setValue(1);
        QVERIFY(pausedAtStart(window));
        window.play();
        QVERIFY(waitUntilFinished(window));
        const std::optional<Project> trained = window.captureProject();
        QVERIFY(trained);
        kind->setCurrentIndex(1);
        QCOMPARE(asked, QList<qint64>{3});
        QCOMPARE(kind->currentIndex(), 0);
        QVERIFY(window.findChild<QLineEdit*>("encoderSizes")
                    ->isVisible());  // still the autoencoder's controls
        QVERIFY(!window.findChild<QSpinBox*>("hiddenUnits")->isVisible());
        QCOMPARE(rate->value(), 0.001);
        QTest::qWait(100);  // no restart on its way
        QCOMPARE(window.shown()->steps, int64_t{3});
        QCOMPARE(window.curve().pointCount(), 1);
        const std::optional<Project> kept = window.captureProject();
        QVERIFY(kept);
        const QString why = sameWeightsOrWhy(kept->weights, trained->weights);
        QVERIFY2(why.isEmpty(), qPrintable(why));

        // Save As… cancelled in its file dialog: as Cancel.
        answer = Choice::Save;
        kind->setCurrentIndex(1);
        QCOMPARE(asked.size(), 2);
        QCOMPARE(kind->currentIndex(), 0);
        QCOMPARE(suggested,
                 QStringLiteral("Autoencoder.koto"));  // the model saved, not the kind chosen
        QTest::qWait(100);
        QCOMPARE(window.shown()->steps, int64_t{3});

        // Saved first, then the RBM starts afresh.
        chosenFile = file;
        kind->setCurrentIndex(1);
        QCOMPARE(asked.size(), 3);
        QCOMPARE(kind->currentIndex(), 1);
        const Project saved = loadProject(file.toStdString());
        QCOMPARE(saved.model, ModelKind::Autoencoder);
        QCOMPARE(saved.stepsTrained, int64_t{3});
        QVERIFY(pausedAtStart(window));
        QVERIFY(window.filePath().isEmpty());  // the file holds the autoencoder, not this RBM
        QCOMPARE(window.curve().pointCount(), 0);

        // Discard: a trained RBM gives way to a new autoencoder.
        window.step();
        QVERIFY(waitForSnapshot(
            window, [](const UnsupervisedSnapshot& s) { return s.paused && s.steps == 1; }));
        answer = Choice::Discard;
        kind->setCurrentIndex(0);
        QCOMPARE(asked.size(), 4);
        QCOMPARE(asked.back(), qint64{1});
        QCOMPARE(kind->currentIndex(), 0);
        QVERIFY(pausedAtStart(window));
        model = window.captureProject();
        QVERIFY(model && model->model == ModelKind::Autoencoder);
    }

    void rbmShowsWeightsGibbsSamplesAndFreeEnergy() {
        UnsupervisedWindow window;
        window.show();
        openOnBars(window, 1);
        window.findChild<QSpinBox*>("epochs")->setValue(3);
        QVERIFY(pausedAtStart(window));
        window.play();
        QVERIFY(waitUntilFinished(window));
        const auto shown = window.shown();
        QVERIFY2(shown->failure.isEmpty(), qPrintable(shown->failure));
        QCOMPARE(shown->epochs.size(), size_t{3});
        QCOMPARE(window.curve().pointCount(), 3);
        QCOMPARE(window.curve().freeEnergyPointCount(), 3);
        for (const UnsupervisedEpoch& e : shown->epochs)
            QVERIFY(std::isfinite(e.freeEnergy) && e.trainError > 0);
        QCOMPARE(window.findChild<ImageStackView*>("features")->stack().count, int64_t{10});
        const ImageStack& samples = window.findChild<ImageStackView*>("gibbsSamples")->stack();
        QCOMPARE(samples.count, int64_t{12});
        for (const float p : samples.values) QVERIFY(p > 0.0f && p < 1.0f);
        QVERIFY(window.findChild<ImageStackView*>("gibbsSamples")->isVisible());
        QVERIFY(window.findChild<QLabel*>("status")->text().contains("mean free energy"));
    }

    void refusesDataThatAreNotImages() {
        UnsupervisedWindow window;
        auto points = std::make_shared<Dataset>();
        points->inputSize = 2;
        points->train.count = 1;
        points->train.inputs = {0.5f, 0.5f};
        window.setDataset(points, "points");
        for (const char* button : {"playButton", "stepButton", "saveButton"})
            QVERIFY(!window.findChild<QPushButton*>(button)->isEnabled());
        QVERIFY(window.findChild<QLabel*>("status")->text().contains("image data"));
        window.play();  // does nothing
        QVERIFY(!window.isPlaying());
    }

    void badSizesAreExplained() {
        UnsupervisedWindow window;
        openOnBars(window, 0);
        QVERIFY(pausedAtStart(window));
        auto* sizes = window.findChild<QLineEdit*>("encoderSizes");
        sizes->setText("16,x");
        emit sizes->editingFinished();
        QVERIFY(waitForSnapshot(
            window, [](const UnsupervisedSnapshot& s) { return !s.failure.isEmpty(); }));
        const QString status = window.findChild<QLabel*>("status")->text();
        QVERIFY2(status.startsWith("Cannot train: ") &&
                     status.contains("\"x\" is not a layer size"),
                 qPrintable(status));
        QVERIFY(!window.findChild<QPushButton*>("playButton")->isEnabled());
        QVERIFY(!window.findChild<QPushButton*>("stepButton")->isEnabled());
        sizes->setText("16");  // put right, it trains again
        emit sizes->editingFinished();
        QVERIFY(pausedAtStart(window));
        QVERIFY(window.findChild<QPushButton*>("stepButton")->isEnabled());
    }

    void pauseStopsTheRun() {
        UnsupervisedWindow window;
        openOnBars(window, 1);
        window.findChild<QSpinBox*>("epochs")->setValue(1000);
        QVERIFY(pausedAtStart(window));
        window.play();
        QVERIFY(waitForSnapshot(window, [](const UnsupervisedSnapshot& s) { return s.steps > 0; }));
        QVERIFY(window.isPlaying());
        QTest::mouseClick(window.findChild<QPushButton*>("playButton"), Qt::LeftButton);
        QVERIFY(!window.isPlaying());
        QVERIFY(waitForSnapshot(window, [](const UnsupervisedSnapshot& s) { return s.paused; }));
        const int64_t steps = window.shown()->steps;
        QTest::qWait(300);
        QCOMPARE(window.shown()->steps, steps);
        QVERIFY(window.shown()->epochs.size() < 1000);
    }

    void stepTrainsExactlyOneBatch_data() {
        QTest::addColumn<int>("kind");
        QTest::newRow("autoencoder") << 0;
        QTest::newRow("RBM") << 1;
    }

    void stepTrainsExactlyOneBatch() {
        QFETCH(int, kind);
        UnsupervisedWindow window;
        openOnBars(window, kind);
        QVERIFY(pausedAtStart(window));
        const std::optional<Project> initial = window.captureProject();
        QVERIFY(initial);
        QCOMPARE(initial->stepsTrained, int64_t{0});
        QTest::mouseClick(window.findChild<QPushButton*>("stepButton"), Qt::LeftButton);
        QVERIFY(waitForSnapshot(
            window, [](const UnsupervisedSnapshot& s) { return s.steps == 1 && s.paused; }));
        QTest::qWait(200);  // and no more
        QCOMPARE(window.shown()->steps, int64_t{1});
        QVERIFY(window.shown()->epochs.empty());
        const std::optional<Project> stepped = window.captureProject();
        QVERIFY(stepped);
        QCOMPARE(stepped->stepsTrained, int64_t{1});
        QCOMPARE(stepped->epochsTrained, int64_t{0});
        QVERIFY(!sameWeightsOrWhy(stepped->weights, initial->weights).isEmpty());  // it learned
    }

    void resetRestoresTheInitialWeights_data() { stepTrainsExactlyOneBatch_data(); }

    void resetRestoresTheInitialWeights() {
        QFETCH(int, kind);
        UnsupervisedWindow window;
        openOnBars(window, kind);
        QVERIFY(pausedAtStart(window));
        const std::optional<Project> initial = window.captureProject();
        QVERIFY(initial);
        window.findChild<QSpinBox*>("epochs")->setValue(2);
        window.play();
        QVERIFY(waitUntilFinished(window));
        QTest::mouseClick(window.findChild<QPushButton*>("resetButton"), Qt::LeftButton);
        QVERIFY(pausedAtStart(window));
        QVERIFY(window.shown()->epochs.empty());
        QCOMPARE(window.curve().pointCount(), 0);
        const std::optional<Project> again = window.captureProject();
        QVERIFY(again);
        QCOMPARE(again->stepsTrained, int64_t{0});
        const QString why = sameWeightsOrWhy(again->weights, initial->weights);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    // The chosen OpenCL device trains (PoCL in CI); the snapshots say where.
    void trainsOnTheChosenDevice() {
        if (discovered.devices.empty())
            QSKIP(qPrintable(QString::fromStdString("no OpenCL device: " + discovered.problem)));
        const OpenClDevice& found = discovered.devices.front();
        UnsupervisedWindow window;
        window.setComputeDevice({true, found.platformIndex, found.deviceIndex, found.name});
        openOnBars(window, 1);
        // A cold PoCL kernel cache takes seconds to fill.
        QVERIFY(pausedAtStart(window, 120000));
        QCOMPARE(window.shown()->backendName, QString::fromStdString(found.name));
        QVERIFY(window.shown()->deviceProblem.isEmpty());
        QVERIFY(window.findChild<QLabel*>("computeStatus")
                    ->text()
                    .contains(QString::fromStdString(found.name)));
        window.findChild<QSpinBox*>("epochs")->setValue(1);
        window.play();
        QVERIFY(waitUntilFinished(window, 60000));
        QCOMPARE(window.shown()->epochs.size(), size_t{1});
        QCOMPARE(window.shown()->backendName, QString::fromStdString(found.name));
        // Back to the CPU when the menu says so.
        window.setComputeDevice({});
        QVERIFY(pausedAtStart(window));
        QCOMPARE(window.shown()->backendName, QStringLiteral("CPU (Eigen)"));
    }

    // A device that cannot be used: the CPU trains instead, and the banner says why.
    void aDeviceThatFailsLeavesTrainingOnTheCpu() {
        if (discovered.devices.empty())
            QSKIP(qPrintable(QString::fromStdString("no OpenCL device: " + discovered.problem)));
        qputenv("KOTO_OPENCL_FAIL", "context");
        const OpenClDevice& found = discovered.devices.front();
        UnsupervisedWindow window;
        window.show();
        window.setComputeDevice({true, found.platformIndex, found.deviceIndex, found.name});
        openOnBars(window, 0);
        QVERIFY(pausedAtStart(window, 60000));
        QCOMPARE(window.shown()->backendName, QStringLiteral("CPU (Eigen)"));
        auto* banner = window.findChild<QLabel*>("deviceBanner");
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains("forced by KOTO_OPENCL_FAIL"), qPrintable(banner->text()));
        window.step();
        QVERIFY(
            waitForSnapshot(window, [](const UnsupervisedSnapshot& s) { return s.steps == 1; }));
    }

    // The device gives out while training: the model starts again on the CPU and trains to the end.
    void aDeviceFailingMidTrainingHandsOverToTheCpu() {
        if (discovered.devices.empty())
            QSKIP(qPrintable(QString::fromStdString("no OpenCL device: " + discovered.problem)));
        qputenv("KOTO_OPENCL_FAIL", "run:5000");
        const OpenClDevice& found = discovered.devices.front();
        UnsupervisedWindow window;
        window.show();
        window.setComputeDevice({true, found.platformIndex, found.deviceIndex, found.name});
        // The epochs first: a change of them would publish (and launch kernels) once more.
        window.findChild<QSpinBox*>("epochs")->setValue(3);
        openOnBars(window, 1);
        QVERIFY(pausedAtStart(window, 120000));
        QCOMPARE(window.shown()->backendName, QString::fromStdString(found.name));
        window.play();
        QVERIFY(waitUntilFinished(window, 60000));
        const auto& last = *window.shown();
        QCOMPARE(last.backendName, QStringLiteral("CPU (Eigen)"));
        QVERIFY2(last.deviceProblem.contains(QStringLiteral("training starts again on the CPU")),
                 qPrintable(last.deviceProblem));
        QCOMPARE(last.epochs.size(), size_t{3});
        QCOMPARE(window.curve().pointCount(), 3);
        QTRY_VERIFY(window.findChild<QLabel*>("deviceBanner")->isVisible());
    }

    void saveAndOpenAreBitExact_data() { stepTrainsExactlyOneBatch_data(); }

    void saveAndOpenAreBitExact() {
        QFETCH(int, kind);
        QTemporaryDir folder;
        const QString file = folder.filePath("model.koto");
        UnsupervisedWindow window;
        QString suggested;
        window.setDialogs({[&](const QString& s) {
                               suggested = s;
                               return file;
                           },
                           [](const QString& title, const QString& message) {
                               QFAIL(qPrintable(title + ": " + message));
                           }});
        openOnBars(window, kind);
        window.findChild<QSpinBox*>("epochs")->setValue(2);
        QVERIFY(pausedAtStart(window));
        window.play();
        QVERIFY(waitUntilFinished(window));
        window.step();  // and a step into the third epoch
        QVERIFY(waitForSnapshot(window, [](const UnsupervisedSnapshot& s) {
            return s.paused && s.steps % s.batchesPerEpoch == 1;
        }));
        QTest::mouseClick(window.findChild<QPushButton*>("saveButton"), Qt::LeftButton);
        QCOMPARE(window.filePath(), file);
        QCOMPARE(suggested, QString(kind == 0 ? "Autoencoder.koto" : "RBM.koto"));
        const std::optional<Project> trained = window.captureProject();
        QVERIFY(trained);

        const Project saved = loadProject(file.toStdString());
        QCOMPARE(saved.model, kind == 0 ? ModelKind::Autoencoder : ModelKind::Rbm);
        QCOMPARE(saved.stepsTrained, trained->stepsTrained);
        QCOMPARE(saved.epochsTrained, int64_t{2});
        QCOMPARE(saved.curves.size(), size_t{2});
        QString why = sameWeightsOrWhy(saved.weights, trained->weights);
        QVERIFY2(why.isEmpty(), qPrintable(why));

        // Opened in another window: the same settings, weights, counters and curve, paused; also a
        // learning rate finer than its spin box shows.
        Project finer = saved;
        finer.training.learningRate = 0.00123;
        UnsupervisedWindow opened;
        opened.openProject(finer, barImages(), file);
        QCOMPARE(opened.filePath(), file);
        QVERIFY(waitForSnapshot(
            opened, [&](const UnsupervisedSnapshot& s) { return s.steps == saved.stepsTrained; }));
        QCOMPARE(opened.findChild<QComboBox*>("modelKind")->currentIndex(), kind);
        if (kind == 0)
            QCOMPARE(opened.findChild<QLineEdit*>("encoderSizes")->text(),
                     QStringLiteral("16,4:sigmoid"));
        else QCOMPARE(opened.findChild<QSpinBox*>("hiddenUnits")->value(), 10);
        QCOMPARE(opened.curve().pointCount(), 2);
        const std::optional<Project> reopened = opened.captureProject();
        QVERIFY(reopened);
        why = sameWeightsOrWhy(reopened->weights, saved.weights);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(reopened->curves.size(), saved.curves.size());
        QCOMPARE(reopened->training.learningRate, 0.00123);
        // Training goes on from there (a new epoch after the one begun): the counters and the
        // curve carry on.
        opened.findChild<QSpinBox*>("epochs")->setValue(3);
        opened.play();
        QVERIFY(waitUntilFinished(opened));
        QCOMPARE(opened.shown()->epochs.size(), size_t{3});
        QCOMPARE(opened.shown()->epochs.back().epoch, int64_t{3});
        QCOMPARE(opened.shown()->steps, saved.stepsTrained + opened.shown()->batchesPerEpoch);
        const std::optional<Project> onwards = opened.captureProject();
        QVERIFY(onwards);
        QCOMPARE(onwards->training.learningRate, 0.00123);
    }

    void aProjectThatDoesNotFitChangesNothing() {
        UnsupervisedWindow window;
        openOnBars(window, 1);
        QVERIFY(pausedAtStart(window));
        Project rbm;
        rbm.model = ModelKind::Rbm;
        rbm.rbm = {100, 10, 1, false};  // 100 visible units: not 8 x 8 images
        rbm.dataset = "bars";
        QVERIFY_THROWS_EXCEPTION(InputError, window.openProject(rbm, barImages(), "other.koto"));
        Project network;  // a classifier is no model of this window
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 window.openProject(network, barImages(), "other.koto"));
        QCOMPARE(window.findChild<QSpinBox*>("hiddenUnits")->value(), 10);
        QVERIFY(window.filePath().isEmpty());
        QCOMPARE(window.shown()->steps, int64_t{0});
    }

    void aSaveThatFailsKeepsTheOldFile() {
        QTemporaryDir folder;
        const QString file = folder.filePath("kept.koto");
        UnsupervisedWindow window;
        QStringList errors;
        window.setDialogs({[&](const QString&) { return file; },
                           [&](const QString& title, const QString& message) {
                               errors << title + ": " + message;
                           }});
        openOnBars(window, 1);
        QVERIFY(pausedAtStart(window));
        window.step();
        QVERIFY(
            waitForSnapshot(window, [](const UnsupervisedSnapshot& s) { return s.steps == 1; }));
        QVERIFY(window.saveAs());
        QFile kept(file);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        const QByteArray before = kept.readAll();
        kept.close();
        window.step();
        QVERIFY(
            waitForSnapshot(window, [](const UnsupervisedSnapshot& s) { return s.steps == 2; }));

        // Files may grow no larger than 256 bytes: the write runs out of room part-way, as on a
        // full disk.
        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit small = old;
        small.rlim_cur = 256;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        const bool saved = window.saveTo(file);
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);

        QVERIFY(!saved);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0].startsWith("The model was not saved") && errors[0].contains(file),
                 qPrintable(errors[0]));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), before);
        kept.close();
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{"kept.koto"});
        QCOMPARE(loadProject(file.toStdString()).stepsTrained, int64_t{1});
        QVERIFY(window.saveTo(file));  // with room again
        QCOMPARE(loadProject(file.toStdString()).stepsTrained, int64_t{2});
    }

    // File > Open of an RBM project opens this window with it; the main window's work stays.
    void theMainWindowOpensModelProjects() {
        QTemporaryDir folder;
        QVERIFY(writeIdxFolder(folder.path(), *barImages()));
        const std::string spec = "idx:" + folder.path().toStdString();
        const auto data = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(spec)));
        const QString file = folder.filePath("rbm.koto");
        Project saved;
        {
            UnsupervisedWindow window;
            window.setDialogs(
                {[&](const QString&) { return file; }, [](const QString&, const QString&) {}});
            window.setDataset(data, spec);
            window.findChild<QComboBox*>("modelKind")->setCurrentIndex(1);
            window.findChild<QSpinBox*>("hiddenUnits")->setValue(6);
            QVERIFY(waitForSnapshot(window, [](const UnsupervisedSnapshot& s) {
                return s.paused && !s.preparingKernels;
            }));
            window.step();
            QVERIFY(waitForSnapshot(window,
                                    [](const UnsupervisedSnapshot& s) { return s.steps == 1; }));
            QVERIFY(window.saveAs());
            saved = loadProject(file.toStdString());
            QCOMPARE(saved.dataset, spec);
        }

        kototest::MainWindowFixture fixture;
        QVERIFY(fixture.open());
        QVERIFY(fixture.window->session().openFile(file));
        auto* opened = fixture.window->findChild<UnsupervisedWindow*>();
        QVERIFY(opened && opened->isVisible());
        QCOMPARE(opened->filePath(), file);
        QCOMPARE(opened->findChild<QSpinBox*>("hiddenUnits")->value(), 6);
        QVERIFY(waitForSnapshot(*opened, [](const UnsupervisedSnapshot& s) {
            return s.steps == 1 && !s.preparingKernels;
        }));
        const std::optional<Project> shown = opened->captureProject();
        QVERIFY(shown);
        const QString why = sameWeightsOrWhy(shown->weights, saved.weights);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        // The main window's own work is untouched: still untitled, on its spiral.
        QVERIFY(fixture.window->session().filePath().isEmpty());
        QCOMPARE(fixture.window->latestSnapshot()->steps, int64_t{0});
        // and a change there (a new run on the same data) leaves the model opened here as it is.
        fixture.window->findChild<QDoubleSpinBox*>("inputNoiseSpin")->setValue(0.1);
        QVERIFY(
            waitForSnapshot(*opened, [](const UnsupervisedSnapshot& s) { return s.steps == 1; }));
        QTest::qWait(100);
        QCOMPARE(opened->shown()->steps, int64_t{1});
        QCOMPARE(opened->filePath(), file);
        fixture.close();
    }

    // Pre-training: the RBM's W and hidden bias c go into the classifier's first dense layer,
    // bit for bit, when the shapes match; otherwise, or while the classifier trains, a message.
    void itsFirstLayerGoesIntoTheClassifier() {
        QTemporaryDir folder;
        QVERIFY(writeIdxFolder(folder.path(), *barImages()));
        kototest::MainWindowFixture fixture;
        StartingWork lesson = defaultWork();
        lesson.dataset = "idx:" + folder.path().toStdString();
        lesson.layers = "dense:10:sigmoid";
        lesson.settings.batchSize = 16;
        QVERIFY(fixture.open(lesson));
        MainWindow& main = *fixture.window;
        main.findChild<QAction*>("unsupervisedAction")->trigger();
        auto* window = main.findChild<UnsupervisedWindow*>();
        QVERIFY(window);
        QStringList errors;
        window->setDialogs({[](const QString&) { return QString(); },
                            [&](const QString& title, const QString& message) {
                                errors << title + ": " + message;
                            }});
        auto* button = window->findChild<QPushButton*>("firstLayerButton");
        QVERIFY(button->isVisible());
        QCOMPARE(button->text(), QStringLiteral("Use as the first layer of the classifier"));
        window->findChild<QComboBox*>("modelKind")->setCurrentIndex(1);
        window->findChild<QSpinBox*>("hiddenUnits")
            ->setValue(6);  // the classifier's layer has 10 units
        window->findChild<QSpinBox*>("epochs")->setValue(2);
        window->play();
        QVERIFY(waitUntilFinished(*window));

        // Shapes that differ: said, nothing changes.
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0].contains("64 x 6") && errors[0].contains("64 x 10"),
                 qPrintable(errors[0]));

        window->findChild<QSpinBox*>("hiddenUnits")->setValue(10);
        window->play();
        QVERIFY(waitUntilFinished(*window));
        const std::optional<Project> rbm = window->captureProject();
        QVERIFY(rbm && rbm->weights.size() == 3);

        // While the classifier trains: asked to pause it first.
        main.controller().play();
        QTRY_VERIFY(main.controller().isPlaying());
        QVERIFY(!window->useAsFirstLayer());
        QCOMPARE(errors.size(), 2);
        QVERIFY2(errors[1].contains("pause it first"), qPrintable(errors[1]));
        main.controller().pause();
        QTRY_VERIFY(!main.controller().isPlaying());

        QVERIFY(window->useAsFirstLayer());
        QCOMPARE(errors.size(), 2);
        const std::optional<Project> classifier = main.captureProject();
        QVERIFY(classifier);
        auto tensor = [&](const std::string& name) {
            for (const SavedTensor& t : classifier->weights)
                if (t.name == name) return t;
            return SavedTensor{};
        };
        SavedTensor w = tensor("dense_1.W"), b = tensor("dense_1.b");
        QCOMPARE(w.values, rbm->weights[0].values);  // rbm.W
        QCOMPARE(b.values, rbm->weights[2].values);  // rbm.c
        QVERIFY(main.session().isModified());
        fixture.close();
    }

    void theTrainingMenuOpensIt() {
        kototest::MainWindowFixture fixture;
        QVERIFY(fixture.open());
        auto* action = fixture.window->findChild<QAction*>("unsupervisedAction");
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("Autoencoder and RBM…"));
        action->trigger();
        auto* opened = fixture.window->findChild<UnsupervisedWindow*>();
        QVERIFY(opened && opened->isVisible());
        // The default lesson is the spiral: no images to learn from.
        QVERIFY(!opened->findChild<QPushButton*>("playButton")->isEnabled());
        fixture.close();
    }

    // Pictures of both models on real images in both languages, for a person to look at: only
    // with KOTO_TEST_SCREENSHOTS set to a folder (and Debian's dataset-fashion-mnist installed).
    void picturesOnFashionMnist() {
        const QString folder = qEnvironmentVariable("KOTO_TEST_SCREENSHOTS");
        if (folder.isEmpty()) QSKIP("set KOTO_TEST_SCREENSHOTS to a folder to keep pictures");
        if (!QFile::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"))
            QSKIP("Debian's dataset-fashion-mnist is not installed");
        const std::string spec = "fashion-mnist:n=5000";
        const auto images = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(spec)));
        for (const QString language : {"en", "ja"}) {
            Language applied;
            applied.apply(language);
            for (const int kind : {0, 1}) {
                UnsupervisedWindow window;
                window.setDataset(images, spec);
                window.resize(1100, 950);
                window.show();
                window.findChild<QComboBox*>("modelKind")->setCurrentIndex(kind);
                window.findChild<QSpinBox*>("epochs")->setValue(3);
                window.reset();
                window.play();
                QVERIFY(waitUntilFinished(window, 180000));
                QTest::qWait(100);  // the queued replot
                const QString name = (kind == 0 ? "/autoencoder-" : "/rbm-") + language + ".png";
                QVERIFY(window.grab().save(folder + name));
            }
        }
    }
};

int main(int argc, char** argv) {
    discovered = discoverOpenClDevices();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("KotohajimeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_unsupervised_window"));
    TestUnsupervisedWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_unsupervised_window.moc"
