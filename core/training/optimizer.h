#pragma once
// How parameters move once their gradients are known (parts 7 and 10 of the curriculum):
//   sgd       w = w - lr * dJ/dw
//   momentum  v = mu * v - lr * g;  w += v
//   nesterov  v = mu * v - lr * g;  w += mu * v - lr * g   (the look-ahead form)
//   adagrad   cache += g^2;  w -= lr * g / (sqrt(cache) + eps), eps = 1e-10
//   rmsprop   cache = decay * cache + (1 - decay) * g^2;  v = mu * v - lr * g / (sqrt(cache) +
//   eps);
//             w += v   (mu = 0: the curriculum's plain RMSprop; TensorFlow's RMSProp(lr, 0.99,
//             0.9))
//   adam      m, v: decaying means of g and g^2, bias-corrected; w -= lr * m^ / (sqrt(v^) + eps)
// State (velocity, cache, moments) belongs to a parameter id such as "dense_1.W" and is made
// anew when the id's shape changes, so a rebuilt network never reuses stale state.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backend/backend.h"
#include "io/run_record.h"
#include "network/network.h"
#include "training/training_settings.h"

namespace koto {

// Whether one update of every parameter would keep every weight finite (Optimizer::check):
// one count per parameter, left pending where the backend computed it until asked for.
class UpdateCheck {
public:
    void add(std::string id, PendingValue notFinite) {
        checks_.emplace_back(std::move(id), std::move(notFinite));
    }
    // The id of the first parameter whose update would make a weight NaN or infinite, or
    // nothing; reads the counts (all of them at once, on a device).
    std::optional<std::string> failing() const {
        for (const auto& [id, notFinite] : checks_)
            if (notFinite.get() != 0.0) return id;
        return std::nullopt;
    }

private:
    std::vector<std::pair<std::string, PendingValue>> checks_;
};

class Optimizer {
public:
    virtual ~Optimizer() = default;
    virtual std::string_view name() const = 0;
    // Applies one update to every parameter, or to none: if any parameter would become NaN or
    // Inf, no weight and no optimizer state changes, and the id of the first such parameter is
    // returned.
    std::optional<std::string>
    apply(Backend& backend, const std::vector<NamedParameter>& parameters, double learningRate) {
        if (auto failing = check(backend, parameters, learningRate).failing()) return failing;
        applyChecked(backend, parameters, learningRate);
        return std::nullopt;
    }
    // apply() in two halves, for a trainer that reads the checks together with its loss: check()
    // changes no weight and no state (it may make a parameter's state, zero, if it has none yet);
    // applyChecked() then applies the update it checked (the same parameters and rate).
    virtual UpdateCheck check(Backend& backend, const std::vector<NamedParameter>& parameters,
                              double learningRate) = 0;
    virtual void applyChecked(Backend& backend, const std::vector<NamedParameter>& parameters,
                              double learningRate) = 0;
    // Momentum can change while training runs (mu of momentum, nesterov and rmsprop).
    void setMomentum(double momentum) { momentum_ = momentum; }
    double momentum() const { return momentum_; }

    // For the step-through inspector: the state the update of parameters[index] keeps, under
    // the curriculum's names ("v" velocity, "cache", Adam's "m" and "v"; none before the first
    // update or for sgd), and the constants the next update uses ("mu", "eps", Adam's "t").
    virtual std::vector<TracedBuffer> state(size_t index) const {
        (void)index;
        return {};
    }
    virtual std::vector<std::pair<std::string, double>> constants() const { return {}; }
    // Tensors of state it keeps per parameter, each the parameter's shape: 0 for sgd, 1 for
    // momentum, nesterov and adagrad, 2 for rmsprop and adam (training/training_memory.h).
    virtual int64_t stateTensorsPerParameter() const { return 0; }

    // A host copy of the state (downloaded from the backend), and the state set back from one.
    // restoreState takes a state of the same optimizer for these parameters (by id and shape),
    // and throws InputError for any other; an empty state (sgd's) restores nothing.
    virtual OptimizerState saveState(Backend& backend) const;
    virtual void restoreState(Backend& backend, const std::vector<NamedParameter>& parameters,
                              const OptimizerState& state);

protected:
    double momentum_ = 0;
};

// Plain gradient descent.
class SgdOptimizer final : public Optimizer {
public:
    std::string_view name() const override { return "sgd"; }
    UpdateCheck check(Backend& backend, const std::vector<NamedParameter>& parameters,
                      double learningRate) override;
    void applyChecked(Backend& backend, const std::vector<NamedParameter>& parameters,
                      double learningRate) override;
};

// The optimizers with state: every parameter's update is checked (a pass that changes nothing),
// then every one is applied; each pass is one fused backend operation per parameter.
class StatefulOptimizer : public Optimizer {
public:
    UpdateCheck check(Backend& backend, const std::vector<NamedParameter>& parameters,
                      double learningRate) final;
    void applyChecked(Backend& backend, const std::vector<NamedParameter>& parameters,
                      double learningRate) final;
    std::vector<TracedBuffer> state(size_t index) const final;
    int64_t stateTensorsPerParameter() const final {
        return static_cast<int64_t>(stateNames().size());
    }
    OptimizerState saveState(Backend& backend) const final;
    void restoreState(Backend& backend, const std::vector<NamedParameter>& parameters,
                      const OptimizerState& state) final;

protected:
    // What the state tensors are called, first then second.
    virtual std::vector<std::string> stateNames() const = 0;
    // One parameter's state: up to two tensors (velocity, cache, moments), zero at first.
    class State {
    public:
        Tensor& first(Backend& backend) { return ensure(backend, first_); }
        Tensor& second(Backend& backend) { return ensure(backend, second_); }

