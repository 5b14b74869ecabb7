// Convolutional networks (part 12): the conv layer's forward pass equals a convolution written
// out as loops; pooling on hand-written images; the gradients of conv (several kernel sizes,
// strides, paddings, filter and channel counts), max and average pooling and a whole
// conv -> pool -> flatten -> dense network agree with finite differences in double; the shapes
// that tokens and specs infer, and the errors for what does not fit, naming the layer.

#include <QtTest>

#include <cmath>
#include <vector>

#include "backend/cpu_backend.h"
#include "check/gradient_check.h"
#include "io/layer_tokens.h"
#include "koto_test_support.h"
#include "layers/conv_layer.h"
#include "layers/pool_layer.h"
#include "network/layer_registry.h"
#include "network/network.h"
#include "util/errors.h"
#include "util/random.h"

using namespace koto;
using kototest::dense;
using kototest::networkSpec;
using kototest::qs;
using kototest::uniformValues;

namespace {

LayerSpec conv(int64_t filters, int64_t kernel, int64_t stride, int64_t padding,
               const std::string& activation) {
    LayerSpec layer;
    layer.type = "conv";
    layer.parameters = {{"filters", filters},
                        {"kernel", kernel},
                        {"stride", stride},
                        {"padding", padding},
                        {"activation", activation}};
    return layer;
}

LayerSpec pool(const std::string& type, int64_t kernel) {
    LayerSpec layer;
    layer.type = type;
    layer.parameters["kernel"] = kernel;
    return layer;
}

LayerSpec flatten() {
    LayerSpec layer;
    layer.type = "flatten";
    return layer;
}

// An image dataset's description without any images: what the tokens need to infer shapes.
Dataset imageDataset(int64_t side) {
    Dataset data;
    data.name = "images";
    data.inputSize = side * side;
    data.imageWidth = data.imageHeight = side;
    data.classCount = 10;
    return data;
}

Dataset flatDataset() {
    Dataset data;
    data.name = "points";
    data.inputSize = 2;
    data.classCount = 2;
    return data;
}

}  // namespace

class TestConv : public QObject {
    Q_OBJECT

private slots:
    void forwardEqualsDirectConvolution_data();
    void forwardEqualsDirectConvolution();
    void poolingOnHandWrittenImage();
    void maxPoolingTiesInWideRows();
    void gradients_data();
    void gradients();
    void lenetShapesFromTokens();
    void shapeErrorsNameTheLayer_data();
    void shapeErrorsNameTheLayer();
    void badTokens_data();
    void badTokens();
    void tokensRoundTrip();
};

// a[n, f, oy, ox] = sum W[f, c, ky, kx] X[n, c, oy S - P + ky, ox S - P + kx] + b[f], as loops,
// and the layer's output Z = s(a). Seven images: two parts of the batch on two threads.
void TestConv::forwardEqualsDirectConvolution_data() {
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("filters");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("padding");
    QTest::addColumn<Activation>("activation");
    QTest::newRow("1 channel, 3x3") << 1 << 2 << 3 << 1 << 0 << Activation::Linear;
    QTest::newRow("2 channels, stride 2, padding 1") << 2 << 3 << 3 << 2 << 1 << Activation::Relu;
    QTest::newRow("3 channels, 2x2, stride 3, padding 1")
        << 3 << 1 << 2 << 3 << 1 << Activation::Sigmoid;
    QTest::newRow("1x1 kernel") << 2 << 4 << 1 << 1 << 0 << Activation::Tanh;
    QTest::newRow("17 filters, 5x5, padding 2") << 2 << 17 << 5 << 1 << 2 << Activation::Relu;
}

