// Saving the views (issue 13), offscreen: every view of the main window writes a PNG that
// decodes at the size of its picture, an SVG that parses, has the picture's size and draws its
// plots as vectors (not as pictures of them), and a CSV whose header and rows are the data the
// view draws; File > Export view… and the context menus save through the same code and say why a
// file cannot be written; `kotohajime --project … --view weights --export-view` writes the saved
// project's weights exactly, and refuses a FIFO, a folder and an unknown suffix.

#include <qcustomplot.h>
#include <sys/stat.h>

#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <cstdlib>
#include <limits>
#include <map>

#include "data/dataset_spec.h"
#include "io/project_file.h"
#include "main_window_fixture.h"
#include "training/training_controller.h"
#include "views/confusion_matrix_view.h"
#include "views/csv_text.h"
#include "views/decision_boundary_view.h"
#include "views/dropout_noise_view.h"
#include "views/feature_map_view.h"
#include "views/gradient_through_time_view.h"
#include "views/image_gallery_view.h"
#include "views/image_stack_view.h"
#include "views/loss_curve_view.h"
#include "views/network_playground_view.h"
#include "views/output_probability_view.h"
#include "views/recurrent_state_view.h"
#include "views/time_heatmap.h"
#include "views/view_export.h"
#include "views/weight_view.h"
#include "window/main_window.h"
#include "window/view_export_menu.h"

using namespace koto;
using namespace koto::gui;
using kototest::contentsOf;
using kototest::waitForSnapshot;

namespace {

// The CSV's records, each split at its commas (no field these views write holds one).
std::vector<QStringList> csvRecords(const QString& path) {
    std::vector<QStringList> records;
    for (const QString& line : QString::fromUtf8(contentsOf(path)).split(QLatin1Char('\n')))
        if (!line.isEmpty()) records.push_back(line.split(QLatin1Char(',')));
    return records;
}

// "" if the PNG decodes at the size of the view's picture and is not one flat colour.
QString pngProblem(const QString& path, QWidget& picture) {
    const QImage image(path);
    if (image.isNull()) return QStringLiteral("the PNG does not decode");
    const QSize expected = picture.size() * picture.devicePixelRatioF();
    if (image.size() != expected)
        return QStringLiteral("PNG of %1 x %2, the picture is %3 x %4")
            .arg(image.width())
            .arg(image.height())
            .arg(expected.width())
            .arg(expected.height());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3) colours.insert(image.pixel(x, y));
    return colours.size() >= 3 ? QString() : QStringLiteral("the PNG is nearly blank");
}

// How many elements of each name an SVG document has; empty if it does not parse.
std::map<QString, int> svgElements(const QByteArray& svg) {
    std::map<QString, int> counts;
    QXmlStreamReader reader(svg);
    while (!reader.atEnd())
        if (reader.readNext() == QXmlStreamReader::StartElement) ++counts[reader.name().toString()];
    if (reader.hasError()) return {};
    return counts;
}

// "" if the SVG parses and renders, has the picture's size, and draws shapes and text, with
// every plot in sight drawn as vectors: no embedded pixmap as large as a plot (a plain
// QWidget::render puts QCustomPlot's cached pixmaps in). Colour maps and images are pixmaps of
// their own sizes.
QString svgProblem(const QString& path, QWidget& picture) {
    const QByteArray svg = contentsOf(path);
    QSvgRenderer renderer(svg);
    if (!renderer.isValid()) return QStringLiteral("the SVG does not render");
    if (renderer.viewBox().size() != picture.size()) return QStringLiteral("the SVG's size");
    std::map<QString, int> elements = svgElements(svg);
    if (elements.empty()) return QStringLiteral("the SVG does not parse");
    const int shapes = elements[QStringLiteral("path")] + elements[QStringLiteral("rect")] +
                       elements[QStringLiteral("polyline")] + elements[QStringLiteral("polygon")];
    if (shapes < 4) return QStringLiteral("the SVG draws %1 shapes").arg(shapes);
    if (elements[QStringLiteral("text")] < 1) return QStringLiteral("the SVG has no text");
    QList<QCustomPlot*> plots = picture.findChildren<QCustomPlot*>();
    if (auto* plot = qobject_cast<QCustomPlot*>(&picture)) plots.push_back(plot);
    for (const QCustomPlot* plot : plots) {
        const QRegularExpression pixmap(QStringLiteral("<image [^>]*width=\"%1\" height=\"%2\"")
                                            .arg(plot->width())
                                            .arg(plot->height()));
        if (plot->isVisibleTo(&picture) && pixmap.match(QString::fromUtf8(svg)).hasMatch())
            return QStringLiteral("the SVG has a pixmap of the plot ") + plot->objectName();
    }
    return {};
}

