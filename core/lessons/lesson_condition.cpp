#include "lessons/lesson_condition.h"

#include <array>
#include <cmath>
#include <utility>

#include "io/json_fields.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

using namespace json_fields;

constexpr std::array<std::pair<const char*, Comparison>, 7> kComparisons = {{
    {"below", Comparison::Below},
    {"at_most", Comparison::AtMost},
    {"above", Comparison::Above},
    {"at_least", Comparison::AtLeast},
    {"is", Comparison::Is},
    {"is_not", Comparison::IsNot},
    {"contains", Comparison::Contains},
}};
// Deep enough for any check a person writes; a file cannot recurse us out of stack.
constexpr int kMaxNesting = 8;
constexpr size_t kMaxParts = 32;

bool compareNumber(Comparison comparison, double fact, double value) {
    switch (comparison) {
        case Comparison::Below: return fact < value;
        case Comparison::AtMost: return fact <= value;
        case Comparison::Above: return fact > value;
        case Comparison::AtLeast: return fact >= value;
        case Comparison::Is: return fact == value;
        case Comparison::IsNot: return fact != value;
        case Comparison::Contains: return false;
    }
    return false;
}

bool compareWord(Comparison comparison, const std::string& fact, const std::string& value) {
    switch (comparison) {
        case Comparison::Is: return fact == value;
        case Comparison::IsNot: return fact != value;
        case Comparison::Contains: return fact.find(value) != std::string::npos;
        default: return false;
    }
}

LessonCondition factCondition(const nlohmann::json& json, const std::string& field) {
    LessonCondition condition;
    condition.fact = textOf(member(json, "fact", field + ".fact"), field + ".fact");
    const std::optional<FactKind> kind = factKind(condition.fact);
    if (!kind) throw InputError(field + ".fact: no fact " + inQuotes(condition.fact));
    const std::pair<const char*, Comparison>* found = nullptr;
    for (const auto& entry : kComparisons) {
        if (!json.contains(entry.first)) continue;
        if (found)
            throw InputError(field + " compares twice (" + found->first + " and " + entry.first +
                             ")");
        found = &entry;
    }
    if (!found || json.size() != 2)
        throw InputError(field + " must hold \"fact\" and one of below, at_most, above, "
                                 "at_least, is, is_not, contains");
    condition.comparison = found->second;
    const std::string at = field + "." + found->first;
    const nlohmann::json& value = json[found->first];
    if (*kind == FactKind::Number) {
        if (condition.comparison == Comparison::Contains)
            throw InputError(at + ": " + condition.fact + " is a number: compare it with below, "
                             "at_most, above, at_least, is or is_not");
        if (!value.is_number() || !std::isfinite(value.get<double>()))
            refuse(at, "must be a finite number (" + condition.fact + " is a number)", value);
        condition.value = value.get<double>();
    } else {
        if (condition.comparison != Comparison::Is && condition.comparison != Comparison::IsNot &&
            condition.comparison != Comparison::Contains)
            throw InputError(at + ": " + condition.fact + " is a word: compare it with is, "
                             "is_not or contains");
        condition.value = textOf(value, at);
    }
    return condition;
}

LessonCondition conditionAt(const nlohmann::json& json, const std::string& field, int depth) {
    objectOf(json, field);
    if (depth > kMaxNesting)
        throw InputError(field + " nests conditions deeper than " + std::to_string(kMaxNesting));
    for (auto [key, kind] : {std::pair{"all", LessonCondition::Kind::All},
                             std::pair{"any", LessonCondition::Kind::Any}}) {
        if (!json.contains(key)) continue;
        const std::string at = field + "." + key;
        if (json.size() != 1) throw InputError(field + " must hold \"" + key + "\" alone");
        const nlohmann::json& list = arrayOf(json[key], at);
        if (list.empty() || list.size() > kMaxParts)
            refuse(at, "must list 1 to " + std::to_string(kMaxParts) + " conditions", list);
        LessonCondition condition;
        condition.kind = kind;
        for (size_t i = 0; i < list.size(); ++i)
            condition.parts.push_back(
                conditionAt(list[i], at + "[" + std::to_string(i) + "]", depth + 1));
        return condition;
    }
    return factCondition(json, field);
}

}  // namespace

bool LessonCondition::holds(const RunFacts& facts) const {
    switch (kind) {
        case Kind::All:
            for (const LessonCondition& part : parts)
                if (!part.holds(facts)) return false;
            return true;
        case Kind::Any:
            for (const LessonCondition& part : parts)
                if (part.holds(facts)) return true;
            return false;
        case Kind::Fact: break;
    }
    if (const double* number = std::get_if<double>(&value)) {
        const std::optional<double> fact = facts.number(this->fact);
        return fact && compareNumber(comparison, *fact, *number);
    }
    const std::optional<std::string> fact = facts.word(this->fact);
    return fact && compareWord(comparison, *fact, std::get<std::string>(value));
}

std::set<std::string> LessonCondition::facts() const {
    if (kind == Kind::Fact) return {fact};
    std::set<std::string> named;
    for (const LessonCondition& part : parts) named.merge(part.facts());
    return named;
}

LessonCondition conditionFrom(const nlohmann::json& json, const std::string& field) {
    return conditionAt(json, field, 0);
}

}  // namespace koto
