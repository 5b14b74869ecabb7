// The live views of a network's insides, offscreen. Feature maps: the values computed for a test
// image equal each convolution and pooling layer's output worked out by hand from the weights
// (a = sum W X + b, Z = s(a); a window's maximum or mean), the view draws exactly those values
// in the colours of its scale, and in the main window the tab is there only for convolutional
// networks and follows the test image the learner chooses. States over time: an LSTM's gates,
// cell and hidden state and a SimpleRNN's hidden state for one sequence equal the curriculum's
// recurrences worked out by hand, the heatmaps hold exactly those values, and the tab is there
// only for recurrent networks. The layer list shows convolution and recurrent layers as written.
// Sequence data, which has no plane to paint, leaves the room to the charts.

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <cmath>
#include <map>
#include <memory>

#include "backend/cpu_backend.h"
#include "data/dataset_spec.h"
#include "inspect/feature_maps.h"
#include "inspect/recurrent_states.h"
#include "io/layer_tokens.h"
#include "koto_test_support.h"
#include "main_window_fixture.h"
#include "panels/dataset_panel.h"
#include "panels/layer_list_editor.h"
#include "util/errors.h"
#include "util/random.h"
#include "views/decision_boundary_view.h"
#include "views/feature_map_view.h"
#include "views/image_gallery_view.h"
#include "views/image_stack_view.h"
#include "views/loss_curve_view.h"
#include "views/recurrent_state_view.h"
#include "views/time_heatmap.h"
#include "window/main_window.h"

using namespace koto;
using namespace koto::gui;
using kototest::downloadFloats;
using kototest::waitForSnapshot;

