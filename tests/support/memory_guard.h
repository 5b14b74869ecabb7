#pragma once
// A ceiling on a test's memory and time, so that a regression which allocates without bound (a
// network too large for the machine, a loader reading /dev/zero) or blocks (opening a FIFO) fails
// the test instead of taking the CI machine down or hanging it. Include
// it in one source file of a test program and call kototest::limitMemory() first thing, or apply
// kototest::limitChildMemory to the processes a test starts.
//
// Without sanitizers: RLIMIT_AS, the address space; an allocation past it fails (std::bad_alloc,
// or a refusal by core's memory check, which reads the same limit: backend/memory_capacity.h).
// Under ASan or TSan RLIMIT_AS cannot be used: the sanitizer reserves terabytes of address space
// for its shadow memory as the program starts, and would itself fail. There, the sanitizers'
// own hard_rss_limit_mb kills the program once its resident memory passes the ceiling: set for
// this program by __asan_default_options / __tsan_default_options (an ASAN_OPTIONS from the
// environment still adds its other flags), and for a child through its ASAN_OPTIONS.

#include <QProcess>
#include <QProcessEnvironment>

#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdint>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define KOTO_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define KOTO_TEST_SANITIZED 1
#endif
#endif

// kMemoryCeilingBytes below, in MiB, for the sanitizers' options.
#define KOTO_RSS_CEILING_MB "4096"

#ifdef KOTO_TEST_SANITIZED
// The sanitizer's runtime calls these, if the program defines them, before reading its options.
extern "C" __attribute__((used, visibility("default"))) const char* __asan_default_options() {
    return "hard_rss_limit_mb=" KOTO_RSS_CEILING_MB;
}
extern "C" __attribute__((used, visibility("default"))) const char* __tsan_default_options() {
    return "hard_rss_limit_mb=" KOTO_RSS_CEILING_MB;
}
#endif

namespace kototest {

// The ceiling: far above what any test needs (they train small networks on small data).
constexpr int64_t kMemoryCeilingBytes = int64_t{4} << 30;

inline bool sanitized() {
#ifdef KOTO_TEST_SANITIZED
    return true;
#else
    return false;
#endif
}

// This process's address space, where that can be limited (see above).
inline void limitMemory() {
    if (sanitized()) return;  // hard_rss_limit_mb instead, from __asan_default_options
    const rlimit limit{static_cast<rlim_t>(kMemoryCeilingBytes),
                       static_cast<rlim_t>(kMemoryCeilingBytes)};
    setrlimit(RLIMIT_AS, &limit);
}

// The same ceiling for a process the test starts: call before start().
inline void limitChildMemory(QProcess& process) {
    if (sanitized()) {
        QProcessEnvironment environment = process.processEnvironment();
        if (environment.isEmpty()) environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"ASAN_OPTIONS", "TSAN_OPTIONS"}) {
            const QString key = QString::fromLatin1(name);
            const QString options = environment.value(key);
            environment.insert(key, options + (options.isEmpty() ? "" : ":") +
                                        QStringLiteral("hard_rss_limit_mb=" KOTO_RSS_CEILING_MB));
        }
        process.setProcessEnvironment(environment);
        return;
    }
    process.setChildProcessModifier([] {
        // In the child, between fork and exec: only async-signal-safe calls.
        const rlimit limit{static_cast<rlim_t>(kMemoryCeilingBytes),
                           static_cast<rlim_t>(kMemoryCeilingBytes)};
        setrlimit(RLIMIT_AS, &limit);
    });
}

// Ends this process with SIGALRM after `seconds` unless disarmed with dieAfter(0): a test
// function that blocks (open() on a FIFO) fails there and then, with its name in the log.
inline void dieAfter(unsigned seconds) {
    signal(SIGALRM, SIG_DFL);
    alarm(seconds);
}

}  // namespace kototest
