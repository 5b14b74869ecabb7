#include "training/optimizer.h"

#include "util/errors.h"

namespace koto {

std::optional<std::string> SgdOptimizer::apply(Backend& backend, const std::vector<NamedParameter>& parameters,
                                               double learningRate) {
    for (const NamedParameter& p : parameters)
        if (!backend.sumIsFinite(-learningRate, p.parameter->gradient, p.parameter->value)) return p.id;
    for (const NamedParameter& p : parameters)
        backend.addScaled(-learningRate, p.parameter->gradient, p.parameter->value);
    return std::nullopt;
}

std::optional<std::string> StatefulOptimizer::apply(Backend& backend, const std::vector<NamedParameter>& parameters,
                                                    double learningRate) {
    if (states_.size() != parameters.size()) states_.resize(parameters.size());
    for (size_t i = 0; i < parameters.size(); ++i) {
        State& s = stateOf(backend, i, parameters[i]);
        computeStep(backend, parameters[i], learningRate, s, s.step_);
    }
    for (size_t i = 0; i < parameters.size(); ++i)
        if (!backend.sumIsFinite(1.0, states_[i].step_, parameters[i].parameter->value)) return parameters[i].id;
    for (size_t i = 0; i < parameters.size(); ++i) backend.addScaled(1.0, states_[i].step_, parameters[i].parameter->value);
    ++updates_;
    return std::nullopt;
}

StatefulOptimizer::State& StatefulOptimizer::stateOf(Backend& backend, size_t index, const NamedParameter& parameter) {
    State& s = states_[index];
    const Tensor& value = parameter.parameter->value;
    if (s.id_ != parameter.id || s.shape_ != value.shape() || s.type_ != value.dtype()) {
        s = State();
        s.id_ = parameter.id;
        s.shape_ = value.shape();
        s.type_ = value.dtype();
    }
    s.ensure(backend, s.step_);
    return s;
}

Tensor& StatefulOptimizer::State::ensure(Backend& backend, Tensor& tensor) {
    if (tensor.empty()) tensor = backend.allocate(shape_, type_);
    return tensor;
}

void MomentumOptimizer::computeStep(Backend& backend, const NamedParameter& p, double learningRate, State& state,
                                    Tensor& step) {
    backend.momentumStep(learningRate, momentum_, nesterov_, p.parameter->gradient, state.first(backend), step);
}

void AdaGradOptimizer::computeStep(Backend& backend, const NamedParameter& p, double learningRate, State& state,
                                   Tensor& step) {
    backend.adagradStep(learningRate, kEpsilon, p.parameter->gradient, state.first(backend), step);
}

void RmsPropOptimizer::computeStep(Backend& backend, const NamedParameter& p, double learningRate, State& state,
                                   Tensor& step) {
    backend.rmspropStep(learningRate, decay_, momentum_, kEpsilon, p.parameter->gradient, state.first(backend),
                        state.second(backend), step);
}

void AdamOptimizer::computeStep(Backend& backend, const NamedParameter& p, double learningRate, State& state,
                                Tensor& step) {
    backend.adamStep(learningRate, kBeta1, kBeta2, kEpsilon, updates() + 1, p.parameter->gradient,
                     state.first(backend), state.second(backend), step);
}

const std::vector<std::string>& optimizerNames() {
    static const std::vector<std::string> names{"sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"};
    return names;
}

std::unique_ptr<Optimizer> makeOptimizer(const TrainingSettings& settings) {
    if (!(settings.momentum >= 0 && settings.momentum < 1))
        throw InputError("the momentum must be at least 0 and below 1");
    if (!(settings.decay >= 0 && settings.decay < 1)) throw InputError("the decay must be at least 0 and below 1");
    const std::string& name = settings.optimizer;
    if (name == "sgd") return std::make_unique<SgdOptimizer>();
    if (name == "momentum") return std::make_unique<MomentumOptimizer>(settings.momentum, false);
    if (name == "nesterov") return std::make_unique<MomentumOptimizer>(settings.momentum, true);
    if (name == "adagrad") return std::make_unique<AdaGradOptimizer>();
    if (name == "rmsprop") return std::make_unique<RmsPropOptimizer>(settings.decay, settings.momentum);
    if (name == "adam") return std::make_unique<AdamOptimizer>();
    throw InputError("unknown optimizer \"" + name + "\" (sgd, momentum, nesterov, adagrad, rmsprop or adam)");
}

}  // namespace koto
