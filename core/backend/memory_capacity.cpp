#include "backend/memory_capacity.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <limits>
#include <sstream>

namespace koto {
namespace {

// An rlimit in bytes, or 0 when there is none.
int64_t resourceLimit(int resource) {
    rlimit limit{};
    if (getrlimit(resource, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 0;
    if (limit.rlim_cur > static_cast<rlim_t>(std::numeric_limits<int64_t>::max()))
        return std::numeric_limits<int64_t>::max();
    return static_cast<int64_t>(limit.rlim_cur);
}

// MemAvailable of /proc/meminfo in bytes, or 0 where it cannot be read (not Linux, no /proc).
int64_t availableMemory() {
    std::ifstream meminfo("/proc/meminfo");
    std::string line;
    while (std::getline(meminfo, line)) {
        if (line.rfind("MemAvailable:", 0) != 0) continue;
        std::istringstream fields(line.substr(13));
        int64_t kibibytes = 0;
        if (fields >> kibibytes && kibibytes > 0) return kibibytes * 1024;
        return 0;
    }
    return 0;
}

int64_t physicalMemory() {
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || pageSize <= 0) return 0;
    const int64_t count = pages, size = pageSize;
    return count > std::numeric_limits<int64_t>::max() / size ? std::numeric_limits<int64_t>::max()
                                                              : count * size;
}

}  // namespace

int64_t hostMemoryLimit(int64_t physicalBytes, int64_t availableBytes, int64_t addressSpaceLimit,
                        int64_t dataLimit) {
    int64_t limit = std::numeric_limits<int64_t>::max();
    for (const int64_t figure : {physicalBytes, addressSpaceLimit, dataLimit})
        if (figure > 0) limit = std::min(limit, figure / 4 * 3);
    if (availableBytes > 0) limit = std::min(limit, availableBytes);
    return limit;
}

MemoryCapacity hostMemoryCapacity() {
    MemoryCapacity capacity;
    capacity.totalBytes = hostMemoryLimit(physicalMemory(), availableMemory(),
                                          resourceLimit(RLIMIT_AS), resourceLimit(RLIMIT_DATA));
    capacity.largestTensorBytes = capacity.totalBytes;
    capacity.device = false;
    capacity.where = "this computer's memory";
    return capacity;
}

std::string memoryText(int64_t bytes) {
    constexpr double kKibi = 1024.0;
    const double value = static_cast<double>(bytes);
    char text[48];
    if (bytes < 1024) std::snprintf(text, sizeof text, "%lld B", static_cast<long long>(bytes));
    else if (value < kKibi * kKibi) std::snprintf(text, sizeof text, "%.1f KiB", value / kKibi);
    else if (value < kKibi * kKibi * kKibi)
        std::snprintf(text, sizeof text, "%.1f MiB", value / (kKibi * kKibi));
    else if (value < kKibi * kKibi * kKibi * kKibi)
        std::snprintf(text, sizeof text, "%.1f GiB", value / (kKibi * kKibi * kKibi));
    else std::snprintf(text, sizeof text, "%.1f TiB", value / (kKibi * kKibi * kKibi * kKibi));
    return text;
}

}  // namespace koto
