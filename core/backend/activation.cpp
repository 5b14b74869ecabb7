#include "backend/activation.h"

#include <array>
#include <utility>

namespace koto {
namespace {
constexpr std::array<std::pair<Activation, std::string_view>, 5> kNames{{
    {Activation::Linear, "linear"},
    {Activation::Sigmoid, "sigmoid"},
    {Activation::Tanh, "tanh"},
    {Activation::Relu, "relu"},
    {Activation::Softmax, "softmax"},
}};
}  // namespace

std::string_view activationName(Activation activation) {
    for (const auto& [value, name] : kNames)
        if (value == activation) return name;
    return "linear";
}

std::optional<Activation> activationFromName(std::string_view name) {
    for (const auto& [value, text] : kNames)
        if (text == name) return value;
    return std::nullopt;
}

}  // namespace koto
