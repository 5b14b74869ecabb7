#include "util/base64.h"

#include <array>

#include "util/errors.h"

namespace koto {
namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<int8_t, 256> makeReverse() {
    std::array<int8_t, 256> table{};
    table.fill(-1);
    for (int i = 0; i < 64; ++i) table[static_cast<uint8_t>(kAlphabet[i])] = static_cast<int8_t>(i);
    return table;
}
constexpr auto kReverse = makeReverse();
}  // namespace

std::string encodeBase64(const std::vector<uint8_t>& bytes) {
    std::string text;
    text.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        const uint32_t chunk = (uint32_t{bytes[i]} << 16) |
                               (i + 1 < bytes.size() ? uint32_t{bytes[i + 1]} << 8 : 0) |
                               (i + 2 < bytes.size() ? uint32_t{bytes[i + 2]} : 0);
        text += kAlphabet[(chunk >> 18) & 63];
        text += kAlphabet[(chunk >> 12) & 63];
        text += i + 1 < bytes.size() ? kAlphabet[(chunk >> 6) & 63] : '=';
        text += i + 2 < bytes.size() ? kAlphabet[chunk & 63] : '=';
    }
    return text;
}

std::vector<uint8_t> decodeBase64(const std::string& text) {
    if (text.size() % 4 != 0) throw InputError("base64 data has a wrong length");
    std::vector<uint8_t> bytes;
    bytes.reserve(text.size() / 4 * 3);
    for (size_t i = 0; i < text.size(); i += 4) {
        uint32_t chunk = 0;
        int padding = 0;
        for (size_t j = 0; j < 4; ++j) {
            const char c = text[i + j];
            if (c == '=' && i + 4 == text.size() && j >= 2) {
                ++padding;
                chunk <<= 6;
                continue;
            }
            const int8_t value = kReverse[static_cast<uint8_t>(c)];
            if (value < 0 || padding > 0) throw InputError("base64 data has an invalid character");
            chunk = (chunk << 6) | static_cast<uint32_t>(value);
        }
        bytes.push_back(static_cast<uint8_t>(chunk >> 16));
        if (padding < 2) bytes.push_back(static_cast<uint8_t>(chunk >> 8));
        if (padding < 1) bytes.push_back(static_cast<uint8_t>(chunk));
    }
    return bytes;
}

}  // namespace koto
