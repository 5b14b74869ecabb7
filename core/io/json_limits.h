#pragma once
// Reading JSON from files a user hands us: size and nesting are checked before nlohmann's
// recursive parser sees the text, so a hostile file cannot exhaust the stack or the memory.

#include <nlohmann/json.hpp>
#include <string>

namespace koto {

constexpr size_t kMaxJsonBytes = size_t{1} << 30;  // 1 GiB
constexpr int kMaxJsonDepth = 64;

// Parses text; throws InputError naming `what` (a file name) with the problem.
nlohmann::json parseJson(const std::string& text, const std::string& what);

}  // namespace koto
