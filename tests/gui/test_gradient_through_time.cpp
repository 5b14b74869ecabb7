// The "Gradient through time" tab, offscreen: after a training step, the plot holds exactly the
// per-step gradient norms ||dJ/dh(t)|| (and an LSTM's ||dJ/dc(t)|| and mean forget gate) that the
// first recurrent layer measured in that step's backward pass, on a log scale; the first step's
// curve stays as the faint comparison line, and choosing another weight initialisation in the
// layer list changes it; the clip norm of the training panel reaches the run's TrainingSettings;
// the tab is there only for recurrent networks.

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QTabWidget>
#include <QTest>
#include <cmath>
#include <memory>
#include <span>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "inspect/gradient_through_time.h"
#include "io/layer_tokens.h"
#include "layers/lstm_layer.h"
#include "layers/recurrent_layer.h"
#include "main_window_fixture.h"
#include "panels/layer_list_editor.h"
#include "training/training_run.h"
#include "views/gradient_through_time_view.h"
#include "window/main_window.h"

using namespace koto;
using namespace koto::gui;
using kototest::waitForSnapshot;
using Curve = GradientThroughTimeView::Curve;

namespace {

constexpr int64_t kSteps = 8;  // the sequences' length
const char* kData = "firstbit:8:n=60";

StartingWork sequenceLesson(const std::string& layers) { return kototest::lesson(kData, layers); }

// One Step of the window's run, paused; true once its snapshot (with the gradients) is drawn.
bool stepOnce(MainWindow& window) {
    // A new run's first snapshot, after a change of settings.
    if (!waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.paused; })) return false;
    const int64_t before = window.latestSnapshot()->steps;
    window.controller().stepBatch();
    return waitForSnapshot(window, [before](const TrainingSnapshot& s) {
        return s.paused && s.steps == before + 1 && s.gradients && s.gradients->step == before + 1;
    });
}

bool near(const std::vector<double>& shown, const std::vector<double>& expected, double relative) {
    if (shown.size() != expected.size()) return false;
    for (size_t i = 0; i < shown.size(); ++i)
        if (std::abs(shown[i] - expected[i]) > relative * std::abs(expected[i])) return false;
    return true;
}

}  // namespace

class TestGradientThroughTime : public QObject {
    Q_OBJECT

private slots:
    void plotHoldsTheLayersNorms_data();
    void plotHoldsTheLayersNorms();
    void initialisationChangesTheInitialCurve();
    void clipNormReachesTheTraining();
    void tabOnlyForRecurrentNetworks();
    void nothingWithoutABackwardPass();
};

void TestGradientThroughTime::plotHoldsTheLayersNorms_data() {
    QTest::addColumn<QString>("layers");
    QTest::addRow("SimpleRNN") << "rnn:6,seq:last";
    QTest::addRow("LSTM") << "lstm:6,seq:last";
}

// The window's first step against the same run (its project: spec, settings, seed) trained
// here for one step: the curves are the layer's own measurements of that step.
void TestGradientThroughTime::plotHoldsTheLayersNorms() {
    QFETCH(QString, layers);
    const bool lstm = layers.startsWith(QLatin1String("lstm"));
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(sequenceLesson(layers.toStdString())));
    MainWindow& window = *fixture.window;
    QVERIFY(window.showChart(QStringLiteral("gradients")));
    GradientThroughTimeView& view = window.gradientThroughTimeView();
    QVERIFY(view.plotted(Curve::Hidden).empty());  // no backward pass yet
    QVERIFY(view.findChild<QLabel*>(QStringLiteral("gradientThroughTimeNote"))
                ->text()
                .contains(QLatin1String("Step")));
    const std::optional<Project> project = window.captureProject();
    QVERIFY(project);

    QVERIFY(stepOnce(window));
    const auto data = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(kData)));
    CpuBackend backend;
    TrainingRun run(backend, project->network, data, project->training);
    QVERIFY(run.trainer().step());
    const auto& layer = dynamic_cast<const RecurrentLayer&>(run.network().layer(0));
    const std::vector<double> hidden = layer.hiddenGradientNorms();
    QCOMPARE(hidden.size(), size_t{kSteps});
    QVERIFY(near(view.plotted(Curve::Hidden), hidden, 1e-5));
    QVERIFY(view.logarithmic());
    if (lstm) {
        QVERIFY(near(view.plotted(Curve::Cell), layer.cellGradientNorms(), 1e-5));
        // The forget gate f(t) is columns U .. 2U-1 of step t's 4U gate activations i, f, o, g.
        const auto& cell = dynamic_cast<const LstmLayer&>(layer);
        std::vector<float> gates(static_cast<size_t>(cell.gates().size()));
        backend.download(cell.gates(), std::span<float>(gates));
        const int64_t rows = cell.gates().rows(), units = cell.units();
        std::vector<double> forget(kSteps, 0.0);
        for (int64_t n = 0; n < rows; ++n)
            for (int64_t t = 0; t < kSteps; ++t)
                for (int64_t u = 0; u < units; ++u)
                    forget[t] +=
                        gates[static_cast<size_t>((n * kSteps + t) * 4 * units + units + u)];
        for (double& mean : forget) mean /= static_cast<double>(rows * units);
        QVERIFY(near(view.plotted(Curve::ForgetGate), forget, 1e-5));
        for (double f : forget) QVERIFY(f > 0.5 && f < 1);  // the forget gate's bias starts at 1
    } else {
        QVERIFY(view.plotted(Curve::Cell).empty());
        QVERIFY(view.plotted(Curve::ForgetGate).empty());
    }
    // seq:last: the loss sees only h(T), so the gradient there is the largest.
    QVERIFY(hidden.back() > hidden.front());
    // The first step is the latest: no faint copy of it yet.
    QVERIFY(view.plotted(Curve::InitialHidden).empty());

    // After a second step the first step's curve is the faint line, unchanged.
    QVERIFY(stepOnce(window));
    QVERIFY(near(view.plotted(Curve::InitialHidden), hidden, 1e-5));
    QVERIFY(run.trainer().step());
    QVERIFY(near(view.plotted(Curve::Hidden), layer.hiddenGradientNorms(), 1e-5));
    if (const QByteArray folder = qgetenv("KOTO_TEST_SCREENSHOTS"); !folder.isEmpty()) {
        QTest::qWait(300);
        const QString name = QStringLiteral("/gradients_%1.png").arg(lstm ? "lstm" : "rnn");
        window.grab().save(QString::fromLocal8Bit(folder) + name);
    }
}

