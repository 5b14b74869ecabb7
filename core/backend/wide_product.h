#pragma once
// C = A B (+ a value per row of C) for a short A (m x k) and a wide B (k x width): the shape of a
// convolution of one image written channels-first, F filters (m) by C*K*K window values (k) by
// the image's output pixels (width: 576 in LeNet's first layer). Each row of B is read two
// vectors at a time and multiplied with A's values of several rows of C at once (8 with AVX-512,
// 6 with AVX2): independent sums that hide the multiply-add latency and fill the registers
// (vector_registers.h), each vector of B loaded once for all of them. Every row of C comes out as
// whole vectors, with no scattered stores.
//
// Part of the convolution kernels' body (convolution_kernel_body.h, which says what to define
// before including it): compiled once per instruction set, in that set's namespace.

#include <cstdint>

#include "backend/vector_registers.h"

namespace koto::KOTO_KERNEL_NAMESPACE {

constexpr int64_t kWideStep = 2 * kFloatLanes;  // width must be a multiple of it: two vectors
// The most rows of C a block: two sums a row, the two vectors of B and A's value in registers.
constexpr int kWideRows = (kVectorRegisters - 3) / 2 >= 8 ? 8 : (kVectorRegisters - 3) / 2;

// A's element (i, p) is a[i * aRow + p * aColumn]; B's row p starts at b + p * bRow, or at
// b + bOffsets[p] when bOffsets is given (rows that overlap: a convolution reading its windows
// straight from the image); C's row i starts at c + i * cRow; `start` (m values, or nullptr for
// zeros) is what each row of C starts from.
template <typename T>
struct WideOperands {
    const T* a;
    int64_t aRow, aColumn;
    const T* b;
    int64_t bRow;
    T* c;
    int64_t cRow;
    const T* start;
    const int64_t* bOffsets = nullptr;
};

template <typename T, int Rows>
void wideRows(int64_t first, int64_t k, int64_t width, const WideOperands<T>& o) {
    using Vector = Eigen::Array<T, kFloatLanes, 1>;
    using VectorMap = Eigen::Map<const Vector>;
    for (int64_t x = 0; x < width; x += kWideStep) {
        Vector sums[Rows][2];
        for (int r = 0; r < Rows; ++r) {
            const T initial = o.start ? o.start[first + r] : T(0);
            sums[r][0].setConstant(initial);
            sums[r][1].setConstant(initial);
        }
        for (int64_t p = 0; p < k; ++p) {
            const T* row = o.b + (o.bOffsets ? o.bOffsets[p] : p * o.bRow) + x;
            const VectorMap left(row), right(row + kFloatLanes);
            const T* column = o.a + first * o.aRow + p * o.aColumn;
            for (int r = 0; r < Rows; ++r) {
                const T value = column[r * o.aRow];
                sums[r][0] += value * left;
                sums[r][1] += value * right;
            }
        }
        for (int r = 0; r < Rows; ++r) {
            Eigen::Map<Vector>(o.c + (first + r) * o.cRow + x) = sums[r][0];
            Eigen::Map<Vector>(o.c + (first + r) * o.cRow + x + kFloatLanes) = sums[r][1];
        }
    }
}

// C = A B + start for m rows, k values a row of A, `width` (a multiple of kWideStep) columns.
template <typename T>
void wideProduct(int64_t m, int64_t k, int64_t width, const WideOperands<T>& o) {
    int64_t i = 0;
    for (; i + kWideRows <= m; i += kWideRows) wideRows<T, kWideRows>(i, k, width, o);
    // The rest in as few blocks as can be: fewer rows are fewer independent sums (LeNet's first
    // layer has 6 filters).
    if (kWideRows > 6 && m - i >= 6) wideRows<T, 6>(i, k, width, o), i += 6;
    if (m - i >= 4) wideRows<T, 4>(i, k, width, o), i += 4;
    if (m - i >= 2) wideRows<T, 2>(i, k, width, o), i += 2;
    if (m - i >= 1) wideRows<T, 1>(i, k, width, o);
}

}  // namespace koto::KOTO_KERNEL_NAMESPACE
