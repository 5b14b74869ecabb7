#pragma once
// A table of numbers in CSV (C locale, comma-separated, one sample a row). A first line that is
// not numeric is taken as a header. A UTF-8 byte-order mark and CRLF line ends are accepted.

#include <cstdint>
#include <string>
#include <vector>

namespace koto {

struct NumericTable {
    std::vector<std::string> header;  // empty if the file has none
    int64_t rows = 0, cols = 0;
    std::vector<float> values;  // rows x cols
};

// Throws InputError naming the file, the row and the column of the problem.
NumericTable readNumericCsv(const std::string& path);
NumericTable parseNumericCsv(const std::string& text, const std::string& what);

}  // namespace koto
