#pragma once
// The body of the product kernel (product_kernels.h), included once per instruction set: by
// product_kernels.cpp for the build's own, and by isa_kernels.cpp, compiled with -mavx2 or
// -mavx512f, inside a namespace of its own with Eigen renamed, so that no function of one
// instruction set can stand in for another's at link time.
//
// Before including: Eigen/Core, and KOTO_KERNEL_NAMESPACE defined as the namespace to put it in.

#include "backend/product_kernels.h"

namespace koto::KOTO_KERNEL_NAMESPACE {

template <typename T>
void multiply(const ProductBlock<T>& p) {
    using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    using Stride = Eigen::OuterStride<>;
    using ConstMap = Eigen::Map<const Matrix, Eigen::Unaligned, Stride>;
    auto C = Eigen::Map<Matrix, Eigen::Unaligned, Stride>(p.c, p.rows, p.cols, Stride(p.strideC));
    if (p.beta == T(0)) C.setZero();
    else if (p.beta != T(1)) C *= p.beta;
    const ConstMap A = p.transposeA ? ConstMap(p.a, p.depth, p.rows, Stride(p.strideA))
                                    : ConstMap(p.a, p.rows, p.depth, Stride(p.strideA));
    const ConstMap B = p.transposeB ? ConstMap(p.b, p.cols, p.depth, Stride(p.strideB))
                                    : ConstMap(p.b, p.depth, p.cols, Stride(p.strideB));
    auto accumulate = [&](const auto& left, const auto& right) {
        if (p.small) C.noalias() += p.alpha * left.lazyProduct(right);
        else C.noalias() += p.alpha * left * right;
    };
    if (p.transposeA && p.transposeB) accumulate(A.transpose(), B.transpose());
    else if (p.transposeA) accumulate(A.transpose(), B);
    else if (p.transposeB) accumulate(A, B.transpose());
    else accumulate(A, B);
}

inline void multiplyFloats(const ProductBlock<float>& block) { multiply(block); }
inline void multiplyDoubles(const ProductBlock<double>& block) { multiply(block); }

}  // namespace koto::KOTO_KERNEL_NAMESPACE
