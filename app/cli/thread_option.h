#pragma once
// --threads N, which every command takes: how many threads the CPU backend computes with (1 to
// CpuBackend::kMaxThreads; without it, every core). Results are the same bits with any number
// (backend/cpu_parallel.h), so the option changes only the speed.

#include "commands.h"

namespace koto::cli {

// Takes --threads N (or --threads=N) out of `words`, wherever it is, and makes N the CPU
// backend's default. Throws UsageError for a value that is not a whole number in range.
void takeThreadOption(Words& words);

}  // namespace koto::cli
