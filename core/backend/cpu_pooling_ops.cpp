// The CPU backend's pooling (part 12; backend.h says what each computes), apart from the
// convolution in cpu_image_ops.cpp.
//
// 2 x 2 max pooling compares 16, 8 or 4 windows at a time in vectors (comparePairs). Its backward
// pass compares them again, from the input the layer keeps, instead of reading a mask of winners
// that the forward pass would have written: writing the mask, as large as the input, cost more
// than the comparisons.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "backend/cpu_backend.h"
#include "backend/cpu_parallel.h"
#include "backend/element_type_dispatch.h"
#include "backend/host_storage.h"
#include "backend/vector_lanes.h"

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

// N 2 x 2 windows side by side, their values a, b (top row) and c, d (bottom row): the maxima, and
// in each lane which of the four won.
template <typename T, int N>
struct PairWindows {
    typename Lanes<T, N>::Vector maxima;
    typename Lanes<T, N>::Mask wonA, wonB, wonC, wonD;
};

// The general loop's comparisons (the window's values in row-major order, the first maximum
// winning) as vector selects, so that which value wins costs no branch (a mispredicted branch per
// window cost more than the rest); the compiler does not vectorize the stride-2 reads by itself.
// top and bottom point at the windows' two image rows (2N values each).
template <typename T, int N>
PairWindows<T, N> comparePairs(const T* top, const T* bottom) {
    using Vector = typename Lanes<T, N>::Vector;
    using Mask = typename Lanes<T, N>::Mask;
    constexpr auto lanes = std::make_index_sequence<N>();
    const Vector top0 = Lanes<T, N>::load(top), top1 = Lanes<T, N>::load(top + N);
    const Vector bottom0 = Lanes<T, N>::load(bottom), bottom1 = Lanes<T, N>::load(bottom + N);
    const Vector a = evenLanes(top0, top1, lanes), b = oddLanes(top0, top1, lanes);
    const Vector c = evenLanes(bottom0, bottom1, lanes), d = oddLanes(bottom0, bottom1, lanes);
    const Mask bWins = b > a;
    const Vector ab = bWins ? b : a;
    const Mask cWins = c > ab;
    const Vector abc = cWins ? c : ab;
    const Mask dWins = d > abc;
    return {dWins ? d : abc, ~dWins & ~cWins & ~bWins, ~dWins & ~cWins & bWins, ~dWins & cWins,
            dWins};
}

// dJ/dX of N windows: each window's dJ/dY (N values at dY) to its winner, 0 to the other three,
// spread to the two image rows at dXTop and dXBottom by the shuffles that gathered them.
template <typename T, int N>
void maxPoolBackwardPairs(const T* top, const T* bottom, const T* dY, T* dXTop, T* dXBottom) {
    using L = Lanes<T, N>;
    using Vector = typename L::Vector;
    constexpr auto lanes = std::make_index_sequence<N>();
    const PairWindows<T, N> won = comparePairs<T, N>(top, bottom);
    const Vector gradient = L::load(dY);
    const Vector toA = L::keep(won.wonA, gradient), toB = L::keep(won.wonB, gradient);
    const Vector toC = L::keep(won.wonC, gradient), toD = L::keep(won.wonD, gradient);
    L::store(dXTop, lowLanes<Vector, N>(toA, toB, lanes));
    L::store(dXTop + N, highLanes<Vector, N>(toA, toB, lanes));
    L::store(dXBottom, lowLanes<Vector, N>(toC, toD, lanes));
    L::store(dXBottom + N, highLanes<Vector, N>(toC, toD, lanes));
}

// One k x k window on k image rows `width` apart: its largest value and where it is (ky * k + kx),
// the first one on ties.
template <typename T>
std::pair<T, int64_t> windowMaximum(const T* window, int64_t width, int64_t k) {
    T best = window[0];
    int64_t winner = 0;
    for (int64_t ky = 0; ky < k; ++ky)
        for (int64_t kx = 0; kx < k; ++kx) {
            const T value = window[ky * width + kx];
            const bool larger = value > best;  // strictly: the first maximum wins a tie
            best = larger ? value : best;
            winner = larger ? ky * k + kx : winner;
        }
    return {best, winner};
}

// vector<N>(ox) for the 2 x 2 windows [ox, ox + N) of a row of `count`, 16, then 8, then 4 at a
// time while that many are left; returns the first window left for one-by-one code.
template <typename Vector>
int64_t forEachVectorOfPairs(int64_t count, Vector&& vector) {
    int64_t ox = 0;
    for (; ox + 16 <= count; ox += 16) vector.template operator()<16>(ox);
    for (; ox + 8 <= count; ox += 8) vector.template operator()<8>(ox);
    for (; ox + 4 <= count; ox += 4) vector.template operator()<4>(ox);
    return ox;
}