void TestConv::forwardEqualsDirectConvolution() {
    QFETCH(int, channels);
    QFETCH(int, filters);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(int, padding);
    QFETCH(Activation, activation);
    const int64_t n = 7, h = 5, w = 6;
    CpuBackend backend(2);
    ConvolutionLayer layer("conv_1", filters, kernel, stride, padding, activation);
    layer.setup(backend, {n, channels, h, w}, DType::Float64);
    const auto weights = uniformValues(filters * channels * kernel * kernel, -1, 1, 3);
    const auto bias = uniformValues(filters, -1, 1, 4);
    const auto inputs = uniformValues(n * channels * h * w, -1, 1, 5);
    backend.upload(std::span<const double>(weights), layer.parameters()[0]->value);
    backend.upload(std::span<const double>(bias), layer.parameters()[1]->value);
    Tensor x = backend.allocate({n, channels * h * w}, DType::Float64);
    backend.upload(std::span<const double>(inputs), x);
    const Tensor& z = layer.forward(backend, x);

    const int64_t outH = (h + 2 * padding - kernel) / stride + 1,
                  outW = (w + 2 * padding - kernel) / stride + 1;
    QCOMPARE(z.shape(), (Shape{n, filters, outH, outW}));
    std::vector<double> actual(static_cast<size_t>(z.size()));
    backend.download(z, std::span<double>(actual));
    std::vector<double> preActivation(static_cast<size_t>(z.size()));
    for (const TracedBuffer& traced : layer.forwardTrace(backend))
        if (traced.name == "a") backend.download(*traced.tensor, std::span<double>(preActivation));
    auto s = [activation](double a) {
        switch (activation) {
        case Activation::Sigmoid: return 1 / (1 + std::exp(-a));
        case Activation::Tanh: return std::tanh(a);
        case Activation::Relu: return std::max(a, 0.0);
        default: return a;
        }
    };
    double worst = 0;
    for (int64_t sample = 0; sample < n; ++sample)
        for (int64_t f = 0; f < filters; ++f)
            for (int64_t oy = 0; oy < outH; ++oy)
                for (int64_t ox = 0; ox < outW; ++ox) {
                    double sum = bias[static_cast<size_t>(f)];
                    for (int64_t c = 0; c < channels; ++c)
                        for (int64_t ky = 0; ky < kernel; ++ky)
                            for (int64_t kx = 0; kx < kernel; ++kx) {
                                const int64_t y = oy * stride - padding + ky,
                                              xx = ox * stride - padding + kx;
                                if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
                                sum += weights[static_cast<size_t>(
                                           ((f * channels + c) * kernel + ky) * kernel + kx)] *
                                       inputs[static_cast<size_t>(
                                           ((sample * channels + c) * h + y) * w + xx)];
                            }
                    const auto at =
                        static_cast<size_t>(((sample * filters + f) * outH + oy) * outW + ox);
                    worst = std::max(
                        {worst, std::abs(preActivation[at] - sum), std::abs(actual[at] - s(sum))});
                }
    QVERIFY2(worst < 1e-12, qPrintable(QStringLiteral("largest difference %1").arg(worst)));
}

