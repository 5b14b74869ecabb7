#include "standard_output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace koto::cli {

void checkStandardOutput() {
    // std::cout writes through stdout (synchronised with stdio): its flush is stdout's, and
    // the reason is known when that flush fails; a write that failed earlier left only its mark.
    errno = 0;
    std::cout.flush();
    int reason = std::cout.good() ? 0 : errno;
    if (std::fflush(stdout) != 0 && reason == 0) reason = errno;
    if (reason == 0 && std::cout.good() && !std::ferror(stdout)) return;
    throw OutputError(std::string("cannot write the output") +
                      (reason != 0 ? std::string(": ") + std::strerror(reason) : std::string()));
}

}  // namespace koto::cli
