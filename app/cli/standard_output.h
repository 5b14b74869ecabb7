#pragma once
// Standard output, checked. Every command's output goes to std::cout or stdout; a write that
// fails (a full disk, `> /dev/full`, a reader that went away) must not end in exit code 0.
// cli_main flushes and checks once the command returns; a command that prints as it goes (an
// epoch at a time) checks after each line, so that it stops instead of training on for nobody.
// Either way OutputError ends the program with exit code 5 and one line on stderr.

#include <stdexcept>
#include <string>

namespace koto::cli {

// "cannot write the output: No space left on device"
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Flushes std::cout and stdout; throws OutputError if anything written to them was lost.
void checkStandardOutput();

}  // namespace koto::cli
