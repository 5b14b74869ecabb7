#pragma once
// What every error message of a loader must be, whatever the input (issue 18): one line, without
// control bytes (a NUL would cut it, an escape sequence would drive the terminal), and short, as
// messages quote at most an escaped excerpt of the input (util/text.h). Traps otherwise, so that
// the fuzzer reports the input.

#include <cstddef>
#include <exception>
#include <string>

namespace kotofuzz {

inline constexpr size_t kMaxMessageBytes = 1200;  // an excerpt, a path of up to 512, the context

inline void checkMessage(const std::exception& error) {
    const std::string message = error.what();
    if (message.empty() || message.size() > kMaxMessageBytes) __builtin_trap();
    for (const char c : message)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) __builtin_trap();
}

}  // namespace kotofuzz