    private:
        friend class StatefulOptimizer;
        Tensor& ensure(Backend& backend, Tensor& tensor);
        std::string id_;
        Shape shape_;
        DType type_ = DType::Float32;
        Tensor first_, second_;
    };

    // This optimizer's update of one parameter: checked (a pending count of the weights it would
    // make NaN or infinite, see Backend's pending forms), or applied.
    virtual PendingValue checkOne(Backend& backend, const NamedParameter& parameter,
                                  double learningRate, State& state) = 0;
    virtual void applyOne(Backend& backend, const NamedParameter& parameter, double learningRate,
                          State& state) = 0;
    int64_t updates() const { return updates_; }  // updates applied before this one

private:
    // The state of parameters[index], made anew if that place now holds another parameter id or
    // shape. Looked up by position and checked by id, so a step allocates nothing.
    State& stateOf(size_t index, const NamedParameter& parameter);

    std::vector<State> states_;
    int64_t updates_ = 0;
};

class MomentumOptimizer final : public StatefulOptimizer {
public:
    MomentumOptimizer(double momentum, bool nesterov) : nesterov_(nesterov) {
        momentum_ = momentum;
    }
    std::string_view name() const override { return nesterov_ ? "nesterov" : "momentum"; }
    std::vector<std::pair<std::string, double>> constants() const override {
        return {{"mu", momentum_}};
    }

protected:
    std::vector<std::string> stateNames() const override { return {"v"}; }
    PendingValue checkOne(Backend& backend, const NamedParameter& parameter, double learningRate,
                          State& state) override;
    void applyOne(Backend& backend, const NamedParameter& parameter, double learningRate,
                  State& state) override;

private:
    bool nesterov_;
};

class AdaGradOptimizer final : public StatefulOptimizer {
public:
    static constexpr double kEpsilon = 1e-10;  // the curriculum's
    std::string_view name() const override { return "adagrad"; }
    std::vector<std::pair<std::string, double>> constants() const override {
        return {{"eps", kEpsilon}};
    }

protected:
    std::vector<std::string> stateNames() const override { return {"cache"}; }
    PendingValue checkOne(Backend& backend, const NamedParameter& parameter, double learningRate,
                          State& state) override;
    void applyOne(Backend& backend, const NamedParameter& parameter, double learningRate,
                  State& state) override;
};

class RmsPropOptimizer final : public StatefulOptimizer {
public:
    static constexpr double kEpsilon = 1e-8;
    RmsPropOptimizer(double decay, double momentum) : decay_(decay) { momentum_ = momentum; }
    std::string_view name() const override { return "rmsprop"; }
    std::vector<std::pair<std::string, double>> constants() const override {
        return {{"decay", decay_}, {"mu", momentum_}, {"eps", kEpsilon}};
    }

protected:
    std::vector<std::string> stateNames() const override { return {"cache", "v"}; }
    PendingValue checkOne(Backend& backend, const NamedParameter& parameter, double learningRate,
                          State& state) override;
    void applyOne(Backend& backend, const NamedParameter& parameter, double learningRate,
                  State& state) override;

private:
    double decay_;
};

class AdamOptimizer final : public StatefulOptimizer {
public:
    static constexpr double kBeta1 = 0.9, kBeta2 = 0.999, kEpsilon = 1e-8;
    std::string_view name() const override { return "adam"; }
    std::vector<std::pair<std::string, double>> constants() const override {
        return {{"beta1", kBeta1},
                {"beta2", kBeta2},
                {"eps", kEpsilon},
                {"t", static_cast<double>(updates() + 1)}};
    }

protected:
    std::vector<std::string> stateNames() const override { return {"m", "v"}; }
    PendingValue checkOne(Backend& backend, const NamedParameter& parameter, double learningRate,
                          State& state) override;
    void applyOne(Backend& backend, const NamedParameter& parameter, double learningRate,
                  State& state) override;
};

// The optimizer the settings name; throws InputError for an unknown name or a momentum or
// decay outside [0, 1).
std::unique_ptr<Optimizer> makeOptimizer(const TrainingSettings& settings);
// The names makeOptimizer knows, in the curriculum's order.
const std::vector<std::string>& optimizerNames();

}  // namespace koto
