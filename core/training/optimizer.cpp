#include "training/optimizer.h"

#include "util/errors.h"
#include "util/text.h"

namespace koto {

UpdateCheck SgdOptimizer::check(Backend& backend, const std::vector<NamedParameter>& parameters,
                                double learningRate) {
    UpdateCheck checked;
    for (const NamedParameter& p : parameters)
        checked.add(p.id, backend.pendingSumCheck(-learningRate, p.parameter->gradient,
                                                  p.parameter->value));
    return checked;
}

void SgdOptimizer::applyChecked(Backend& backend, const std::vector<NamedParameter>& parameters,
                                double learningRate) {
    for (const NamedParameter& p : parameters)
        backend.addScaled(-learningRate, p.parameter->gradient, p.parameter->value);
}

OptimizerState Optimizer::saveState(Backend&) const { return {std::string(name()), 0, {}}; }

void Optimizer::restoreState(Backend&, const std::vector<NamedParameter>&,
                             const OptimizerState& state) {
    if (state.optimizer != name() || !state.tensors.empty())
        throw InputError("the optimizer state was kept by " + state.optimizer + ", not by " +
                         std::string(name()));
}

OptimizerState StatefulOptimizer::saveState(Backend& backend) const {
    OptimizerState saved{std::string(name()), updates_, {}};
    const std::vector<std::string> names = stateNames();
    for (const State& s : states_) {
        const Tensor* tensors[] = {&s.first_, &s.second_};
        for (size_t i = 0; i < names.size() && i < 2; ++i) {
            if (tensors[i]->empty()) continue;
            SavedTensor tensor{s.id_ + ":" + names[i], tensors[i]->rows(), tensors[i]->cols(), {}};
            tensor.values.resize(static_cast<size_t>(tensors[i]->size()));
            backend.download(*tensors[i], std::span<float>(tensor.values));
            saved.tensors.push_back(std::move(tensor));
        }
    }
    return saved;
}

void StatefulOptimizer::restoreState(Backend& backend,
                                     const std::vector<NamedParameter>& parameters,
                                     const OptimizerState& state) {
    if (state.optimizer != name())
        throw InputError("the optimizer state was kept by " + state.optimizer + ", not by " +
                         std::string(name()));
    const std::vector<std::string> names = stateNames();
    std::vector<State> restored(parameters.size());
    size_t next = 0;  // the saved tensors come in the order saveState wrote them
    for (size_t p = 0; p < parameters.size(); ++p) {
        State& s = restored[p];
        const Tensor& value = parameters[p].parameter->value;
        s.id_ = parameters[p].id;
        s.shape_ = value.shape();
        s.type_ = value.dtype();
        Tensor* tensors[] = {&s.first_, &s.second_};
        for (size_t i = 0; i < names.size() && i < 2; ++i) {
            if (next == state.tensors.size() || state.tensors[next].name != s.id_ + ":" + names[i])
                continue;  // not made yet when the state was kept (none before the first update)
            const SavedTensor& saved = state.tensors[next++];
            if (saved.rows != value.rows() || saved.cols != value.cols() ||
                saved.values.size() != static_cast<size_t>(value.size()))
                throw InputError("the optimizer state " + saved.name + " does not fit " + s.id_);
            s.ensure(backend, *tensors[i]);
            backend.upload(std::span<const float>(saved.values), *tensors[i]);
        }
    }
    if (next != state.tensors.size())
        throw InputError("the optimizer state " + state.tensors[next].name +
                         " belongs to no parameter of this network");
    if (state.updates < 0) throw InputError("the optimizer state has a negative update count");
    states_ = std::move(restored);
    updates_ = state.updates;
}

UpdateCheck StatefulOptimizer::check(Backend& backend,
                                     const std::vector<NamedParameter>& parameters,
                                     double learningRate) {
    if (states_.size() != parameters.size()) states_.resize(parameters.size());
    UpdateCheck checked;
    for (size_t i = 0; i < parameters.size(); ++i)
        checked.add(parameters[i].id,
                    checkOne(backend, parameters[i], learningRate, stateOf(i, parameters[i])));
    return checked;
}

void StatefulOptimizer::applyChecked(Backend& backend,
                                     const std::vector<NamedParameter>& parameters,
                                     double learningRate) {
    for (size_t i = 0; i < parameters.size(); ++i)
        applyOne(backend, parameters[i], learningRate, stateOf(i, parameters[i]));
    ++updates_;
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

PendingValue MomentumOptimizer::checkOne(Backend& backend, const NamedParameter& p,
                                         double learningRate, State& state) {
    return backend.pendingMomentumCheck(learningRate, momentum_, nesterov_, p.parameter->gradient,
                                        state.first(backend), p.parameter->value);
}

void MomentumOptimizer::applyOne(Backend& backend, const NamedParameter& p, double learningRate,
                                 State& state) {
    backend.momentumUpdate(UpdatePass::Apply, learningRate, momentum_, nesterov_,
                           p.parameter->gradient, state.first(backend), p.parameter->value);
}

PendingValue AdaGradOptimizer::checkOne(Backend& backend, const NamedParameter& p,
                                        double learningRate, State& state) {
    return backend.pendingAdagradCheck(learningRate, kEpsilon, p.parameter->gradient,
                                       state.first(backend), p.parameter->value);
}

void AdaGradOptimizer::applyOne(Backend& backend, const NamedParameter& p, double learningRate,
                                State& state) {
    backend.adagradUpdate(UpdatePass::Apply, learningRate, kEpsilon, p.parameter->gradient,
                          state.first(backend), p.parameter->value);
}

PendingValue RmsPropOptimizer::checkOne(Backend& backend, const NamedParameter& p,
                                        double learningRate, State& state) {
    return backend.pendingRmspropCheck(learningRate, decay_, momentum_, kEpsilon,
                                       p.parameter->gradient, state.first(backend),
                                       state.second(backend), p.parameter->value);
}

void RmsPropOptimizer::applyOne(Backend& backend, const NamedParameter& p, double learningRate,
                                State& state) {
    backend.rmspropUpdate(UpdatePass::Apply, learningRate, decay_, momentum_, kEpsilon,
                          p.parameter->gradient, state.first(backend), state.second(backend),
                          p.parameter->value);
}

// Check and apply both happen before this update is counted: the same t for both.
PendingValue AdamOptimizer::checkOne(Backend& backend, const NamedParameter& p, double learningRate,
                                     State& state) {
    return backend.pendingAdamCheck(learningRate, kBeta1, kBeta2, kEpsilon, updates() + 1,
                                    p.parameter->gradient, state.first(backend),
                                    state.second(backend), p.parameter->value);
}

void AdamOptimizer::applyOne(Backend& backend, const NamedParameter& p, double learningRate,
                             State& state) {
    backend.adamUpdate(UpdatePass::Apply, learningRate, kBeta1, kBeta2, kEpsilon, updates() + 1,
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
