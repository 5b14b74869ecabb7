#pragma once
// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011): a
// counter-based generator. Its numbers are a pure function of a key and a counter, so the dropout
// mask or the noise of (seed, step, layer, element) can be computed anywhere, in any order, on
// any backend, and again when the step-through inspector replays a batch.

#include <array>
#include <cstdint>

namespace koto {

using PhiloxBlock = std::array<uint32_t, 4>;

inline PhiloxBlock philox4x32(PhiloxBlock counter, std::array<uint32_t, 2> key) {
    constexpr uint32_t kMultiplier0 = 0xD2511F53u, kMultiplier1 = 0xCD9E8D57u;
    constexpr uint32_t kWeyl0 = 0x9E3779B9u, kWeyl1 = 0xBB67AE85u;
    for (int round = 0; round < 10; ++round) {
        const uint64_t product0 = uint64_t{kMultiplier0} * counter[0];
        const uint64_t product1 = uint64_t{kMultiplier1} * counter[2];
        counter = {static_cast<uint32_t>(product1 >> 32) ^ counter[1] ^ key[0],
                   static_cast<uint32_t>(product1),
                   static_cast<uint32_t>(product0 >> 32) ^ counter[3] ^ key[1],
                   static_cast<uint32_t>(product0)};
        key[0] += kWeyl0;
        key[1] += kWeyl1;
    }
    return counter;
}

// Where the random numbers of one use come from: the run's seed, the training step and the
// layer (its position), each element then taking its own counter.
struct RandomStream {
    uint64_t seed = 0;
    uint64_t step = 0;
    uint32_t layer = 0;

    // Four 32-bit numbers for elements 4*block .. 4*block+3.
    PhiloxBlock block(uint64_t index) const {
        return philox4x32({static_cast<uint32_t>(index),
                           static_cast<uint32_t>(index >> 32) ^ (layer << 16),
                           static_cast<uint32_t>(step), static_cast<uint32_t>(step >> 32)},
                          {static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)});
    }
};

// A 32-bit number as a uniform in [0, 1) with 24 bits, exact in float.
inline float uniformFrom(uint32_t bits) { return static_cast<float>(bits >> 8) * 0x1.0p-24f; }

}  // namespace koto
