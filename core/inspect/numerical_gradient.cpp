#include "inspect/numerical_gradient.h"

#include <vector>

#include "backend/cpu_backend.h"
#include "check/gradient_check.h"
#include "network/network.h"
#include "util/errors.h"

namespace koto {
namespace {

std::vector<double> toDouble(const TracedTensor& t) { return {t.values.begin(), t.values.end()}; }

}  // namespace

WeightCheck checkWeight(const StepTrace& trace, const std::string& parameter, int64_t row,
                        int64_t col, double step) {
    const TraceStage* update = trace.find(StageKind::Update);
    const TraceStage* first = trace.find(StageKind::Forward, 0);
    const TraceStage* loss = trace.find(StageKind::Loss);
    if (!update || !first || !loss || !first->tensor("X") || !loss->tensor("T"))
        throw InputError("the numerical check needs the trace of a whole step");
    const ParameterUpdate* chosen = update->update(parameter);
    if (!chosen || row < 0 || col < 0 || row >= chosen->before.rows || col >= chosen->before.cols)
        throw InputError("the traced step has no weight " + parameter + "[" + std::to_string(row) +
                         "," + std::to_string(col) + "]");
    const TraceStage* backward = trace.find(StageKind::Backward, chosen->layer);
    const TracedTensor* gradient = backward ? backward->tensor("dJ/d" + chosen->name) : nullptr;
    if (!gradient) throw InputError("the traced step has no gradient of " + parameter);

    const TracedTensor& x = *first->tensor("X");
    const TracedTensor& t = *loss->tensor("T");
    CpuBackend backend;
    Network network(backend, trace.spec, x.rows, DType::Float64);
    for (const NamedParameter& p : network.parameters()) {
        const ParameterUpdate* traced = update->update(p.id);
        if (!traced) throw InputError("the traced step has no weights for " + p.id);
        backend.upload(std::span<const double>(toDouble(traced->before)), p.parameter->value);
    }
    // The step's own random numbers: dropout keeps the same units, noise adds the same values.
    network.prepare({true, trace.seed, static_cast<uint64_t>(trace.step)});
    Tensor inputs = backend.allocate({x.rows, x.cols}, DType::Float64);
    Tensor targets = backend.allocate({t.rows, t.cols}, DType::Float64);
    backend.upload(std::span<const double>(toDouble(x)), inputs);
    backend.upload(std::span<const double>(toDouble(t)), targets);
    auto cost = [&] {
        network.forward(inputs);
        return network.computeLoss(targets);
    };

    WeightCheck check;
    check.parameter = parameter;
    check.row = row;
    check.col = col;
    check.step = step;
    const auto index = static_cast<size_t>(row * chosen->before.cols + col);
    check.analytic = gradient->values[index];

    Parameter* target = nullptr;
    for (const NamedParameter& p : network.parameters())
        if (p.id == parameter) target = p.parameter;
    cost();
    network.backward();
    std::vector<double> values(static_cast<size_t>(target->gradient.size()));
    backend.download(target->gradient, std::span<double>(values));
    check.analyticDouble = values[index];

    backend.download(target->value, std::span<double>(values));
    check.weight = values[index];
    auto costAt = [&](double w) {
        values[index] = w;
        backend.upload(std::span<const double>(values), target->value);
        return cost();
    };
    check.costPlus = costAt(check.weight + step);
    check.costMinus = costAt(check.weight - step);
    costAt(check.weight);
    check.numeric = (check.costPlus - check.costMinus) / (2 * step);
    check.relativeError = relativeError(check.analytic, check.numeric);
    return check;
}

}  // namespace koto