namespace {

constexpr int kSide = 8;  // the test images are 8 x 8
// The main window's convolutional lesson: a few Fashion-MNIST images through a small CNN.
constexpr const char* kConvData = "fashion-mnist:n=50,ntest=10";
constexpr const char* kConvLayers = "conv:4:5,maxpool:2,flatten,dense:16:relu";

// Images of random bytes with random labels of two classes.
void fillSplit(DataSplit& split, int64_t count, Random& random) {
    split.count = count;
    for (int64_t i = 0; i < count * kSide * kSide; ++i)
        split.pixels.push_back(static_cast<uint8_t>(random.below(256)));
    for (int64_t i = 0; i < count; ++i)
        split.labels.push_back(static_cast<int32_t>(random.below(2)));
}

std::shared_ptr<const Dataset> tinyImages() {
    auto dataset = std::make_shared<Dataset>();
    dataset->name = "tiny";
    dataset->inputSize = kSide * kSide;
    dataset->imageWidth = dataset->imageHeight = kSide;
    dataset->classCount = 2;
    dataset->classNames = {"0", "1"};
    Random random(5);
    fillSplit(dataset->train, 12, random);
    fillSplit(dataset->test, 6, random);
    return dataset;
}

// The convolution by its definition, one output value at a time:
//   a[f, y, x] = sum_{c, ky, kx} W[f, (c, ky, kx)] X[c, y*S - P + ky, x*S - P + kx] + b[f]
ImageStack convolveByHand(const ImageStack& input, const std::vector<float>& weights,
                          const std::vector<float>& bias, int64_t filters, int64_t kernel,
                          int64_t padding, double (*activation)(double)) {
    const int64_t height = input.height + 2 * padding - kernel + 1,
                  width = input.width + 2 * padding - kernel + 1;
    ImageStack out{"", "conv", filters, height, width, {}};
    for (int64_t f = 0; f < filters; ++f)
        for (int64_t y = 0; y < height; ++y)
            for (int64_t x = 0; x < width; ++x) {
                double a = bias[static_cast<size_t>(f)];
                for (int64_t c = 0; c < input.count; ++c)
                    for (int64_t ky = 0; ky < kernel; ++ky)
                        for (int64_t kx = 0; kx < kernel; ++kx) {
                            const int64_t iy = y - padding + ky, ix = x - padding + kx;
                            if (iy < 0 || ix < 0 || iy >= input.height || ix >= input.width)
                                continue;  // zero padding
                            a += weights[static_cast<size_t>(
                                     ((f * input.count + c) * kernel + ky) * kernel + kx)] *
                                 input.at(c, iy, ix);
                        }
                out.values.push_back(static_cast<float>(activation(a)));
            }
    return out;
}

// Windows of K x K moved by K: their maximum or their mean.
ImageStack poolByHand(const ImageStack& input, int64_t kernel, bool maximum) {
    ImageStack out{"",
                   maximum ? "maxpool" : "avgpool",
                   input.count,
                   input.height / kernel,
                   input.width / kernel,
                   {}};
    for (int64_t c = 0; c < out.count; ++c)
        for (int64_t y = 0; y < out.height; ++y)
            for (int64_t x = 0; x < out.width; ++x) {
                double best = -1e30, sum = 0;
                for (int64_t ky = 0; ky < kernel; ++ky)
                    for (int64_t kx = 0; kx < kernel; ++kx) {
                        const double v = input.at(c, y * kernel + ky, x * kernel + kx);
                        best = std::max(best, v);
                        sum += v;
                    }
                out.values.push_back(static_cast<float>(
                    maximum ? best : sum / static_cast<double>(kernel * kernel)));
            }
    return out;
}

bool close(const ImageStack& shown, const ImageStack& expected, double tolerance) {
    if (shown.count != expected.count || shown.height != expected.height ||
        shown.width != expected.width || shown.values.size() != expected.values.size())
        return false;
    for (size_t i = 0; i < shown.values.size(); ++i)
        if (std::abs(shown.values[i] - expected.values[i]) > tolerance) return false;
    return true;
}

// Every value of every tile drawn in its scale's colour.
bool drawsItsValues(const ImageStackView& view) {
    const ImageStack& stack = view.stack();
    for (int64_t i = 0; i < stack.count; ++i)
        for (int64_t y = 0; y < stack.height; ++y)
            for (int64_t x = 0; x < stack.width; ++x)
                if (view.shownColour(i, y, x) != view.scale().colour(stack.at(i, y, x)))
                    return false;
    return true;
}

const char* kTokens = "conv:3:3:1:1:tanh,maxpool:2,conv:2:3,avgpool:2,flatten";

constexpr int64_t kSteps = 5, kValues = 2;  // the test sequences: 5 steps of 2 values

// Sequences of random values in [-1, 1] with a regression target each.
std::shared_ptr<const Dataset> tinySequences() {
    auto dataset = std::make_shared<Dataset>();
    dataset->name = "tiny sequences";
    dataset->task = Task::Regression;
    dataset->sequenceLength = kSteps;
    dataset->inputSize = kSteps * kValues;
    Random random(9);
    for (DataSplit* split : {&dataset->train, &dataset->test}) {
        split->count = 6;
        for (int64_t i = 0; i < split->count * dataset->inputSize; ++i)
            split->inputs.push_back(static_cast<float>(random.uniform(-1, 1)));
        for (int64_t i = 0; i < split->count; ++i)
            split->targets.push_back(static_cast<float>(random.uniform(-1, 1)));
    }
    return dataset;
}

double sigmoid(double a) { return 1 / (1 + std::exp(-a)); }

// Row r of x (1 x D) times the D x width matrix W, plus column k of it: (x W)[k].
double product(const std::vector<double>& x, const std::vector<float>& weights, int64_t width,
               int64_t k) {
    double sum = 0;
    for (size_t d = 0; d < x.size(); ++d)
        sum += x[d] * weights[d * static_cast<size_t>(width) + static_cast<size_t>(k)];
    return sum;
}

// The states of one sequence by the recurrences (h(0) = c(0) = 0), in double:
//   LSTM: a = x(t) Wx + h(t-1) Wh + b = [ai af ao ag]; i, f, o = sigmoid(ai, af, ao); g = tanh(ag)
//         c(t) = f c(t-1) + i g;  h(t) = o tanh(c(t))
//   SimpleRNN: h(t) = tanh(x(t) Wx + h(t-1) Wh + b)
std::map<std::string, std::vector<double>> statesByHand(bool lstm,
                                                        const std::vector<float>& sequence,
                                                        int64_t units, const std::vector<float>& wx,
                                                        const std::vector<float>& wh,
                                                        const std::vector<float>& b) {
    const int64_t width = lstm ? 4 * units : units;
    std::vector<double> h(static_cast<size_t>(units), 0), c(static_cast<size_t>(units), 0);
    std::map<std::string, std::vector<double>> states;
    for (int64_t t = 0; t < kSteps; ++t) {
        const std::vector<double> x(sequence.begin() + t * kValues,
                                    sequence.begin() + (t + 1) * kValues);
        std::vector<double> a(static_cast<size_t>(width));
        for (int64_t k = 0; k < width; ++k)
            a[k] = product(x, wx, width, k) + product(h, wh, width, k) + b[k];
        for (int64_t u = 0; u < units; ++u) {
            if (!lstm) {
                h[u] = std::tanh(a[u]);
                states["h"].push_back(h[u]);
                continue;
            }
            const double i = sigmoid(a[u]), f = sigmoid(a[units + u]),
                         o = sigmoid(a[2 * units + u]);
            const double g = std::tanh(a[3 * units + u]);
            c[u] = f * c[u] + i * g;
            h[u] = o * std::tanh(c[u]);
            for (auto [name, value] :
                 {std::pair{"i", i}, {"f", f}, {"o", o}, {"g", g}, {"c", c[u]}, {"h", h[u]}})
                states[name].push_back(value);
        }
    }
    return states;
}

}  // namespace