// Saves the view as PNG, SVG and CSV into `folder` (as name.png, ...) and checks the pictures;
// `rows` gets the CSV's records. "" or what is wrong.
QString exportAll(ExportableView& view, const QTemporaryDir& folder, const QString& name,
                  std::vector<QStringList>& rows) {
    const QString base = folder.filePath(name);
    for (const QString& suffix :
         {QStringLiteral(".png"), QStringLiteral(".svg"), QStringLiteral(".csv")}) {
        const QString problem = exportView(view, base + suffix);
        if (!problem.isEmpty()) return name + suffix + QStringLiteral(": ") + problem;
    }
    QString problem = pngProblem(base + QStringLiteral(".png"), view.pictureWidget());
    if (problem.isEmpty())
        problem = svgProblem(base + QStringLiteral(".svg"), view.pictureWidget());
    rows = csvRecords(base + QStringLiteral(".csv"));
    return problem.isEmpty() ? QString() : name + QStringLiteral(": ") + problem;
}

#define EXPORT_ALL(view, name)                                                                     \
    do {                                                                                           \
        const QString problem = exportAll(view, folder, QStringLiteral(name), rows);               \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                                          \
    } while (false)

// The number a CSV field holds, read as other programs read it (C's strtof); NaN (equal to
// nothing) if it holds none.
float asFloat(const QString& text) {
    const QByteArray digits = text.toLatin1();
    char* end = nullptr;
    const float value = std::strtof(digits.constData(), &end);
    return !digits.isEmpty() && end == digits.constData() + digits.size()
               ? value
               : std::numeric_limits<float>::quiet_NaN();
}

bool fashionMnistInstalled() {
    return QFile::exists(
        QStringLiteral("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"));
}

int runApp(const QStringList& arguments, QString* errors = nullptr) {
    QProcess app;
    app.start(QStringLiteral(KOTO_APP_PATH), arguments);
    if (!app.waitForFinished(120000)) return -1;
    if (errors) *errors = QString::fromLocal8Bit(app.readAllStandardError());
    return app.exitStatus() == QProcess::NormalExit ? app.exitCode() : -1;
}

}  // namespace

class TestViewExport : public QObject {
    Q_OBJECT
private slots:
    void planeViews();
    void imageViews();
    void recurrentViews();
    void networkAndDropoutViews();
    void csvNumbersReadBackExactly();
    void menusSaveTheViewShown();
    void commandLineWritesTheProjectsWeights();
    void commandLineRefusesWhatIsNoFile();
};

