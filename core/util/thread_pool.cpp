#include "util/thread_pool.h"

#include <algorithm>
#include <chrono>

#include "util/flush_denormals.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace koto {
namespace {

// How long a thread waits by spinning before it sleeps: longer than the gaps between the
// parallel operations of one training step (a few microseconds of single-threaded work), much
// shorter than anything a person would notice as a busy core.
constexpr auto kSpinTime = std::chrono::microseconds(50);

// claim_ holds the part in its low bits and the job's generation above them. A job of more parts
// runs in several jobs.
constexpr int kPartBits = 24;
constexpr int64_t kMostParts = int64_t{1} << kPartBits;
uint64_t claimOf(uint64_t generation, int64_t part) {
    return (generation << kPartBits) | static_cast<uint64_t>(part);
}

// True on a pool's workers, and on a caller while it works on its own job: a job started there
// runs on that thread alone (a nested job would wait for workers that are busy with the outer one).
thread_local bool insideJob = false;

void pause() {
#if defined(__SSE2__)
    _mm_pause();
#endif
}

// Spins until done() or kSpinTime has passed; true if done().
template <typename Done>
bool spinUntil(Done done) {
    const auto end = std::chrono::steady_clock::now() + kSpinTime;
    for (;;) {
        for (int i = 0; i < 64; ++i) {
            if (done()) return true;
            pause();
        }
        if (std::chrono::steady_clock::now() >= end) return done();
    }
}

}  // namespace

ThreadPool::ThreadPool(int threads) : threads_(std::max(1, threads)) {}

void ThreadPool::setThreads(int threads) {
    threads_.store(std::max(1, threads), std::memory_order_relaxed);
}

ThreadPool::~ThreadPool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& worker : workers_) worker.join();
}

int ThreadPool::hardwareThreads() {
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void ThreadPool::startWorkers(int count) {
    for (auto i = static_cast<int>(workers_.size()); i < count; ++i)
        workers_.emplace_back([this, i] { work(i); });
}

void ThreadPool::runParts(const Job& job) {
    const uint64_t mine = job.generation;
    uint64_t claim = claim_.load(std::memory_order_acquire);
    for (;;) {
        const int64_t part = static_cast<int64_t>(claim & (kMostParts - 1));
        if ((claim >> kPartBits) != mine || part >= job.parts) return;
        if (!claim_.compare_exchange_weak(claim, claim + 1, std::memory_order_acq_rel)) continue;
        job.call(job.task, part);
        if (partsDone_.fetch_add(1, std::memory_order_acq_rel) + 1 == job.parts) {
            std::lock_guard lock(mutex_);
            finished_.notify_one();
        }
        claim = claim_.load(std::memory_order_acquire);
    }
}

void ThreadPool::runJob(int64_t parts, void* task, Call call) {
    if (parts <= 0) return;
    const int threads = threads_.load(std::memory_order_relaxed);
    if (threads == 1 || parts == 1 || insideJob) {
        for (int64_t part = 0; part < parts; ++part) call(task, part);
        return;
    }
    if (parts >= kMostParts) {  // never in the backend (test_cpu_threads runs one)
        struct Slice {
            void* task;
            Call call;
            int64_t offset;
        };
        for (int64_t offset = 0; offset < parts; offset += kMostParts - 1) {
            Slice slice{task, call, offset};
            runJob(std::min(parts - offset, kMostParts - 1), &slice, [](void* s, int64_t part) {
                const auto* sliced = static_cast<Slice*>(s);
                sliced->call(sliced->task, sliced->offset + part);
            });
        }
        return;
    }
    startWorkers(threads - 1);
    Job job;
    {
        std::lock_guard lock(mutex_);
        job = {job_.generation + 1, task, call, parts, threads - 1};
        job_ = job;
        floatingPointMode_ = floatingPointMode();
        partsDone_.store(0, std::memory_order_relaxed);
        claim_.store(claimOf(job.generation, 0), std::memory_order_release);
        generation_.store(job.generation, std::memory_order_release);
    }
    wake_.notify_all();
    insideJob = true;
    runParts(job);
    insideJob = false;
    const auto allDone = [&] { return partsDone_.load(std::memory_order_acquire) == parts; };
    if (spinUntil(allDone)) return;
    std::unique_lock lock(mutex_);
    finished_.wait(lock, allDone);
}

void ThreadPool::work(int index) {
    insideJob = true;
    // Workers start before the job that needs them is published (runJob): the generation they
    // see first is the one before it.
    uint64_t seen = generation_.load(std::memory_order_acquire);
    for (;;) {
        spinUntil([&] { return generation_.load(std::memory_order_acquire) != seen; });
        Job job;
        unsigned mode = 0;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || job_.generation != seen; });
            if (stopping_) return;
            job = job_;
            mode = floatingPointMode_;
        }
        seen = job.generation;
        if (index >= job.workers) continue;  // fewer threads asked for than this pool has had
        setFloatingPointMode(mode);
        runParts(job);
    }
}

}  // namespace koto
