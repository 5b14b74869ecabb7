// The output probabilities view, offscreen, in the main window: the training thread computes the
// chosen test sample's output only while the tab is shown; its bars are the probabilities
// `kotohajime-cli predict` gives for that sample from the window's saved project (softmax on the
// spiral and on XOR); a click on a test point of the boundary plot or on a gallery image chooses
// that sample and shows the tab; one sigmoid unit gives both classes; for regression (plane) the
// prediction beside the target.

#include <qcustomplot.h>

#include <QFile>
#include <QProcess>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "data/dataset_spec.h"
#include "io/project_file.h"
#include "main_window_fixture.h"
#include "training/training_controller.h"
#include "views/decision_boundary_view.h"
#include "views/image_gallery_view.h"
#include "views/loss_curve_view.h"
#include "views/output_probability_view.h"
#include "views/run_views.h"
#include "window/main_window.h"

using namespace koto;
using namespace koto::gui;
using kototest::waitForSnapshot;

namespace {

bool outputOf(const TrainingSnapshot& s, int64_t sample, int64_t steps) {
    return s.paused && s.steps == steps && s.sampleOutput && s.outputSample == sample;
}

// `kotohajime-cli predict` on one input row with the project at `project`: the CSV's data line
// as numbers (class, p0, p1, ... for classification; y0, ... for regression).
std::vector<double> cliPrediction(const QString& project, const std::vector<float>& row,
                                  const QString& folder) {
    const QString input = folder + QStringLiteral("/row.csv");
    const QString output = folder + QStringLiteral("/out.csv");
    QFile file(input);
    if (!file.open(QIODevice::WriteOnly)) return {};
    QStringList values;
    for (float v : row) values << QString::number(double(v), 'g', 9);
    file.write(values.join(QLatin1Char(',')).toUtf8() + '\n');
    file.close();
    QProcess cli;
    cli.start(QStringLiteral(KOTO_CLI_PATH),
              {QStringLiteral("predict"), QStringLiteral("--project"), project,
               QStringLiteral("--input"), input, QStringLiteral("--output"), output});
    if (!cli.waitForFinished(60000) || cli.exitCode() != 0) {
        qWarning("predict: %s", cli.readAllStandardError().constData());
        return {};
    }
    QFile answer(output);
    if (!answer.open(QIODevice::ReadOnly)) return {};
    const QList<QByteArray> lines = answer.readAll().trimmed().split('\n');
    if (lines.size() != 2) return {};
    std::vector<double> numbers;
    for (const QByteArray& value : lines[1].split(',')) numbers.push_back(value.toDouble());
    return numbers;
}

bool sameFloat(double a, double b) { return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b)); }

}  // namespace

class TestProbabilitiesView : public QObject {
    Q_OBJECT
private slots:
    void barsAreThePredictCommandsProbabilities_data();
    void barsAreThePredictCommandsProbabilities();
    void sigmoidOutputGivesBothClasses();
    void clickingATestPointChoosesIt();
    void clickingAGalleryImageChoosesIt();
    void regressionShowsPredictionAndTarget();
};

void TestProbabilitiesView::barsAreThePredictCommandsProbabilities_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<QString>("layers");
    QTest::addColumn<int>("sample");
    QTest::newRow("spiral, the default lesson") << QString() << QString() << 6;
    QTest::newRow("xor") << QStringLiteral("xor") << QStringLiteral("dense:8:tanh") << 41;
}

