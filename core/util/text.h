#pragma once
// Small text helpers shared by the spec and file parsers.

#include <cstddef>
#include <string>
#include <vector>

namespace koto {

// "a:b::c" split at ':' -> {"a", "b", "", "c"}.
std::vector<std::string> splitText(const std::string& text, char separator);
// The shortest text that reads back as the same double ("0.5", "1e-05").
std::string shortNumber(double value);

// How error messages show what a user or a file gave: never more than a short excerpt, on one
// line, whatever the input holds (a 50 MB CSV cell, a NUL, a newline, bytes that are not UTF-8).
// Control bytes and bytes that are not part of valid UTF-8 are written as escapes (\n, \r, \t,
// \x00, \xff); a text longer than maxBytes is cut at a character boundary and ends in "...".
// The result is at most maxBytes + 3 bytes long.
inline constexpr size_t kExcerptBytes = 48;
std::string excerpt(const std::string& text, size_t maxBytes = kExcerptBytes);
// The excerpt between double quotes: "abc", as messages quote a token or a cell.
std::string inQuotes(const std::string& text, size_t maxBytes = kExcerptBytes);
// A whole error message shown on one line (excerpt(message, kMessageBytes)): control bytes from
// a file escaped, cut only when absurdly long.
inline constexpr size_t kMessageBytes = 4096;
// A file's path as a message names it: escaped as above, cut only when absurdly long.
std::string printablePath(const std::string& path);

// Whether a name read from a file (a layer's, a saved tensor's) is one that messages may show as
// it is: at most kMaxNameBytes bytes, none of them a control byte. Files name layers "dense_1";
// a name that is not plain is refused as the file is read, so no later message echoes it.
inline constexpr size_t kMaxNameBytes = 64;
bool isPlainName(const std::string& name);

}  // namespace koto
