#include "util/text.h"

#include <charconv>

namespace koto {

std::vector<std::string> splitText(const std::string& text, char separator) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
        const size_t end = text.find(separator, start);
        parts.push_back(
            text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return parts;
        start = end + 1;
    }
}

std::string shortNumber(double value) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

namespace {

// The length of the valid UTF-8 character starting at text[i], or 0 if none starts there.
size_t utf8Length(const std::string& text, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;   // no overlong forms
        if (lead == 0xED) high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
    } else return 0;
    if (i + length > text.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (size_t k = 2; k < length; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return length;
}

std::string escapedByte(unsigned char byte) {
    switch (byte) {
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default: {
        static const char* const kHex = "0123456789abcdef";
        return std::string{'\\', 'x', kHex[byte >> 4], kHex[byte & 15]};
    }
    }
}

}  // namespace

std::string excerpt(const std::string& text, size_t maxBytes) {
    std::string shown;
    size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const size_t length = byte >= 0x80 ? utf8Length(text, i) : 0;
        std::string piece;
        size_t consumed = 1;
        if (byte >= 0x20 && byte < 0x7F) piece = text.substr(i, 1);
        else if (length > 0) piece = text.substr(i, consumed = length);
        else piece = escapedByte(byte);
        if (shown.size() + piece.size() > maxBytes) return shown + "...";
        shown += piece;
        i += consumed;
    }
    return shown;
}

std::string inQuotes(const std::string& text, size_t maxBytes) {
    return '"' + excerpt(text, maxBytes) + '"';
}

std::string printablePath(const std::string& path) { return excerpt(path, 512); }

bool isPlainName(const std::string& name) {
    if (name.size() > kMaxNameBytes) return false;
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) return false;
    }
    return true;
}

}  // namespace koto