void TestGradientThroughTime::initialisationChangesTheInitialCurve() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(sequenceLesson("rnn:6:tanh:xavier,seq:last")));
    MainWindow& window = *fixture.window;
    QVERIFY(window.showChart(QStringLiteral("gradients")));
    auto* init = window.findChild<QComboBox*>(QStringLiteral("recurrentInitChoice"));
    QVERIFY(init);
    QCOMPARE(init->currentData().toString(), QStringLiteral("xavier"));  // as the token wrote it
    QCOMPARE(init->count(), 3);
    QVERIFY(!init->itemData(2, Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(stepOnce(window));
    QVERIFY(stepOnce(window));
    const std::vector<double> xavier =
        window.gradientThroughTimeView().plotted(Curve::InitialHidden);
    QCOMPARE(xavier.size(), size_t{kSteps});
    QVERIFY(xavier == window.latestSnapshot()->initialGradients->hidden);

    init->setCurrentIndex(
        init->findData(QStringLiteral("orthogonal")));  // a new run from new weights
    QVERIFY(waitForSnapshot(
        window, [](const TrainingSnapshot& s) { return s.steps == 0 && !s.gradients; }));
    QVERIFY(window.gradientThroughTimeView().plotted(Curve::InitialHidden).empty());
    QVERIFY(stepOnce(window));
    QVERIFY(stepOnce(window));
    const std::vector<double> orthogonal =
        window.gradientThroughTimeView().plotted(Curve::InitialHidden);
    QCOMPARE(orthogonal.size(), size_t{kSteps});
    QVERIFY(!near(orthogonal, xavier, 1e-3));
    const std::optional<Project> project = window.captureProject();
    QVERIFY(project);
    QCOMPARE(project->network.layers.front().text("init"), std::string("orthogonal"));
}

void TestGradientThroughTime::clipNormReachesTheTraining() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(sequenceLesson("lstm:4,seq:last")));
    MainWindow& window = *fixture.window;
    auto* clip = window.findChild<QDoubleSpinBox*>(QStringLiteral("clipNormSpin"));
    QVERIFY(clip);
    QCOMPARE(clip->value(), 0.0);
    QCOMPARE(clip->text(), QStringLiteral("off"));
    QVERIFY(clip->toolTip().contains(QStringLiteral("θ / ‖g‖")));
    std::optional<Project> project = window.captureProject();
    QVERIFY(project);
    QCOMPARE(project->training.clipNorm, 0.0);
    clip->setValue(0.5);  // a new run with it
    QVERIFY(stepOnce(window));
    project = window.captureProject();  // the run's own settings, from its trainer
    QVERIFY(project);
    QCOMPARE(project->training.clipNorm, 0.5);
}

void TestGradientThroughTime::tabOnlyForRecurrentNetworks() {
    kototest::MainWindowFixture dense;
    QVERIFY(dense.open());
    QTabWidget& charts = dense.window->charts();
    QVERIFY(!charts.isTabVisible(charts.indexOf(&dense.window->gradientThroughTimeView())));
    QVERIFY(!dense.window->showChart(QStringLiteral("gradients")));
    QVERIFY(!dense.window->latestSnapshot()->gradients);
    dense.close();

    kototest::MainWindowFixture recurrent;
    QVERIFY(recurrent.open(sequenceLesson("rnn:4,seq:last")));
    QTabWidget& recurrentCharts = recurrent.window->charts();
    const int tab = recurrentCharts.indexOf(&recurrent.window->gradientThroughTimeView());
    QVERIFY(recurrentCharts.isTabVisible(tab));
    QCOMPARE(recurrentCharts.tabText(tab), QStringLiteral("Gradient through time"));
}

// Core's copy: none for a network without a recurrent layer, nor before the first backward pass.
void TestGradientThroughTime::nothingWithoutABackwardPass() {
    const auto data = std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(kData)));
    CpuBackend backend;
    Network dense(backend, networkSpecFromTokens("dense:4:tanh", *data), 4);
    dense.initialize(1);
    QVERIFY(!latestGradientThroughTime(dense, 0, true));
    Network recurrent(backend, networkSpecFromTokens("lstm:4,seq:last", *data), 4);
    recurrent.initialize(1);
    QVERIFY(!latestGradientThroughTime(recurrent, 0, true));
}

QTEST_MAIN(TestGradientThroughTime)
#include "test_gradient_through_time.moc"
