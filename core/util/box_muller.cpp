#include "util/box_muller.h"

#include <bit>

#include "util/philox.h"

// Compiled with -ffp-contract=off (core/CMakeLists.txt): a * b + c stays two roundings here, as
// in the OpenCL kernel, instead of becoming one fused multiply-add on CPUs that have it.

namespace koto {
namespace {

// ln x for a positive normal float: x = m 2^e with m in [sqrt(1/2), sqrt(2)), read from x's bits,
// then ln x = e ln 2 + ln(1 + s), s = m - 1 (exact), with ln(1 + s) = s P(s), P fitted to
// ln(1 + s) / s over that interval (a Chebyshev fit of degree 8, coefficients rounded to float).
float naturalLog(float x) {
    const uint32_t bits = std::bit_cast<uint32_t>(x);
    int exponent = static_cast<int>(bits >> 23) - 127;
    float m = std::bit_cast<float>((bits & 0x007FFFFFu) | 0x3F800000u);  // in [1, 2)
    if (m > 1.41421356f) {
        m = m * 0.5f;
        exponent = exponent + 1;
    }
    const float s = m - 1.0f;
    float p = 0.0853331313f;
    p = p * s + -0.142692581f;
    p = p * s + 0.149774015f;
    p = p * s + -0.165779933f;
    p = p * s + 0.199559331f;
    p = p * s + -0.25001353f;
    p = p * s + 0.333341926f;
    p = p * s + -0.49999997f;
    p = p * s + 1.0f;
    return static_cast<float>(exponent) * 0.693147182f + s * p;
}

// sqrt x for x >= 0: 1/sqrt x by three Newton steps y = y (3/2 - x/2 y^2) from the classic
// guess read from x's bits (within 4 %), then x (1/sqrt x).
float squareRoot(float x) {
    if (x == 0.0f) return 0.0f;
    float y = std::bit_cast<float>(0x5F3759DFu - (std::bit_cast<uint32_t>(x) >> 1));
    const float half = 0.5f * x;
    for (int step = 0; step < 3; ++step) y = y * (1.5f - half * y * y);
    return x * y;
}

// cos and sin of 2 pi u for u in [0, 1) a multiple of 2^-24: the quarter turn q and the rest
// r = u - q/4 in [0, 1/4) are exact; for r beyond 1/8 the complement 1/4 - r (exact) keeps the
// angle within 45 degrees, where Taylor series to the 9th and 10th power are exact to float.
GaussianPair cosineAndSine(float u) {
    const int quarter = static_cast<int>(u * 4.0f);
    const float r = u - static_cast<float>(quarter) * 0.25f;
    const bool complement = r > 0.125f;
    const float t = complement ? 0.25f - r : r;
    const float z = t * t;
    float sine = 42.0586929f;  // the powers of 2 pi over factorials, in t
    sine = sine * z + -76.7058563f;
    sine = sine * z + 81.6052475f;
    sine = sine * z + -41.3417015f;
    sine = sine * z + 6.28318548f;
    sine = t * sine;
    float cosine = -26.4262562f;
    cosine = cosine * z + 60.2446404f;
    cosine = cosine * z + -85.4568176f;
    cosine = cosine * z + 64.9393921f;
    cosine = cosine * z + -19.7392082f;
    cosine = cosine * z + 1.0f;
    const float c = complement ? sine : cosine, s = complement ? cosine : sine;  // of 2 pi r
    switch (quarter) {
    case 0: return {c, s};
    case 1: return {-s, c};
    case 2: return {-c, -s};
    default: return {s, -c};
    }
}

}  // namespace

GaussianPair boxMuller(uint32_t radiusBits, uint32_t angleBits, float deviation) {
    // u1 in (0, 1] so that its log is finite.
    const float u1 = 1.0f - uniformFrom(radiusBits);
    const float u2 = uniformFrom(angleBits);
    const float radius = deviation * squareRoot(-2.0f * naturalLog(u1));
    const GaussianPair turn = cosineAndSine(u2);
    return {radius * turn.first, radius * turn.second};
}

}  // namespace koto
