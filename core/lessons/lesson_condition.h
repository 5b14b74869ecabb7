#pragma once
// A lesson task's check: a condition over a run's facts (run_facts.h), as a lesson's manifest
// writes it (docs/lessons.md):
//   {"fact": "test_error", "below": 0.05}, {"fact": "optimizer", "is": "momentum"},
//   {"all": [...]}, {"any": [...]}
// Read with every field checked, so that a check can only name facts that exist, compare a
// number with a number and a word with a word.

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <variant>
#include <vector>

#include "lessons/run_facts.h"

namespace koto {

enum class Comparison { Below, AtMost, Above, AtLeast, Is, IsNot, Contains };

struct LessonCondition {
    enum class Kind { Fact, All, Any };
    Kind kind = Kind::Fact;
    // Kind::Fact
    std::string fact;
    Comparison comparison = Comparison::Is;
    std::variant<double, std::string> value;
    // Kind::All, Kind::Any
    std::vector<LessonCondition> parts;

    // Whether the run's facts meet it; a fact the run does not have yet does not.
    bool holds(const RunFacts& facts) const;
    // Every fact it names (the app copies the weights only for checks that ask about them).
    std::set<std::string> facts() const;
};

// `field` names the condition in messages ("tasks[1].check"); throws InputError
// "tasks[1].check.fact: no fact \"tset_error\"" or the like.
LessonCondition conditionFrom(const nlohmann::json& json, const std::string& field);

}  // namespace koto
