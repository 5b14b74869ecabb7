// Every operation of the OpenCL backend against the CPU backend, the reference, on the same
// random inputs at odd sizes (1, 7, 33 and 130 rows and columns, never a whole number of
// work-groups), in float and in double; the image operations at odd image, kernel, stride and
// padding sizes. Results agree within a relative 1e-5 in float (GEMM,
// whose sums run in another order, 1e-4) and 1e-12 in double (GEMM 1e-10); dropout masks and
// Gaussian noise agree to the bit, since both backends draw them from the same Philox numbers.
//
// To test a new operation: one more function here, with addSizes() as its _data().

#include <QtTest>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <random>
#include <span>
#include <vector>

#include "backend/cpu_backend.h"
#include "koto_test_support.h"
#include "opencl_backend.h"
#include "opencl_test_support.h"

using namespace koto;

Q_DECLARE_METATYPE(koto::ImageWindows)

namespace {

const int64_t kSizes[] = {1, 7, 33, 130};

// The same numbers in a tensor of each backend.
struct Pair {
    Tensor cpu, gpu;
};

double tolerance(DType type) { return type == DType::Float64 ? 1e-12 : 1e-5; }
double gemmTolerance(DType type) { return type == DType::Float64 ? 1e-10 : 1e-4; }

// Values that float holds exactly, so that float and double tensors start from the same numbers.
std::vector<double> randomValues(int64_t count, double low, double high, uint32_t seed) {
    std::mt19937 generator(seed);
    std::uniform_real_distribution<double> uniform(low, high);
    std::vector<double> values(static_cast<size_t>(count));
    for (double& v : values) v = static_cast<float>(uniform(generator));
    return values;
}

std::vector<double> valuesOf(Backend& backend, const Tensor& t) {
    std::vector<double> values(static_cast<size_t>(t.size()));
    backend.download(t, std::span<double>(values));
    return values;
}

// The tensor's bytes as the backend holds them (float or double).
std::vector<char> bitsOf(Backend& backend, const Tensor& t) {
    std::vector<char> bits(static_cast<size_t>(t.size() * bytesPerElement(t.dtype())));
    if (t.dtype() == DType::Float32) {
        std::vector<float> values(static_cast<size_t>(t.size()));
        backend.download(t, std::span<float>(values));
        std::memcpy(bits.data(), values.data(), bits.size());
    } else {
        const std::vector<double> values = valuesOf(backend, t);
        std::memcpy(bits.data(), values.data(), bits.size());
    }
    return bits;
}

// |a - b| / max(|a|, |b|, 1): relative for values above 1, absolute below. Below 1 a relative
// difference measures cancellation, not the backends: a GEMM sum of terms of size 1 that comes
// out at 0.003, or 1 - Z^2 for a tanh output Z next to 1, keeps the rounding of the large terms
// (about 1e-7 of 1), which is a large fraction of the small result.
double relativeDifference(double a, double b) {
    if (a == b) return 0;  // also equal infinities
    return std::abs(a - b) / std::max({std::abs(a), std::abs(b), 1.0});
}

}  // namespace

class TestOpenClOperations : public QObject {
    Q_OBJECT

private:
    CpuBackend cpu_;
    std::unique_ptr<OpenClBackend> gpu_;
    uint32_t seed_ = 1;

    Pair make(const Shape& shape, DType type, const std::vector<double>& values) {
        Pair p{cpu_.allocate(shape, type), gpu_->allocate(shape, type)};
        cpu_.upload(std::span<const double>(values), p.cpu);
        gpu_->upload(std::span<const double>(values), p.gpu);
        return p;
    }
    Pair random(const Shape& shape, DType type, double low = -2, double high = 2) {
        return make(shape, type, randomValues(shape.elementCount(), low, high, seed_++));
    }
    Pair zeros(const Shape& shape, DType type) {
        return {cpu_.allocate(shape, type), gpu_->allocate(shape, type)};
    }

    // Empty when the two tensors agree within the tolerance, else where they differ most.
    QString mismatch(const Pair& p, double limit) {
        const std::vector<double> expected = valuesOf(cpu_, p.cpu), actual = valuesOf(*gpu_, p.gpu);
        double worst = 0;
        size_t at = 0;
        for (size_t i = 0; i < expected.size(); ++i) {
            const double difference = relativeDifference(expected[i], actual[i]);
            if (!(difference <= worst)) {  // NaN counts as the worst
                worst = difference;
                at = i;
                if (std::isnan(difference)) break;
            }
        }
        if (worst <= limit) return {};
        return QStringLiteral(
                   "relative difference %1 (limit %2) at element %3 of %4: CPU %5, OpenCL %6")
            .arg(worst)
            .arg(limit)
            .arg(at)
            .arg(expected.size())
            .arg(expected[at], 0, 'g', 17)
            .arg(actual[at], 0, 'g', 17);
    }
    QString mismatch(double expected, double actual, double limit) {
        const double difference = relativeDifference(expected, actual);
        if (difference <= limit) return {};
        return QStringLiteral("CPU %1, OpenCL %2: relative difference %3 (limit %4)")
            .arg(expected, 0, 'g', 17)
            .arg(actual, 0, 'g', 17)
            .arg(difference)
            .arg(limit);
    }
    QString bitMismatch(const Pair& p) {
        const std::vector<char> expected = bitsOf(cpu_, p.cpu), actual = bitsOf(*gpu_, p.gpu);
        if (expected == actual) return {};
        const size_t element = static_cast<size_t>(bytesPerElement(p.cpu.dtype()));
        for (size_t i = 0; i < expected.size(); i += element)
            if (std::memcmp(&expected[i], &actual[i], element) != 0) {
                const std::vector<double> e = valuesOf(cpu_, p.cpu), a = valuesOf(*gpu_, p.gpu);
                return QStringLiteral("element %1 differs: CPU %2, OpenCL %3")
                    .arg(i / element)
                    .arg(e[i / element], 0, 'g', 17)
                    .arg(a[i / element], 0, 'g', 17);
            }
        return {};
    }

