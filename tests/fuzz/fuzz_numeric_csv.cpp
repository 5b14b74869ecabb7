// Fuzz target: the numeric CSV reader behind `kotohajime-cli predict --input`.
// Every error message must be one short line (message_checks.h).

#include <cstddef>
#include <cstdint>
#include <string>

#include "io/numeric_csv.h"
#include "message_checks.h"
#include "util/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const koto::NumericTable table = koto::parseNumericCsv(text, "fuzz.csv");
        if (static_cast<int64_t>(table.values.size()) != table.rows * table.cols) __builtin_trap();
    } catch (const koto::InputError& error) {
        kotofuzz::checkMessage(error);
    }
    return 0;
}
