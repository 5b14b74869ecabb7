#pragma once
// Command-line options of the form --name VALUE and --flag, checked against what a command
// accepts. Problems throw UsageError (exit code 2).

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace koto::cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Arguments {
public:
    // valued: options that take a value; flags: options that do not.
    Arguments(const std::vector<std::string>& words, const std::set<std::string>& valued,
              const std::set<std::string>& flags);

    bool has(const std::string& name) const { return values_.count(name) || flags_.count(name); }
    std::string text(const std::string& name, const std::string& fallback) const;
    std::optional<std::string> optionalText(const std::string& name) const;
    std::string required(const std::string& name) const;
    double number(const std::string& name, double fallback) const;
    int64_t integer(const std::string& name, int64_t fallback, int64_t minimum,
                    int64_t maximum) const;
    // Every value an option was given, in order (text() and the others read the last).
    std::vector<std::string> all(const std::string& name) const;

private:
    std::map<std::string, std::string> values_;
    std::map<std::string, std::vector<std::string>> allValues_;
    std::set<std::string> flags_;
};

}  // namespace koto::cli
