#include "training/optimizer.h"

namespace koto {

std::optional<std::string> SgdOptimizer::apply(Backend& backend, const std::vector<NamedParameter>& parameters,
                                               double learningRate) {
    for (const NamedParameter& p : parameters)
        if (!backend.sumIsFinite(-learningRate, p.parameter->gradient, p.parameter->value)) return p.id;
    for (const NamedParameter& p : parameters)
        backend.addScaled(-learningRate, p.parameter->gradient, p.parameter->value);
    return std::nullopt;
}

std::unique_ptr<Optimizer> makeOptimizer(std::string_view name) {
    if (name == "sgd") return std::make_unique<SgdOptimizer>();
    return nullptr;
}

}  // namespace koto
