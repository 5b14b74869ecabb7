// The convolution kernels (backend/convolution_kernels.h): every kernel set this build has and
// this CPU runs (a portable build: the baseline, AVX2 and, on a CPU with it, AVX-512; a native
// build: its own) against a convolution written out as its definition and summed in long double:
// a = b + W x, dJ/dW (through the kernels' partial sums, two parts added), dJ/dX, in float and
// double, for LeNet's two layers (stride 1, read in place; up to 8 filters by dot products, more
// by panels), 20 filters (two panels, the second partly filled) and a padded stride-2 layer
// (im2col's columns).

#include <QtTest>

#include <cmath>
#include <vector>

#include "backend/convolution_kernels.h"
#include "backend/product_kernels.h"
#include "koto_test_support.h"

using namespace koto;

namespace {

// uniformValues (koto_test_support.h) in [-1, 1), as T.
template <typename T>
std::vector<T> randomValues(int64_t count, uint64_t seed) {
    const std::vector<double> values = kototest::uniformValues(count, -1, 1, seed);
    return std::vector<T>(values.begin(), values.end());
}

struct Sizes {
    int64_t outH, outW, pixels, image, patch;
    explicit Sizes(const ConvolutionShape& s)
        : outH((s.height + 2 * s.padding - s.kernel) / s.stride + 1),
          outW((s.width + 2 * s.padding - s.kernel) / s.stride + 1), pixels(outH * outW),
          image(s.channels * s.height * s.width), patch(s.channels * s.kernel * s.kernel) {}
};

// Calls visit(n, f, c, oy, ox, ky, kx, inputIndex) for every term of every output value, where
// inputIndex is the image value's index in the batch (the padding's terms are skipped).
template <typename Visit>
void eachTerm(const ConvolutionShape& s, int64_t images, Visit visit) {
    const Sizes z(s);
    for (int64_t n = 0; n < images; ++n)
        for (int64_t f = 0; f < s.filters; ++f)
            for (int64_t oy = 0; oy < z.outH; ++oy)
                for (int64_t ox = 0; ox < z.outW; ++ox)
                    for (int64_t c = 0; c < s.channels; ++c)
                        for (int64_t ky = 0; ky < s.kernel; ++ky)
                            for (int64_t kx = 0; kx < s.kernel; ++kx) {
                                const int64_t y = oy * s.stride - s.padding + ky,
                                              x = ox * s.stride - s.padding + kx;
                                if (y < 0 || y >= s.height || x < 0 || x >= s.width) continue;
                                visit(n, f, (c * s.kernel + ky) * s.kernel + kx, oy * z.outW + ox,
                                      n * z.image + (c * s.height + y) * s.width + x);
                            }
}

// The worst difference between `got` and `expected`, relative to `scale` (the sum of the terms'
// sizes, what rounding grows with).
double worst(const std::vector<long double>& expected, const std::vector<long double>& scale,
             auto got) {
    double result = 0;
    for (size_t i = 0; i < expected.size(); ++i)
        result = std::max(
            result, static_cast<double>(std::fabs(got(i) - expected[i]) / (scale[i] + 1e-30L)));
    return result;
}

// The kernels' three results against the definition, the worst relative error of the three.
template <typename T>
double worstError(const ConvolutionFunctions<T>& kernels, const ConvolutionShape& s) {
    const Sizes z(s);
    const int64_t images = 5;  // two parts of the batch: images [0, 3) and [3, 5)
    const std::vector<T> x = randomValues<T>(images * z.image, 1),
                         w = randomValues<T>(s.filters * z.patch, 2),
                         b = randomValues<T>(s.filters, 3),
                         dA = randomValues<T>(images * s.filters * z.pixels, 4);
    std::vector<unsigned char> scratch(static_cast<size_t>(kernels.scratchBytes(s)));
    auto call = [&](int64_t begin, int64_t end, T* out) {
        ConvolutionCall<T> c{s,        begin,     end, x.data(),      w.data(),
                             b.data(), dA.data(), out, scratch.data()};
        return c;
    };

    std::vector<long double> a(static_cast<size_t>(images * s.filters * z.pixels)), aSize(a.size()),
        dW(static_cast<size_t>(s.filters * z.patch)), dWSize(dW.size()), dX(x.size()),
        dXSize(x.size());
    for (int64_t n = 0; n < images; ++n)
        for (int64_t f = 0; f < s.filters; ++f)
            for (int64_t p = 0; p < z.pixels; ++p) {
                a[(n * s.filters + f) * z.pixels + p] = b[f];
                aSize[(n * s.filters + f) * z.pixels + p] = std::fabs(b[f]);
            }
    eachTerm(s, images, [&](int64_t n, int64_t f, int64_t q, int64_t pixel, int64_t in) {
        const size_t out = (n * s.filters + f) * z.pixels + pixel, weight = f * z.patch + q;
        const long double forward = static_cast<long double>(w[weight]) * x[in],
                          toW = static_cast<long double>(dA[out]) * x[in],
                          toX = static_cast<long double>(dA[out]) * w[weight];
        a[out] += forward, aSize[out] += std::fabs(forward);
        dW[weight] += toW, dWSize[weight] += std::fabs(toW);
        dX[in] += toX, dXSize[in] += std::fabs(toX);
    });

    std::vector<T> gotA(a.size(), T(7)), gotX(x.size(), T(7)), gotW(dW.size(), T(0));
    kernels.forward(call(0, 3, gotA.data()));
    kernels.forward(call(3, images, gotA.data()));
    kernels.inputGradient(call(0, 3, gotX.data()));
    kernels.inputGradient(call(3, images, gotX.data()));
    std::vector<T> sums(static_cast<size_t>(kernels.gradientSumValues(s)));
    for (auto [begin, end] : {std::pair<int64_t, int64_t>{0, 3}, {3, images}}) {
        kernels.gradientSums(call(begin, end, sums.data()));
        kernels.addGradientSums(s, sums.data(), gotW.data());
    }
    return std::max({worst(a, aSize, [&](size_t i) { return gotA[i]; }),
                     worst(dW, dWSize, [&](size_t i) { return gotW[i]; }),
                     worst(dX, dXSize, [&](size_t i) { return gotX[i]; })});
}

}  // namespace

