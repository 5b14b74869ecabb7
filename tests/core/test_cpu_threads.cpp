// The CPU backend with several threads gives the same bits as with one: every operation the pool
// shares (products above and below the size where they are split, in all four transposes; the
// three convolution operations with the direct and the im2col paths, few and many filters;
// max and average pooling, forward and backward; activations, optimizer updates, gathers and
// augmentation), in float and double, with 1, 2, 3 and 5 threads; then whole training runs of
// every kind of layer. And the pool itself: every part runs
// once, a job inside a job runs, a worker computes in the caller's floating-point mode.

#include <QtTest>

#include <atomic>
#include <cstring>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "backend/cpu_backend.h"
#include "io/layer_tokens.h"
#include "koto_test_support.h"
#include "training/training_run.h"
#include "util/flush_denormals.h"
#include "util/thread_pool.h"

using namespace koto;
using kototest::firstDifference;
using kototest::sameWeights;

Q_DECLARE_METATYPE(koto::ImageWindows)

namespace {

const int kThreadCounts[] = {2, 3, 5};

// One backend per thread count, each with its own tensors, so that nothing is shared but the
// inputs' values.
struct Backends {
    std::vector<std::unique_ptr<CpuBackend>> all;
    Backends() {
        all.push_back(std::make_unique<CpuBackend>(1));
        for (int threads : kThreadCounts) all.push_back(std::make_unique<CpuBackend>(threads));
    }
};

Tensor filled(Backend& backend, const Shape& shape, DType type, uint64_t seed) {
    Tensor t = backend.allocate(shape, type);
    const std::vector<double> values = kototest::uniformValues(shape.elementCount(), -1, 1, seed);
    backend.upload(std::span<const double>(values), t);
    return t;
}

std::vector<char> bitsOf(Backend& backend, const Tensor& t) {
    std::vector<double> values(static_cast<size_t>(t.size()));
    backend.download(t, std::span<double>(values));
    std::vector<char> bits(values.size() * sizeof(double));
    std::memcpy(bits.data(), values.data(), bits.size());
    return bits;
}

// Runs `operation` on every backend with the same inputs (made by `inputs`) and compares the
// outputs (the tensors it returns) to the 1-thread backend's, bit for bit.
using Operation = std::function<std::vector<Tensor>(CpuBackend&, uint64_t seed)>;
void expectSameBits(const Operation& operation) {
    Backends backends;
    CpuBackend& one = *backends.all[0];
    const std::vector<Tensor> reference = operation(one, 11);
    for (size_t b = 1; b < backends.all.size(); ++b) {
        CpuBackend& many = *backends.all[b];
        const std::vector<Tensor> outputs = operation(many, 11);
        QCOMPARE(outputs.size(), reference.size());
        for (size_t i = 0; i < outputs.size(); ++i)
            QVERIFY2(bitsOf(many, outputs[i]) == bitsOf(one, reference[i]),
                     qPrintable(QStringLiteral("output %1 differs with %2 threads")
                                    .arg(i)
                                    .arg(many.threads())));
    }
}

// The weights after `epochs` epochs of training on a backend of `threads` threads.
std::vector<SavedTensor> trainedWeights(int threads, const std::string& data,
                                        const std::string& layers, int epochs, int batch) {
    CpuBackend backend(threads);
    const auto dataset = kototest::dataset(data);
    TrainingSettings settings;
    settings.learningRate = 0.05;
    settings.batchSize = batch;
    settings.seed = 3;
    TrainingRun run(backend, networkSpecFromTokens(layers, *dataset), dataset, settings);
    run.trainer().train(epochs);
    return captureWeights(run.network());
}

}  // namespace

class TestCpuThreads : public QObject {
    Q_OBJECT

private slots:
    void poolRunsEveryPartOnce();
    void poolRunsAJobOfMorePartsThanItCounts();
    void jobInsideAJobRuns();
    void workersTakeTheCallersFloatingPointMode();
    void poolChangesItsThreads();
    void threadCountIsChosen();
    void products_data();
    void products();
    void convolutions_data();
    void convolutions();
    void pooling_data();
    void pooling();
    void valueByValue_data();
    void valueByValue();
    void trainingGivesTheSameWeights_data();
    void trainingGivesTheSameWeights();
};

void TestCpuThreads::poolRunsEveryPartOnce() {
    for (int threads : {1, 2, 4}) {
        ThreadPool pool(threads);
        for (int64_t parts : {0, 1, 2, 7, 1000}) {
            std::vector<std::atomic<int>> runs(static_cast<size_t>(parts));
            for (int repeat = 0; repeat < 50; ++repeat)
                pool.run(parts, [&](int64_t part) { runs[static_cast<size_t>(part)]++; });
            for (const auto& count : runs) QCOMPARE(count.load(), 50);
        }
    }
}