    // Rows type x rows x cols for every size.
    static void addSizes() {
        QTest::addColumn<DType>("type");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<qint64>("cols");
        for (const DType type : {DType::Float32, DType::Float64})
            for (const int64_t rows : kSizes)
                for (const int64_t cols : kSizes)
                    QTest::addRow("%s %lldx%lld", type == DType::Float32 ? "float" : "double",
                                  static_cast<long long>(rows), static_cast<long long>(cols))
                        << type << qint64(rows) << qint64(cols);
    }

    // Images and windows at odd sizes: type, batch N and the geometry (C, H, W, K, S, P).
    static void addWindows(bool pooling) {
        QTest::addColumn<DType>("type");
        QTest::addColumn<qint64>("images");
        QTest::addColumn<ImageWindows>("windows");
        struct Row {
            int64_t n, c, h, w, k, s, p;
        };
        const Row convolutions[] = {{1, 1, 1, 1, 1, 1, 0},  {3, 2, 7, 5, 3, 1, 1},
                                    {7, 3, 9, 13, 4, 2, 2}, {2, 1, 28, 28, 5, 1, 0},
                                    {5, 4, 11, 6, 2, 3, 1}, {33, 1, 10, 7, 3, 2, 0}};
        const Row poolings[] = {{1, 1, 1, 1, 1, 1, 0},  {3, 2, 7, 5, 2, 2, 0},
                                {7, 3, 9, 13, 3, 3, 0}, {2, 6, 24, 24, 2, 2, 0},
                                {5, 1, 11, 6, 4, 4, 0}, {33, 2, 5, 5, 5, 5, 0}};
        for (const DType type : {DType::Float32, DType::Float64})
            for (const Row& r :
                 pooling ? std::span<const Row>(poolings) : std::span<const Row>(convolutions))
                QTest::addRow("%s N=%lld C=%lld %lldx%lld K=%lld S=%lld P=%lld",
                              type == DType::Float32 ? "float" : "double",
                              static_cast<long long>(r.n), static_cast<long long>(r.c),
                              static_cast<long long>(r.h), static_cast<long long>(r.w),
                              static_cast<long long>(r.k), static_cast<long long>(r.s),
                              static_cast<long long>(r.p))
                    << type << qint64(r.n) << ImageWindows{r.c, r.h, r.w, r.k, r.s, r.p};
    }

private slots:
    void initTestCase() {
        OpenClDevice device;
        KOTO_OPENCL_TEST_DEVICE(device);
        gpu_ = std::make_unique<OpenClBackend>(device.platformIndex, device.deviceIndex);
        qInfo("OpenCL device: %s; kernels ready in %.2f s (%s)", gpu_->name().c_str(),
              gpu_->kernelCompileSeconds(),
              gpu_->kernelsFromCache() ? "ours from the program cache" : "compiled from source");
    }

