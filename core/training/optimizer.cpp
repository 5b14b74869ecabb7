#include "training/optimizer.h"

#include "util/errors.h"
#include "util/text.h"

namespace koto {

std::optional<std::string> SgdOptimizer::apply(Backend& backend,
                                               const std::vector<NamedParameter>& parameters,
                                               double learningRate) {
    for (const NamedParameter& p : parameters)
        if (!backend.sumIsFinite(-learningRate, p.parameter->gradient, p.parameter->value))
            return p.id;
    for (const NamedParameter& p : parameters)
        backend.addScaled(-learningRate, p.parameter->gradient, p.parameter->value);
    return std::nullopt;
}

std::optional<std::string> StatefulOptimizer::apply(Backend& backend,
                                                    const std::vector<NamedParameter>& parameters,
                                                    double learningRate) {
    if (states_.size() != parameters.size()) states_.resize(parameters.size());
    for (size_t i = 0; i < parameters.size(); ++i)
        if (!update(backend, UpdatePass::Check, parameters[i], learningRate,
                    stateOf(i, parameters[i])))
            return parameters[i].id;
    for (size_t i = 0; i < parameters.size(); ++i)
        update(backend, UpdatePass::Apply, parameters[i], learningRate, states_[i]);
    ++updates_;
    return std::nullopt;
}

std::vector<TracedBuffer> StatefulOptimizer::state(size_t index) const {
    std::vector<TracedBuffer> named;
    if (index >= states_.size()) return named;
    const State& s = states_[index];
    const std::vector<std::string> names = stateNames();
    const Tensor* tensors[] = {&s.first_, &s.second_};
    for (size_t i = 0; i < names.size() && i < 2; ++i)
        if (!tensors[i]->empty()) named.push_back({names[i], tensors[i]});
    return named;
}

StatefulOptimizer::State& StatefulOptimizer::stateOf(size_t index,
                                                     const NamedParameter& parameter) {
    State& s = states_[index];
    const Tensor& value = parameter.parameter->value;
    if (s.id_ != parameter.id || s.shape_ != value.shape() || s.type_ != value.dtype()) {
        s = State();
        s.id_ = parameter.id;
        s.shape_ = value.shape();
        s.type_ = value.dtype();
    }
    return s;
}

Tensor& StatefulOptimizer::State::ensure(Backend& backend, Tensor& tensor) {
    if (tensor.empty()) tensor = backend.allocate(shape_, type_);
    return tensor;
}

bool MomentumOptimizer::update(Backend& backend, UpdatePass pass, const NamedParameter& p,
                               double learningRate, State& state) {
    return backend.momentumUpdate(pass, learningRate, momentum_, nesterov_, p.parameter->gradient,
                                  state.first(backend), p.parameter->value);
}

bool AdaGradOptimizer::update(Backend& backend, UpdatePass pass, const NamedParameter& p,
                              double learningRate, State& state) {
    return backend.adagradUpdate(pass, learningRate, kEpsilon, p.parameter->gradient,
                                 state.first(backend), p.parameter->value);
}

bool RmsPropOptimizer::update(Backend& backend, UpdatePass pass, const NamedParameter& p,
                              double learningRate, State& state) {
    return backend.rmspropUpdate(pass, learningRate, decay_, momentum_, kEpsilon,
                                 p.parameter->gradient, state.first(backend), state.second(backend),
                                 p.parameter->value);
}

bool AdamOptimizer::update(Backend& backend, UpdatePass pass, const NamedParameter& p,
                           double learningRate, State& state) {
    // Check and apply both happen before this update is counted: the same t for both.
    return backend.adamUpdate(pass, learningRate, kBeta1, kBeta2, kEpsilon, updates() + 1,
                              p.parameter->gradient, state.first(backend), state.second(backend),
                              p.parameter->value);
}

const std::vector<std::string>& optimizerNames() {
    static const std::vector<std::string> names{"sgd",     "momentum", "nesterov",
                                                "adagrad", "rmsprop",  "adam"};
    return names;
}

std::unique_ptr<Optimizer> makeOptimizer(const TrainingSettings& settings) {
    if (!(settings.momentum >= 0 && settings.momentum < 1))
        throw InputError("the momentum must be at least 0 and below 1");
    if (!(settings.decay >= 0 && settings.decay < 1))
        throw InputError("the decay must be at least 0 and below 1");
    const std::string& name = settings.optimizer;
    if (name == "sgd") return std::make_unique<SgdOptimizer>();
    if (name == "momentum") return std::make_unique<MomentumOptimizer>(settings.momentum, false);
    if (name == "nesterov") return std::make_unique<MomentumOptimizer>(settings.momentum, true);
    if (name == "adagrad") return std::make_unique<AdaGradOptimizer>();
    if (name == "rmsprop")
        return std::make_unique<RmsPropOptimizer>(settings.decay, settings.momentum);
    if (name == "adam") return std::make_unique<AdamOptimizer>();
    throw InputError("unknown optimizer " + inQuotes(name) +
                     " (sgd, momentum, nesterov, adagrad, rmsprop or adam)");
}

}  // namespace koto
