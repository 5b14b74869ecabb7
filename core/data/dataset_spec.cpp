#include "data/dataset_spec.h"

#include <charconv>
#include <cmath>
#include <set>

#include "data/csv_dataset.h"
#include "data/image_datasets.h"
#include "data/playground_datasets.h"
#include "data/sequence_datasets.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

double numberOption(const DatasetSpec& spec, const std::string& key, double fallback) {
    const auto found = spec.options.find(key);
    if (found == spec.options.end()) return fallback;
    const std::string& text = found->second;
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        throw InputError(spec.name + ": option " + excerpt(key + "=" + text) + " is not a number");
    return value;
}

int64_t integerOption(const DatasetSpec& spec, const std::string& key, int64_t fallback) {
    const double value = numberOption(spec, key, static_cast<double>(fallback));
    if (value != std::floor(value) || std::abs(value) > 9e15)
        throw InputError(spec.name + ": option " + key + " must be a whole number");
    return static_cast<int64_t>(value);
}

int64_t seedOption(const DatasetSpec& spec) {
    const int64_t seed = integerOption(spec, "seed", 1);
    if (seed < 0) throw InputError(spec.name + ": the seed cannot be negative");
    return seed;
}

// The values some specs take without a key, in order: idx:DIR, csv:PATH, firstbit:LEN,
// parity:LEN, seqimg:SOURCE (and seqimg:idx:DIR).
std::vector<std::string> positionalKeys(const std::string& name) {
    if (name == "idx") return {"dir"};
    if (name == "csv") return {"path"};
    if (name == "firstbit" || name == "parity") return {"length"};
    if (name == "seqimg") return {"source"};
    return {};
}

// targets=last (one target a sequence, the default) or targets=every (one every time step).
bool targetsOption(const DatasetSpec& spec) {
    const auto found = spec.options.find("targets");
    if (found == spec.options.end() || found->second == "last") return false;
    if (found->second == "every") return true;
    throw InputError(
        spec.name + ": targets must be last (one a sequence) or every (one every time step), not " +
        inQuotes(found->second));
}

void rejectUnknownOptions(const DatasetSpec& spec, const std::set<std::string>& known,
                          const std::string& listed) {
    for (const auto& [key, value] : spec.options)
        if (!known.count(key))
            throw InputError(spec.name + ": unknown option " + inQuotes(key) +
                             " (known: " + listed + ")");
}

}  // namespace

