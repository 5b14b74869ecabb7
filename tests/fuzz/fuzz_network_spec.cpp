// Fuzz target: a network description in JSON, then shape inference over it.

#include <cstddef>
#include <cstdint>
#include <string>

#include "io/json_limits.h"
#include "io/network_spec_json.h"
#include "network/layer_registry.h"
#include "util/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        koto::inferShapes(koto::networkSpecFromJson(koto::parseJson(text, "fuzz.json")));
    } catch (const koto::InputError&) {
    } catch (const koto::SpecError&) {
    }
    return 0;
}
