#include "thread_option.h"

#include <charconv>
#include <string>

#include "arguments.h"
#include "backend/cpu_backend.h"
#include "util/text.h"

namespace koto::cli {
namespace {

int threadCount(const std::string& text) {
    int threads = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, threads);
    if (error != std::errc() || stop != end || threads < 1 || threads > CpuBackend::kMaxThreads)
        throw UsageError("--threads takes a whole number from 1 to " +
                         std::to_string(CpuBackend::kMaxThreads) + ", not " + inQuotes(text));
    return threads;
}

}  // namespace

void takeThreadOption(Words& words) {
    const std::string name = "--threads", withValue = name + "=";
    for (size_t i = 0; i < words.size();) {
        if (words[i] == name) {
            if (i + 1 >= words.size()) throw UsageError("--threads needs a number");
            CpuBackend::setDefaultThreads(threadCount(words[i + 1]));
            words.erase(words.begin() + static_cast<std::ptrdiff_t>(i),
                        words.begin() + static_cast<std::ptrdiff_t>(i + 2));
        } else if (words[i].starts_with(withValue)) {
            CpuBackend::setDefaultThreads(threadCount(words[i].substr(withValue.size())));
            words.erase(words.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }
}

}  // namespace koto::cli