    void transfersAndCopies_data() { addSizes(); }
    void transfersAndCopies() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        Pair p = random({rows, cols}, type);
        QVERIFY2(bitMismatch(p).isEmpty(), qPrintable(bitMismatch(p)));
        // Floats in, float out, whatever the tensor's type.
        const std::vector<float> floats(static_cast<size_t>(rows * cols), 0.3f);
        gpu_->upload(std::span<const float>(floats), p.gpu);
        std::vector<float> back(floats.size());
        gpu_->download(p.gpu, std::span<float>(back));
        QVERIFY(back == floats);
        Pair copied = zeros({rows, cols}, type);
        cpu_.copy(p.cpu, copied.cpu);
        gpu_->copy(p.gpu, copied.gpu);
        cpu_.upload(std::span<const float>(floats), copied.cpu);
        QVERIFY2(bitMismatch(copied).isEmpty(), qPrintable(bitMismatch(copied)));
        cpu_.fill(p.cpu, -1.25);
        gpu_->fill(p.gpu, -1.25);
        QVERIFY2(bitMismatch(p).isEmpty(), qPrintable(bitMismatch(p)));
        // Only the rows in use move: a shorter tensor leaves the rest alone.
        p.cpu.setRows(rows / 2);
        p.gpu.setRows(rows / 2);
        cpu_.fill(p.cpu, 2.0);
        gpu_->fill(p.gpu, 2.0);
        p.cpu.setRows(rows);
        p.gpu.setRows(rows);
        QVERIFY2(bitMismatch(p).isEmpty(), qPrintable(bitMismatch(p)));
    }

    void gemm_data() {
        QTest::addColumn<DType>("type");
        QTest::addColumn<qint64>("m");
        QTest::addColumn<qint64>("n");
        QTest::addColumn<qint64>("k");
        for (const DType type : {DType::Float32, DType::Float64})
            for (const int64_t m : kSizes)
                for (const int64_t n : kSizes)
                    for (const int64_t k : kSizes)
                        QTest::addRow("%s %lldx%lldx%lld",
                                      type == DType::Float32 ? "float" : "double",
                                      static_cast<long long>(m), static_cast<long long>(n),
                                      static_cast<long long>(k))
                            << type << qint64(m) << qint64(n) << qint64(k);
    }
    void gemm() {
        QFETCH(DType, type);
        QFETCH(qint64, m);
        QFETCH(qint64, n);
        QFETCH(qint64, k);
        for (const bool transposeA : {false, true})
            for (const bool transposeB : {false, true}) {
                // Stored with three spare rows, as a training batch shorter than the capacity is.
                Pair a = random({(transposeA ? k : m) + 3, transposeA ? m : k}, type);
                Pair b = random({(transposeB ? n : k) + 3, transposeB ? k : n}, type);
                Pair c = make({m + 3, n}, type,
                              std::vector<double>(static_cast<size_t>((m + 3) * n),
                                                  std::numeric_limits<double>::quiet_NaN()));
                for (Tensor* t : {&a.cpu, &a.gpu}) t->setRows(transposeA ? k : m);
                for (Tensor* t : {&b.cpu, &b.gpu}) t->setRows(transposeB ? n : k);
                for (Tensor* t : {&c.cpu, &c.gpu}) t->setRows(m);
                // beta = 0 ignores C's NaNs; then beta != 0 accumulates into the result.
                for (const auto& [alpha, beta] : {std::pair{1.0, 0.0}, std::pair{-0.7, 0.5}}) {
                    cpu_.gemm(transposeA, transposeB, alpha, a.cpu, b.cpu, beta, c.cpu);
                    gpu_->gemm(transposeA, transposeB, alpha, a.gpu, b.gpu, beta, c.gpu);
                    const QString problem = mismatch(c, gemmTolerance(type));
                    QVERIFY2(problem.isEmpty(),
                             qPrintable(QStringLiteral("transpose A %1, B %2, beta %3: ")
                                            .arg(transposeA)
                                            .arg(transposeB)
                                            .arg(beta) +
                                        problem));
                }
            }
    }

    // A product over zero rows (an empty batch): C = beta C, on both.
    void gemmOverNoRows() {
        Pair a = random({4, 3}, DType::Float32), b = random({4, 5}, DType::Float32);
        Pair c = random({3, 5}, DType::Float32);
        for (Tensor* t : {&a.cpu, &a.gpu, &b.cpu, &b.gpu}) t->setRows(0);
        cpu_.gemm(true, false, 1.0, a.cpu, b.cpu, 0.5, c.cpu);
        gpu_->gemm(true, false, 1.0, a.gpu, b.gpu, 0.5, c.gpu);
        QVERIFY2(mismatch(c, 1e-6).isEmpty(), qPrintable(mismatch(c, 1e-6)));
        cpu_.gemm(true, false, 1.0, a.cpu, b.cpu, 0.0, c.cpu);
        gpu_->gemm(true, false, 1.0, a.gpu, b.gpu, 0.0, c.gpu);
        QCOMPARE(valuesOf(*gpu_, c.gpu), std::vector<double>(15, 0.0));
    }

    void addRowVectorAndColumnSums_data() { addSizes(); }
    void addRowVectorAndColumnSums() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        Pair matrix = random({rows, cols}, type), vector = random({1, cols}, type);
        cpu_.addRowVector(vector.cpu, matrix.cpu);
        gpu_->addRowVector(vector.gpu, matrix.gpu);
        QVERIFY2(mismatch(matrix, tolerance(type)).isEmpty(),
                 qPrintable(mismatch(matrix, tolerance(type))));
        cpu_.columnSums(matrix.cpu, vector.cpu);
        gpu_->columnSums(matrix.gpu, vector.gpu);
        QVERIFY2(mismatch(vector, tolerance(type)).isEmpty(),
                 qPrintable(mismatch(vector, tolerance(type))));
    }

    void activations_data() { addSizes(); }
    void activations() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        for (const Activation activation :
             {Activation::Linear, Activation::Sigmoid, Activation::Tanh, Activation::Relu,
              Activation::Softmax}) {
            const QString name = QString::fromUtf8(activationName(activation).data(),
                                                   activationName(activation).size());
            Pair a = random({rows, cols}, type, -4, 4), z = zeros({rows, cols}, type);
            cpu_.activationForward(activation, a.cpu, z.cpu);
            gpu_->activationForward(activation, a.gpu, z.gpu);
            QVERIFY2(mismatch(z, tolerance(type)).isEmpty(),
                     qPrintable(name + ": " + mismatch(z, tolerance(type))));
            if (activation == Activation::Softmax) continue;
            Pair dZ = random({rows, cols}, type), dA = zeros({rows, cols}, type);
            cpu_.activationBackward(activation, z.cpu, dZ.cpu, dA.cpu);
            gpu_->activationBackward(activation, z.gpu, dZ.gpu, dA.gpu);
            QVERIFY2(mismatch(dA, tolerance(type)).isEmpty(),
                     qPrintable(name + " backward: " + mismatch(dA, tolerance(type))));
        }
    }

    void softmaxCrossEntropy_data() { addSizes(); }
    void softmaxCrossEntropy() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        std::vector<double> oneHot(static_cast<size_t>(rows * cols), 0.0);
        std::mt19937 generator(seed_++);
        for (int64_t n = 0; n < rows; ++n)
            oneHot[static_cast<size_t>(n * cols + generator() % cols)] = 1.0;
        Pair logits = random({rows, cols}, type, -6, 6), targets = make({rows, cols}, type, oneHot);
        Pair y = zeros({rows, cols}, type), d = zeros({rows, cols}, type);
        const double expected = cpu_.softmaxCrossEntropy(logits.cpu, targets.cpu, y.cpu, d.cpu);
        const double actual = gpu_->softmaxCrossEntropy(logits.gpu, targets.gpu, y.gpu, d.gpu);
        QVERIFY2(mismatch(expected, actual, tolerance(type)).isEmpty(),
                 qPrintable(mismatch(expected, actual, tolerance(type))));
        QVERIFY2(mismatch(y, tolerance(type)).isEmpty(), qPrintable(mismatch(y, tolerance(type))));
        QVERIFY2(mismatch(d, tolerance(type)).isEmpty(), qPrintable(mismatch(d, tolerance(type))));
    }

    void sigmoidBinaryCrossEntropy_data() { addSizes(); }
    void sigmoidBinaryCrossEntropy() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        std::vector<double> labels = randomValues(rows * cols, 0, 1, seed_++);
        for (double& t : labels) t = t < 0.5 ? 0.0 : 1.0;
        Pair logits = random({rows, cols}, type, -6, 6), targets = make({rows, cols}, type, labels);
        Pair y = zeros({rows, cols}, type), d = zeros({rows, cols}, type);
        const double expected =
            cpu_.sigmoidBinaryCrossEntropy(logits.cpu, targets.cpu, y.cpu, d.cpu);
        const double actual =
            gpu_->sigmoidBinaryCrossEntropy(logits.gpu, targets.gpu, y.gpu, d.gpu);
        QVERIFY2(mismatch(expected, actual, tolerance(type)).isEmpty(),
                 qPrintable(mismatch(expected, actual, tolerance(type))));
        QVERIFY2(mismatch(y, tolerance(type)).isEmpty(), qPrintable(mismatch(y, tolerance(type))));
        QVERIFY2(mismatch(d, tolerance(type)).isEmpty(), qPrintable(mismatch(d, tolerance(type))));
    }

    void meanSquaredError_data() { addSizes(); }
    void meanSquaredError() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        Pair outputs = random({rows, cols}, type), targets = random({rows, cols}, type),
             d = zeros({rows, cols}, type);
        const double expected = cpu_.meanSquaredError(outputs.cpu, targets.cpu, d.cpu);
        const double actual = gpu_->meanSquaredError(outputs.gpu, targets.gpu, d.gpu);
        QVERIFY2(mismatch(expected, actual, tolerance(type)).isEmpty(),
                 qPrintable(mismatch(expected, actual, tolerance(type))));
        QVERIFY2(mismatch(d, tolerance(type)).isEmpty(), qPrintable(mismatch(d, tolerance(type))));
    }

    void multiplyAndAdd_data() { addSizes(); }
    void multiplyAndAdd() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        Pair a = random({rows, cols}, type), b = random({rows, cols}, type),
             out = zeros({rows, cols}, type);
        cpu_.multiply(a.cpu, b.cpu, out.cpu);
        gpu_->multiply(a.gpu, b.gpu, out.gpu);
        QVERIFY2(mismatch(out, tolerance(type)).isEmpty(),
                 qPrintable(mismatch(out, tolerance(type))));
        cpu_.add(a.cpu, b.cpu, out.cpu);
        gpu_->add(a.gpu, b.gpu, out.gpu);
        QVERIFY2(mismatch(out, tolerance(type)).isEmpty(),
                 qPrintable(mismatch(out, tolerance(type))));
    }

    void dropoutMaskIsBitIdentical_data() { addSizes(); }
    void dropoutMaskIsBitIdentical() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        Pair mask = zeros({rows, cols}, type);
        // Seeds and steps above 2^32 use every word of Philox's key and counter.
        for (const RandomStream stream :
             {RandomStream{1, 1, 0}, RandomStream{0x0123456789ABCDEFull, 0x100000005ull, 7}})
            for (const double keep : {0.5, 0.8}) {
                cpu_.dropoutMask(stream, keep, mask.cpu);
                gpu_->dropoutMask(stream, keep, mask.gpu);
                QVERIFY2(bitMismatch(mask).isEmpty(), qPrintable(bitMismatch(mask)));
            }
    }

    void gaussianNoiseIsBitIdentical_data() { addSizes(); }
    void gaussianNoiseIsBitIdentical() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        Pair noise = zeros({rows, cols}, type);
        for (const RandomStream stream :
             {RandomStream{1, 1, 0}, RandomStream{0x0123456789ABCDEFull, 0x100000005ull, 7}}) {
            cpu_.gaussianNoise(stream, 0.3, noise.cpu);
            gpu_->gaussianNoise(stream, 0.3, noise.gpu);
            QVERIFY2(bitMismatch(noise).isEmpty(), qPrintable(bitMismatch(noise)));
        }
    }

    // The RBM's Gibbs sampling (core/models/rbm.h): the same 0/1 samples on both backends.
    void bernoulliSampleIsBitIdentical_data() { addSizes(); }
    void bernoulliSampleIsBitIdentical() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        Pair probabilities = random({rows, cols}, type, 0, 1), samples = zeros({rows, cols}, type);
        for (const RandomStream stream :
             {RandomStream{1, 1, 0}, RandomStream{0x0123456789ABCDEFull, 0x100000005ull, 7}}) {
            cpu_.bernoulliSample(stream, probabilities.cpu, samples.cpu);
            gpu_->bernoulliSample(stream, probabilities.gpu, samples.gpu);
            QVERIFY2(bitMismatch(samples).isEmpty(), qPrintable(bitMismatch(samples)));
        }
    }

    // A million numbers, so that rare inputs (u1 near 0 or 1, angles at quarter turns) come up.
    void aMillionNoiseValuesAreBitIdentical() {
        Pair noise = zeros({1000, 1000}, DType::Float32);
        cpu_.gaussianNoise({42, 3, 1}, 1.0, noise.cpu);
        gpu_->gaussianNoise({42, 3, 1}, 1.0, noise.gpu);
        QVERIFY2(bitMismatch(noise).isEmpty(), qPrintable(bitMismatch(noise)));
    }

    void gatherRows_data() { addSizes(); }
    void gatherRows() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        const int64_t sourceRows = rows + 5;
        std::mt19937 generator(seed_++);
        std::vector<int32_t> indices(static_cast<size_t>(rows));
        for (int32_t& i : indices) i = static_cast<int32_t>(generator() % sourceRows);
        Pair source = random({sourceRows, cols}, type), destination = zeros({rows, cols}, type);
        cpu_.gatherRows(source.cpu, indices, destination.cpu);
        gpu_->gatherRows(source.gpu, indices, destination.gpu);
        QVERIFY2(bitMismatch(destination).isEmpty(), qPrintable(bitMismatch(destination)));

        // Image bytes: gathered as bytes, then scaled into floats.
        std::vector<uint8_t> bytes(static_cast<size_t>(sourceRows * cols));
        for (uint8_t& b : bytes) b = static_cast<uint8_t>(generator());
        Pair pixels{cpu_.allocate({sourceRows, cols}, DType::UInt8),
                    gpu_->allocate({sourceRows, cols}, DType::UInt8)};
        cpu_.upload(std::span<const uint8_t>(bytes), pixels.cpu);
        gpu_->upload(std::span<const uint8_t>(bytes), pixels.gpu);
        Pair gathered{cpu_.allocate({rows, cols}, DType::UInt8),
                      gpu_->allocate({rows, cols}, DType::UInt8)};
        cpu_.gatherRows(pixels.cpu, indices, gathered.cpu);
        gpu_->gatherRows(pixels.gpu, indices, gathered.gpu);
        for (size_t i = 0; i < indices.size(); ++i) indices[i] = static_cast<int32_t>(i);
        cpu_.gatherRowsScaled(gathered.cpu, indices, 1.0 / 255.0, destination.cpu);
        gpu_->gatherRowsScaled(gathered.gpu, indices, 1.0 / 255.0, destination.gpu);
        QVERIFY2(mismatch(destination, tolerance(type)).isEmpty(),
                 qPrintable(mismatch(destination, tolerance(type))));

        QVERIFY_THROWS_EXCEPTION(
            std::out_of_range,
            gpu_->gatherRows(source.gpu, std::vector<int32_t>(indices.size(), int32_t(sourceRows)),
                             destination.gpu));
    }

    // The same from rows held once (an epoch's order), each gather a slice of them at an offset.
    void gatherHeldRows_data() { addSizes(); }
    void gatherHeldRows() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        const int64_t sourceRows = rows + 5, first = 3;
        std::mt19937 generator(seed_++);
        std::vector<int32_t> order(static_cast<size_t>(first + rows + 2));
        for (int32_t& i : order) i = static_cast<int32_t>(generator() % sourceRows);
        HeldRows onCpu, onGpu;
        cpu_.holdRows(order, onCpu);
        gpu_->holdRows(order, onGpu);
        QVERIFY(onGpu.device() != nullptr);
        Pair source = random({sourceRows, cols}, type), destination = zeros({rows, cols}, type);
        cpu_.gatherHeldRows(source.cpu, onCpu, first, destination.cpu);
        gpu_->gatherHeldRows(source.gpu, onGpu, first, destination.gpu);
        QVERIFY2(bitMismatch(destination).isEmpty(), qPrintable(bitMismatch(destination)));

        std::vector<uint8_t> bytes(static_cast<size_t>(sourceRows * cols));
        for (uint8_t& b : bytes) b = static_cast<uint8_t>(generator());
        Pair pixels{cpu_.allocate({sourceRows, cols}, DType::UInt8),
                    gpu_->allocate({sourceRows, cols}, DType::UInt8)};
        cpu_.upload(std::span<const uint8_t>(bytes), pixels.cpu);
        gpu_->upload(std::span<const uint8_t>(bytes), pixels.gpu);
        cpu_.gatherHeldRowsScaled(pixels.cpu, onCpu, first, 1.0 / 255.0, destination.cpu);
        gpu_->gatherHeldRowsScaled(pixels.gpu, onGpu, first, 1.0 / 255.0, destination.gpu);
        QVERIFY2(mismatch(destination, tolerance(type)).isEmpty(),
                 qPrintable(mismatch(destination, tolerance(type))));

        // Holding other rows reuses the device's copy; a slice past the held rows, or a row
        // outside the source, is refused as gatherRows refuses it.
        std::vector<int32_t> outside(order.size(), int32_t(sourceRows));
        gpu_->holdRows(outside, onGpu);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range,
                                 gpu_->gatherHeldRows(source.gpu, onGpu, 0, destination.gpu));
        QVERIFY_THROWS_EXCEPTION(
            std::out_of_range, gpu_->gatherHeldRows(source.gpu, onCpu, first + 3, destination.gpu));
    }

    void augmentImages_data() { addSizes(); }
    void augmentImages() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        const int64_t width = cols, height = 5;
        std::mt19937 generator(seed_++);
        std::uniform_real_distribution<float> uniform(-1, 1);
        std::vector<ImageTransform> transforms(static_cast<size_t>(rows));
        for (size_t i = 0; i < transforms.size(); ++i) {
            ImageTransform& t = transforms[i];
            t.shiftX = std::round(3 * uniform(generator));
            t.shiftY = std::round(2 * uniform(generator));
            t.radians = 0.5f * uniform(generator);
            t.mirror = uniform(generator) > 0;
            if (i % 2) {  // half with the brightness and contrast step, half without
                t.brightness = 0.2f * uniform(generator);
                t.contrast = 1 + 0.3f * uniform(generator);
            }
        }
        Pair images = random({rows, width * height}, type, 0, 1),
             out = zeros({rows, width * height}, type);
        cpu_.augmentImages(transforms, width, height, images.cpu, out.cpu);
        gpu_->augmentImages(transforms, width, height, images.gpu, out.gpu);
        // A float source coordinate near x = 130 is only known to about 1e-5 (its last bit), and
        // between two random pixels the bilinear value moves by up to 1 per pixel: so the two
        // backends' rounding of the rotation may differ by that much, more than tolerance(type).
        const double limit = type == DType::Float64 ? tolerance(type) : 1e-4;
        QVERIFY2(mismatch(out, limit).isEmpty(), qPrintable(mismatch(out, limit)));
    }

    // Each optimizer's Apply pass against the CPU's (weights and state), its Check pass on a
    // finite step (true) and on a gradient with an infinity (false on both, nothing changed).
    void optimizers_data() { addSizes(); }
    void optimizers() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        const Shape shape{rows, cols};
        std::vector<double> infinite = randomValues(rows * cols, -1, 1, seed_++);
        infinite.back() = std::numeric_limits<double>::infinity();
        struct Update {
            const char* name;
            std::function<bool(Backend&, UpdatePass, const Tensor&, Tensor&, Tensor&, Tensor&)> run;
        };
        const Update updates[] = {
            {"momentum", [](Backend& b, UpdatePass p, const Tensor& g, Tensor& s1, Tensor&,
                            Tensor& w) { return b.momentumUpdate(p, 0.1, 0.9, false, g, s1, w); }},
            {"nesterov", [](Backend& b, UpdatePass p, const Tensor& g, Tensor& s1, Tensor&,
                            Tensor& w) { return b.momentumUpdate(p, 0.1, 0.9, true, g, s1, w); }},
            {"adagrad", [](Backend& b, UpdatePass p, const Tensor& g, Tensor& s1, Tensor&,
                           Tensor& w) { return b.adagradUpdate(p, 0.1, 1e-10, g, s1, w); }},
            {"rmsprop",
             [](Backend& b, UpdatePass p, const Tensor& g, Tensor& s1, Tensor& s2, Tensor& w) {
                 return b.rmspropUpdate(p, 0.01, 0.99, 0.9, 1e-8, g, s1, s2, w);
             }},
            {"adam",
             [rows](Backend& b, UpdatePass p, const Tensor& g, Tensor& s1, Tensor& s2, Tensor& w) {
                 return b.adamUpdate(p, 0.001, 0.9, 0.999, 1e-8, rows, g, s1, s2, w);
             }},
        };
        for (const Update& update : updates) {
            const QString name = QString::fromLatin1(update.name);
            Pair gradient = random(shape, type), weights = random(shape, type);
            // State in [0, 1): caches and second moments, sums of squares, are never negative.
            Pair first = random(shape, type, 0, 1), second = random(shape, type, 0, 1);
            // What the pass returned on the CPU and on OpenCL, as "true true".
            auto both = [&](UpdatePass pass, const Pair& g) {
                const bool expected =
                    update.run(cpu_, pass, g.cpu, first.cpu, second.cpu, weights.cpu);
                const bool actual =
                    update.run(*gpu_, pass, g.gpu, first.gpu, second.gpu, weights.gpu);
                return QStringLiteral("%1 %2").arg(expected ? "true" : "false",
                                                   actual ? "true" : "false");
            };
            QCOMPARE(both(UpdatePass::Check, gradient), QStringLiteral("true true"));
            for (int step = 0; step < 2; ++step)
                QCOMPARE(both(UpdatePass::Apply, gradient), QStringLiteral("true true"));
            for (const Pair* t : {&weights, &first, &second})
                QVERIFY2(mismatch(*t, tolerance(type)).isEmpty(),
                         qPrintable(name + ": " + mismatch(*t, tolerance(type))));

            const std::vector<char> before = bitsOf(*gpu_, weights.gpu);
            QCOMPARE(both(UpdatePass::Check, make(shape, type, infinite)),
                     QStringLiteral("false false"));
            QVERIFY2(bitsOf(*gpu_, weights.gpu) == before,
                     qPrintable(name + ": the check changed the weights"));
        }
    }

    void regularizationSums_data() { addSizes(); }
    void regularizationSums() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        Pair x = random({rows, cols}, type);
        QVERIFY2(mismatch(cpu_.sumOfAbsolutes(x.cpu), gpu_->sumOfAbsolutes(x.gpu), tolerance(type))
                     .isEmpty(),
                 qPrintable(mismatch(cpu_.sumOfAbsolutes(x.cpu), gpu_->sumOfAbsolutes(x.gpu),
                                     tolerance(type))));
        QVERIFY2(mismatch(cpu_.sumOfSquares(x.cpu), gpu_->sumOfSquares(x.gpu), tolerance(type))
                     .isEmpty(),
                 qPrintable(mismatch(cpu_.sumOfSquares(x.cpu), gpu_->sumOfSquares(x.gpu),
                                     tolerance(type))));
        cpu_.shrinkTowardZero(0.5, x.cpu);
        gpu_->shrinkTowardZero(0.5, x.gpu);
        QVERIFY2(mismatch(x, tolerance(type)).isEmpty(), qPrintable(mismatch(x, tolerance(type))));
    }

    void addScaledAndSumIsFinite_data() { addSizes(); }
    void addScaledAndSumIsFinite() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        Pair x = random({rows, cols}, type), y = random({rows, cols}, type);
        cpu_.addScaled(-0.3, x.cpu, y.cpu);
        gpu_->addScaled(-0.3, x.gpu, y.gpu);
        QVERIFY2(mismatch(y, tolerance(type)).isEmpty(), qPrintable(mismatch(y, tolerance(type))));
        QCOMPARE(gpu_->sumIsFinite(-0.3, x.gpu, y.gpu), true);
        std::vector<double> values = valuesOf(cpu_, y.cpu);
        for (const double bad :
             {std::numeric_limits<double>::quiet_NaN(), -std::numeric_limits<double>::infinity()}) {
            values[values.size() / 2] = bad;
            Pair broken = make({rows, cols}, type, values);
            QCOMPARE(cpu_.sumIsFinite(-0.3, x.cpu, broken.cpu), false);
            QCOMPARE(gpu_->sumIsFinite(-0.3, x.gpu, broken.gpu), false);
        }
        // A sum that overflows although both terms are finite.
        const double huge = type == DType::Float32 ? 3e38 : 1.7e308;
        Pair big =
            make({rows, cols}, type, std::vector<double>(static_cast<size_t>(rows * cols), huge));
        QCOMPARE(cpu_.sumIsFinite(1.0, big.cpu, big.cpu), false);
        QCOMPARE(gpu_->sumIsFinite(1.0, big.gpu, big.gpu), false);
    }

    // Convolution's three operations, with filter counts below, at and beyond the CPU's panels of
    // 16. Sums of many products in another order: the GEMM's tolerance. The outputs start with
    // random values, which each operation must overwrite, not add to.
    void convolution_data() { addWindows(false); }
    void convolution() {
        QFETCH(DType, type);
        QFETCH(qint64, images);
        QFETCH(ImageWindows, windows);
        for (const int64_t filters : {1, 6, 16, 17}) {
            const Shape outputs{images, filters, windows.outputHeight(), windows.outputWidth()};
            Pair x = random({images, windows.channels, windows.height, windows.width}, type);
            Pair weights = random({filters, windows.patchSize()}, type),
                 bias = random({1, filters}, type);
            Pair a = random(outputs, type);
            cpu_.convolutionForward(windows, x.cpu, weights.cpu, bias.cpu, a.cpu);
            gpu_->convolutionForward(windows, x.gpu, weights.gpu, bias.gpu, a.gpu);
            QVERIFY2(mismatch(a, gemmTolerance(type)).isEmpty(),
                     qPrintable(mismatch(a, gemmTolerance(type))));

            Pair gradient = random(outputs, type),
                 dW = random({filters, windows.patchSize()}, type);
            Pair db = random({1, filters}, type),
                 dX = random({images, windows.channels, windows.height, windows.width}, type);
            cpu_.convolutionParameterGradients(windows, x.cpu, gradient.cpu, dW.cpu, db.cpu);
            gpu_->convolutionParameterGradients(windows, x.gpu, gradient.gpu, dW.gpu, db.gpu);
            for (const Pair* p : {&dW, &db})
                QVERIFY2(mismatch(*p, gemmTolerance(type)).isEmpty(),
                         qPrintable(mismatch(*p, gemmTolerance(type))));
            cpu_.convolutionInputGradient(windows, gradient.cpu, weights.cpu, dX.cpu);
            gpu_->convolutionInputGradient(windows, gradient.gpu, weights.gpu, dX.gpu);
            QVERIFY2(mismatch(dX, gemmTolerance(type)).isEmpty(),
                     qPrintable(mismatch(dX, gemmTolerance(type))));
        }
    }

    // Recurrent steps: `rows` samples, `cols` units, 3 time steps, each step in turn as a real
    // layer runs them. Copying a step is exact; the steps' exp and tanh may differ in the last
    // bits.
    void timeSteps_data() { addSizes(); }
    void timeSteps() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        const int64_t steps = 3;
        Pair sequence = random({rows, steps, cols}, type), step = zeros({rows, cols}, type);
        Pair placed = random({rows, steps, cols}, type);
        for (int64_t t = 0; t < steps; ++t) {
            cpu_.copyTimeStep(sequence.cpu, t, step.cpu);
            gpu_->copyTimeStep(sequence.gpu, t, step.gpu);
            QVERIFY2(bitMismatch(step).isEmpty(), qPrintable(bitMismatch(step)));
            cpu_.placeTimeStep(step.cpu, (t + 1) % steps, placed.cpu);
            gpu_->placeTimeStep(step.gpu, (t + 1) % steps, placed.gpu);
            QVERIFY2(bitMismatch(placed).isEmpty(), qPrintable(bitMismatch(placed)));
        }
    }

    void rnnSteps_data() { addSizes(); }
    void rnnSteps() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        const int64_t steps = 3;
        for (const Activation activation :
             {Activation::Tanh, Activation::Sigmoid, Activation::Relu, Activation::Linear}) {
            Pair inputPart = random({rows, steps, cols}, type),
                 recurrentPart = random({rows, cols}, type);
            Pair hidden = zeros({rows, steps, cols}, type), last = zeros({rows, cols}, type);
            Pair outputGradient = random({rows, steps, cols}, type),
                 fromLater = random({rows, cols}, type);
            Pair hiddenGradient = zeros({rows, steps, cols}, type),
                 preActivationGradient = zeros({rows, steps, cols}, type);
            Pair stepGradient = zeros({rows, cols}, type);
            for (int64_t t = 0; t < steps; ++t) {
                cpu_.rnnForwardStep(activation, t, inputPart.cpu, recurrentPart.cpu, hidden.cpu,
                                    last.cpu);
                gpu_->rnnForwardStep(activation, t, inputPart.gpu, recurrentPart.gpu, hidden.gpu,
                                     last.gpu);
            }
            for (int64_t t = steps - 1; t >= 0; --t) {
                cpu_.rnnBackwardStep(activation, t, hidden.cpu, outputGradient.cpu, fromLater.cpu,
                                     hiddenGradient.cpu, preActivationGradient.cpu,
                                     stepGradient.cpu);
                gpu_->rnnBackwardStep(activation, t, hidden.gpu, outputGradient.gpu, fromLater.gpu,
                                      hiddenGradient.gpu, preActivationGradient.gpu,
                                      stepGradient.gpu);
            }
            for (const Pair* p :
                 {&hidden, &last, &hiddenGradient, &preActivationGradient, &stepGradient})
                QVERIFY2(mismatch(*p, tolerance(type)).isEmpty(),
                         qPrintable(activationName(activation).data() + QStringLiteral(": ") +
                                    mismatch(*p, tolerance(type))));
        }
    }

    void lstmSteps_data() { addSizes(); }
    void lstmSteps() {
        QFETCH(DType, type);
        QFETCH(qint64, rows);
        QFETCH(qint64, cols);
        const int64_t steps = 3, units = cols;
        Pair inputPart = random({rows, steps, 4 * units}, type),
             recurrentPart = random({rows, 4 * units}, type);
        Pair gates = zeros({rows, steps, 4 * units}, type),
             cells = zeros({rows, steps, units}, type);
        Pair hidden = zeros({rows, steps, units}, type), last = zeros({rows, units}, type);
        for (int64_t t = 0; t < steps; ++t) {
            cpu_.lstmForwardStep(t, inputPart.cpu, recurrentPart.cpu, gates.cpu, cells.cpu,
                                 hidden.cpu, last.cpu);
            gpu_->lstmForwardStep(t, inputPart.gpu, recurrentPart.gpu, gates.gpu, cells.gpu,
                                  hidden.gpu, last.gpu);
        }
        for (const Pair* p : {&gates, &cells, &hidden, &last})
            QVERIFY2(mismatch(*p, tolerance(type)).isEmpty(),
                     qPrintable(mismatch(*p, tolerance(type))));
        Pair outputGradient = random({rows, steps, units}, type),
             fromLater = random({rows, units}, type);
        Pair cellCarry = random({rows, units}, type);
        Pair hiddenGradient = zeros({rows, steps, units}, type),
             cellGradient = zeros({rows, steps, units}, type);
        Pair preActivationGradient = zeros({rows, steps, 4 * units}, type),
             stepGradient = zeros({rows, 4 * units}, type);
        for (int64_t t = steps - 1; t >= 0; --t) {
            cpu_.lstmBackwardStep(t, gates.cpu, cells.cpu, outputGradient.cpu, fromLater.cpu,
                                  cellCarry.cpu, hiddenGradient.cpu, cellGradient.cpu,
                                  preActivationGradient.cpu, stepGradient.cpu);
            gpu_->lstmBackwardStep(t, gates.gpu, cells.gpu, outputGradient.gpu, fromLater.gpu,
                                   cellCarry.gpu, hiddenGradient.gpu, cellGradient.gpu,
                                   preActivationGradient.gpu, stepGradient.gpu);
        }
        for (const Pair* p :
             {&cellCarry, &hiddenGradient, &cellGradient, &preActivationGradient, &stepGradient})
            QVERIFY2(mismatch(*p, tolerance(type)).isEmpty(),
                     qPrintable(mismatch(*p, tolerance(type))));
    }

    // Max pooling picks the same value and the same winner on both, the first of tied maxima
    // (the input's values are whole numbers from -2 to 1, so most windows hold ties); the
    // gradient goes to it.
    void pooling_data() { addWindows(true); }
    void pooling() {
        QFETCH(DType, type);
        QFETCH(qint64, images);
        QFETCH(ImageWindows, windows);
        const Shape input{images, windows.channels, windows.height, windows.width};
        const Shape output{images, windows.channels, windows.outputHeight(), windows.outputWidth()};
        std::vector<double> values = randomValues(input.elementCount(), -2, 2, seed_++);
        for (double& v : values) v = std::floor(v);
        Pair x = make(input, type, values), dY = random(output, type), y = zeros(output, type);
        Pair dX = make(input, type,
                       std::vector<double>(static_cast<size_t>(input.elementCount()),
                                           7.0));  // stale values to overwrite
        cpu_.maxPoolForward(windows, x.cpu, y.cpu);
        gpu_->maxPoolForward(windows, x.gpu, y.gpu);
        QVERIFY2(bitMismatch(y).isEmpty(), qPrintable("max: " + bitMismatch(y)));
        cpu_.maxPoolBackward(windows, x.cpu, dY.cpu, dX.cpu);
        gpu_->maxPoolBackward(windows, x.gpu, dY.gpu, dX.gpu);
        QVERIFY2(bitMismatch(dX).isEmpty(), qPrintable("max backward: " + bitMismatch(dX)));

        cpu_.averagePoolForward(windows, x.cpu, y.cpu);
        gpu_->averagePoolForward(windows, x.gpu, y.gpu);
        QVERIFY2(mismatch(y, tolerance(type)).isEmpty(),
                 qPrintable("average: " + mismatch(y, tolerance(type))));
        cpu_.averagePoolBackward(windows, dY.cpu, dX.cpu);
        gpu_->averagePoolBackward(windows, dY.gpu, dX.gpu);
        QVERIFY2(mismatch(dX, tolerance(type)).isEmpty(),
                 qPrintable("average backward: " + mismatch(dX, tolerance(type))));
    }

    // Misuse is refused as on the CPU, not run on the device.
    void refusesWhatTheCpuRefuses() {
        Tensor floats = gpu_->allocate({3, 4}, DType::Float32),
               other = gpu_->allocate({4, 3}, DType::Float32);
        Tensor bytes = gpu_->allocate({3, 4}, DType::UInt8);
        Tensor cpuTensor = cpu_.allocate({3, 4}, DType::Float32);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 gpu_->gemm(false, false, 1, floats, floats, 0, other));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gpu_->fill(bytes, 1.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gpu_->copy(cpuTensor, floats));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 gpu_->upload(std::vector<float>(5), floats));
        QVERIFY_THROWS_EXCEPTION(
            std::logic_error,
            gpu_->activationBackward(Activation::Softmax, floats, floats, floats));
        const ImageWindows tooLarge{1, 2, 2, 3, 1, 0};  // a 3 x 3 kernel on 2 x 2 images
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 gpu_->convolutionInputGradient(tooLarge, floats, floats, other));
        const ImageWindows strided{1, 2, 2, 1, 2, 0};  // pooling windows move by their size
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 gpu_->averagePoolForward(strided, floats, floats));
        Tensor step = gpu_->allocate({3, 2}, DType::Float32);  // floats as 2 time steps of 2
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gpu_->copyTimeStep(floats, 2, step));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gpu_->placeTimeStep(other, 0, floats));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            gpu_->rnnForwardStep(Activation::Softmax, 0, floats, step, floats, step));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            gpu_->lstmForwardStep(0, floats, step, floats, floats, floats, step));
    }
};

QTEST_APPLESS_MAIN(TestOpenClOperations)
#include "test_opencl_operations.moc"
