#pragma once
// How the CPU backend shares an operation among its threads (util/thread_pool.h): the work is cut
// into parts of a fixed size, whatever the number of threads, each part writes only its own
// output, and what several parts add up is added in part order afterwards. So a result has the
// same bits with 1 thread or 16 (tests/core/test_cpu_threads.cpp checks every operation), and
// the number of threads only changes how fast it comes.

#include <algorithm>
#include <cstdint>

#include "util/thread_pool.h"

namespace koto {

// Images per part of a convolution or pooling pass; for dJ/dW each part keeps its own sums.
constexpr int64_t kImagesPerPart = 4;
constexpr int64_t kImagesPerGradientPart = 8;

// Values per part of an operation value by value (activations, optimizer updates): a multiple of
// 16, so that every part starts on a 64-byte boundary and Eigen treats its values as it treats
// them in one pass over the whole tensor. Large enough that a part takes microseconds.
constexpr int64_t kValuesPerPart = 16384;
// Rows per part of a gather of a mini-batch (784 values a row for MNIST).
constexpr int64_t kRowsPerPart = 16;

inline int64_t partCount(int64_t items, int64_t perPart) { return (items + perPart - 1) / perPart; }

// task(part, begin, end) for the items [begin, end) of each part of `perPart` items.
template <typename Task>
void forEachPart(ThreadPool& pool, int64_t items, int64_t perPart, Task task) {
    pool.run(partCount(items, perPart), [&](int64_t part) {
        const int64_t begin = part * perPart;
        task(part, begin, std::min(items, begin + perPart));
    });
}

// task(begin, end) for the values [begin, end) of each part of kValuesPerPart values.
template <typename Task>
void forEachValues(ThreadPool& pool, int64_t count, Task task) {
    forEachPart(pool, count, kValuesPerPart,
                [&](int64_t, int64_t begin, int64_t end) { task(begin, end); });
}

}  // namespace koto
