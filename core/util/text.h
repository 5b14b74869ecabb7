#pragma once
// Small text helpers shared by the spec and file parsers.

#include <string>
#include <vector>

namespace koto {

// "a:b::c" split at ':' -> {"a", "b", "", "c"}.
std::vector<std::string> splitText(const std::string& text, char separator);
// The shortest text that reads back as the same double ("0.5", "1e-05").
std::string shortNumber(double value);

}  // namespace koto
