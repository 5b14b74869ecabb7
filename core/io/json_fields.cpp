#include "io/json_fields.h"

#include <cmath>
#include <limits>

#include "util/errors.h"
#include "util/text.h"

namespace koto::json_fields {

std::string shown(const nlohmann::json& value) {
    // JSON's own escapes leave DEL and bytes past ASCII as they are: excerpt escapes what a
    // message must not hold and cuts at a character's boundary.
    return excerpt(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), 57);
}

[[noreturn]] void refuse(const std::string& field, const std::string& rule,
                         const nlohmann::json& value) {
    throw InputError(field + " " + rule + ", not " + shown(value));
}

const nlohmann::json& member(const nlohmann::json& object, const std::string& key,
                             const std::string& field) {
    const auto found = object.find(key);
    if (found == object.end()) throw InputError(field + " is missing");
    return *found;
}

const nlohmann::json& objectOf(const nlohmann::json& value, const std::string& field) {
    if (!value.is_object()) refuse(field, "must be a JSON object", value);
    return value;
}

const nlohmann::json& arrayOf(const nlohmann::json& value, const std::string& field) {
    if (!value.is_array()) refuse(field, "must be a JSON array", value);
    return value;
}

std::optional<int64_t> wholeFrom(const nlohmann::json& value) {
    if (value.is_number_integer() && !value.is_number_unsigned()) return value.get<int64_t>();
    if (value.is_number_unsigned()) {
        const uint64_t n = value.get<uint64_t>();
        if (n > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
        return static_cast<int64_t>(n);
    }
    if (value.is_number_float()) {
        const double d = value.get<double>();
        // 2^63 is the first double past int64's range.
        if (std::isfinite(d) && d == std::floor(d) && d >= -9223372036854775808.0 &&
            d < 9223372036854775808.0)
            return static_cast<int64_t>(d);
    }
    return std::nullopt;
}

int64_t wholeNumber(const nlohmann::json& value, const std::string& field, int64_t lowest,
                    int64_t highest) {
    const std::optional<int64_t> n = wholeFrom(value);
    if (!n || *n < lowest || *n > highest)
        refuse(field,
               lowest == highest ? "must be " + std::to_string(lowest)
                                 : "must be a whole number from " + std::to_string(lowest) +
                                       " to " + std::to_string(highest),
               value);
    return *n;
}

std::string textOf(const nlohmann::json& value, const std::string& field) {
    if (!value.is_string()) refuse(field, "must be text", value);
    return value.get<std::string>();
}

bool truthOf(const nlohmann::json& value, const std::string& field) {
    if (!value.is_boolean()) refuse(field, "must be true or false", value);
    return value.get<bool>();
}

double metricFrom(const nlohmann::json& point, const std::string& key, const std::string& at) {
    const nlohmann::json& value = member(point, key, at + key);
    if (value.is_null()) return std::nan("");
    if (!value.is_number() || !std::isfinite(value.get<double>()))
        refuse(at + key, "must be a number or null", value);
    return value.get<double>();
}

}  // namespace koto::json_fields