// XOR: the decision boundary, the learning curve, the confusion matrix, the weights and one test
// point's output probabilities, after 3 epochs.
void TestViewExport::planeViews() {
    kototest::MainWindowFixture fixture;
    const StartingWork lesson = kototest::lesson("xor", "dense:8:tanh");
    QVERIFY(fixture.open(lesson));
    MainWindow& window = *fixture.window;
    const int64_t epochSteps = window.latestSnapshot()->batchesPerEpoch;
    QVERIFY(epochSteps > 1);
    QVERIFY(kototest::trainTo(window, 3 * epochSteps));
    QTemporaryDir folder;
    const Dataset data = loadDataset(DatasetSpec::parse(lesson.dataset));
    const std::shared_ptr<const TrainingSnapshot> trained = window.latestSnapshot();

    // The curve: every epoch, as the plot draws them.
    std::vector<QStringList> rows;
    EXPORT_ALL(window.lossCurve(), "curve");
    QCOMPARE(rows.front().join(QLatin1Char(',')),
             QStringLiteral("epoch,steps,train_loss,train_accuracy,test_loss,test_accuracy"));
    const int64_t epochs = trained->latest.epoch;
    QCOMPARE(epochs, int64_t{3});
    QCOMPARE(rows.size(), size_t(epochs + 1));
    QCOMPARE(rows[1][0], QStringLiteral("1"));
    QCOMPARE(rows[1][1], QString::number(epochSteps));
    QCOMPARE(rows.back()[0], QString::number(epochs));
    QCOMPARE(rows.back()[4].toDouble(), trained->latest.test.loss);
    QCOMPARE(rows.back()[5].toDouble(), trained->latest.test.accuracy);

    // The boundary: the grid's cells, then every data point.
    DecisionBoundaryView& boundary = window.boundaryView();
    EXPORT_ALL(boundary, "boundary");
    const int side = boundary.gridSize();
    QVERIFY(side > 10);
    QCOMPARE(rows.size(), size_t(1 + side * side + data.train.count + data.test.count));
    QCOMPARE(rows[0].join(QLatin1Char(',')), QStringLiteral("kind,x1,x2,value"));
    for (int row = 0; row < side; ++row)
        for (int column = 0; column < side; column += 7) {
            const QStringList& cell = rows[static_cast<size_t>(1 + row * side + column)];
            QCOMPARE(cell[0], QStringLiteral("grid"));
            QCOMPARE(double(asFloat(cell[3])), boundary.shownValue(column, row));
        }
    const QStringList& lastTest = rows.back();
    QCOMPARE(lastTest[0], QStringLiteral("test"));
    const auto lastSample = static_cast<size_t>(data.test.count - 1);
    QCOMPARE(asFloat(lastTest[1]), data.test.inputs[2 * lastSample]);
    QCOMPARE(asFloat(lastTest[3]), float(data.test.labels[lastSample]));

    // The confusion matrix: K + 1 lines, the counts drawn.
    EXPORT_ALL(window.confusionMatrix(), "confusion");
    const size_t classes = data.classNames.size();
    QCOMPARE(rows.size(), classes + 1);
    QCOMPARE(rows[0][0], QStringLiteral("true_class"));
    const std::vector<int64_t>& counts = window.confusionMatrix().counts();
    for (size_t t = 0; t < classes; ++t)
        for (size_t p = 0; p < classes; ++p)
            QCOMPARE(rows[t + 1][int(p) + 1].toLongLong(), counts[t * classes + p]);

    // The weights: every parameter, each value the network's float.
    QVERIFY(window.showChart(QStringLiteral("weights")));
    QVERIFY(waitForSnapshot(window, [epochSteps](const TrainingSnapshot& s) {
        return s.weights && s.weights->step == 3 * epochSteps;
    }));
    const NetworkWeights& weights = *window.latestSnapshot()->weights;
    EXPORT_ALL(window.weightView(), "weights");
    QCOMPARE(rows[0].join(QLatin1Char(',')),
             QStringLiteral("quantity,matrix,parameter,rows,columns"));
    size_t at = 1;
    const QStringList names{"W", "b", "V", "c"};
    QCOMPARE(weights.matrices.size(), size_t(4));
    for (size_t k = 0; k < weights.matrices.size(); ++k) {
        const WeightMatrix& m = weights.matrices[k];
        QCOMPARE(rows[at++], (QStringList{"weights", names[int(k)], QString::fromStdString(m.id),
                                          QString::number(m.rows), QString::number(m.cols)}));
        for (int64_t i = 0; i < m.rows; ++i, ++at) {
            QCOMPARE(rows[at].size(), qsizetype(m.cols));
            for (int64_t j = 0; j < m.cols; ++j) QCOMPARE(asFloat(rows[at][int(j)]), m.at(i, j));
        }
    }
    QCOMPARE(at, rows.size());

    // One test point's probabilities: a row a class, the bars drawn.
    QVERIFY(window.showChart(QStringLiteral("probabilities")));
    QVERIFY(
        waitForSnapshot(window, [](const TrainingSnapshot& s) { return bool(s.sampleOutput); }));
    QTRY_VERIFY(!window.views().outputView().shownBars().empty());
    OutputProbabilityView& output = window.views().outputView();
    EXPORT_ALL(output, "probabilities");
    QCOMPARE(rows.size(), classes + 1);
    QCOMPARE(rows[0].join(QLatin1Char(',')), QStringLiteral("sample,class,probability,target"));
    for (size_t k = 0; k < classes; ++k) {
        QCOMPARE(double(asFloat(rows[k + 1][2])), output.shownBars()[k]);
        QCOMPARE(rows[k + 1][3], QString::number(int(k) == output.shownTargetClass() ? 1 : 0));
    }
}

