#pragma once
// How much memory a backend's tensors may take: what a network and its training are checked
// against before anything is allocated (network/memory_estimate.h), so that a network too large
// for the machine is refused with its size instead of allocating until the machine runs out.
//
// The host's limit (CpuBackend) is the smallest of
//   3/4 of the physical memory (sysconf: pages x page size),
//   the memory available now (MemAvailable of /proc/meminfo, where it can be read),
//   3/4 of the process's address-space and data limits (RLIMIT_AS, RLIMIT_DATA), where set;
// the quarter left over is for the program itself, its libraries, the data as loaded and the
// front end. A device's limit (the OpenCL backend) is 9/10 of its global memory, and no tensor
// may pass its largest single allocation.

#include <cstdint>
#include <string>

namespace koto {

struct MemoryCapacity {
    int64_t totalBytes = 0;          // what all the tensors together may take
    int64_t largestTensorBytes = 0;  // what one tensor may take
    bool device = false;             // a compute device's own memory, not the host's
    std::string where;               // "this computer's memory", "the memory of <device>"
};

// The host's capacity now, by the rule above. Reads /proc/meminfo and the rlimits on every call:
// the memory available changes while the app runs.
MemoryCapacity hostMemoryCapacity();

// The rule itself, on given figures (0: unknown or unlimited), so that tests can check it.
int64_t hostMemoryLimit(int64_t physicalBytes, int64_t availableBytes, int64_t addressSpaceLimit,
                        int64_t dataLimit);

// Bytes as a person reads them: "512 B", "12.3 MiB", "6.0 GiB".
std::string memoryText(int64_t bytes);

}  // namespace koto
