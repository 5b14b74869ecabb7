// Fuzz target: an .onnx file as a user might open one (any bytes). Importing must end in a
// project whose network passes shape inference, or in an InputError.

#include <cstddef>
#include <cstdint>
#include <string>

#include "export/onnx_import.h"
#include "network/layer_registry.h"
#include "util/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        koto::inferShapes(koto::projectFromOnnx(bytes, "fuzz.onnx").network);
    } catch (const koto::InputError&) {
    }
    return 0;
}
