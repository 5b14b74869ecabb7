#pragma once
// A small pool of threads for the CPU backend: run(parts, task) calls task(0) ... task(parts - 1)
// on the calling thread and the pool's workers together and returns when every call has
// returned. Which thread runs which part is not fixed, so a caller that wants the same result
// with any number of threads gives each part its own output and combines the parts' outputs in
// part order afterwards (cpu_parallel.h does this for the backend).
//
// Why our own and not Eigen's or OpenMP: the backend's operations are short (tens of
// microseconds), so a job must start without a system call while training runs. Workers spin for
// a moment after each job before they sleep, and the caller works on the job too. And each job
// carries the caller's floating-point mode (flush_denormals.h): a worker computing with denormals
// while the caller flushes them would be slower and give other bits.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace koto {

class ThreadPool {
public:
    // `threads` counts the caller: a pool of 1 runs everything on the caller's thread. The
    // threads - 1 workers start at the first job that has more than one part.
    explicit ThreadPool(int threads);
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    int threads() const { return threads_.load(std::memory_order_relaxed); }
    // From the next job on, `threads` threads (at least 1) work on each job. Safe to call from
    // any thread, also while a job runs (that job keeps the number it started with).
    void setThreads(int threads);

    // task(part) for every part in [0, parts). A job started from inside a task runs on the
    // calling thread alone. `task` must not throw.
    template <typename Task>
    void run(int64_t parts, Task&& task) {
        runJob(parts, &task, [](void* t, int64_t part) { (*static_cast<Task*>(t))(part); });
    }

    // The number of threads this computer runs at once (at least 1).
    static int hardwareThreads();

private:
    using Call = void (*)(void*, int64_t);
    struct Job {
        uint64_t generation = 0;
        void* task = nullptr;
        Call call = nullptr;
        int64_t parts = 0;
        int workers = 0;  // workers [0, workers) take part
    };
    void runJob(int64_t parts, void* task, Call call);
    void startWorkers(int count);
    void work(int index);
    // Claims and runs parts of `job` until none is left or another job has begun.
    void runParts(const Job& job);

    std::atomic<int> threads_;
    std::vector<std::thread> workers_;  // started and read by the thread that runs jobs

    std::mutex mutex_;
    std::condition_variable wake_, finished_;
    bool stopping_ = false;                // under mutex_
    Job job_;                              // under mutex_: the latest job
    unsigned floatingPointMode_ = 0;       // under mutex_: its caller's
    std::atomic<uint64_t> generation_{0};  // job_.generation, for workers to spin on
    // The next part to claim, with the job's generation in the high bits: a worker that wakes
    // late, after its job has ended and another begun, cannot claim a part of the new job for
    // the old task. So the caller waits for its parts, never for a worker that is not running.
    std::atomic<uint64_t> claim_{0};
    std::atomic<int64_t> partsDone_{0};
};

}  // namespace koto
