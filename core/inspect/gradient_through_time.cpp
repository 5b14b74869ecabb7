#include "inspect/gradient_through_time.h"

#include <span>

#include "layers/lstm_layer.h"
#include "layers/recurrent_layer.h"

namespace koto {

// The gates hold, for sample n and step t, the 4U activations i, f, o, g side by side, so f is
// columns U .. 2U-1 of each step.
std::vector<double> meanForgetGate(Backend& backend, const LstmLayer& lstm) {
    const Tensor& gates = lstm.gates();
    const int64_t rows = gates.rows(), steps = lstm.steps(), units = lstm.units();
    std::vector<double> values(static_cast<size_t>(gates.size()));
    backend.download(gates, std::span<double>(values));
    std::vector<double> means(static_cast<size_t>(steps), 0.0);
    for (int64_t n = 0; n < rows; ++n)
        for (int64_t t = 0; t < steps; ++t) {
            const double* f = values.data() + (n * steps + t) * 4 * units + units;
            for (int64_t u = 0; u < units; ++u) means[static_cast<size_t>(t)] += f[u];
        }
    for (double& mean : means) mean /= static_cast<double>(rows * units);
    return means;
}

std::optional<GradientThroughTime> latestGradientThroughTime(Network& network, int64_t step,
                                                             bool withForgetGate) {
    for (int i = 0; i < network.layerCount(); ++i) {
        const auto* recurrent = dynamic_cast<const RecurrentLayer*>(&network.layer(i));
        if (!recurrent) continue;
        GradientThroughTime result{recurrent->name(),
                                   std::string(recurrent->type()),
                                   step,
                                   recurrent->hiddenGradientNorms(),
                                   recurrent->cellGradientNorms(),
                                   {}};
        if (result.hidden.empty()) return std::nullopt;  // no backward pass yet
        const auto* lstm = dynamic_cast<const LstmLayer*>(recurrent);
        if (lstm && withForgetGate && lstm->gates().rows() > 0)
            result.forgetGate = meanForgetGate(network.backend(), *lstm);
        return result;
    }
    return std::nullopt;
}

}  // namespace koto
