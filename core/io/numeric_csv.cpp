#include "io/numeric_csv.h"

#include <charconv>
#include <cmath>

#include "io/atomic_file.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

// The fields of a line, blanks around each removed.
std::vector<std::string> splitFields(const std::string& line) {
    std::vector<std::string> fields = splitText(line, ',');
    for (std::string& field : fields) {
        const size_t first = field.find_first_not_of(" \t");
        const size_t last = field.find_last_not_of(" \t");
        field = first == std::string::npos ? std::string() : field.substr(first, last - first + 1);
    }
    return fields;
}

bool parseNumber(const std::string& text, float& value) {
    const char* begin = text.data();
    if (!text.empty() && text[0] == '+') ++begin;
    const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

NumericTable parseNumericCsv(const std::string& input, const std::string& what) {
    std::string text = input;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    NumericTable table;
    size_t start = 0;
    int64_t lineNumber = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        const auto fields = splitFields(line);
        std::vector<float> row(fields.size());
        bool numeric = true;
        size_t badColumn = 0;
        for (size_t i = 0; i < fields.size() && numeric; ++i) {
            if (!parseNumber(fields[i], row[i])) {
                numeric = false;
                badColumn = i;
            }
        }
        if (!numeric && table.rows == 0 && table.header.empty()) {
            table.header = fields;
            table.cols = static_cast<int64_t>(fields.size());
            continue;
        }
        const std::string place = what + ", line " + std::to_string(lineNumber);
        if (!numeric)
            throw InputError(place + ", column " + std::to_string(badColumn + 1) + ": " +
                             inQuotes(fields[badColumn]) + " is not a number");
        for (size_t i = 0; i < row.size(); ++i)
            if (!std::isfinite(row[i]))
                throw InputError(place + ", column " + std::to_string(i + 1) +
                                 ": the value is not finite");
        if (table.cols == 0) table.cols = static_cast<int64_t>(row.size());
        if (static_cast<int64_t>(row.size()) != table.cols)
            throw InputError(place + ": " + std::to_string(row.size()) +
                             " values, the rows before have " + std::to_string(table.cols));
        table.values.insert(table.values.end(), row.begin(), row.end());
        ++table.rows;
    }
    if (table.rows == 0) throw InputError(what + ": no rows of numbers");
    return table;
}

NumericTable readNumericCsv(const std::string& path) {
    return parseNumericCsv(readWholeFile(path, size_t{2} << 30), printablePath(path));
}

}  // namespace koto
