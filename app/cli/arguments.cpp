#include "arguments.h"

#include <charconv>
#include <cmath>

#include "util/text.h"

namespace koto::cli {

Arguments::Arguments(const std::vector<std::string>& words, const std::set<std::string>& valued,
                     const std::set<std::string>& flags) {
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (word.rfind("--", 0) != 0) throw UsageError("unexpected argument " + inQuotes(word));
        std::string name = word.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto equals = name.find('='); equals != std::string::npos) {
            inlineValue = name.substr(equals + 1);
            name = name.substr(0, equals);
        }
        if (flags.count(name)) {
            if (inlineValue) throw UsageError("--" + name + " takes no value");
            flags_.insert(name);
        } else if (valued.count(name)) {
            if (!inlineValue && i + 1 >= words.size())
                throw UsageError("--" + name + " needs a value");
            values_[name] = inlineValue ? *inlineValue : words[++i];
            allValues_[name].push_back(values_[name]);
        } else {
            throw UsageError("unknown option --" + name);
        }
    }
}

std::vector<std::string> Arguments::all(const std::string& name) const {
    const auto found = allValues_.find(name);
    return found == allValues_.end() ? std::vector<std::string>{} : found->second;
}

std::string Arguments::text(const std::string& name, const std::string& fallback) const {
    const auto found = values_.find(name);
    return found == values_.end() ? fallback : found->second;
}

std::optional<std::string> Arguments::optionalText(const std::string& name) const {
    const auto found = values_.find(name);
    if (found == values_.end()) return std::nullopt;
    return found->second;
}

std::string Arguments::required(const std::string& name) const {
    const auto found = values_.find(name);
    if (found == values_.end()) throw UsageError("--" + name + " is required");
    return found->second;
}

double Arguments::number(const std::string& name, double fallback) const {
    const auto found = values_.find(name);
    if (found == values_.end()) return fallback;
    double value = 0;
    const std::string& text = found->second;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        throw UsageError("--" + name + " needs a number, not " + inQuotes(text));
    return value;
}

int64_t Arguments::integer(const std::string& name, int64_t fallback, int64_t minimum,
                           int64_t maximum) const {
    const auto found = values_.find(name);
    if (found == values_.end()) return fallback;
    int64_t value = 0;
    const std::string& text = found->second;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        throw UsageError("--" + name + " needs a whole number, not " + inQuotes(text));
    if (value < minimum || value > maximum)
        throw UsageError("--" + name + " must be between " + std::to_string(minimum) + " and " +
                         std::to_string(maximum));
    return value;
}

}  // namespace koto::cli