// One 4 x 5 image in 2 x 2 windows: two windows across, two down, the last column left out.
void TestConv::poolingOnHandWrittenImage() {
    const std::vector<double> image{1,  5,  2, 2, 9,  //
                                    3,  0,  2, 1, 9,  //
                                    -1, -2, 4, 8, 9,  //
                                    -3, -4, 8, 0, 9};
    CpuBackend backend;
    Tensor x = backend.allocate({1, 20}, DType::Float64);
    backend.upload(std::span<const double>(image), x);
    for (const PoolingKind kind : {PoolingKind::Max, PoolingKind::Average}) {
        PoolingLayer layer("pool_1", kind, 2);
        layer.setup(backend, {1, 1, 4, 5}, DType::Float64);
        const Tensor& z = layer.forward(backend, x);
        QCOMPARE(z.shape(), (Shape{1, 1, 2, 2}));
        std::vector<double> values(4);
        backend.download(z, std::span<double>(values));
        if (kind == PoolingKind::Max) {
            QCOMPARE(values, (std::vector<double>{5, 2, -1,
                                                  8}));  // 2 ties with 2, 8 with 8: the first wins
            const std::vector<TracedBuffer> trace = layer.forwardTrace(backend);
            QCOMPARE(trace.size(), size_t{3});
            QCOMPARE(qs(trace[2].name), QStringLiteral("winners"));
            std::vector<double> winners(20);
            backend.download(*trace[2].tensor, std::span<double>(winners));
            QCOMPARE(winners, (std::vector<double>{0, 1, 1, 0, 0,  //
                                                   0, 0, 0, 0, 0,  //
                                                   1, 0, 0, 1, 0,  //
                                                   0, 0, 0, 0, 0}));
        } else {
            QCOMPARE(values, (std::vector<double>{9.0 / 4, 7.0 / 4, -10.0 / 4, 20.0 / 4}));
        }
        // dJ/dZ = 1, 2, 3, 4: max sends each to its winner, average a quarter to each of its
        // window.
        Tensor dz = backend.allocate({1, 4}, DType::Float64);
        backend.upload(std::span<const double>(std::vector<double>{1, 2, 3, 4}), dz);
        std::vector<double> dx(20);
        backend.download(layer.backward(backend, dz, true), std::span<double>(dx));
        if (kind == PoolingKind::Max)
            QCOMPARE(dx, (std::vector<double>{0, 1, 2, 0, 0, 0, 0, 0, 0, 0,
                                              3, 0, 0, 4, 0, 0, 0, 0, 0, 0}));
        else
            QCOMPARE(dx, (std::vector<double>{0.25, 0.25, 0.5, 0.5, 0, 0.25, 0.25, 0.5, 0.5, 0,  //
                                              0.75, 0.75, 1,   1,   0, 0.75, 0.75, 1,   1,   0}));
    }
}

// Rows of 21 windows (the CPU backend takes 16, 4 and 1 at a time) and of 12 (8 and 4), in float
// and double, with values from {0, 1, 2} so that most windows hold ties: every maximum and winner
// as the plain row-major loop picks them, the first maximum winning, and the gradient to each.
void TestConv::maxPoolingTiesInWideRows() {
    CpuBackend backend;
    for (const DType type : {DType::Float32, DType::Float64})
        for (const int64_t windows : {21, 12}) {
            const int64_t height = 4, width = 2 * windows;
            std::vector<double> image(static_cast<size_t>(height * width));
            Random random(7, 1);
            for (double& v : image) v = std::floor(random.uniform(0, 3));
            Tensor x = backend.allocate({1, height * width}, type);
            backend.upload(std::span<const double>(image), x);
            PoolingLayer layer("pool_1", PoolingKind::Max, 2);
            layer.setup(backend, {1, 1, height, width}, type);
            std::vector<double> maxima(static_cast<size_t>(height / 2 * windows));
            backend.download(layer.forward(backend, x), std::span<double>(maxima));
            std::vector<double> winners(image.size());
            backend.download(*layer.forwardTrace(backend)[2].tensor, std::span<double>(winners));

            std::vector<double> expectedWinners(image.size(), 0);
            for (int64_t oy = 0; oy < height / 2; ++oy)
                for (int64_t ox = 0; ox < windows; ++ox) {
                    size_t best = static_cast<size_t>(2 * oy * width + 2 * ox);
                    for (int64_t ky = 0; ky < 2; ++ky)
                        for (int64_t kx = 0; kx < 2; ++kx) {
                            const auto at =
                                static_cast<size_t>((2 * oy + ky) * width + 2 * ox + kx);
                            if (image[at] > image[best]) best = at;
                        }
                    QCOMPARE(maxima[static_cast<size_t>(oy * windows + ox)], image[best]);
                    expectedWinners[best] = 1;
                }
            QCOMPARE(winners, expectedWinners);

            // Backward: each window's dJ/dZ (here 1, 2, 3, ...) to its winner, 0 elsewhere.
            std::vector<double> outputGradient(maxima.size());
            for (size_t i = 0; i < outputGradient.size(); ++i)
                outputGradient[i] = static_cast<double>(i + 1);
            Tensor dz = backend.allocate({1, static_cast<int64_t>(maxima.size())}, type);
            backend.upload(std::span<const double>(outputGradient), dz);
            std::vector<double> dx(image.size());
            backend.download(layer.backward(backend, dz, true), std::span<double>(dx));
            for (size_t at = 0; at < image.size(); ++at) {
                const int64_t y = static_cast<int64_t>(at) / width,
                              x = static_cast<int64_t>(at) % width;
                QCOMPARE(dx[at], expectedWinners[at] *
                                     outputGradient[static_cast<size_t>(y / 2 * windows + x / 2)]);
            }
        }
}

