// The matrix product kernels (backend/product_kernels.h): every kernel set this build has and
// this CPU runs (a portable build: the baseline, AVX2 and, on a CPU with it, AVX-512; a native
// build: its own) against a product summed in long double, for every transpose, beta 0, 1 and
// another, blocks with strides wider than they are, and the coefficient-by-coefficient path of
// small products.

#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

#include "backend/product_kernels.h"

using namespace koto;

namespace {

template <typename T>
std::vector<T> randomValues(size_t count, uint32_t seed) {
    std::mt19937 generator(seed);
    std::uniform_real_distribution<double> uniform(-1, 1);
    std::vector<T> values(count);
    for (T& v : values) v = static_cast<T>(uniform(generator));
    return values;
}

// The largest difference between `kernels`' product and one summed in long double, relative to
// the sum of the terms' sizes (what rounding scales with).
template <typename T>
double worstError(void (*multiply)(const ProductBlock<T>&), bool transposeA, bool transposeB,
                  int64_t rows, int64_t cols, int64_t depth, double beta) {
    // Strides wider than the block, as for a block of a larger tensor.
    const int64_t strideA = (transposeA ? rows : depth) + 3,
                  strideB = (transposeB ? depth : cols) + 5, strideC = cols + 2;
    const std::vector<T> a =
        randomValues<T>(static_cast<size_t>((transposeA ? depth : rows) * strideA), 1);
    const std::vector<T> b =
        randomValues<T>(static_cast<size_t>((transposeB ? cols : depth) * strideB), 2);
    std::vector<T> c = randomValues<T>(static_cast<size_t>(rows * strideC), 3);
    const std::vector<T> before = c;
    const T alpha = T(0.75);
    multiply({a.data(), strideA, transposeA, b.data(), strideB, transposeB, c.data(), strideC, rows,
              cols, depth, alpha, static_cast<T>(beta), rows * cols * depth <= 4096});
    double worst = 0;
    for (int64_t i = 0; i < rows; ++i)
        for (int64_t j = 0; j < cols; ++j) {
            long double sum = 0, size = 0;
            for (int64_t q = 0; q < depth; ++q) {
                const long double term =
                    static_cast<long double>(transposeA ? a[q * strideA + i] : a[i * strideA + q]) *
                    static_cast<long double>(transposeB ? b[j * strideB + q] : b[q * strideB + j]);
                sum += term;
                size += std::fabs(term);
            }
            const long double old = before[static_cast<size_t>(i * strideC + j)];
            const long double expected = alpha * sum + (beta == 0 ? 0.0L : beta * old);
            const long double scale = alpha * size + std::fabs(beta * old) + 1e-30L;
            worst = std::max(
                worst, static_cast<double>(
                           std::fabs(c[static_cast<size_t>(i * strideC + j)] - expected) / scale));
        }
    // The columns past each row's block are not C's: untouched.
    for (int64_t i = 0; i < rows; ++i)
        for (int64_t j = cols; j < strideC; ++j)
            if (c[static_cast<size_t>(i * strideC + j)] !=
                before[static_cast<size_t>(i * strideC + j)])
                return 1;
    return worst;
}

}  // namespace

class TestProductKernels : public QObject {
    Q_OBJECT

private slots:
    void theChosenOneIsAvailable() {
        const std::vector<ProductKernels> found = availableProductKernels();
        QVERIFY(!found.empty());
        QCOMPARE(QString(found.front().name), QStringLiteral("baseline"));
        bool listed = false;
        for (const ProductKernels& kernels : found)
            listed |= QString(kernels.name) == QString(productKernels().name);
        QVERIFY(listed);
        qInfo("kernels here: %d, chosen: %s", static_cast<int>(found.size()),
              productKernels().name);
    }

    void everyKernelMultiplies_data() {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("depth");
        QTest::newRow("MNIST layer block 64x784 by 784x64") << 64 << 64 << 784;
        QTest::newRow("odd 37x19 by 19x53") << 37 << 53 << 19;
        QTest::newRow("small 5x7 by 7x3") << 5 << 3 << 7;
    }

    void everyKernelMultiplies() {
        QFETCH(int, rows);
        QFETCH(int, cols);
        QFETCH(int, depth);
        for (const ProductKernels& kernels : availableProductKernels())
            for (bool transposeA : {false, true})
                for (bool transposeB : {false, true})
                    for (double beta : {0.0, 1.0, -0.5}) {
                        const QString what = QStringLiteral("%1, transposes %2 %3, beta %4")
                                                 .arg(kernels.name)
                                                 .arg(transposeA)
                                                 .arg(transposeB)
                                                 .arg(beta);
                        const double floats = worstError<float>(
                            kernels.floats, transposeA, transposeB, rows, cols, depth, beta);
                        const double doubles = worstError<double>(
                            kernels.doubles, transposeA, transposeB, rows, cols, depth, beta);
                        QVERIFY2(floats < 1e-5,
                                 qPrintable(what + QStringLiteral(": float %1").arg(floats)));
                        QVERIFY2(doubles < 1e-13,
                                 qPrintable(what + QStringLiteral(": double %1").arg(doubles)));
                    }
    }
};

QTEST_APPLESS_MAIN(TestProductKernels)
#include "test_product_kernels.moc"
