#include "check/gradient_check.h"

#include <algorithm>
#include <cmath>

#include "backend/cpu_backend.h"
#include "network/network.h"
#include "util/errors.h"
#include "util/random.h"

namespace koto {

double relativeError(double analytic, double numeric) {
    const double scale = std::max({std::abs(analytic), std::abs(numeric), 1e-8});
    return std::abs(analytic - numeric) / scale;
}

std::vector<GradientCheckResult> checkGradients(const NetworkSpec& spec,
                                                const GradientCheckInput& data, uint64_t seed,
                                                int64_t maxElementsPerTensor, double step) {
    CpuBackend backend;
    Network network(backend, spec, std::max<int64_t>(data.rows, 1), DType::Float64);
    network.initialize(seed);
    // In training mode with one fixed step, so that dropout's mask and the noise are the same in
    // every evaluation of the cost: their gradients are checked too.
    network.prepare({true, seed, 1});
    // After seq:many the output has a row per time step: T target rows per sample.
    const int64_t targetRows = data.rows * network.outputRowsPerSample();
    if (static_cast<int64_t>(data.inputs.size()) != data.rows * network.inputSize() ||
        static_cast<int64_t>(data.targets.size()) != targetRows * network.outputSize() ||
        data.rows < 1)
        throw InputError("gradient check: inputs or targets do not fit the network");

    Random random(seed, 0x62696173);  // "bias"
    for (const NamedParameter& p : network.parameters()) {
        if (p.parameter->name != "b") continue;
        std::vector<double> values(static_cast<size_t>(p.parameter->value.size()));
        for (double& v : values) v = random.uniform(-0.1, 0.1);
        backend.upload(std::span<const double>(values), p.parameter->value);
    }

    Tensor inputs = backend.allocate({data.rows, network.inputSize()}, DType::Float64);
    Tensor targets = backend.allocate({targetRows, network.outputSize()}, DType::Float64);
    backend.upload(std::span<const double>(data.inputs), inputs);
    backend.upload(std::span<const double>(data.targets), targets);
    auto cost = [&] {
        network.forward(inputs);
        return network.computeLoss(targets);
    };

    cost();
    network.backward();
    std::vector<GradientCheckResult> results;
    for (const NamedParameter& p : network.parameters()) {
        Tensor& value = p.parameter->value;
        std::vector<double> weights(static_cast<size_t>(value.size()));
        std::vector<double> analytic(weights.size());
        backend.download(value, std::span<double>(weights));
        backend.download(p.parameter->gradient, std::span<double>(analytic));

        GradientCheckResult result{p.id, 0, 0};
        const int64_t count = value.size();
        const int64_t stride = std::max<int64_t>(1, count / maxElementsPerTensor);
        for (int64_t i = 0; i < count; i += stride) {
            const auto index = static_cast<size_t>(i);
            const double original = weights[index];
            auto costAt = [&](double offset) {
                weights[index] = original + offset;
                backend.upload(std::span<const double>(weights), value);
                return cost();
            };
            const double minus2 = costAt(-2 * step), minus1 = costAt(-step);
            const double plus1 = costAt(step), plus2 = costAt(2 * step);
            // Differences of pairs first: where the cost does not depend on this weight (a dead
            // ReLU unit) they cancel exactly and the quotient is exactly 0, as is the gradient.
            const double numeric = (8 * (plus1 - minus1) - (plus2 - minus2)) / (12 * step);
            weights[index] = original;
            result.maxRelativeError =
                std::max(result.maxRelativeError, relativeError(analytic[index], numeric));
            ++result.elementsChecked;
        }
        backend.upload(std::span<const double>(weights), value);
        results.push_back(result);
    }
    return results;
}

}  // namespace koto