void TestProbabilitiesView::barsAreThePredictCommandsProbabilities() {
    QFETCH(QString, dataset);
    QFETCH(QString, layers);
    QFETCH(int, sample);
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(dataset.isEmpty()
                             ? defaultWork()
                             : kototest::lesson(dataset.toStdString(), layers.toStdString())));
    MainWindow& window = *fixture.window;
    QTabWidget& charts = window.charts();
    OutputProbabilityView& view = window.views().outputView();
    const int tab = charts.indexOf(&view);
    QVERIFY(charts.isTabVisible(tab) && charts.isTabEnabled(tab));
    QCOMPARE(charts.tabText(tab), QStringLiteral("Output probabilities"));
    QVERIFY(kototest::trainTo(window, 30));
    QVERIFY(!window.latestSnapshot()->sampleOutput);  // not computed while nobody looks

    QVERIFY(window.showChart(QStringLiteral("probabilities")));
    auto* spin = view.findChild<QSpinBox*>(QStringLiteral("probabilitySampleSpin"));
    QVERIFY(spin);
    spin->setValue(sample + 1);  // counted from 1 on the screen
    QVERIFY(waitForSnapshot(
        window, [sample](const TrainingSnapshot& s) { return outputOf(s, sample, 30); }));
    QTest::qWait(50);

    const std::vector<double> bars = view.shownBars();
    QCOMPARE(bars.size(), size_t(2));
    QVERIFY(sameFloat(bars[0] + bars[1], 1.0));
    const auto data = std::make_shared<const Dataset>(loadDataset(
        DatasetSpec::parse(dataset.isEmpty() ? defaultWork().dataset : dataset.toStdString())));
    QCOMPARE(view.shownTargetClass(), data->test.labels[static_cast<size_t>(sample)]);
    const int answer = bars[1] > bars[0] ? 1 : 0;
    QCOMPARE(view.shownAnswer(), answer);
    QVERIFY(view.shownTitle().startsWith(
        QStringLiteral("Test sample %1: softmax output Y (target: ").arg(sample + 1)));

    // The same sample through `kotohajime-cli predict` with the window's project.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString project = folder.filePath(QStringLiteral("p.koto"));
    QVERIFY(window.session().saveTo(project));
    const std::vector<double> cli =
        cliPrediction(project, data->test.floatInputs(sample, 1, data->inputSize), folder.path());
    QCOMPARE(cli.size(), size_t(3));  // class, p0, p1
    QCOMPARE(static_cast<int>(cli[0]), answer);
    for (size_t k = 0; k < 2; ++k)
        QVERIFY2(sameFloat(bars[k], cli[k + 1]), qPrintable(QStringLiteral("p%1: view %2, cli %3")
                                                                .arg(k)
                                                                .arg(bars[k], 0, 'g', 9)
                                                                .arg(cli[k + 1], 0, 'g', 9)));

    // Another tab: the output is no longer computed.
    charts.setCurrentWidget(&window.lossCurve());
    window.controller().stepBatch();
    QVERIFY(waitForSnapshot(window,
                            [](const TrainingSnapshot& s) { return s.steps == 31 && s.paused; }));
    QVERIFY(!window.latestSnapshot()->sampleOutput);
}

// One sigmoid unit (binary cross-entropy, from a project the CLI trained): the bars are
// P(Y = 0 | X) = 1 - P(Y = 1 | X) and P(Y = 1 | X), as `predict` writes them.
void TestProbabilitiesView::sigmoidOutputGivesBothClasses() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString project = folder.filePath(QStringLiteral("bce.koto"));
    QProcess train;
    train.start(QStringLiteral(KOTO_CLI_PATH),
                {QStringLiteral("train"), QStringLiteral("--dataset"), QStringLiteral("gauss"),
                 QStringLiteral("--layers"), QStringLiteral("dense:4:tanh"),
                 QStringLiteral("--loss"), QStringLiteral("bce"), QStringLiteral("--epochs"),
                 QStringLiteral("3"), QStringLiteral("--save"), project});
    QVERIFY(train.waitForFinished(60000) && train.exitCode() == 0);
    const int64_t steps = loadProject(project.toStdString()).stepsTrained;
    QVERIFY(steps > 0);

    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open());
    MainWindow& window = *fixture.window;
    QVERIFY(window.session().openFile(project));
    QVERIFY(waitForSnapshot(
        window, [steps](const TrainingSnapshot& s) { return s.paused && s.steps == steps; }));
    QVERIFY(window.showChart(QStringLiteral("probabilities")));
    const int64_t sample = 12;
    window.views().outputView().chooseSample(sample);
    QVERIFY(waitForSnapshot(
        window, [sample, steps](const TrainingSnapshot& s) { return outputOf(s, sample, steps); }));
    QTest::qWait(50);
    OutputProbabilityView& view = window.views().outputView();
    QCOMPARE(window.latestSnapshot()->sampleOutput->size(), size_t(1));
    const std::vector<double> bars = view.shownBars();
    QCOMPARE(bars.size(), size_t(2));
    QVERIFY(view.shownTitle().startsWith(
        QStringLiteral("Test sample 13: sigmoid output Y = P(Y = 1 | X) (target: ")));

    const auto data = loadDataset(DatasetSpec::parse("gauss"));
    const std::vector<double> cli =
        cliPrediction(project, data.test.floatInputs(sample, 1, data.inputSize), folder.path());
    QCOMPARE(cli.size(), size_t(3));  // class, p0 = 1 - p, p1 = p
    QCOMPARE(view.shownAnswer(), static_cast<int>(cli[0]));
    QVERIFY(sameFloat(bars[0], cli[1]));
    QVERIFY(sameFloat(bars[1], cli[2]));
    QCOMPARE(view.shownTargetClass(), data.test.labels[static_cast<size_t>(sample)]);
}