class TestFeatureViews : public QObject {
    Q_OBJECT

private slots:
    void mapsAreTheLayersOutputs();
    void viewDrawsTheMaps();
    void tabOnlyForConvolutionalNetworks();
    void tabFollowsTheChosenImage();
    void statesAreTheRecurrences_data();
    void statesAreTheRecurrences();
    void heatmapsShowTheStates();
    void tabOnlyForRecurrentNetworks();
    void layerListShowsConvolutionAsWritten();
    void sequenceDataShowsTheChartsOnly();
    void manyToManyTrainsInTheApp();
};

// conv 3 filters of 3 x 3 with padding 1 and tanh (8 x 8), max pooling 2 (4 x 4), conv 2 filters
// of 3 x 3 with ReLU (2 x 2), average pooling 2 (1 x 1).
void TestFeatureViews::mapsAreTheLayersOutputs() {
    const auto data = tinyImages();
    CpuBackend backend;
    Network network(backend, networkSpecFromTokens(kTokens, *data), 4);
    network.initialize(7);
    const int64_t sample = 3;
    const FeatureMaps maps =
        computeFeatureMaps(network, data->test.floatInputs(sample, 1, data->inputSize));

    const std::vector<float> w1 = downloadFloats(backend, network.layer(0).parameters()[0]->value);
    const std::vector<float> b1 = downloadFloats(backend, network.layer(0).parameters()[1]->value);
    const std::vector<float> w2 = downloadFloats(backend, network.layer(2).parameters()[0]->value);
    const std::vector<float> b2 = downloadFloats(backend, network.layer(2).parameters()[1]->value);
    QCOMPARE(maps.filters.layer, network.layer(0).name());
    QCOMPARE(maps.filterChannels, int64_t{1});
    QCOMPARE(maps.filters.count, int64_t{3});
    QCOMPARE(maps.filters.height, int64_t{3});
    QVERIFY(maps.filters.values == w1);

    const ImageStack input{"X",   "input", 1,
                           kSide, kSide,   data->test.floatInputs(sample, 1, data->inputSize)};
    const auto tanhOf = [](double a) { return std::tanh(a); };
    const auto reluOf = [](double a) { return std::max(a, 0.0); };
    const ImageStack conv1 = convolveByHand(input, w1, b1, 3, 3, 1, tanhOf);
    const ImageStack pool1 = poolByHand(conv1, 2, true);
    const ImageStack conv2 = convolveByHand(pool1, w2, b2, 2, 3, 0, reluOf);
    const ImageStack pool2 = poolByHand(conv2, 2, false);
    QCOMPARE(maps.maps.size(), size_t{4});
    const ImageStack* expected[] = {&conv1, &pool1, &conv2, &pool2};
    for (size_t i = 0; i < maps.maps.size(); ++i) {
        QCOMPARE(maps.maps[i].layer, network.layer(static_cast<int>(i)).name());
        QCOMPARE(maps.maps[i].type, expected[i]->type);
        QVERIFY2(close(maps.maps[i], *expected[i], 1e-5), maps.maps[i].layer.c_str());
    }
    QVERIFY(std::any_of(conv2.values.begin(), conv2.values.end(), [](float v) { return v > 0; }));

    // A sample of another size is refused.
    QVERIFY_THROWS_EXCEPTION(InputError, computeFeatureMaps(network, std::vector<float>(10)));
}