// More parts than the pool's part counter holds (2^24) run in slices, each part once.
void TestCpuThreads::poolRunsAJobOfMorePartsThanItCounts() {
    ThreadPool pool(2);
    const int64_t parts = (int64_t{1} << 24) + 5;
    std::atomic<int64_t> runs{0}, sum{0};
    pool.run(parts, [&](int64_t part) {
        runs.fetch_add(1, std::memory_order_relaxed);
        sum.fetch_add(part, std::memory_order_relaxed);
    });
    QCOMPARE(runs.load(), parts);
    QCOMPARE(sum.load(), parts * (parts - 1) / 2);
}

void TestCpuThreads::jobInsideAJobRuns() {
    ThreadPool pool(3);
    std::atomic<int> inner{0};
    pool.run(6, [&](int64_t) { pool.run(4, [&](int64_t) { inner++; }); });
    QCOMPARE(inner.load(), 24);
}

// Under FlushDenormals a denormal input reads as 0 on every thread, workers included.
void TestCpuThreads::workersTakeTheCallersFloatingPointMode() {
    ThreadPool pool(3);
    volatile float denormal = 1e-40f;
    std::vector<float> seen(64, -1);
    {
        FlushDenormals flush;
        pool.run(64, [&](int64_t part) { seen[static_cast<size_t>(part)] = denormal * 1.0f; });
    }
#ifdef KOTO_HAS_MXCSR
    for (float value : seen) QCOMPARE(value, 0.0f);
#endif
    pool.run(64, [&](int64_t part) { seen[static_cast<size_t>(part)] = denormal * 1.0f; });
    for (float value : seen) QVERIFY(value != 0.0f);
}

// A pool that changes its number of threads between jobs, and while one runs (from another
// thread), still runs every part of every job once.
void TestCpuThreads::poolChangesItsThreads() {
    ThreadPool pool(1);
    std::atomic<bool> stop{false};
    std::thread changer([&] {
        for (int i = 0; !stop; ++i) pool.setThreads(1 + i % 4);
    });
    std::vector<std::atomic<int>> runs(37);
    for (int repeat = 0; repeat < 2000; ++repeat)
        pool.run(37, [&](int64_t part) { runs[static_cast<size_t>(part)]++; });
    stop = true;
    changer.join();
    for (const auto& count : runs) QCOMPARE(count.load(), 2000);
    pool.setThreads(0);
    QCOMPARE(pool.threads(), 1);
}

void TestCpuThreads::threadCountIsChosen() {
    QCOMPARE(CpuBackend(3).threads(), 3);
    QCOMPARE(CpuBackend().threads(), ThreadPool::hardwareThreads());
    CpuBackend::setDefaultThreads(2);
    QCOMPARE(CpuBackend().threads(), 2);
    CpuBackend::setDefaultThreads(100000);
    QCOMPARE(CpuBackend().threads(), CpuBackend::kMaxThreads);
    CpuBackend::setDefaultThreads(0);
    QCOMPARE(CpuBackend().threads(), ThreadPool::hardwareThreads());
    QCOMPARE(CpuBackend(-4).threads(), ThreadPool::hardwareThreads());
    CpuBackend changing(1);
    changing.setThreads(5);
    QCOMPARE(changing.threads(), 5);
    changing.setThreads(0);
    QCOMPARE(changing.threads(), ThreadPool::hardwareThreads());
}

void TestCpuThreads::products_data() {
    QTest::addColumn<DType>("type");
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("k");
    for (DType type : {DType::Float32, DType::Float64}) {
        const char* name = type == DType::Float32 ? "float" : "double";
        QTest::addRow("%s, MNIST layer 64x784 by 784x128", name) << type << 64 << 128 << 784;
        QTest::addRow("%s, tall 785x7 by 7x130", name) << type << 785 << 130 << 7;
        QTest::addRow("%s, wide 33x200 by 200x300", name) << type << 33 << 300 << 200;
        QTest::addRow("%s, small 7x5 by 5x3", name) << type << 7 << 3 << 5;
    }
}

void TestCpuThreads::products() {
    QFETCH(DType, type);
    QFETCH(int, m);
    QFETCH(int, n);
    QFETCH(int, k);
    for (bool transposeA : {false, true})
        for (bool transposeB : {false, true})
            for (double beta : {0.0, 1.0, 0.5})
                expectSameBits([&](CpuBackend& backend, uint64_t seed) -> std::vector<Tensor> {
                    const Tensor a =
                        filled(backend, transposeA ? Shape{k, m} : Shape{m, k}, type, seed);
                    const Tensor b =
                        filled(backend, transposeB ? Shape{n, k} : Shape{k, n}, type, seed + 1);
                    Tensor c = filled(backend, {m, n}, type, seed + 2);
                    backend.gemm(transposeA, transposeB, 0.75, a, b, beta, c);
                    return {c};
                });
}

