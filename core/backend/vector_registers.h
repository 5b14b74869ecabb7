#pragma once
// The vector registers of the instruction set this file is compiled for, as the convolution
// kernels (wide_product.h, narrow_product.h, convolution_kernel_body.h) size their blocks of
// sums: as many independent sums as fill the registers, so that every multiply-add's latency is
// hidden, and no more, or the sums spill to memory. Written for AVX-512's 32 registers of 16
// floats, the same blocks ran on AVX2's 16 registers of 8 with every sum spilled.
//
// Part of the convolution kernels' body (convolution_kernel_body.h, which says what to define
// before including it): compiled once per instruction set, in that set's namespace.

namespace koto::KOTO_KERNEL_NAMESPACE {

#if defined(__AVX512F__)
constexpr int kFloatLanes = 16;  // floats in one register
constexpr int kVectorRegisters = 32;
#elif defined(__AVX__)
constexpr int kFloatLanes = 8;
constexpr int kVectorRegisters = 16;
#else  // SSE2, every x86-64; other machines' vectors are of 16 bytes too (NEON)
constexpr int kFloatLanes = 4;
constexpr int kVectorRegisters = 16;
#endif

}  // namespace koto::KOTO_KERNEL_NAMESPACE