DatasetSpec DatasetSpec::parse(const std::string& text) {
    DatasetSpec spec;
    const auto colon = text.find(':');
    spec.name = text.substr(0, colon);
    if (spec.name.empty()) throw InputError("the dataset spec " + inQuotes(text) + " has no name");
    if (colon == std::string::npos) return spec;
    std::string rest = text.substr(colon + 1);
    std::vector<std::string> keys = positionalKeys(spec.name);
    for (size_t k = 0; k < keys.size(); ++k) {
        // A length is a number: it ends at a comma too ("parity:8,n=500"); a path only at ':'.
        const bool length = keys[k] == "length";
        const auto more = rest.find_first_of(length ? ":," : ":");
        const std::string value = rest.substr(0, more);
        if (length && value.find('=') != std::string::npos)
            break;  // "firstbit:n=500": the default length
        spec.options[keys[k]] = value;
        if (keys[k] == "source" && value == "idx") keys.push_back("dir");  // seqimg:idx:DIR
        if (more == std::string::npos) return spec;
        rest = rest.substr(more + 1);
    }
    size_t start = 0;
    while (start <= rest.size()) {
        const size_t comma = rest.find(',', start);
        const std::string item =
            rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const auto equals = item.find('=');
        if (equals == std::string::npos || equals == 0)
            throw InputError("dataset option " + inQuotes(item) + " in " + inQuotes(text) +
                             " is not of the form key=value");
        spec.options[item.substr(0, equals)] = item.substr(equals + 1);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return spec;
}

std::string DatasetSpec::text() const {
    std::string result = name;
    std::vector<std::string> keys = positionalKeys(name);
    std::set<std::string> written;
    for (size_t k = 0; k < keys.size(); ++k) {
        const auto found = options.find(keys[k]);
        if (found == options.end()) break;
        result += ":" + found->second;
        written.insert(keys[k]);
        if (keys[k] == "source" && found->second == "idx") keys.push_back("dir");
    }
    char separator = ':';
    for (const auto& [key, value] : options) {
        if (written.count(key)) continue;
        result += separator + key + "=" + value;
        separator = ',';
    }
    return result;
}

const std::vector<DatasetInfo>& datasetCatalog() {
    static const std::vector<DatasetInfo> catalog{
        {"circle", Task::Classification, "a disc of one class inside a ring of the other"},
        {"xor", Task::Classification, "the four quadrants: the class is the sign of x*y"},
        {"gauss", Task::Classification, "two Gaussian clusters"},
        {"spiral", Task::Classification, "two interleaved spirals"},
        {"moons", Task::Classification, "two interleaving half circles"},
        {"plane", Task::Regression, "the value is (x + y) / 10"},
        {"multigauss", Task::Regression, "six cones of value +1 or -1"},
        {"fashion-mnist", Task::Classification,
         "Zalando's 28x28 clothing images, 10 classes (Debian's dataset-fashion-mnist)"},
        {"idx", Task::Classification, "idx:DIR, images and labels in MNIST's four IDX files"},
        {"csv", Task::Classification,
         "csv:PATH[:label=COL], one labelled table (Kaggle's digit-recognizer train.csv too)"},
        {"sine", Task::Regression,
         "a noisy sine wave: predict the next value from a window of the last ones (targets=every: "
         "at every step)"},
        {"firstbit", Task::Classification,
         "firstbit:LEN, random bit sequences labelled by their first bit"},
        {"parity", Task::Classification,
         "parity:LEN, random bit sequences labelled by their parity (targets=every: the parity so "
         "far, every step)"},
        {"seqimg", Task::Classification,
         "seqimg:fashion-mnist or seqimg:idx:DIR, each image's 28 rows as 28 time steps"},
    };
    return catalog;
}

Dataset loadDataset(const DatasetSpec& spec) {
    if (spec.name == "csv") {
        rejectUnknownOptions(spec, {"path", "label", "test", "seed"}, "label, test, seed");
        const auto path = spec.options.find("path");
        if (path == spec.options.end() || path->second.empty())
            throw InputError("csv needs a file: csv:PATH");
        const auto label = spec.options.find("label");
        const int64_t seed = integerOption(spec, "seed", 1);
        if (seed < 0) throw InputError("csv: the seed cannot be negative");
        return loadCsvDataset(path->second, label == spec.options.end() ? "" : label->second,
                              numberOption(spec, "test", 0.2), static_cast<uint64_t>(seed));
    }
    const bool fashion = spec.name == "fashion-mnist";
    if (fashion || spec.name.rfind("idx", 0) == 0) {
        // "idx:DIR": DatasetSpec::parse reads DIR as an option-less remainder; see parse().
        rejectUnknownOptions(spec, {"n", "ntest", "dir"}, "n, ntest");
        const int64_t train = integerOption(spec, "n", -1);
        const int64_t test = integerOption(spec, "ntest", -1);
        if ((train < 1 && train != -1) || (test < 0 && test != -1))
            throw InputError(spec.name + ": n must be at least 1 and ntest at least 0");
        const auto dir = spec.options.find("dir");
        if (!fashion && dir == spec.options.end()) throw InputError("idx needs a folder: idx:DIR");
        Dataset dataset =
            loadIdxDataset(spec.name, fashion ? kFashionMnistFolder : dir->second, train, test,
                           fashion ? fashionMnistClassNames() : std::vector<std::string>{});
        // Clothes keep their class in a mirror; a folder of the user's may hold digits, which do
        // not.
        dataset.mirrorKeepsClass = fashion;
        return dataset;
    }
    if (isPlaygroundDataset(spec.name)) {
        rejectUnknownOptions(spec, {"n", "noise", "test", "seed"}, "n, noise, test, seed");
        PlaygroundOptions options;
        options.points = integerOption(spec, "n", options.points);
        options.noise = numberOption(spec, "noise", options.noise);
        options.testFraction = numberOption(spec, "test", options.testFraction);
        const int64_t seed = integerOption(spec, "seed", static_cast<int64_t>(options.seed));
        if (seed < 0) throw InputError(spec.name + ": the seed cannot be negative");
        options.seed = static_cast<uint64_t>(seed);
        return makePlaygroundDataset(spec.name, options);
    }
    if (isSequenceDataset(spec.name)) {
        const bool sine = spec.name == "sine";
        if (sine)
            rejectUnknownOptions(spec, {"n", "window", "noise", "test", "seed", "targets"},
                                 "n, window, noise, test, seed, targets");
        else
            rejectUnknownOptions(spec, {"length", "n", "test", "seed", "targets"},
                                 "length, n, test, seed, targets");
        SequenceOptions options;
        options.samples = integerOption(spec, "n", options.samples);
        options.length = integerOption(spec, "length", options.length);
        options.window = integerOption(spec, "window", options.window);
        options.noise = numberOption(spec, "noise", options.noise);
        options.testFraction = numberOption(spec, "test", options.testFraction);
        options.seed = static_cast<uint64_t>(seedOption(spec));
        options.targetEveryStep = targetsOption(spec);
        return makeSequenceDataset(spec.name, options);
    }
    if (spec.name == "seqimg") {
        // The images load as the image set's own spec would ("fashion-mnist:n=2000"), then read row
        // by row.
        DatasetSpec images = spec;
        images.options.erase("source");
        const auto source = spec.options.find("source");
        images.name = source == spec.options.end() ? "" : source->second;
        if (images.name != "fashion-mnist" && images.name != "idx")
            throw InputError(
                "seqimg reads images as sequences: seqimg:fashion-mnist or seqimg:idx:DIR");
        return asImageRowSequences(loadDataset(images));
    }
    std::string known;
    for (const DatasetInfo& info : datasetCatalog())
        known += (known.empty() ? "" : ", ") + info.name;
    throw InputError("unknown dataset " + inQuotes(spec.name) + " (known: " + known + ")");
}

}  // namespace koto
