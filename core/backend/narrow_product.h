#pragma once
// C = A B for a tall A (m x k) and a narrow B (k x n, n <= 16): the shape of every product inside
// a small convolution (576 windows of 25 values by 25 x 6 filters in LeNet's first layer). One
// row of C is 16 lanes (one AVX-512 vector, two of AVX2): each value of A is multiplied with B's
// row held in registers, several rows of A at a time (8 with AVX-512, 6 with AVX2:
// vector_registers.h) so that independent sums hide the multiply-add latency. A is read in place
// through two strides, so a transposed operand needs no copy.
//
// Eigen's general product is built for large square-ish blocks: at these shapes it spends more
// time copying ("packing") its operands than multiplying, and with n rows of 6 or 16 on its left
// side it falls back to short vectors.
//
// Part of the convolution kernels' body (convolution_kernel_body.h, which says what to define
// before including it): compiled once per instruction set, in that set's namespace.

#include <cstdint>

#include "backend/vector_registers.h"

namespace koto::KOTO_KERNEL_NAMESPACE {

constexpr int64_t kNarrowWidth = 16;  // the widest B: one AVX-512 vector of floats
// The most rows of A a block: each row's sums and B's row in registers, and A's value.
constexpr int kNarrowRegistersARow = kNarrowWidth / kFloatLanes;
constexpr int kNarrowRows = (kVectorRegisters - 1) / kNarrowRegistersARow - 1 >= 8
                                ? 8
                                : (kVectorRegisters - 1) / kNarrowRegistersARow - 1;

// B (k x n, n <= 16), each row padded with zeros to 16 values, in memory the caller gives
// (k x 16 values, 64-byte aligned: the rows are read as aligned vectors).
template <typename T>
class NarrowPanel {
public:
    explicit NarrowPanel(T* values) : values_(values) {}
    // b(p, j) reads B's element (p, j).
    template <typename ReadB>
    void set(int64_t k, int64_t n, ReadB b) {
        k_ = k;
        n_ = n;
        for (int64_t p = 0; p < k; ++p)
            for (int64_t j = 0; j < kNarrowWidth; ++j)
                values_[p * kNarrowWidth + j] = j < n ? b(p, j) : T(0);
    }
    int64_t k() const { return k_; }
    int64_t n() const { return n_; }
    const T* row(int64_t p) const { return values_ + p * kNarrowWidth; }

private:
    int64_t k_ = 0, n_ = 0;
    T* values_;
};

template <typename T, int Rows, typename RowStart, typename Store>
void narrowRows(int64_t first, const NarrowPanel<T>& b, RowStart rowStart, int64_t columnStride,
                Store store) {
    // Fixed-size Eigen arrays, so that a row of 16 is whole vectors (left to plain loops, the
    // compiler vectorized the wrong loop and ran 3x slower than Eigen's general product).
    using Row = Eigen::Array<T, kNarrowWidth, 1>;
    using RowMap = Eigen::Map<const Row, Eigen::Aligned64>;
    Row sums[Rows];
    const T* rows[Rows];
    for (int r = 0; r < Rows; ++r) {
        sums[r].setZero();
        rows[r] = rowStart(first + r);
    }
    for (int64_t p = 0; p < b.k(); ++p) {
        const RowMap bRow(b.row(p));
        for (int r = 0; r < Rows; ++r) sums[r] += rows[r][p * columnStride] * bRow;
    }
    for (int r = 0; r < Rows; ++r) store(first + r, sums[r].data());
}

// For every row i of C = A B: store(i, sums), sums pointing at C's row i (b.n() values that
// count, 16 in all). A's row i starts at rowStart(i), its values columnStride apart.
template <typename T, typename RowStart, typename Store>
void narrowProduct(int64_t m, const NarrowPanel<T>& b, RowStart rowStart, int64_t columnStride,
                   Store store) {
    int64_t i = 0;
    for (; i + kNarrowRows <= m; i += kNarrowRows)
        narrowRows<T, kNarrowRows>(i, b, rowStart, columnStride, store);
    // The rest in as few blocks as can be: one row alone waits for each multiply-add to finish.
    if (kNarrowRows > 4 && m - i >= 4)
        narrowRows<T, 4>(i, b, rowStart, columnStride, store), i += 4;
    if (kNarrowRows > 2 && m - i >= 2)
        narrowRows<T, 2>(i, b, rowStart, columnStride, store), i += 2;
    if (m - i >= 1) narrowRows<T, 1>(i, b, rowStart, columnStride, store);
}

// The same with A's element (i, p) at a[i * rowStride + p * columnStride].
template <typename T, typename Store>
void narrowProduct(int64_t m, const NarrowPanel<T>& b, const T* a, int64_t rowStride,
                   int64_t columnStride, Store store) {
    narrowProduct(
        m, b, [=](int64_t i) { return a + i * rowStride; }, columnStride, store);
}

}  // namespace koto::KOTO_KERNEL_NAMESPACE
