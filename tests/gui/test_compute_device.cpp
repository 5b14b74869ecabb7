// Choosing where the app computes, offscreen: the Compute menu lists the CPU and the OpenCL
// devices discovery found; choosing one trains there (PoCL in CI) and is remembered; a device
// that cannot be used says so in the banner and training goes on on the CPU.

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QSettings>
#include <QTest>

#include "backend/cpu_backend.h"
#include "main_window_fixture.h"
#include "opencl_devices.h"
#include "views/loss_curve_view.h"
#include "window/compute_menu.h"
#include "window/main_window.h"

using namespace koto::gui;
using kototest::waitForSnapshot;

namespace {
// Found before QApplication starts its threads: discovery forks (see opencl_devices.h).
koto::OpenClDiscovery discovered;
}  // namespace

class TestComputeDevice : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QSettings().clear();
        qunsetenv("KOTO_OPENCL_FAIL");
    }

    void cleanup() {
        fixture_.close();
        qunsetenv("KOTO_OPENCL_FAIL");
    }

    void theCpuIsTheDefault() {
        QVERIFY(fixture_.open(koto::gui::defaultWork(), discovered));
        QCOMPARE(fixture_.window->latestSnapshot()->backendName, QStringLiteral("CPU (Eigen)"));
        QVERIFY(fixture_.window->findChild<QAction*>(QStringLiteral("computeCpu"))->isChecked());
    }

    // CPU threads: every core at first; a choice made while training applies at once (training
    // goes on) and is remembered; --threads N (askThreadsThisSession) is checked without being
    // remembered.
    void cpuThreadsAreChosenAndRemembered() {
        QVERIFY(fixture_.open(koto::gui::defaultWork(), discovered));
        MainWindow& window = *fixture_.window;
        QVERIFY(window.findChild<QAction*>(QStringLiteral("computeThreads0"))->isChecked());
        QCOMPARE(koto::CpuBackend::defaultThreads(), koto::ThreadPool::hardwareThreads());
        window.controller().play();
        QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.steps > 50; }));
        window.findChild<QAction*>(QStringLiteral("computeThreads1"))->trigger();
        QCOMPARE(koto::CpuBackend::defaultThreads(), 1);
        QCOMPARE(QSettings().value(QStringLiteral("compute/threads")).toInt(), 1);
        const int64_t steps = window.latestSnapshot()->steps;
        QVERIFY(waitForSnapshot(window,
                                [&](const TrainingSnapshot& s) { return s.steps > steps + 50; }));
        fixture_.close();
        QVERIFY(fixture_.open(koto::gui::defaultWork(), discovered));
        QVERIFY(
            fixture_.window->findChild<QAction*>(QStringLiteral("computeThreads1"))->isChecked());
        fixture_.close();
        ComputeMenu::askThreadsThisSession(3);
        QVERIFY(fixture_.open(koto::gui::defaultWork(), discovered));
        QVERIFY(
            fixture_.window->findChild<QAction*>(QStringLiteral("computeThreads3"))->isChecked());
        QCOMPARE(koto::CpuBackend::defaultThreads(), 3);
        QCOMPARE(QSettings().value(QStringLiteral("compute/threads")).toInt(), 1);
        ComputeMenu::askThreadsThisSession(0);
    }

    void anOpenClDeviceTrainsAndIsRemembered() {
        if (discovered.devices.empty())
            QSKIP(qPrintable(QString::fromStdString("no OpenCL device: " + discovered.problem)));
        QVERIFY(fixture_.open(koto::gui::defaultWork(), discovered));
        MainWindow& window = *fixture_.window;
        window.findChild<QAction*>(QStringLiteral("computeOpenCl0"))->trigger();
        const QString device = QString::fromStdString(discovered.devices.front().name);
        // A cold PoCL kernel cache takes seconds to fill.
        QVERIFY(waitForSnapshot(
            window, [&](const TrainingSnapshot& s) { return s.backendName == device; }, 120000));
        QVERIFY(window.latestSnapshot()->deviceProblem.isEmpty());
        QVERIFY(
            window.findChild<QLabel*>(QStringLiteral("computeStatus"))->text().contains(device));
        window.controller().stepEpoch();
        QVERIFY(waitForSnapshot(
            window, [](const TrainingSnapshot& s) { return s.epochs == 1 && s.paused; }, 60000));
        QVERIFY(window.latestSnapshot()->latest.train.loss > 0);
        // Remembered: a new window starts on the same device.
        fixture_.close();
        QVERIFY(fixture_.open(koto::gui::defaultWork(), discovered));
        QVERIFY(
            fixture_.window->findChild<QAction*>(QStringLiteral("computeOpenCl0"))->isChecked());
        QVERIFY(waitForSnapshot(
            *fixture_.window, [&](const TrainingSnapshot& s) { return s.backendName == device; },
            120000));
    }

    void aDeviceThatFailsLeavesTrainingOnTheCpu() {
        if (discovered.devices.empty())
            QSKIP(qPrintable(QString::fromStdString("no OpenCL device: " + discovered.problem)));
        qputenv("KOTO_OPENCL_FAIL", "context");
        QVERIFY(fixture_.open(koto::gui::defaultWork(), discovered));
        MainWindow& window = *fixture_.window;
        window.findChild<QAction*>(QStringLiteral("computeOpenCl0"))->trigger();
        QVERIFY(waitForSnapshot(
            window, [](const TrainingSnapshot& s) { return !s.deviceProblem.isEmpty(); }, 60000));
        QCOMPARE(window.latestSnapshot()->backendName, QStringLiteral("CPU (Eigen)"));
        auto* banner = window.findChild<QLabel*>(QStringLiteral("problemBanner"));
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("forced by KOTO_OPENCL_FAIL")),
                 qPrintable(banner->text()));
        window.controller().stepBatch();
        QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.steps == 1; }));
    }

    // The device fails in the third or so epoch: the banner says so, the run goes on on the CPU
    // from the last epoch's weights, and the learning curve goes on without a gap or a repeat.
    void aDeviceFailingMidTrainingHandsOverToTheCpu() {
        if (discovered.devices.empty())
            QSKIP(qPrintable(QString::fromStdString("no OpenCL device: " + discovered.problem)));
        qputenv("KOTO_OPENCL_FAIL", "run:2500");
        QVERIFY(fixture_.open(koto::gui::defaultWork(), discovered));
        MainWindow& window = *fixture_.window;
        window.findChild<QAction*>(QStringLiteral("computeOpenCl0"))->trigger();
        const QString device = QString::fromStdString(discovered.devices.front().name);
        QVERIFY(waitForSnapshot(
            window, [&](const TrainingSnapshot& s) { return s.backendName == device; }, 120000));
        window.controller().setStepLimit(8 * 25);  // eight epochs of the spiral's 25 batches
        window.controller().play();
        QVERIFY(waitForSnapshot(
            window, [](const TrainingSnapshot& s) { return s.steps == 8 * 25 && s.paused; },
            60000));
        const auto& last = *window.latestSnapshot();
        QCOMPARE(last.backendName, QStringLiteral("CPU (Eigen)"));
        QVERIFY2(last.deviceProblem.contains(QStringLiteral("training goes on from step")),
                 qPrintable(last.deviceProblem));
        QCOMPARE(last.epochs, int64_t{8});
        QCOMPARE(window.lossCurve().pointCount(), 8);
        auto* banner = window.findChild<QLabel*>(QStringLiteral("problemBanner"));
        QTRY_VERIFY(banner->isVisible());
    }

private:
    kototest::MainWindowFixture fixture_;
};

int main(int argc, char** argv) {
    discovered = koto::discoverOpenClDevices();
    QApplication app(argc, argv);
    // Settings of their own, so that the tests neither read nor change a learner's.
    QCoreApplication::setOrganizationName(QStringLiteral("KotohajimeTests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_compute_device"));
    TestComputeDevice test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_compute_device.moc"