// Each network's every parameter against fourth-order finite differences, in double. A conv layer
// behind another checks the first one's dJ/dX; a pool layer between a conv and a dense
// layer is checked through the conv's gradients, which flow back through it.
void TestConv::gradients_data() {
    QTest::addColumn<NetworkSpec>("spec");
    const auto softmax = dense(3, "softmax");
    QTest::newRow("conv 3x3, 1 channel, tanh") << networkSpec(
        {1, 6, 5}, LossKind::CrossEntropy, {conv(2, 3, 1, 0, "tanh"), flatten(), softmax});
    QTest::newRow("conv 3x3, stride 2, padding 1, 2 channels, relu") << networkSpec(
        {2, 7, 6}, LossKind::CrossEntropy, {conv(3, 3, 2, 1, "relu"), flatten(), softmax});
    QTest::newRow("conv 2x2, stride 3, padding 1, 3 channels, sigmoid") << networkSpec(
        {3, 5, 7}, LossKind::CrossEntropy, {conv(2, 2, 3, 1, "sigmoid"), flatten(), softmax});
    QTest::newRow("conv 1x1, linear, then conv 4x4 padding 2")
        << networkSpec({2, 5, 5}, LossKind::CrossEntropy,
                       {conv(3, 1, 1, 0, "linear"), conv(2, 4, 1, 2, "tanh"), flatten(), softmax});
    QTest::newRow("conv, max pooling 2, dense")
        << networkSpec({1, 7, 7}, LossKind::CrossEntropy,
                       {conv(2, 3, 1, 1, "tanh"), pool("maxpool", 2), flatten(), softmax});
    QTest::newRow("conv, average pooling 3, dense")
        << networkSpec({2, 8, 7}, LossKind::CrossEntropy,
                       {conv(2, 2, 1, 0, "relu"), pool("avgpool", 3), flatten(), softmax});
    QTest::newRow("conv, pool, conv, pool, flatten, dense, dense (LeNet in small), mse")
        << networkSpec({1, 12, 12}, LossKind::MeanSquaredError,
                       {conv(3, 3, 1, 0, "relu"), pool("maxpool", 2), conv(4, 3, 1, 1, "tanh"),
                        pool("avgpool", 2), flatten(), dense(5, "relu"), dense(2, "linear")});
}

void TestConv::gradients() {
    QFETCH(NetworkSpec, spec);
    const std::vector<std::vector<int64_t>> shapes = inferShapes(spec);
    int64_t inputs = 1;
    for (const int64_t d : spec.inputShape) inputs *= d;
    const int64_t outputs = shapes.back()[0];
    GradientCheckInput data;
    data.rows = 3;
    data.inputs = uniformValues(data.rows * inputs, -1, 1, 17);
    data.targets.assign(static_cast<size_t>(data.rows * outputs), 0.0);
    for (int64_t n = 0; n < data.rows; ++n)
        data.targets[static_cast<size_t>(n * outputs + n % outputs)] = 1.0;

    const std::vector<GradientCheckResult> results = checkGradients(spec, data, /*seed=*/5);
    int64_t convTensors = 0;
    for (const GradientCheckResult& r : results) {
        QVERIFY2(r.elementsChecked > 0, qPrintable(qs(r.tensor)));
        QVERIFY2(
            r.maxRelativeError < 1e-6,
            qPrintable(
                QStringLiteral("%1: relative error %2").arg(qs(r.tensor)).arg(r.maxRelativeError)));
        convTensors += r.tensor.starts_with("conv_") ? 1 : 0;
    }
    int64_t convLayers = 0;
    for (const LayerSpec& layer : spec.layers) convLayers += layer.type == "conv" ? 1 : 0;
    QCOMPARE(convTensors, 2 * convLayers);  // W and b of every conv layer were checked
}

