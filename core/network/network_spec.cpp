#include "network/network_spec.h"

#include <array>

#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {
constexpr std::array<std::pair<LossKind, std::string_view>, 3> kLossNames{{
    {LossKind::CrossEntropy, "ce"},
    {LossKind::BinaryCrossEntropy, "bce"},
    {LossKind::MeanSquaredError, "mse"},
}};
}  // namespace

std::string_view lossName(LossKind loss) {
    for (const auto& [kind, name] : kLossNames)
        if (kind == loss) return name;
    return "ce";
}

std::optional<LossKind> lossFromName(std::string_view name) {
    for (const auto& [kind, text] : kLossNames)
        if (text == name) return kind;
    return std::nullopt;
}

int64_t LayerSpec::integer(const std::string& key) const {
    const auto found = parameters.find(key);
    if (found == parameters.end())
        throw SpecError(-1, name + " needs the parameter " + inQuotes(key));
    if (const auto* value = std::get_if<int64_t>(&found->second)) return *value;
    throw SpecError(-1, name + ": " + inQuotes(key) + " must be a whole number");
}

double LayerSpec::number(const std::string& key) const {
    const auto found = parameters.find(key);
    if (found == parameters.end())
        throw SpecError(-1, name + " needs the parameter " + inQuotes(key));
    if (const auto* value = std::get_if<double>(&found->second)) return *value;
    if (const auto* value = std::get_if<int64_t>(&found->second))
        return static_cast<double>(*value);
    throw SpecError(-1, name + ": " + inQuotes(key) + " must be a number");
}

std::string LayerSpec::text(const std::string& key) const {
    const auto found = parameters.find(key);
    if (found == parameters.end())
        throw SpecError(-1, name + " needs the parameter " + inQuotes(key));
    if (const auto* value = std::get_if<std::string>(&found->second)) return *value;
    throw SpecError(-1, name + ": " + inQuotes(key) + " must be text");
}

void assignLayerNames(NetworkSpec& spec) {
    std::map<std::string, int> counts;
    for (LayerSpec& layer : spec.layers) {
        if (!layer.name.empty()) continue;
        std::string candidate;
        bool taken = true;
        while (taken) {
            candidate = layer.type + "_" + std::to_string(++counts[layer.type]);
            taken = false;
            for (const LayerSpec& other : spec.layers)
                if (other.name == candidate) taken = true;
        }
        layer.name = candidate;
    }
}

bool trainsAlike(const NetworkSpec& a, const NetworkSpec& b, bool compareNames) {
    if (a.inputShape != b.inputShape || a.loss != b.loss || a.layers.size() != b.layers.size())
        return false;
    for (size_t i = 0; i < a.layers.size(); ++i)
        if (a.layers[i].type != b.layers[i].type ||
            a.layers[i].parameters != b.layers[i].parameters ||
            (compareNames && a.layers[i].name != b.layers[i].name))
            return false;
    return true;
}

}  // namespace koto
