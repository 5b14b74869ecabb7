#pragma once
// Base64 (RFC 4648) for storing float32 weights in project files bit-exactly and compactly.

#include <cstdint>
#include <string>
#include <vector>

namespace koto {

std::string encodeBase64(const std::vector<uint8_t>& bytes);
// Throws InputError on characters outside the alphabet or a wrong length.
std::vector<uint8_t> decodeBase64(const std::string& text);

}  // namespace koto