// XOR with dropout: the network diagram (every weight and bias, each the network's float, then
// every unit's output over the grid) and the dropout view (the step's X, mask and Z).
void TestViewExport::networkAndDropoutViews() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(kototest::lesson("xor", "dense:3:tanh,dropout:0.5")));
    MainWindow& window = *fixture.window;
    QVERIFY(kototest::trainTo(window, 4));
    QTemporaryDir folder;
    std::vector<QStringList> rows;

    QVERIFY(window.showChart(QStringLiteral("network")));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) {
        return s.neuronMaps && s.weights && s.weights->step == 4;
    }));
    QTest::qWait(50);
    EXPORT_ALL(window.views().networkView(), "network");
    QCOMPARE(rows[0].join(QLatin1Char(',')),
             QStringLiteral("kind,parameter,row,column,x1,x2,value,shown"));
    const NetworkWeights& weights = *window.latestSnapshot()->weights;
    size_t at = 1;
    for (const WeightMatrix& m : weights.matrices)
        for (int64_t i = 0; i < m.rows * m.cols; ++i, ++at) {
            QCOMPARE(rows[at][1], QString::fromStdString(m.id));
            QCOMPARE(asFloat(rows[at][6]), m.values[size_t(i)]);
            QCOMPARE(rows[at][7], QStringLiteral("1"));  // 17 links: all drawn
        }
    QCOMPARE(at, size_t{18});
    const NeuronMaps& maps = *window.latestSnapshot()->neuronMaps;
    QCOMPARE(rows.size(), at + size_t((3 + 2) * maps.points));
    QCOMPARE(asFloat(rows[at][6]), maps.layers[0].at(0, 0));
    QCOMPARE(rows.back()[6], csvNumber(maps.layers[1].at(maps.points - 1, 1)));

    QVERIFY(window.showChart(QStringLiteral("dropout")));
    window.controller().stepBatch();
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) {
        return s.paused && s.stochasticPasses && s.stochasticStep == 5;
    }));
    QTest::qWait(50);
    EXPORT_ALL(window.views().dropoutNoiseView(), "dropout");
    const StochasticPass& pass = window.latestSnapshot()->stochasticPasses->front();
    QCOMPARE(rows.size(), size_t(1 + pass.rows * pass.values));
    QCOMPARE(rows[0].join(QLatin1Char(',')),
             QStringLiteral("step,layer,type,setting,sample,value,x,random,z"));
    for (int64_t r = 0; r < pass.rows; ++r)
        for (int64_t v = 0; v < pass.values; ++v) {
            const QStringList& row = rows[size_t(1 + r * pass.values + v)];
            QCOMPARE(row[0], QStringLiteral("5"));
            QCOMPARE(asFloat(row[6]), pass.at(pass.input, r, v));
            QCOMPARE(asFloat(row[7]), pass.at(pass.random, r, v));
            QCOMPARE(asFloat(row[8]), pass.at(pass.output, r, v));
        }
}