void TestCpuThreads::convolutions_data() {
    QTest::addColumn<DType>("type");
    QTest::addColumn<ImageWindows>("windows");
    QTest::addColumn<int>("filters");
    QTest::addColumn<int>("images");
    for (DType type : {DType::Float32, DType::Float64}) {
        const char* name = type == DType::Float32 ? "float" : "double";
        // channels, height, width, kernel, stride, padding
        QTest::addRow("%s, LeNet 1: 6 filters 5x5 on 1x28x28, 64 images", name)
            << type << ImageWindows{1, 28, 28, 5, 1, 0} << 6 << 64;
        QTest::addRow("%s, LeNet 2: 16 filters 5x5 on 6x12x12, 37 images", name)
            << type << ImageWindows{6, 12, 12, 5, 1, 0} << 16 << 37;
        QTest::addRow("%s, stride 2 padding 1, 3 filters, 13 images", name)
            << type << ImageWindows{2, 9, 11, 3, 2, 1} << 3 << 13;
        QTest::addRow("%s, padding 2, 20 filters, 9 images", name)
            << type << ImageWindows{3, 7, 7, 3, 1, 2} << 20 << 9;
    }
}

void TestCpuThreads::convolutions() {
    QFETCH(DType, type);
    QFETCH(ImageWindows, windows);
    QFETCH(int, filters);
    QFETCH(int, images);
    const int64_t outputs = filters * windows.outputPixels();
    expectSameBits([&](CpuBackend& backend, uint64_t seed) -> std::vector<Tensor> {
        const Tensor x = filled(backend, {images, windows.imageSize()}, type, seed);
        const Tensor w = filled(backend, {filters, windows.patchSize()}, type, seed + 1);
        const Tensor b = filled(backend, {1, filters}, type, seed + 2);
        const Tensor dA = filled(backend, {images, outputs}, type, seed + 3);
        Tensor a = backend.allocate({images, outputs}, type);
        Tensor dW = backend.allocate({filters, windows.patchSize()}, type);
        Tensor db = backend.allocate({1, filters}, type);
        Tensor dX = backend.allocate({images, windows.imageSize()}, type);
        backend.convolutionForward(windows, x, w, b, a);
        backend.convolutionParameterGradients(windows, x, dA, dW, db);
        backend.convolutionInputGradient(windows, dA, w, dX);
        return {a, dW, db, dX};
    });
}

void TestCpuThreads::pooling_data() {
    QTest::addColumn<DType>("type");
    QTest::addColumn<ImageWindows>("windows");
    for (DType type : {DType::Float32, DType::Float64}) {
        const char* name = type == DType::Float32 ? "float" : "double";
        QTest::addRow("%s, 2x2 on 6x24x24", name) << type << ImageWindows{6, 24, 24, 2, 2, 0};
        QTest::addRow("%s, 3x3 on 4x14x14", name) << type << ImageWindows{4, 14, 14, 3, 3, 0};
    }
}

void TestCpuThreads::pooling() {
    QFETCH(DType, type);
    QFETCH(ImageWindows, windows);
    const int64_t images = 19, pooled = windows.outputImageSize();
    expectSameBits([&](CpuBackend& backend, uint64_t seed) -> std::vector<Tensor> {
        const Tensor x = filled(backend, {images, windows.imageSize()}, type, seed);
        const Tensor dY = filled(backend, {images, pooled}, type, seed + 1);
        Tensor maxima = backend.allocate({images, pooled}, type);
        Tensor averages = backend.allocate({images, pooled}, type);
        Tensor dMax = backend.allocate({images, windows.imageSize()}, type);
        Tensor dAverage = backend.allocate({images, windows.imageSize()}, type);
        backend.maxPoolForward(windows, x, maxima);
        backend.maxPoolBackward(windows, x, dY, dMax);
        backend.averagePoolForward(windows, x, averages);
        backend.averagePoolBackward(windows, dY, dAverage);
        return {maxima, averages, dMax, dAverage};
    });
}

void TestCpuThreads::valueByValue_data() {
    QTest::addColumn<DType>("type");
    QTest::newRow("float") << DType::Float32;
    QTest::newRow("double") << DType::Float64;
}

