#pragma once
// A network as plain data: what the editor edits, what files store and what Network is built
// from. It holds no numbers and no behaviour, so it can be copied, compared and serialised
// freely. The JSON form carries "schema_version"; readers refuse versions newer than theirs.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace koto {

enum class LossKind { CrossEntropy, BinaryCrossEntropy, MeanSquaredError };
std::string_view lossName(LossKind loss);  // "ce", "bce", "mse"
std::optional<LossKind> lossFromName(std::string_view name);

using LayerParameter = std::variant<int64_t, double, std::string>;

struct LayerSpec {
    std::string type;                                   // a type of the layer registry: "dense"
    std::string name;                                   // unique in the network: "dense_1"
    std::map<std::string, LayerParameter> parameters;   // "units": 8, "activation": "tanh"
    std::optional<std::pair<double, double>> position;  // where the editor draws the node

    int64_t integer(const std::string& key) const;  // throws SpecError if absent or not a number
    std::string text(const std::string& key) const;
    double number(const std::string& key) const;  // a whole number or not
    bool operator==(const LayerSpec&) const = default;
};

struct NetworkSpec {
    static constexpr int currentSchemaVersion = 1;

    int schemaVersion = currentSchemaVersion;
    std::vector<int64_t> inputShape;  // one sample: {D}, later {C, H, W}
    LossKind loss = LossKind::CrossEntropy;
    std::vector<LayerSpec> layers;

    bool operator==(const NetworkSpec&) const = default;
};

// Gives unnamed layers names of the form type_k ("dense_1", "dense_2").
void assignLayerNames(NetworkSpec& spec);

// The same layers (type and parameters), loss and input: all that training depends on. Names
// count only when asked (a tied layer names its encoder); positions on the editor's canvas never.
bool trainsAlike(const NetworkSpec& a, const NetworkSpec& b, bool compareNames);

}  // namespace koto