// Fashion-MNIST through a small CNN: the gallery's test images with their pixels, and the
// filters and feature maps of the chosen image.
void TestViewExport::imageViews() {
    if (!fashionMnistInstalled()) QSKIP("Debian's dataset-fashion-mnist is not installed");
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(kototest::lesson("fashion-mnist:n=50,ntest=30",
                                          "conv:4:5,maxpool:2,flatten,dense:16:relu")));
    MainWindow& window = *fixture.window;
    QVERIFY(kototest::trainTo(window, 5));
    QTemporaryDir folder;

    ImageGalleryView& gallery = window.gallery();
    const int images = gallery.imagesShown();
    QVERIFY(images > 0);
    std::vector<QStringList> rows;
    EXPORT_ALL(gallery, "gallery");
    QCOMPARE(rows.size(), size_t(images + 1));
    QCOMPARE(rows[0].mid(0, 5),
             (QStringList{"sample", "true_class", "answer", "probability", "x1"}));
    QCOMPARE(rows[0].size(), qsizetype(4 + 28 * 28));
    for (size_t i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i].size(), rows[0].size());
        QVERIFY(!rows[i][2].isEmpty());  // the network's answer, after training
    }

    QVERIFY(window.showChart(QStringLiteral("feature-maps")));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return bool(s.featureMaps); }));
    FeatureMapView& maps = window.featureMapView();
    // The image, the filters, the maps of the convolution and of the pooling.
    QTRY_COMPARE(maps.stacksShown().size(), size_t(4));
    size_t values = 0;
    for (const ImageStackView* stack : maps.stacksShown()) values += stack->stack().values.size();
    EXPORT_ALL(maps, "feature-maps");
    QCOMPARE(rows.size(), values + 1);
    QCOMPARE(rows[1].mid(0, 5), (QStringList{"input", "X", "1", "1", "1"}));
    const ImageStack& filters = maps.stacksShown()[1]->stack();
    const QStringList& firstFilter = rows[1 + 28 * 28];
    QCOMPARE(firstFilter[0], QStringLiteral("filter"));
    QCOMPARE(asFloat(firstFilter[5]), filters.at(0, 0, 0));
}

// An LSTM on sequences: its states over time, and the gradient through time after 3 steps.
void TestViewExport::recurrentViews() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(kototest::lesson("firstbit:8:n=60", "lstm:4,seq:last")));
    MainWindow& window = *fixture.window;
    QVERIFY(window.showChart(QStringLiteral("gradients")));
    QVERIFY(kototest::trainTo(window, 3));
    QTemporaryDir folder;

    GradientThroughTimeView& gradients = window.gradientThroughTimeView();
    QTRY_VERIFY(!gradients.plotted(GradientThroughTimeView::Curve::Hidden).empty());
    std::vector<QStringList> rows;
    EXPORT_ALL(gradients, "gradients");
    QCOMPARE(rows[0], (QStringList{"t", "hidden_norm", "cell_norm", "mean_forget_gate",
                                   "initial_hidden_norm", "initial_cell_norm"}));
    QCOMPARE(rows.size(), size_t(8 + 1));  // t = 1..8
    const GradientThroughTime& measured = *window.latestSnapshot()->gradients;
    QCOMPARE(measured.step, int64_t{3});
    QCOMPARE(rows[8][1].toDouble(), measured.hidden.back());
    QCOMPARE(rows[1][3].toDouble(), measured.forgetGate.front());

    QVERIFY(window.showChart(QStringLiteral("states")));
    QVERIFY(
        waitForSnapshot(window, [](const TrainingSnapshot& s) { return bool(s.recurrentStates); }));
    RecurrentStateView& states = window.recurrentStateView();
    QTRY_VERIFY(!states.heatmapsShown().empty());
    size_t cells = 0;
    for (const TimeHeatmap* map : states.heatmapsShown())
        cells += static_cast<size_t>(map->rows() * map->steps());
    EXPORT_ALL(states, "states");
    QCOMPARE(rows.size(), cells + 1);
    QCOMPARE(rows[0], (QStringList{"layer", "state", "row", "t", "value"}));
    const TimeHeatmap& input = *states.heatmapsShown().front();
    QCOMPARE(rows[2].mid(1, 3), (QStringList{"x", "1", "2"}));
    QCOMPARE(double(asFloat(rows[2][4])), input.shownValue(0, 1));
}