// The operations value by value, on 50,001 values (four parts and an odd rest), and those row by
// row or image by image: gathers of byte images and augmentation.
void TestCpuThreads::valueByValue() {
    QFETCH(DType, type);
    const int64_t rows = 51, cols = 981;  // 50,031 values
    int wrongChecks = 0;  // optimizer checks that answered wrongly, on any backend
    expectSameBits([&](CpuBackend& backend, uint64_t seed) -> std::vector<Tensor> {
        const Tensor a = filled(backend, {rows, cols}, type, seed);
        const Tensor b = filled(backend, {rows, cols}, type, seed + 1);
        std::vector<Tensor> outputs;
        for (Activation activation :
             {Activation::Linear, Activation::Sigmoid, Activation::Tanh, Activation::Relu}) {
            Tensor z = backend.allocate({rows, cols}, type);
            Tensor dA = backend.allocate({rows, cols}, type);
            backend.activationForward(activation, a, z);
            backend.activationBackward(activation, z, b, dA);
            outputs.insert(outputs.end(), {z, dA});
        }
        Tensor product = backend.allocate({rows, cols}, type);
        Tensor sum = backend.allocate({rows, cols}, type);
        backend.multiply(a, b, product);
        backend.add(a, b, sum);
        backend.addScaled(-0.3, a, sum);
        Tensor velocity = filled(backend, {rows, cols}, type, seed + 2);
        Tensor weights = filled(backend, {rows, cols}, type, seed + 3);
        Tensor first = filled(backend, {rows, cols}, type, seed + 4);
        Tensor second = backend.allocate({rows, cols}, type);
        backend.fill(second, 0.25);
        for (UpdatePass pass : {UpdatePass::Check, UpdatePass::Apply}) {
            wrongChecks += !backend.momentumUpdate(pass, 0.1, 0.9, true, a, velocity, weights);
            wrongChecks +=
                !backend.adamUpdate(pass, 0.01, 0.9, 0.999, 1e-8, 3, b, first, second, weights);
        }
        // A step that would make a weight infinite is refused, whichever part holds it.
        Tensor huge = filled(backend, {rows, cols}, type, seed + 5);
        std::vector<double> hugeValues(static_cast<size_t>(rows * cols), 0.0);
        hugeValues[static_cast<size_t>(rows * cols - 7)] = 1e300;
        backend.upload(std::span<const double>(hugeValues), huge);
        wrongChecks += backend.momentumUpdate(UpdatePass::Check, 1e300, 0.9, false, huge,
                                              velocity, weights);
        outputs.insert(outputs.end(), {product, sum, velocity, weights, first, second});

        Tensor bytes = backend.allocate({200, 784}, DType::UInt8);
        std::vector<uint8_t> pixels(200 * 784);
        for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = static_cast<uint8_t>(i * 37 % 251);
        backend.upload(std::span<const uint8_t>(pixels), bytes);
        std::vector<int32_t> order(70);
        for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i * 83 % 200);
        Tensor batch = backend.allocate({70, 784}, type);
        backend.gatherRowsScaled(bytes, order, 1.0 / 255, batch);
        std::vector<ImageTransform> transforms(70);
        for (size_t i = 0; i < transforms.size(); ++i)
            transforms[i] = {static_cast<float>(i % 5) - 2, 1.5f, 0.1f * static_cast<float>(i),
                             i % 2 == 0, 0.05f, 1.1f};
        Tensor augmented = backend.allocate({70, 784}, type);
        backend.augmentImages(transforms, 28, 28, batch, augmented);
        outputs.insert(outputs.end(), {batch, augmented});
        return outputs;
    });
    QCOMPARE(wrongChecks, 0);
}

void TestCpuThreads::trainingGivesTheSameWeights_data() {
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("layers");
    QTest::addColumn<int>("epochs");
    QTest::addColumn<int>("batch");
    QTest::newRow("LeNet-like CNN, both pools")
        << "fashion-mnist:n=200,ntest=50"
        << "conv:6:5,maxpool:2,conv:16:5:1:1,avgpool:2,flatten,dense:120:relu,dense:84:relu" << 1
        << 64;
    QTest::newRow("MLP 784-128-10, dropout") << "fashion-mnist:n=300,ntest=50"
                                             << "dense:128:relu,dropout:0.5" << 2 << 64;
    QTest::newRow("spiral with noise and tanh") << "spiral"
                                                << "noise:0.1,dense:8:tanh,dense:8:tanh" << 3 << 10;
    QTest::newRow("LSTM over image rows") << "seqimg:fashion-mnist:n=200,ntest=50"
                                          << "lstm:32,seq:last" << 1 << 32;
    QTest::newRow("SimpleRNN, many to many") << "parity:6,targets=every"
                                             << "rnn:16,seq:many" << 2 << 16;
}

void TestCpuThreads::trainingGivesTheSameWeights() {
    QFETCH(QString, data);
    QFETCH(QString, layers);
    QFETCH(int, epochs);
    QFETCH(int, batch);
    const auto one = trainedWeights(1, data.toStdString(), layers.toStdString(), epochs, batch);
    for (int threads : {2, 3}) {
        const auto many =
            trainedWeights(threads, data.toStdString(), layers.toStdString(), epochs, batch);
        QVERIFY2(sameWeights(one, many), qPrintable(firstDifference(one, many)));
    }
}

QTEST_APPLESS_MAIN(TestCpuThreads)
#include "test_cpu_threads.moc"
