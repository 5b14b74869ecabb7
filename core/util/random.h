#pragma once
// A small, fully specified random generator (xoshiro256**, seeded through splitmix64), so that
// the same seed gives the same weights, data and shuffles on every platform and compiler; the
// standard library's distributions are implementation-defined and would not.

#include <array>
#include <cstdint>

namespace koto {

class Random {
public:
    explicit Random(uint64_t seed);
    // A generator for one purpose (a layer's weights, the shuffle, a dataset) derived from a seed,
    // so that adding a layer does not change the numbers drawn for another.
    Random(uint64_t seed, uint64_t stream);

    uint64_t next();
    double uniform();  // [0, 1)
    double uniform(double low, double high);
    double normal(double mean, double standardDeviation);  // Box-Muller
    uint64_t below(uint64_t bound);                        // [0, bound), unbiased

    // The generator's whole state, for checkpoints kept in a project file: a generator made
    // from it draws what this one would draw next.
    std::array<uint64_t, 4> state() const { return {state_[0], state_[1], state_[2], state_[3]}; }
    static Random fromState(const std::array<uint64_t, 4>& state);
    bool operator==(const Random& other) const { return state() == other.state(); }

private:
    uint64_t state_[4];
};

}  // namespace koto