// Floats and doubles are written as the shortest text that reads back as the same number.
void TestViewExport::csvNumbersReadBackExactly() {
    QCOMPARE(csvNumber(0.1f), QStringLiteral("0.1"));
    QCOMPARE(csvNumber(0.1), QStringLiteral("0.1"));
    for (float value : {1.0f / 3.0f, -2.5e-8f, 123456.79f, 3.4028235e38f, 1e-45f})
        QCOMPARE(asFloat(csvNumber(value)), value);
    QCOMPARE(csvNumber(1.0 / 3.0).toDouble(), 1.0 / 3.0);
    QCOMPARE(csvRow({"a", "b,c", "say \"hi\""}), QStringLiteral("a,\"b,c\",\"say \"\"hi\"\"\"\n"));
}

// File > Export view… saves the tab shown, Export picture… the plane; a right click on a view
// opens its menu; a folder as the file is refused with a message, and nothing is written.
void TestViewExport::menusSaveTheViewShown() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(kototest::lesson("xor", "dense:8:tanh")));
    MainWindow& window = *fixture.window;
    QVERIFY(kototest::trainTo(window, 10));
    QTemporaryDir folder;
    QString chosen, error, suggested;
    QStringList offered;
    ViewExportMenu::Dialogs dialogs;
    dialogs.chooseFile = [&](const QString&, const QString& name, const QStringList& filters) {
        suggested = name;
        offered = filters;
        return chosen;
    };
    dialogs.showError = [&](const QString&, const QString& message) { error = message; };
    window.viewExport().setDialogs(dialogs);

    QVERIFY(window.showChart(QStringLiteral("confusion")));
    chosen = folder.filePath(QStringLiteral("shown.csv"));
    window.viewExport().exportChartAction().trigger();
    QCOMPARE(suggested, QStringLiteral("confusionMatrix.png"));
    QCOMPARE(offered.size(), 3);
    QCOMPARE(csvRecords(chosen).front().front(), QStringLiteral("true_class"));
    chosen = folder.filePath(QStringLiteral("plane.csv"));
    window.viewExport().exportPictureAction().trigger();
    QCOMPARE(csvRecords(chosen).front().front(), QStringLiteral("kind"));
    QVERIFY(error.isEmpty());

    // A folder is no file: the message names it and says why; the folder stays a folder.
    const QString inside = folder.filePath(QStringLiteral("a-folder.png"));
    QVERIFY(QDir().mkdir(inside));
    chosen = inside;
    window.viewExport().exportChartAction().trigger();
    QVERIFY2(error.contains(inside) && error.contains(QStringLiteral("folder")), qPrintable(error));
    QVERIFY(QFileInfo(inside).isDir());
    QVERIFY(QDir(inside).isEmpty());

    // A right click on the weights' heatmap reaches the view's menu: picture or data.
    QVERIFY(window.showChart(QStringLiteral("weights")));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return bool(s.weights); }));
    auto* heatmap = window.weightView().findChild<QCustomPlot*>(QStringLiteral("weightHeatmap"));
    QTRY_VERIFY(heatmap && heatmap->isVisible());
    QContextMenuEvent click(QContextMenuEvent::Mouse, QPoint(20, 20),
                            heatmap->mapToGlobal(QPoint(20, 20)));
    QApplication::sendEvent(heatmap, &click);
    QMenu* popup = window.weightView().findChild<QMenu*>();
    QVERIFY(popup);
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(popup->actions().size(), 2);
    QVERIFY(popup->actions()[1]->isEnabled());
    chosen = folder.filePath(QStringLiteral("right-click.svg"));
    popup->actions()[0]->trigger();
    popup->close();
    QCOMPARE(offered.size(), 2);  // PNG and SVG: a picture
    const QString problem = svgProblem(chosen, window.weightView());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

