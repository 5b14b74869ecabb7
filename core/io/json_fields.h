#pragma once
// Reading the fields of a JSON file (a project): each that is missing, of the wrong type or
// holding a value no field can hold is refused by its name, as InputError("training.epochs must
// be a whole number from 0 to 100000000, not 1e+308"); the caller puts the file's name in front.
// Numbers are never cast out of range: a double past int64's range is refused, not converted.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace koto::json_fields {

// The value as the file writes it, cut short if long.
std::string shown(const nlohmann::json& value);
// Throws InputError: "<field> <rule>, not <value>".
[[noreturn]] void refuse(const std::string& field, const std::string& rule,
                         const nlohmann::json& value);

// object[key]; `field` names it in the message if it is missing.
const nlohmann::json& member(const nlohmann::json& object, const std::string& key,
                             const std::string& field);
const nlohmann::json& objectOf(const nlohmann::json& value, const std::string& field);
const nlohmann::json& arrayOf(const nlohmann::json& value, const std::string& field);

// A whole number a 64-bit integer holds: written as one, or as a number with no fraction (10.0).
std::optional<int64_t> wholeFrom(const nlohmann::json& value);
// The same, refused unless within [lowest, highest].
int64_t wholeNumber(const nlohmann::json& value, const std::string& field, int64_t lowest,
                    int64_t highest);
std::string textOf(const nlohmann::json& value, const std::string& field);
bool truthOf(const nlohmann::json& value, const std::string& field);
// A metric: a number, or null for one that was not finite (NaN when read). `at` is the field's
// path up to the key ("curves[3].").
double metricFrom(const nlohmann::json& point, const std::string& key, const std::string& at);

}  // namespace koto::json_fields
