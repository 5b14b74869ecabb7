#include "opencl_forced_failure.h"

#include <cstdlib>
#include <stdexcept>
#include <string_view>

namespace koto {

ForcedFailure forcedOpenClFailure() {
    const char* value = std::getenv("KOTO_OPENCL_FAIL");
    if (value == nullptr || *value == '\0') return ForcedFailure::None;
    const std::string_view text(value);
    if (text == "context") return ForcedFailure::Context;
    if (text == "build") return ForcedFailure::Build;
    if (text == "allocation") return ForcedFailure::Allocation;
    throw std::invalid_argument("KOTO_OPENCL_FAIL must be context, build or allocation, not \"" + std::string(text) +
                                "\"");
}

}  // namespace koto