// A project as saved, not trained further: its weights in the CSV are the file's, bit for bit.
void TestViewExport::commandLineWritesTheProjectsWeights() {
    QTemporaryDir folder;
    const QString project = folder.filePath(QStringLiteral("p.koto"));
    {
        kototest::MainWindowFixture fixture;
        QVERIFY(fixture.open(kototest::lesson("xor", "dense:5:tanh,dense:3:relu")));
        QVERIFY(kototest::trainTo(*fixture.window, 30));
        QVERIFY(fixture.window->session().saveTo(project));
    }
    const Project saved = loadProject(project.toStdString());
    QCOMPARE(saved.weights.size(), size_t(6));
    const QString csv = folder.filePath(QStringLiteral("weights.csv"));
    QString errors;
    QCOMPARE(
        runApp({"--project", project, "--view", "weights", "--export-view", csv, "--lang", "en"},
               &errors),
        0);
    const std::vector<QStringList> rows = csvRecords(csv);
    size_t at = 1;
    for (const SavedTensor& tensor : saved.weights) {
        QVERIFY2(at < rows.size(), qPrintable(errors));
        QCOMPARE(rows[at][2], QString::fromStdString(tensor.name));
        QCOMPARE(rows[at][3].toLongLong(), tensor.rows);
        QCOMPARE(rows[at++][4].toLongLong(), tensor.cols);
        for (int64_t i = 0; i < tensor.rows; ++i, ++at)
            for (int64_t j = 0; j < tensor.cols; ++j)
                QCOMPARE(asFloat(rows[at][int(j)]),
                         tensor.values[static_cast<size_t>(i * tensor.cols + j)]);
    }
    QCOMPARE(at, rows.size());

    // The plane of the same project, as a drawing.
    const QString svg = folder.filePath(QStringLiteral("boundary.svg"));
    QCOMPARE(runApp({"--project", project, "--view", "boundary", "--export-view", svg}), 0);
    QVERIFY(QSvgRenderer(svg).isValid());
}

// A FIFO and a folder are refused (exit 1, a message, left as they were); an unknown suffix, a
// missing --view and a view the network does not have are usage errors (2), writing nothing.
void TestViewExport::commandLineRefusesWhatIsNoFile() {
    QTemporaryDir folder;
    const QString fifo = folder.filePath(QStringLiteral("view.csv"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const QString dir = folder.filePath(QStringLiteral("view.png"));
    QVERIFY(QDir().mkdir(dir));
    for (const QString& target : {fifo, dir}) {
        QString errors;
        QCOMPARE(runApp({"--dataset", "xor", "--view", "curve", "--export-view", target}, &errors),
                 1);
        QVERIFY2(errors.contains(QStringLiteral("cannot write")), qPrintable(errors));
    }
    struct stat status {};
    QCOMPARE(::stat(QFile::encodeName(fifo).constData(), &status), 0);
    QVERIFY(S_ISFIFO(status.st_mode));
    QVERIFY(QFileInfo(dir).isDir() && QDir(dir).isEmpty());

    const QString text = folder.filePath(QStringLiteral("view.txt"));
    QCOMPARE(runApp({"--dataset", "xor", "--view", "curve", "--export-view", text}), 2);
    const QString png = folder.filePath(QStringLiteral("view-ok.png"));
    QCOMPARE(runApp({"--dataset", "xor", "--export-view", png}), 2);
    QCOMPARE(runApp({"--dataset", "xor", "--view", "gallery", "--export-view", png}), 2);
    QVERIFY(!QFile::exists(text) && !QFile::exists(png));
}

QTEST_MAIN(TestViewExport)
#include "test_view_export.moc"