class TestConvolutionKernels : public QObject {
    Q_OBJECT

private slots:
    // The convolution and the product come from one instruction set (instruction_sets.h), the
    // baseline listed first.
    void chosenWithTheProduct() {
        const std::vector<ConvolutionKernels> found = availableConvolutionKernels();
        QCOMPARE(found.size(), availableProductKernels().size());
        QCOMPARE(QString(found.front().name), QStringLiteral("baseline"));
        QCOMPARE(QString(convolutionKernels().name), QString(productKernels().name));
    }

    void everyKernelConvolves_data() {
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("kernel");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("padding");
        QTest::addColumn<int>("filters");
        QTest::newRow("LeNet's first layer: 6 filters 5x5 on 28x28") << 1 << 28 << 5 << 1 << 0 << 6;
        QTest::newRow("LeNet's second layer: 16 of 6x5x5 on 12x12") << 6 << 12 << 5 << 1 << 0 << 16;
        QTest::newRow("20 filters, padded") << 3 << 9 << 3 << 1 << 1 << 20;
        QTest::newRow("stride 2, padded, 5 filters") << 2 << 11 << 3 << 2 << 1 << 5;
        QTest::newRow("one filter 1x1") << 1 << 4 << 1 << 1 << 0 << 1;
    }

    void everyKernelConvolves() {
        QFETCH(int, channels);
        QFETCH(int, size);
        QFETCH(int, kernel);
        QFETCH(int, stride);
        QFETCH(int, padding);
        QFETCH(int, filters);
        const ConvolutionShape shape{channels, size, size + 1, kernel, stride, padding, filters};
        for (const ConvolutionKernels& kernels : availableConvolutionKernels()) {
            const double floats = worstError(kernels.floats, shape);
            const double doubles = worstError(kernels.doubles, shape);
            QVERIFY2(floats < 1e-5,
                     qPrintable(QStringLiteral("%1: float %2").arg(kernels.name).arg(floats)));
            QVERIFY2(doubles < 1e-13,
                     qPrintable(QStringLiteral("%1: double %2").arg(kernels.name).arg(doubles)));
        }
    }
};

QTEST_APPLESS_MAIN(TestConvolutionKernels)
#include "test_convolution_kernels.moc"
