// The CPU backend's pooling (part 12; backend.h says what each computes), apart from the
// convolution in cpu_image_ops.cpp.
//
// 2 x 2 max pooling compares 16, 8 or 4 windows at a time in vectors (maxPoolPairs).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>

#include "backend/cpu_backend.h"
#include "backend/cpu_parallel.h"
#include "backend/element_type_dispatch.h"
#include "backend/host_storage.h"

namespace koto {
namespace {

// dispatch (element_type_dispatch.h) with K the pooling window's size as a compile-time constant
// when it is 2 (the common case, whose short loops then unroll), else 0: read it at run time.
// (The shape checks refuse bytes before it is called.)
template <typename Body>
void dispatchPooling(DType type, int64_t kernel, Body&& body) {
    dispatch(type, [&]<typename T>() {
        if (kernel == 2) body.template operator()<T, 2>();
        else body.template operator()<T, 0>();
    });
}

// Vectors of N values for GCC's vector extensions (which compile on any target), and the integer
// lanes their comparisons give.
template <typename T, int N>
struct Lanes {
    typedef T Vector __attribute__((vector_size(N * sizeof(T))));
    typedef std::conditional_t<sizeof(T) == 4, int32_t, int64_t> Integer;
    typedef Integer Mask __attribute__((vector_size(N * sizeof(T))));
};

// The shuffles of 2 x 2 pooling on two vectors a, b of N lanes, as __builtin_shufflevector with
// lane lists fixed at compile time (GCC 12 and clang both take it; GCC's __builtin_shuffle with a
// mask vector does not build with clang, which builds the fuzzers).
// Even and odd lanes of a then b (deinterleave): a0 a2 ... b0 b2 ... and a1 a3 ... b1 b3 ...
template <typename Vector, size_t... J>
Vector evenLanes(Vector a, Vector b, std::index_sequence<J...>) {
    return __builtin_shufflevector(a, b, (2 * J)...);
}
template <typename Vector, size_t... J>
Vector oddLanes(Vector a, Vector b, std::index_sequence<J...>) {
    return __builtin_shufflevector(a, b, (2 * J + 1)...);
}
// Interleave the first (low) or second (high) halves of a and b: a0 b0 a1 b1 ...
template <typename Vector, size_t N, size_t... J>
Vector lowLanes(Vector a, Vector b, std::index_sequence<J...>) {
    return __builtin_shufflevector(a, b, (J / 2 + (J % 2) * N)...);
}
template <typename Vector, size_t N, size_t... J>
Vector highLanes(Vector a, Vector b, std::index_sequence<J...>) {
    return __builtin_shufflevector(a, b, (N / 2 + J / 2 + (J % 2) * N)...);
}

// 2 x 2 max pooling of N windows side by side: top and bottom point at their two image rows (2N
// values each). The general loop's comparisons (a, b, c, d the window's values in row-major
// order, the first maximum winning) as vector selects, so that which value wins costs no branch
// (a mispredicted branch per window cost more than the rest); the compiler does not vectorize the
// stride-2 reads by itself.
template <typename T, int N>
void maxPoolPairs(const T* top, const T* bottom, T* maxima, T* wonTop, T* wonBottom) {
    using Vector = typename Lanes<T, N>::Vector;
    using Mask = typename Lanes<T, N>::Mask;
    constexpr auto lanes = std::make_index_sequence<N>();
    auto load = [](const T* from) {
        Vector v;
        std::memcpy(&v, from, sizeof v);
        return v;
    };
    auto store = [](T* to, Vector v) { std::memcpy(to, &v, sizeof v); };
    const Vector top0 = load(top), top1 = load(top + N), bottom0 = load(bottom),
                 bottom1 = load(bottom + N);
    const Vector a = evenLanes(top0, top1, lanes), b = oddLanes(top0, top1, lanes);
    const Vector c = evenLanes(bottom0, bottom1, lanes), d = oddLanes(bottom0, bottom1, lanes);
    const Mask bWins = b > a;
    const Vector ab = bWins ? b : a;
    const Mask cWins = c > ab;
    const Vector abc = cWins ? c : ab;
    const Mask dWins = d > abc;
    store(maxima, dWins ? d : abc);
    const Vector one = Vector{} + T(1), zero = Vector{};
    const Vector wonA = (~dWins & ~cWins & ~bWins) ? one : zero,
                 wonB = (~dWins & ~cWins & bWins) ? one : zero;
    const Vector wonC = (~dWins & cWins) ? one : zero, wonD = dWins ? one : zero;
    store(wonTop, lowLanes<Vector, N>(wonA, wonB, lanes));
    store(wonTop + N, highLanes<Vector, N>(wonA, wonB, lanes));
    store(wonBottom, lowLanes<Vector, N>(wonC, wonD, lanes));
    store(wonBottom + N, highLanes<Vector, N>(wonC, wonD, lanes));
}

// 2 x 2 max pooling of two image rows into `count` maxima, with the winners' rows: 16, 8 and 4
// windows at a time, the rest one by one.
template <typename T>
void maxPoolRowOfPairs(const T* top, const T* bottom, int64_t count, T* maxima, T* wonTop,
                       T* wonBottom) {
    int64_t i = 0;
    for (; i + 16 <= count; i += 16)
        maxPoolPairs<T, 16>(top + 2 * i, bottom + 2 * i, maxima + i, wonTop + 2 * i,
                            wonBottom + 2 * i);
    for (; i + 8 <= count; i += 8)
        maxPoolPairs<T, 8>(top + 2 * i, bottom + 2 * i, maxima + i, wonTop + 2 * i,
                           wonBottom + 2 * i);
    for (; i + 4 <= count; i += 4)
        maxPoolPairs<T, 4>(top + 2 * i, bottom + 2 * i, maxima + i, wonTop + 2 * i,
                           wonBottom + 2 * i);
    for (; i < count; ++i) {
        const T a = top[2 * i], b = top[2 * i + 1], c = bottom[2 * i], d = bottom[2 * i + 1];
        const bool bWins = b > a;
        const T ab = bWins ? b : a;
        const bool cWins = c > ab;
        const T abc = cWins ? c : ab;
        const bool dWins = d > abc;
        maxima[i] = dWins ? d : abc;
        wonTop[2 * i] = T(!dWins & !cWins & !bWins);
        wonTop[2 * i + 1] = T(!dWins & !cWins & bWins);
        wonBottom[2 * i] = T(!dWins & cWins);
        wonBottom[2 * i + 1] = T(dWins);
    }
}

// The same for k x k windows: `count` windows side by side on k image rows `width` apart.
template <typename T>
void maxPoolRowOfWindows(const T* rows, int64_t width, int64_t k, int64_t count, T* maxima,
                         T* wonRows) {
    for (int64_t ox = 0; ox < count; ++ox) {
        T best = rows[ox * k];
        int64_t winner = 0;  // ky * k + kx
        for (int64_t ky = 0; ky < k; ++ky)
            for (int64_t kx = 0; kx < k; ++kx) {
                const T value = rows[ky * width + ox * k + kx];
                const bool larger = value > best;  // strictly: the first maximum wins a tie
                best = larger ? value : best;
                winner = larger ? ky * k + kx : winner;
            }
        for (int64_t ky = 0; ky < k; ++ky)
            for (int64_t kx = 0; kx < k; ++kx)
                wonRows[ky * width + ox * k + kx] = ky * k + kx == winner;
        maxima[ox] = best;
    }
}

// Max pooling over one channel of one image (height x width values at x): the window maxima into
// y, and winners (x's shape) 1 at each window's first maximum, 0 everywhere else.
template <typename T, int K>
void maxPoolPlane(const ImageWindows& w, const T* x, T* y, T* won) {
    const int64_t k = K ? K : w.kernel, outH = w.outputHeight(), outW = w.outputWidth();
    for (int64_t oy = 0; oy < outH; ++oy) {
        const T* rows = x + oy * k * w.width;
        T* wonRows = won + oy * k * w.width;
        if constexpr (K == 2)
            maxPoolRowOfPairs(rows, rows + w.width, outW, y + oy * outW, wonRows,
                              wonRows + w.width);
        else maxPoolRowOfWindows(rows, w.width, k, outW, y + oy * outW, wonRows);
        // The columns right of the last whole window belong to no window.
        for (int64_t ky = 0; ky < k; ++ky)
            std::fill(wonRows + ky * w.width + outW * k, wonRows + (ky + 1) * w.width, T(0));
    }
    std::fill(won + outH * k * w.width, won + w.height * w.width,
              T(0));  // the rows below the last window
}

// dJ/dX on one image row of 2 x 2 max pooling's N windows: winners times each window's dJ/dY,
// spread to its two values of the row by the same shuffles as maxPoolPairs.
template <typename T, int N>
void maxPoolBackwardPairs(const T* won, const T* dY, T* dX) {
    using Vector = typename Lanes<T, N>::Vector;
    constexpr auto lanes = std::make_index_sequence<N>();
    Vector gradient, first, second;
    std::memcpy(&gradient, dY, sizeof gradient);
    std::memcpy(&first, won, sizeof first);
    std::memcpy(&second, won + N, sizeof second);
    first *= lowLanes<Vector, N>(gradient, gradient, lanes);
    second *= highLanes<Vector, N>(gradient, gradient, lanes);
    std::memcpy(dX, &first, sizeof first);
    std::memcpy(dX + N, &second, sizeof second);
}

// The same for a whole row of `count` windows: 16, 8 and 4 at a time, the rest one by one.
template <typename T>
void maxPoolBackwardRow(const T* won, const T* dY, int64_t count, T* dX) {
    int64_t i = 0;
    for (; i + 16 <= count; i += 16) maxPoolBackwardPairs<T, 16>(won + 2 * i, dY + i, dX + 2 * i);
    for (; i + 8 <= count; i += 8) maxPoolBackwardPairs<T, 8>(won + 2 * i, dY + i, dX + 2 * i);
    for (; i + 4 <= count; i += 4) maxPoolBackwardPairs<T, 4>(won + 2 * i, dY + i, dX + 2 * i);
    for (; i < count; ++i) {
        dX[2 * i] = won[2 * i] * dY[i];
        dX[2 * i + 1] = won[2 * i + 1] * dY[i];
    }
}

// dJ/dX of one channel of one image from dJ/dY: gradient(dJ/dY of the window, at) for the value
// at `at` of every window, 0 for the values no window covers.
// (winners, when given with K = 2, takes maxPoolBackwardRow's vectors instead.)
template <typename T, int K, typename Gradient>
void poolBackwardPlane(const ImageWindows& w, const T* dY, T* dX, Gradient gradient,
                       const T* winners = nullptr) {
    const int64_t k = K ? K : w.kernel, outH = w.outputHeight(), outW = w.outputWidth();
    for (int64_t oy = 0; oy < outH; ++oy)
        for (int64_t ky = 0; ky < k; ++ky) {
            const int64_t rowStart = (oy * k + ky) * w.width;
            if (K == 2 && winners) {
                maxPoolBackwardRow(winners + rowStart, dY + oy * outW, outW, dX + rowStart);
            } else {
                for (int64_t ox = 0; ox < outW; ++ox)
                    for (int64_t kx = 0; kx < k; ++kx) {
                        const int64_t at = rowStart + ox * k + kx;
                        dX[at] = gradient(dY[oy * outW + ox], at);
                    }
            }
            std::fill(dX + rowStart + outW * k, dX + rowStart + w.width, T(0));
        }
    std::fill(dX + outH * k * w.width, dX + w.height * w.width, T(0));
}

// visit(plane) for the channels of every image, `kImagesPerPart` images a part.
template <typename Visit>
void forEachPlane(ThreadPool& pool, int64_t images, int64_t channels, Visit visit) {
    forEachPart(pool, images, kImagesPerPart, [&](int64_t, int64_t begin, int64_t end) {
        for (int64_t plane = begin * channels; plane < end * channels; ++plane) visit(plane);
    });
}

}  // namespace

void CpuBackend::maxPoolForward(const ImageWindows& w, const Tensor& in, Tensor& out,
                                Tensor& winners) {
    requirePoolingTensors(w, {&in, &winners}, {&out}, "maxPoolForward");
    dispatchPooling(in.dtype(), w.kernel, [&]<typename T, int K>() {
        forEachPlane(pool_, in.rows(), w.channels, [&](int64_t plane) {
            maxPoolPlane<T, K>(w, dataOf<T>(in) + plane * w.height * w.width,
                               dataOf<T>(out) + plane * w.outputPixels(),
                               dataOf<T>(winners) + plane * w.height * w.width);
        });
    });
}

void CpuBackend::maxPoolBackward(const ImageWindows& w, const Tensor& winners,
                                 const Tensor& outputGradient, Tensor& inputGradient) {
    requirePoolingTensors(w, {&inputGradient, &winners}, {&outputGradient}, "maxPoolBackward");
    dispatchPooling(inputGradient.dtype(), w.kernel, [&]<typename T, int K>() {
        forEachPlane(pool_, inputGradient.rows(), w.channels, [&](int64_t plane) {
            const T* won = dataOf<T>(winners) + plane * w.height * w.width;
            poolBackwardPlane<T, K>(
                w, dataOf<T>(outputGradient) + plane * w.outputPixels(),
                dataOf<T>(inputGradient) + plane * w.height * w.width,
                [won](T g, int64_t at) { return won[at] * g; }, won);
        });
    });
}

void CpuBackend::averagePoolForward(const ImageWindows& w, const Tensor& in, Tensor& out) {
    requirePoolingTensors(w, {&in}, {&out}, "averagePoolForward");
    dispatchPooling(in.dtype(), w.kernel, [&]<typename T, int K>() {
        const int64_t k = K ? K : w.kernel, outH = w.outputHeight(), outW = w.outputWidth();
        const T share = T(1) / static_cast<T>(k * k);
        forEachPlane(pool_, in.rows(), w.channels, [&](int64_t plane) {
            const T* x = dataOf<T>(in) + plane * w.height * w.width;
            T* y = dataOf<T>(out) + plane * outH * outW;
            for (int64_t oy = 0; oy < outH; ++oy)
                for (int64_t ox = 0; ox < outW; ++ox) {
                    T sum = 0;
                    for (int64_t ky = 0; ky < k; ++ky)
                        for (int64_t kx = 0; kx < k; ++kx)
                            sum += x[(oy * k + ky) * w.width + ox * k + kx];
                    *y++ = sum * share;
                }
        });
    });
}

void CpuBackend::averagePoolBackward(const ImageWindows& w, const Tensor& outputGradient,
                                     Tensor& inputGradient) {
    requirePoolingTensors(w, {&inputGradient}, {&outputGradient}, "averagePoolBackward");
    dispatchPooling(inputGradient.dtype(), w.kernel, [&]<typename T, int K>() {
        const T share = T(1) / static_cast<T>(w.kernel * w.kernel);
        forEachPlane(pool_, inputGradient.rows(), w.channels, [&](int64_t plane) {
            poolBackwardPlane<T, K>(w, dataOf<T>(outputGradient) + plane * w.outputPixels(),
                                    dataOf<T>(inputGradient) + plane * w.height * w.width,
                                    [share](T g, int64_t) { return g * share; });
        });
    });
}

}  // namespace koto
