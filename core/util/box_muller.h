#pragma once
// Box-Muller: two independent Gaussian numbers from two 32-bit random numbers (util/philox.h),
// for the noise layers: with u1 in (0, 1] and u2 in [0, 1),
//   r = sigma sqrt(-2 ln u1),  (r cos 2 pi u2, r sin 2 pi u2).
//
// Written so that every backend gets the same bits. The C library's log, cos and sin and an
// OpenCL driver's built-in ones are each accurate to an ulp or so, but not to the same ulp, so
// noise computed with them differs between backends in its last bit. Here ln, sqrt, cos and sin
// are computed from + - * only (IEEE 754 rounds those exactly, on every CPU and GPU) in a fixed
// order, and box_muller.cpp is compiled without contraction into fused multiply-adds. The OpenCL
// kernels (gpu/kernels/backend_kernels.cl) do the same steps with the same constants; the parity
// test checks that the bits agree. Accuracy: about 2e-7 relative, as good as float allows.

#include <cstdint>

namespace koto {

struct GaussianPair {
    float first, second;
};

// radiusBits gives u1 = 1 - uniformFrom(radiusBits), angleBits u2 = uniformFrom(angleBits).
GaussianPair boxMuller(uint32_t radiusBits, uint32_t angleBits, float deviation);

}  // namespace koto