void TestFeatureViews::viewDrawsTheMaps() {
    const auto data = tinyImages();
    CpuBackend backend;
    Network network(backend, networkSpecFromTokens(kTokens, *data), 4);
    network.initialize(7);
    const auto maps = std::make_shared<const FeatureMaps>(
        computeFeatureMaps(network, data->test.floatInputs(2, 1, data->inputSize)));

    FeatureMapView view;
    view.resize(500, 700);
    view.show();
    view.setDataset(data);
    view.findChild<QSpinBox*>(QStringLiteral("featureSampleSpin"))
        ->setValue(3);  // shown from 1: sample 2
    QCOMPARE(view.chosenSample(), int64_t{2});
    view.setFeatureMaps(maps, 2);
    const std::vector<const ImageStackView*> shown = view.stacksShown();
    QCOMPARE(shown.size(), size_t{6});  // the image, the filters, four layers' maps
    QVERIFY(shown[0]->stack().values == data->test.floatInputs(2, 1, data->inputSize));
    QVERIFY(shown[1]->stack().values == maps->filters.values);
    for (size_t i = 0; i < maps->maps.size(); ++i) {
        QVERIFY(shown[i + 2]->stack().values == maps->maps[i].values);
        QVERIFY(shown[i + 2]->title().contains(QString::fromStdString(maps->maps[i].layer)));
    }
    for (const ImageStackView* stack : shown) {
        QVERIFY(drawsItsValues(*stack));
        QVERIFY(stack->height() > 0 && stack->isVisible());
    }
    // Weights are signed: a diverging scale with 0 in its middle; tanh maps too.
    QVERIFY(shown[1]->scale().diverging);
    QCOMPARE(shown[1]->scale().low, -shown[1]->scale().high);
    // Average pooling of ReLU outputs is never negative: a sequential scale.
    QVERIFY(!shown[5]->scale().diverging);
}

void TestFeatureViews::tabOnlyForConvolutionalNetworks() {
    kototest::MainWindowFixture dense;
    QVERIFY(dense.open());
    QTabWidget& denseCharts = dense.window->charts();
    QVERIFY(!denseCharts.isTabVisible(denseCharts.indexOf(&dense.window->featureMapView())));
    dense.close();

    kototest::MainWindowFixture conv;
    if (!QFile::exists(
            QStringLiteral("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")))
        QSKIP("Debian's dataset-fashion-mnist is not installed");
    QVERIFY(conv.open(kototest::lesson(kConvData, kConvLayers)));
    QTabWidget& charts = conv.window->charts();
    QVERIFY(charts.isTabVisible(charts.indexOf(&conv.window->featureMapView())));
    QCOMPARE(charts.tabText(charts.indexOf(&conv.window->featureMapView())),
             QStringLiteral("Filters and feature maps"));
}

// The tab shown, the snapshots bring the maps of the chosen image: those of the network's
// initial weights (seed 1) while paused at step 0, for image 1 and then for the image chosen.
void TestFeatureViews::tabFollowsTheChosenImage() {
    if (!QFile::exists(
            QStringLiteral("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz")))
        QSKIP("Debian's dataset-fashion-mnist is not installed");
    kototest::MainWindowFixture fixture;
    const StartingWork lesson = kototest::lesson(kConvData, kConvLayers);
    QVERIFY(fixture.open(lesson));
    MainWindow& window = *fixture.window;
    QVERIFY(!window.latestSnapshot()->featureMaps);  // not computed while nobody looks
    window.charts().setCurrentWidget(&window.featureMapView());
    QVERIFY(waitForSnapshot(
        window, [](const TrainingSnapshot& s) { return s.featureMaps && s.featureSample == 0; }));

    const auto data =
        std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(lesson.dataset)));
    CpuBackend backend;
    Network network(backend, networkSpecFromTokens(lesson.layers, *data), 4);
    network.initialize(1);
    window.featureMapView().findChild<QSpinBox*>(QStringLiteral("featureSampleSpin"))->setValue(6);
    QVERIFY(waitForSnapshot(
        window, [](const TrainingSnapshot& s) { return s.featureMaps && s.featureSample == 5; }));
    const FeatureMaps expected =
        computeFeatureMaps(network, data->test.floatInputs(5, 1, data->inputSize));
    const std::vector<const ImageStackView*> shown = window.featureMapView().stacksShown();
    QCOMPARE(shown.size(), size_t{4});  // the image, the filters, the conv and the pooling maps
    QVERIFY(shown[0]->stack().values == data->test.floatInputs(5, 1, data->inputSize));
    QVERIFY(close(shown[1]->stack(), expected.filters, 0));
    QVERIFY(close(shown[2]->stack(), expected.maps[0], 1e-6));
    QVERIFY(close(shown[3]->stack(), expected.maps[1], 1e-6));
    if (const QByteArray folder = qgetenv("KOTO_TEST_SCREENSHOTS"); !folder.isEmpty()) {
        QTest::qWait(300);  // for the layouts to settle
        window.grab().save(QString::fromLocal8Bit(folder) + QStringLiteral("/feature_maps.png"));
    }
}