// The LeNet-like network on 28 x 28 images, from tokens.
void TestConv::lenetShapesFromTokens() {
    const NetworkSpec spec = networkSpecFromTokens(
        "conv:6:5,maxpool:2,conv:16:5,maxpool:2,flatten,dense:120:relu,dense:84:relu",
        imageDataset(28));
    QCOMPARE(spec.inputShape, (std::vector<int64_t>{1, 28, 28}));
    const std::vector<std::vector<int64_t>> expected{
        {6, 24, 24}, {6, 12, 12}, {16, 8, 8}, {16, 4, 4}, {256}, {120}, {84}, {10}};
    QCOMPARE(inferShapes(spec), expected);
    QCOMPARE(qs(spec.layers[0].name), QStringLiteral("conv_1"));
    QCOMPARE(qs(spec.layers[0].text("activation")), QStringLiteral("relu"));
    QCOMPARE(spec.layers[0].integer("stride"), int64_t{1});
    QCOMPARE(spec.layers[0].integer("padding"), int64_t{0});
    // Dense layers first: the images stay flat vectors, as before.
    QCOMPARE(networkSpecFromTokens("dense:8:tanh", imageDataset(28)).inputShape,
             (std::vector<int64_t>{784}));
    // Stride and padding: (28 + 2 - 3) / 2 + 1 = 14.
    const NetworkSpec strided =
        networkSpecFromTokens("conv:4:3:2:1:tanh,avgpool:3,flatten", imageDataset(28));
    QCOMPARE(inferShapes(strided)[0], (std::vector<int64_t>{4, 14, 14}));
    QCOMPARE(inferShapes(strided)[1], (std::vector<int64_t>{4, 4, 4}));
    QCOMPARE(qs(strided.layers[0].text("activation")), QStringLiteral("tanh"));

    // The network builds and runs on a batch: output one row of 10 per image.
    CpuBackend backend;
    Network network(backend, spec, 4);
    network.initialize(1);
    Tensor x = backend.allocate({3, 784}, DType::Float32);
    backend.fill(x, 0.5);
    QVERIFY(network.forward(x));
    QCOMPARE(network.output().rows(), int64_t{3});
    QCOMPARE(network.output().cols(), int64_t{10});
}

