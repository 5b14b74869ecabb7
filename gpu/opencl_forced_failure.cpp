#include "opencl_forced_failure.h"

#include <cstdlib>
#include <stdexcept>
#include <string_view>

namespace koto {
namespace {

// The N of "run:N": digits only, at least 1; 0 when the text is not such a number.
int64_t launchNumber(std::string_view digits) {
    if (digits.empty() || digits.size() > 18 ||
        digits.find_first_not_of("0123456789") != std::string_view::npos)
        return 0;
    return std::stoll(std::string(digits));
}

}  // namespace

ForcedFailure forcedOpenClFailure() {
    using Kind = ForcedFailure::Kind;
    const char* value = std::getenv("KOTO_OPENCL_FAIL");
    if (value == nullptr || *value == '\0') return {};
    const std::string_view text(value);
    if (text == "context") return {Kind::Context};
    if (text == "build") return {Kind::Build};
    if (text == "allocation") return {Kind::Allocation};
    const std::string_view run = "run:";
    if (text.starts_with(run))
        if (const int64_t launch = launchNumber(text.substr(run.size())); launch >= 1)
            return {Kind::Run, launch};
    throw std::invalid_argument(
        "KOTO_OPENCL_FAIL must be context, build, allocation or run:N (N from 1), not \"" +
        std::string(text) + "\"");
}

}  // namespace koto
