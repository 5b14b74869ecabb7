#pragma once
// Vectors of N values for GCC's vector extensions, which compile on any target (clang takes them
// too) into whatever vectors the target has: the CPU backend's pooling and ReLU use them where
// Eigen's expressions would compare value by value with a branch.

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace koto {

template <typename T, int N>
struct Lanes {
    typedef T Vector __attribute__((vector_size(N * sizeof(T))));
    // What comparing two Vectors gives: all bits set in a lane where it holds, none elsewhere.
    typedef std::conditional_t<sizeof(T) == 4, int32_t, int64_t> Integer;
    typedef Integer Mask __attribute__((vector_size(N * sizeof(T))));

    static Vector load(const T* from) {
        Vector v;
        std::memcpy(&v, from, sizeof v);
        return v;
    }
    static void store(T* to, Vector v) { std::memcpy(to, &v, sizeof v); }
    // v where the mask is set, else +0: a bitwise and, so without a branch or a blend (SSE2 has
    // no blend, and a select there became a branch per value).
    static Vector keep(Mask where, Vector v) { return Vector(where & Mask(v)); }
};

}  // namespace koto