void TestConv::shapeErrorsNameTheLayer_data() {
    QTest::addColumn<NetworkSpec>("spec");
    QTest::addColumn<int>("layer");
    QTest::addColumn<QStringList>("mentions");
    const auto softmax = dense(3, "softmax");
    QTest::newRow("conv on flat data")
        << networkSpec({2}, LossKind::CrossEntropy, {conv(2, 3, 1, 0, "relu"), softmax}) << 0
        << QStringList{"conv_1", "images", "2"};
    QTest::newRow("kernel larger than the input")
        << networkSpec({1, 5, 6}, LossKind::CrossEntropy,
                       {conv(2, 7, 1, 0, "relu"), flatten(), softmax})
        << 0 << QStringList{"conv_1", "7x7", "1x5x6"};
    QTest::newRow("kernel larger than the padded input")
        << networkSpec({1, 5, 5}, LossKind::CrossEntropy,
                       {conv(2, 3, 1, 0, "relu"), conv(2, 6, 1, 1, "relu"), flatten(), softmax})
        << 1 << QStringList{"conv_2", "6x6", "2x3x3", "conv_1", "padded by 1"};
    QTest::newRow("pool window larger than its input")
        << networkSpec({1, 4, 4}, LossKind::CrossEntropy,
                       {conv(1, 3, 1, 0, "relu"), pool("maxpool", 3), flatten(), softmax})
        << 1 << QStringList{"maxpool_1", "3x3", "1x2x2"};
    QTest::newRow("pool on flat data")
        << networkSpec({4}, LossKind::CrossEntropy, {pool("avgpool", 2), softmax}) << 0
        << QStringList{"avgpool_1", "images"};
    QTest::newRow("dense after conv without flatten")
        << networkSpec({1, 5, 5}, LossKind::CrossEntropy, {conv(2, 3, 1, 0, "relu"), softmax}) << 1
        << QStringList{"dense_1", "2x3x3", "flatten"};
    QTest::newRow("padding as large as the kernel")
        << networkSpec({1, 5, 5}, LossKind::CrossEntropy,
                       {conv(2, 3, 1, 3, "relu"), flatten(), softmax})
        << 0 << QStringList{"conv_1", "padding"};
    QTest::newRow("softmax in a conv layer")
        << networkSpec({1, 5, 5}, LossKind::CrossEntropy,
                       {conv(2, 3, 1, 0, "softmax"), flatten(), softmax})
        << 0 << QStringList{"conv_1", "softmax"};
    QTest::newRow("absurdly many filters")
        << networkSpec({1, 500, 500}, LossKind::CrossEntropy,
                       {conv(100'000, 3, 1, 0, "relu"), flatten(), softmax})
        << 0 << QStringList{"conv_1", "too large"};
}

void TestConv::shapeErrorsNameTheLayer() {
    QFETCH(NetworkSpec, spec);
    QFETCH(int, layer);
    QFETCH(QStringList, mentions);
    try {
        inferShapes(spec);
        QFAIL("the spec was accepted");
    } catch (const SpecError& error) {
        QCOMPARE(error.layerIndex(), layer);
        for (const QString& word : mentions)
            QVERIFY2(QString(error.what()).contains(word),
                     qPrintable(QString(error.what()) + " lacks " + word));
    }
}

void TestConv::badTokens_data() {
    QTest::addColumn<QString>("tokens");
    QTest::addColumn<bool>("imageData");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no kernel") << "conv:4" << true << "conv:4";
    QTest::newRow("zero filters") << "conv:0:3" << true << "filters";
    QTest::newRow("negative padding") << "conv:4:3:1:-1" << true << "padding";
    QTest::newRow("softmax") << "conv:4:3:softmax,flatten" << true << "softmax";
    QTest::newRow("too many fields") << "conv:4:3:1:0:0:relu" << true << "conv:4:3:1:0:0:relu";
    QTest::newRow("pool without a size") << "maxpool" << true << "maxpool:KERNEL";
    QTest::newRow("pool size not a number") << "avgpool:x" << true << "window size";
    QTest::newRow("flatten with a parameter") << "flatten:2" << true << "flatten";
    QTest::newRow("conv on points") << "conv:4:3,flatten" << false << "conv_1";
    QTest::newRow("no flatten before the output") << "conv:4:3" << true << "flatten";
}

void TestConv::badTokens() {
    QFETCH(QString, tokens);
    QFETCH(bool, imageData);
    QFETCH(QString, mentions);
    try {
        networkSpecFromTokens(tokens.toStdString(), imageData ? imageDataset(8) : flatDataset());
        QFAIL("the tokens were accepted");
    } catch (const InputError& error) {
        QVERIFY2(QString(error.what()).contains(mentions), error.what());
    }
}

void TestConv::tokensRoundTrip() {
    const std::string tokens = "conv:6:5:2:1:tanh,maxpool:2,avgpool:1,flatten,dense:20:relu";
    const NetworkSpec spec = networkSpecFromTokens(tokens, imageDataset(28));
    QCOMPARE(qs(hiddenLayerTokens(spec)), qs(tokens));
    QCOMPARE(networkSpecFromTokens(hiddenLayerTokens(spec), imageDataset(28)), spec);
}

QTEST_APPLESS_MAIN(TestConv)
#include "test_conv.moc"
