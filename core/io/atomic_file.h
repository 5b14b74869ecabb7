#pragma once
// Reading and writing whole files. Writing is atomic: a temporary file beside the target is
// written, flushed to disk and renamed over it, so a crash or a full disk mid-save leaves the old
// file intact.

#include <string>

namespace koto {

// Throws InputError naming the file and the system's reason.
void writeFileAtomically(const std::string& path, const std::string& contents);
// Throws InputError if the file cannot be read or is larger than maxBytes.
std::string readWholeFile(const std::string& path, size_t maxBytes);

}  // namespace koto