// The maxima of `count` windows side by side on the image rows at `rows`: 16, 8 and 4 at a time
// when K is 2, the rest one by one.
template <typename T, int K>
void maxPoolRow(const T* rows, int64_t width, int64_t k, int64_t count, T* maxima) {
    int64_t ox = 0;
    if constexpr (K == 2)
        ox = forEachVectorOfPairs(count, [&]<int N>(int64_t at) {
            Lanes<T, N>::store(maxima + at,
                               comparePairs<T, N>(rows + 2 * at, rows + width + 2 * at).maxima);
        });
    for (; ox < count; ++ox) maxima[ox] = windowMaximum(rows + ox * k, width, k).first;
}

// dJ/dX of the same windows: each one's dJ/dY to its winner in `dX` (laid out as the image), 0 to
// the rest of the window.
template <typename T, int K>
void maxPoolBackwardRow(const T* rows, int64_t width, int64_t k, int64_t count, const T* dY,
                        T* dX) {
    int64_t ox = 0;
    if constexpr (K == 2)
        ox = forEachVectorOfPairs(count, [&]<int N>(int64_t at) {
            maxPoolBackwardPairs<T, N>(rows + 2 * at, rows + width + 2 * at, dY + at, dX + 2 * at,
                                       dX + width + 2 * at);
        });
    for (; ox < count; ++ox) {
        const int64_t winner = windowMaximum(rows + ox * k, width, k).second;
        for (int64_t ky = 0; ky < k; ++ky)
            for (int64_t kx = 0; kx < k; ++kx)
                dX[ky * width + ox * k + kx] = ky * k + kx == winner ? dY[ox] : T(0);
    }
}

// dJ/dX is 0 at the values of a plane (one channel of one image) that no window covers: the
// columns right of the last whole window and the rows below the last one.
template <typename T>
void clearUncovered(const ImageWindows& w, int64_t k, T* dX) {
    const int64_t coveredRows = w.outputHeight() * k, coveredColumns = w.outputWidth() * k;
    for (int64_t y = 0; y < coveredRows; ++y)
        std::fill(dX + y * w.width + coveredColumns, dX + (y + 1) * w.width, T(0));
    std::fill(dX + coveredRows * w.width, dX + w.height * w.width, T(0));
}

// visit(plane) for the channels of every image, `kImagesPerPart` images a part.
template <typename Visit>
void forEachPlane(ThreadPool& pool, int64_t images, int64_t channels, Visit visit) {
    forEachPart(pool, images, kImagesPerPart, [&](int64_t, int64_t begin, int64_t end) {
        for (int64_t plane = begin * channels; plane < end * channels; ++plane) visit(plane);
    });
}

}  // namespace

void CpuBackend::maxPoolForward(const ImageWindows& w, const Tensor& in, Tensor& out) {
    requirePoolingTensors(w, {&in}, {&out}, "maxPoolForward");
    dispatchPooling(in.dtype(), w.kernel, [&]<typename T, int K>() {
        const int64_t k = K ? K : w.kernel, outH = w.outputHeight(), outW = w.outputWidth();
        forEachPlane(pool_, in.rows(), w.channels, [&](int64_t plane) {
            const T* x = dataOf<T>(in) + plane * w.height * w.width;
            T* y = dataOf<T>(out) + plane * w.outputPixels();
            for (int64_t oy = 0; oy < outH; ++oy)
                maxPoolRow<T, K>(x + oy * k * w.width, w.width, k, outW, y + oy * outW);
        });
    });
}

void CpuBackend::maxPoolBackward(const ImageWindows& w, const Tensor& in,
                                 const Tensor& outputGradient, Tensor& inputGradient) {
    requirePoolingTensors(w, {&in, &inputGradient}, {&outputGradient}, "maxPoolBackward");
    dispatchPooling(in.dtype(), w.kernel, [&]<typename T, int K>() {
        const int64_t k = K ? K : w.kernel, outH = w.outputHeight(), outW = w.outputWidth();
        forEachPlane(pool_, in.rows(), w.channels, [&](int64_t plane) {
            const T* x = dataOf<T>(in) + plane * w.height * w.width;
            const T* dY = dataOf<T>(outputGradient) + plane * w.outputPixels();
            T* dX = dataOf<T>(inputGradient) + plane * w.height * w.width;
            for (int64_t oy = 0; oy < outH; ++oy)
                maxPoolBackwardRow<T, K>(x + oy * k * w.width, w.width, k, outW, dY + oy * outW,
                                         dX + oy * k * w.width);
            clearUncovered(w, k, dX);
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
        const int64_t k = K ? K : w.kernel, outH = w.outputHeight(), outW = w.outputWidth();
        const T share = T(1) / static_cast<T>(k * k);
        forEachPlane(pool_, inputGradient.rows(), w.channels, [&](int64_t plane) {
            const T* dY = dataOf<T>(outputGradient) + plane * w.outputPixels();
            T* dX = dataOf<T>(inputGradient) + plane * w.height * w.width;
            for (int64_t oy = 0; oy < outH; ++oy)
                for (int64_t ky = 0; ky < k; ++ky) {
                    T* row = dX + (oy * k + ky) * w.width;
                    for (int64_t ox = 0; ox < outW; ++ox)
                        for (int64_t kx = 0; kx < k; ++kx)
                            row[ox * k + kx] = dY[oy * outW + ox] * share;
                }
            clearUncovered(w, k, dX);
        });
    });
}

}  // namespace koto
