#pragma once
// How parameters move once their gradients are known. State that an optimizer keeps (a velocity,
// a cache) belongs to a parameter id such as "dense_1.W", so that rebuilding a network never
// reuses another parameter's state.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/backend.h"
#include "network/network.h"

namespace koto {

class Optimizer {
public:
    virtual ~Optimizer() = default;
    virtual std::string_view name() const = 0;
    // Applies one update to every parameter, or to none: if any parameter would become NaN or
    // Inf, nothing changes and the id of the first such parameter is returned.
    virtual std::optional<std::string> apply(Backend& backend, const std::vector<NamedParameter>& parameters,
                                             double learningRate) = 0;
};

// Plain gradient descent, the curriculum's update: w = w - learning_rate * dJ/dw.
class SgdOptimizer final : public Optimizer {
public:
    std::string_view name() const override { return "sgd"; }
    std::optional<std::string> apply(Backend& backend, const std::vector<NamedParameter>& parameters,
                                     double learningRate) override;
};

// "sgd" -> SgdOptimizer; nullptr for a name core does not know.
std::unique_ptr<Optimizer> makeOptimizer(std::string_view name);

}  // namespace koto
