#pragma once
// While an object of this class lives, the calling thread treats denormal floats as zero (the
// FTZ and DAZ bits of the x86 MXCSR register); the previous mode comes back after it.
//
// Why: values that decay toward zero become denormal, and every operation on a denormal costs
// 10-100 times more. In training this happens all the time: a momentum velocity whose gradient
// stays 0 (the weights of a border pixel that is black in every image) shrinks by mu each step
// and is denormal after a few hundred steps, which made whole epochs 15 % slower. Numbers below
// 1.2e-38 are far below anything a float network can resolve; GPUs flush them too.

#if defined(__SSE__) || defined(_M_X64)
#include <xmmintrin.h>
#define KOTO_HAS_MXCSR 1
#endif

namespace koto {

// The calling thread's floating-point mode (MXCSR), for a thread pool's workers to take the mode
// of the thread that gave them work (thread_pool.h).
#ifdef KOTO_HAS_MXCSR
inline unsigned floatingPointMode() { return _mm_getcsr(); }
inline void setFloatingPointMode(unsigned mode) { _mm_setcsr(mode); }
#else
inline unsigned floatingPointMode() { return 0; }
inline void setFloatingPointMode(unsigned) {}
#endif

class FlushDenormals {
public:
#ifdef KOTO_HAS_MXCSR
    FlushDenormals() : saved_(_mm_getcsr()) {
        _mm_setcsr(saved_ | kFlushToZero | kDenormalsAreZero);
    }
    ~FlushDenormals() { _mm_setcsr(saved_); }
#else
    FlushDenormals() = default;
#endif
    FlushDenormals(const FlushDenormals&) = delete;
    FlushDenormals& operator=(const FlushDenormals&) = delete;

private:
#ifdef KOTO_HAS_MXCSR
    static constexpr unsigned kFlushToZero = 0x8000;  // results that would be denormal become 0
    static constexpr unsigned kDenormalsAreZero = 0x0040;  // denormal inputs are read as 0
    unsigned saved_;
#endif
};

}  // namespace koto
