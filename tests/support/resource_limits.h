#pragma once
// Limits that turn a regression into a quick test failure instead of a CI machine that runs out
// of memory or waits forever: a loader that reads /dev/zero to the end, or opens a FIFO and waits
// for a writer.
//
// The address-space limit (RLIMIT_AS) is left off under AddressSanitizer, ThreadSanitizer and
// MemorySanitizer: they reserve terabytes of shadow memory at start, which no such limit admits,
// and RLIMIT_DATA counts those private mappings as well. Under them only the time limits guard
// (the alarm below, QProcess timeouts, CTest's TIMEOUT). UBSan alone needs no shadow and keeps it.

#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define KOTO_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) ||                         \
    __has_feature(memory_sanitizer)
#define KOTO_TEST_SANITIZED 1
#endif
#endif

namespace kototest {

#ifdef KOTO_TEST_SANITIZED
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif

// Caps this process's address space at `bytes`: allocations beyond it fail (std::bad_alloc)
// rather than taking the machine's memory. Only setrlimit: safe in a child between fork and exec
// (QProcess::setChildProcessModifier). Returns whether the limit is in force.
inline bool limitAddressSpace(rlim_t bytes) {
    if (kSanitized) return false;
    rlimit limit{};
    if (getrlimit(RLIMIT_AS, &limit) != 0) return false;
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur <= bytes) return true;
    limit.rlim_cur = bytes;
    return setrlimit(RLIMIT_AS, &limit) == 0;
}

// Ends this process with SIGALRM after `seconds` unless disarmed with dieAfter(0): a test
// function that blocks (open() on a FIFO) fails there and then, with its name in the log.
inline void dieAfter(unsigned seconds) {
    signal(SIGALRM, SIG_DFL);
    alarm(seconds);
}

}  // namespace kototest
