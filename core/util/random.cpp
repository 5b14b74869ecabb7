#include "util/random.h"

#include <cmath>
#include <numbers>

namespace koto {
namespace {
uint64_t splitmix64(uint64_t& x) {
    uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

Random::Random(uint64_t seed) {
    for (auto& s : state_) s = splitmix64(seed);
}

Random::Random(uint64_t seed, uint64_t stream)
    : Random(seed ^ (stream * 0xd1b54a32d192ed03ULL + 0x8bb84b93962eacc9ULL)) {}

Random Random::fromState(const std::array<uint64_t, 4>& state) {
    Random random(0);
    for (size_t i = 0; i < 4; ++i) random.state_[i] = state[i];
    return random;
}

uint64_t Random::next() {
    const uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
}

double Random::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Random::uniform(double low, double high) { return low + (high - low) * uniform(); }

double Random::normal(double mean, double standardDeviation) {
    const double u1 = 1.0 - uniform();  // (0, 1]: log is finite
    const double u2 = uniform();
    return mean + standardDeviation * std::sqrt(-2.0 * std::log(u1)) *
                      std::cos(2.0 * std::numbers::pi * u2);
}

uint64_t Random::below(uint64_t bound) {
    if (bound <= 1) return 0;
    const uint64_t limit = ~uint64_t{0} - (~uint64_t{0} % bound);
    uint64_t value;
    do value = next();
    while (value >= limit);
    return value % bound;
}

}  // namespace koto