void TestFeatureViews::statesAreTheRecurrences_data() {
    QTest::addColumn<QString>("tokens");
    QTest::addColumn<bool>("lstm");
    QTest::addRow("LSTM") << "lstm:3,seq:last" << true;
    QTest::addRow("SimpleRNN") << "rnn:3,seq:last" << false;
}

void TestFeatureViews::statesAreTheRecurrences() {
    QFETCH(QString, tokens);
    QFETCH(bool, lstm);
    const auto data = tinySequences();
    CpuBackend backend;
    Network network(backend, networkSpecFromTokens(tokens.toStdString(), *data), 4);
    network.initialize(3);
    const std::vector<float> sequence = data->test.floatInputs(4, 1, data->inputSize);
    const std::vector<RecurrentStates> states = computeRecurrentStates(network, sequence);
    QCOMPARE(states.size(), size_t{1});
    QCOMPARE(states[0].layer, network.layer(0).name());
    QCOMPARE(states[0].type, std::string(lstm ? "lstm" : "rnn"));
    QCOMPARE(states[0].states.size(), lstm ? size_t{7} : size_t{2});  // x and the states

    const StateOverTime& x = states[0].states.front();
    QCOMPARE(x.name, std::string("x"));
    QCOMPARE(x.rows, kValues);
    QCOMPARE(x.steps, kSteps);
    QVERIFY(x.values == sequence);  // step after step, as the data holds it

    std::vector<std::vector<float>> weights;
    for (Parameter* parameter : network.layer(0).parameters())
        weights.push_back(downloadFloats(backend, parameter->value));
    const auto expected = statesByHand(lstm, sequence, 3, weights[0], weights[1], weights[2]);
    for (const auto& [name, values] : expected) {
        const StateOverTime* state = states[0].find(name);
        QVERIFY2(state, name.c_str());
        QCOMPARE(state->rows, int64_t{3});
        QCOMPARE(state->steps, kSteps);
        for (size_t k = 0; k < values.size(); ++k)
            QVERIFY2(std::abs(state->values[k] - values[k]) < 1e-5,
                     qPrintable(QString::fromStdString(name)));
    }
    QVERIFY_THROWS_EXCEPTION(InputError, computeRecurrentStates(network, std::vector<float>(3)));
}

void TestFeatureViews::heatmapsShowTheStates() {
    const auto data = tinySequences();
    CpuBackend backend;
    Network network(backend, networkSpecFromTokens("lstm:3,seq:last", *data), 4);
    network.initialize(3);
    const auto states = std::make_shared<const std::vector<RecurrentStates>>(
        computeRecurrentStates(network, data->test.floatInputs(1, 1, data->inputSize)));
    RecurrentStateView view;
    view.resize(500, 900);
    view.show();
    view.setDataset(data);
    view.findChild<QSpinBox*>(QStringLiteral("sequenceSampleSpin"))
        ->setValue(2);  // shown from 1: sample 1
    view.setStates(states, 1);
    const std::vector<const TimeHeatmap*> shown = view.heatmapsShown();
    QCOMPARE(shown.size(), size_t{7});  // x, i, f, o, g, c, h
    for (size_t k = 0; k < shown.size(); ++k) {
        const StateOverTime& state = (*states)[0].states[k];
        QCOMPARE(shown[k]->rows(), state.rows);
        QCOMPARE(shown[k]->steps(), state.steps);
        for (int64_t t = 0; t < state.steps; ++t)
            for (int64_t r = 0; r < state.rows; ++r)
                QCOMPARE(shown[k]->shownValue(r, t), double(state.at(r, t)));
    }
    QVERIFY(shown[2]->title().contains(QStringLiteral("forget gate")));
    // The gates on a fixed 0..1 scale, the candidate and h on -1..1.
    QCOMPARE(shown[2]->scale().low, 0.0);
    QCOMPARE(shown[2]->scale().high, 1.0);
    QVERIFY(shown[4]->scale().diverging && shown[4]->scale().low == -1.0);
}

