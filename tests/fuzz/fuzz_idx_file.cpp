// Fuzz target: an IDX file (MNIST's format), raw or gzip-compressed, as a user's download might
// be damaged.
// Every error message must be one short line (message_checks.h).

#include <cstddef>
#include <cstdint>
#include <string>

#include "io/idx_file.h"
#include "message_checks.h"
#include "util/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        const koto::IdxArray array = koto::parseIdx(bytes, "fuzz.idx", 100);
        int64_t count = 1;
        for (int64_t d : array.dims) count *= d;
        if (static_cast<int64_t>(array.data.size()) != count) __builtin_trap();
    } catch (const koto::InputError& error) {
        kotofuzz::checkMessage(error);
    }
    return 0;
}