// A click on the boundary plot chooses the test point nearest to it and shows the tab.
void TestProbabilitiesView::clickingATestPointChoosesIt() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open());
    MainWindow& window = *fixture.window;
    QVERIFY(window.charts().currentWidget() != &window.views().outputView());
    QCustomPlot* plot = window.boundaryView().plot();
    plot->replot();
    const int64_t sample = 17;
    const QPointF at = window.boundaryView().testPointPixel(sample);
    QTest::mouseClick(plot, Qt::LeftButton, {}, at.toPoint());
    QCOMPARE(window.charts().currentWidget(), &window.views().outputView());
    QCOMPARE(window.views().outputView().chosenSample(), sample);
    QVERIFY(waitForSnapshot(
        window, [sample](const TrainingSnapshot& s) { return outputOf(s, sample, 0); }));
    QTest::qWait(50);
    QCOMPARE(window.views().outputView().shownBars().size(), size_t(2));
}

// A click on a gallery image chooses that test image (tiles are test samples 0..23).
void TestProbabilitiesView::clickingAGalleryImageChoosesIt() {
    if (!QFile::exists(
            QStringLiteral("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")))
        QSKIP("Debian's dataset-fashion-mnist is not installed");
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(kototest::lesson("fashion-mnist:n=100,ntest=30", "dense:16")));
    MainWindow& window = *fixture.window;
    ImageGalleryView& gallery = window.gallery();
    QTest::qWait(50);
    const int64_t sample = 9;
    const QPoint at = gallery.imageCentre(sample);
    QVERIFY(!at.isNull());
    QWidget* canvas = gallery.childAt(at);
    QVERIFY(canvas);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->mapFrom(&gallery, at));
    OutputProbabilityView& view = window.views().outputView();
    QCOMPARE(window.charts().currentWidget(), &view);
    QCOMPARE(view.chosenSample(), sample);
    QVERIFY(waitForSnapshot(
        window, [sample](const TrainingSnapshot& s) { return outputOf(s, sample, 0); }));
    QTest::qWait(50);
    QCOMPARE(view.shownBars().size(), size_t(10));
    double sum = 0;
    for (double p : view.shownBars()) sum += p;
    QVERIFY(sameFloat(sum, 1.0));
}

// Regression: each output's prediction as a bar, the target beside it.
void TestProbabilitiesView::regressionShowsPredictionAndTarget() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(kototest::lesson("plane", "dense:8:tanh")));
    MainWindow& window = *fixture.window;
    QVERIFY(kototest::trainTo(window, 20));
    QVERIFY(window.showChart(QStringLiteral("probabilities")));
    OutputProbabilityView& view = window.views().outputView();
    const int64_t sample = 3;
    view.chooseSample(sample);
    QVERIFY(waitForSnapshot(
        window, [sample](const TrainingSnapshot& s) { return outputOf(s, sample, 20); }));
    QTest::qWait(50);
    const auto data = loadDataset(DatasetSpec::parse("plane"));
    QCOMPARE(view.shownTargets(), std::vector<double>{data.test.targets[sample]});
    QCOMPARE(view.shownBars().size(), size_t(1));
    QCOMPARE(view.shownBars()[0], double((*window.latestSnapshot()->sampleOutput)[0]));
    QCOMPARE(view.shownTargetClass(), -1);
    QCOMPARE(view.shownTitle(), QStringLiteral("Test sample 4: prediction Y and target T"));

    QTemporaryDir folder;
    QVERIFY(window.session().saveTo(folder.filePath(QStringLiteral("p.koto"))));
    const std::vector<double> cli =
        cliPrediction(folder.filePath(QStringLiteral("p.koto")),
                      data.test.floatInputs(sample, 1, data.inputSize), folder.path());
    QCOMPARE(cli.size(), size_t(1));
    QVERIFY(sameFloat(view.shownBars()[0], cli[0]));
}

QTEST_MAIN(TestProbabilitiesView)
#include "test_probabilities_view.moc"
