#include "io/json_limits.h"

#include "util/errors.h"
#include "util/text.h"

namespace koto {

nlohmann::json parseJson(const std::string& text, const std::string& what) {
    if (text.size() > kMaxJsonBytes) throw InputError(what + ": the file is too large");
    int depth = 0;
    bool inString = false, escaped = false;
    for (char c : text) {
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth) throw InputError(what + ": the JSON is nested too deeply");
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& error) {
        // nlohmann quotes the bytes it read last, as they are: escaped and cut short here, so
        // that a message stays one short line whatever the file holds.
        throw InputError(what + ": not valid JSON (" + excerpt(error.what(), 300) + ")");
    }
}

}  // namespace koto
