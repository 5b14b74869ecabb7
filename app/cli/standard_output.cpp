#include "standard_output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include <unistd.h>

namespace koto::cli {

void checkStandardOutput() {
    // std::cout writes through stdout (synchronised with stdio): its flush is stdout's, and
    // the reason is known when that flush fails.
    errno = 0;
    std::cout.flush();
    int reason = std::cout.good() ? 0 : errno;
    if (std::fflush(stdout) != 0 && reason == 0) reason = errno;
    if (reason == 0 && std::cout.good() && !std::ferror(stdout)) return;
    if (reason == 0) {
        // A write failed earlier and left only its mark: stdio drops what it could not write,
        // and errno has moved on. One line break more, written directly, says why (the output
        // is incomplete anyway).
        errno = 0;
        if (::write(STDOUT_FILENO, "\n", 1) < 0) reason = errno;
    }
    throw OutputError(std::string("cannot write the output") +
                      (reason != 0 ? std::string(": ") + std::strerror(reason) : std::string()));
}

}  // namespace koto::cli