// The tab shown, the snapshots bring the states of the chosen sequence at the initial weights.
void TestFeatureViews::tabOnlyForRecurrentNetworks() {
    kototest::MainWindowFixture fixture;
    const StartingWork lesson = kototest::lesson("sine:n=40,window=6", "lstm:4,seq:last");
    QVERIFY(fixture.open(lesson));
    MainWindow& window = *fixture.window;
    QTabWidget& charts = window.charts();
    QVERIFY(charts.isTabVisible(charts.indexOf(&window.recurrentStateView())));
    QVERIFY(!charts.isTabVisible(charts.indexOf(&window.featureMapView())));
    charts.setCurrentWidget(&window.recurrentStateView());
    window.recurrentStateView()
        .findChild<QSpinBox*>(QStringLiteral("sequenceSampleSpin"))
        ->setValue(4);
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) {
        return s.recurrentStates && s.featureSample == 3;
    }));
    QVERIFY(!window.latestSnapshot()->featureMaps);

    const auto data =
        std::make_shared<const Dataset>(loadDataset(DatasetSpec::parse(lesson.dataset)));
    CpuBackend backend;
    Network network(backend, networkSpecFromTokens(lesson.layers, *data), 4);
    network.initialize(1);
    const std::vector<RecurrentStates> expected =
        computeRecurrentStates(network, data->test.floatInputs(3, 1, 6));
    const std::vector<const TimeHeatmap*> shown = window.recurrentStateView().heatmapsShown();
    QCOMPARE(shown.size(), size_t{7});
    for (size_t k = 0; k < shown.size(); ++k) {
        const StateOverTime& state = expected[0].states[k];
        for (int64_t t = 0; t < state.steps; ++t)
            for (int64_t r = 0; r < state.rows; ++r)
                QVERIFY(std::abs(shown[k]->shownValue(r, t) - state.at(r, t)) < 1e-6);
    }
    if (const QByteArray folder = qgetenv("KOTO_TEST_SCREENSHOTS"); !folder.isEmpty()) {
        QTest::qWait(300);  // for the layouts and the queued replots
        window.grab().save(QString::fromLocal8Bit(folder) +
                           QStringLiteral("/recurrent_states.png"));
    }

    // A dense network has neither tab.
    kototest::MainWindowFixture dense;
    QVERIFY(dense.open());
    QTabWidget& denseCharts = dense.window->charts();
    QVERIFY(!denseCharts.isTabVisible(denseCharts.indexOf(&dense.window->recurrentStateView())));
}

void TestFeatureViews::layerListShowsConvolutionAsWritten() {
    const std::string lenet =
        "conv:6:5,maxpool:2,conv:16:5,maxpool:2,flatten,dense:120:relu,dense:84:relu,dropout:0.5";
    QCOMPARE(LayerListEditor::unsupportedToken(lenet), std::string());
    QCOMPARE(LayerListEditor::unsupportedToken("noise:0.1,dense:8"), std::string("noise:0.1"));
    QCOMPARE(LayerListEditor::unsupportedToken("conv:4:3,dropout:0.5"), std::string("dropout:0.5"));
    LayerListEditor editor;
    editor.setTokens(lenet);
    QCOMPARE(editor.layerCount(), 7);
    QCOMPARE(editor.tokens(), lenet);
    editor.setTokens("lstm:64,seq:last,dense:10:tanh");
    QCOMPARE(editor.tokens(), std::string("lstm:64,seq:last,dense:10:tanh"));
}

