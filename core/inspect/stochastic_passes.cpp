#include "inspect/stochastic_passes.h"

#include <algorithm>
#include <span>

#include "layers/dropout_layer.h"
#include "layers/noise_layer.h"

namespace koto {
namespace {

// The first `rows` rows of a tensor of `values` values a row.
std::vector<float> firstRows(Backend& backend, const Tensor& tensor, int64_t rows, int64_t values) {
    std::vector<float> all(static_cast<size_t>(tensor.size()));
    backend.download(tensor, std::span<float>(all));
    all.resize(static_cast<size_t>(rows * values));
    return all;
}

}  // namespace

std::vector<StochasticPass> captureStochasticPasses(Network& network, int64_t maxRows) {
    std::vector<StochasticPass> passes;
    Backend& backend = network.backend();
    for (int i = 0; i < network.layerCount(); ++i) {
        Layer& layer = network.layer(i);
        double setting = 0;
        if (const auto* dropout = dynamic_cast<const DropoutLayer*>(&layer))
            setting = dropout->keep();
        else if (const auto* noise = dynamic_cast<const NoiseLayer*>(&layer))
            setting = noise->deviation();
        else continue;
        // X, the mask or noise, Z: only a training pass draws the middle one.
        const std::vector<TracedBuffer> trace = layer.forwardTrace(backend);
        if (trace.size() != 3 || !trace[0].tensor || trace[0].tensor->rows() < 1) continue;
        const Tensor& input = *trace[0].tensor;
        StochasticPass pass;
        pass.layer = layer.name();
        pass.type = std::string(layer.type());
        pass.setting = setting;
        pass.layerIndex = i;
        pass.rows = std::min(maxRows, input.rows());
        pass.values = input.size() / input.rows();
        pass.input = firstRows(backend, input, pass.rows, pass.values);
        pass.random = firstRows(backend, *trace[1].tensor, pass.rows, pass.values);
        pass.output = firstRows(backend, *trace[2].tensor, pass.rows, pass.values);
        passes.push_back(std::move(pass));
    }
    return passes;
}

}  // namespace koto
