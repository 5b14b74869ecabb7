#include "data/csv_dataset.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

#include "io/numeric_csv.h"
#include "util/errors.h"
#include "util/random.h"
#include "util/text.h"

namespace koto {
namespace {

int64_t labelIndex(const NumericTable& table, const std::string& column, const std::string& path) {
    if (column.empty()) {
        const auto named = std::find(table.header.begin(), table.header.end(), "label");
        return named == table.header.end() ? 0 : named - table.header.begin();
    }
    const auto named = std::find(table.header.begin(), table.header.end(), column);
    if (named != table.header.end()) return named - table.header.begin();
    int64_t number = 0;
    const auto [end, error] = std::from_chars(column.data(), column.data() + column.size(), number);
    if (error == std::errc() && end == column.data() + column.size() && number >= 1 &&
        number <= table.cols)
        return number - 1;
    throw InputError(printablePath(path) + ": no column " + inQuotes(column) +
                     " (name a header or a number from 1 to " + std::to_string(table.cols) + ")");
}

// Kaggle's digit-recognizer layout: a "label" column and pixel columns holding 0-255.
bool holdsPixels(const NumericTable& table, int64_t label) {
    for (int64_t c = 0; c < static_cast<int64_t>(table.header.size()); ++c)
        if (c != label && table.header[static_cast<size_t>(c)].rfind("pixel", 0) != 0) return false;
    if (table.header.empty()) return false;
    for (int64_t r = 0; r < table.rows; ++r)
        for (int64_t c = 0; c < table.cols; ++c) {
            const float v = table.values[static_cast<size_t>(r * table.cols + c)];
            if (c != label && (v < 0 || v > 255 || v != std::floor(v))) return false;
        }
    return true;
}

}  // namespace

Dataset loadCsvDataset(const std::string& path, const std::string& labelColumn, double testFraction,
                       uint64_t seed) {
    if (!(testFraction > 0 && testFraction < 1))
        throw InputError("csv: the test share must be between 0 and 1");
    const NumericTable table = readNumericCsv(path);
    if (table.cols < 2)
        throw InputError(printablePath(path) +
                         ": a label and at least one input column are needed");
    const int64_t label = labelIndex(table, labelColumn, path);
    const bool pixels = holdsPixels(table, label);

    Dataset dataset;
    dataset.name = "csv";
    dataset.task = Task::Classification;
    dataset.inputSize = table.cols - 1;
    if (pixels) {  // Kaggle's digits: square images, row by row
        const auto side =
            static_cast<int64_t>(std::llround(std::sqrt(static_cast<double>(dataset.inputSize))));
        if (side * side == dataset.inputSize) dataset.imageWidth = dataset.imageHeight = side;
    }
    std::vector<int32_t> labels(static_cast<size_t>(table.rows));
    int32_t largest = 0;
    for (int64_t r = 0; r < table.rows; ++r) {
        const float value = table.values[static_cast<size_t>(r * table.cols + label)];
        if (!(value >= 0 && value < 10000 && value == std::floor(value)))
            throw InputError(printablePath(path) + ", data row " + std::to_string(r + 1) +
                             ", column " + std::to_string(label + 1) +
                             ": the label must be a whole number from 0 to 9999");
        labels[static_cast<size_t>(r)] = static_cast<int32_t>(value);
        largest = std::max(largest, labels[static_cast<size_t>(r)]);
    }
    dataset.classCount = std::max(2, largest + 1);
    for (int64_t k = 0; k < dataset.classCount; ++k)
        dataset.classNames.push_back(std::to_string(k));

    std::vector<int64_t> order(static_cast<size_t>(table.rows));
    std::iota(order.begin(), order.end(), 0);
    Random random(seed, 0x63737673);  // "csvs"
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.below(i)]);
    const auto testCount =
        static_cast<int64_t>(std::llround(static_cast<double>(table.rows) * testFraction));
    if (testCount < 1 || testCount >= table.rows)
        throw InputError(printablePath(path) + ": " + std::to_string(table.rows) +
                         " rows are too few to hold out a test share");
    for (size_t i = 0; i < order.size(); ++i) {
        DataSplit& split =
            static_cast<int64_t>(i) < table.rows - testCount ? dataset.train : dataset.test;
        const int64_t r = order[i];
        for (int64_t c = 0; c < table.cols; ++c) {
            if (c == label) continue;
            const float v = table.values[static_cast<size_t>(r * table.cols + c)];
            if (pixels) split.pixels.push_back(static_cast<uint8_t>(v));
            else split.inputs.push_back(v);
        }
        split.labels.push_back(labels[static_cast<size_t>(r)]);
        ++split.count;
    }
    return dataset;
}

}  // namespace koto