// Choosing a sequence set in the data panel: its own defaults written out in the spec, its time
// steps as a setting, and neither the plane nor a gallery beside the charts.
void TestFeatureViews::sequenceDataShowsTheChartsOnly() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open());
    MainWindow& window = *fixture.window;
    QVERIFY(window.boundaryView().isVisible());
    auto* choice = window.findChild<QComboBox*>(QStringLiteral("datasetChoice"));
    choice->setCurrentIndex(choice->findData(QStringLiteral("parity")));
    QCOMPARE(QString::fromStdString(window.datasetPanel().spec().text()),
             QStringLiteral("parity:8:n=1000,test=0.2"));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) {
        return s.paused && s.steps == 0 && s.gridSize == 0;
    }));
    QVERIFY(!window.boundaryView().isVisible());
    QVERIFY(!window.gallery().isVisible());
    QVERIFY(window.lossCurve().isVisible());
    auto* steps = window.findChild<QSpinBox*>(QStringLiteral("stepsSpin"));
    QVERIFY(steps->isVisible());
    QCOMPARE(steps->value(), 8);

    choice->setCurrentIndex(choice->findData(QStringLiteral("sine")));
    QCOMPARE(QString::fromStdString(window.datasetPanel().spec().text()),
             QStringLiteral("sine:n=1000,noise=0.1,test=0.2,window=20"));
    window.datasetPanel().setSpec(DatasetSpec::parse("sine:window=7,noise=0.3,n=200"));
    QCOMPARE(QString::fromStdString(window.datasetPanel().spec().text()),
             QStringLiteral("sine:n=200,noise=0.3,test=0.2,window=7"));

    // Image rows from a folder of the user's stay those (the panel offers Fashion-MNIST's).
    window.datasetPanel().setSpec(DatasetSpec::parse("seqimg:idx:/data/mnist:n=500"));
    QCOMPARE(QString::fromStdString(window.datasetPanel().spec().text()),
             QStringLiteral("seqimg:idx:/data/mnist:n=500"));

    choice->setCurrentIndex(choice->findData(QStringLiteral("spiral")));
    QVERIFY(waitForSnapshot(window, [](const TrainingSnapshot& s) { return s.gridSize > 0; }));
    QVERIFY(window.boundaryView().isVisible());
}

// Data with a target at every step and an LSTM with seq:many: the data panel keeps targets=every,
// an epoch trains and the curve gets its RMSE; the states' tab names the last step's target.
// Taking the targets away (one a sequence) stops Play, the banner naming the seq:many node.
void TestFeatureViews::manyToManyTrainsInTheApp() {
    kototest::MainWindowFixture fixture;
    QVERIFY(fixture.open(kototest::lesson("sine:targets=every,n=40,window=6", "lstm:4,seq:many")));
    MainWindow& window = *fixture.window;
    auto* everyStep = window.findChild<QCheckBox*>(QStringLiteral("everyStepCheck"));
    QVERIFY(everyStep && everyStep->isVisible() && everyStep->isChecked());
    QVERIFY(QString::fromStdString(window.datasetPanel().spec().text())
                .contains(QStringLiteral("targets=every")));
    window.controller().stepEpoch();
    QVERIFY(waitForSnapshot(window,
                            [](const TrainingSnapshot& s) { return s.epochs == 1 && s.paused; }));
    const EpochMetrics& metrics = window.latestSnapshot()->latest;
    QVERIFY(metrics.regression && std::isfinite(metrics.test.rmse) && metrics.test.rmse > 0);
    QVERIFY(std::abs(metrics.test.loss - metrics.test.rmse * metrics.test.rmse) < 1e-6);
    QVERIFY(window.lossCurve().isVisible());
    QVERIFY(!window.boundaryView().isVisible());
    window.charts().setCurrentWidget(&window.recurrentStateView());
    QVERIFY(waitForSnapshot(
        window, [](const TrainingSnapshot& s) { return s.recurrentStates != nullptr; }));
    bool named = false;
    for (const QLabel* label : window.recurrentStateView().findChildren<QLabel*>())
        named = named || label->text().contains(QStringLiteral("last step"));
    QVERIFY(named);

    everyStep->setChecked(false);
    auto* play = window.findChild<QToolButton*>(QStringLiteral("playButton"));
    QVERIFY(!play->isEnabled());
    auto* banner = window.findChild<QLabel*>(QStringLiteral("problemBanner"));
    QVERIFY2(banner->text().contains(QStringLiteral("sequence_many_1")),
             qPrintable(banner->text()));
}

QTEST_MAIN(TestFeatureViews)
#include "test_feature_views.moc"
