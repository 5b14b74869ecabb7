#include "inspect/network_weights.h"

#include <algorithm>
#include <cmath>
#include <span>

namespace koto {
namespace {

std::vector<float> download(Backend& backend, const Tensor& tensor) {
    std::vector<float> values(static_cast<size_t>(tensor.size()));
    backend.download(tensor, std::span<float>(values));
    return values;
}

// One sample's shape without the leading N.
std::vector<int64_t> sampleShape(const Shape& shape) {
    std::vector<int64_t> dims;
    for (int i = 1; i < shape.rank(); ++i) dims.push_back(shape[i]);
    return dims;
}

// What layer `index` takes in; through a flatten, what the flatten took in.
std::vector<int64_t> inputShapeOf(const Network& network, int index) {
    int before = index - 1;
    if (before >= 0 && network.layer(before).type() == "flatten") --before;
    return before < 0 ? network.spec().inputShape
                      : sampleShape(network.layer(before).outputShape());
}

}  // namespace

NetworkWeights captureNetworkWeights(Network& network, int64_t step) {
    NetworkWeights weights;
    weights.step = step;
    Backend& backend = network.backend();
    for (int index = 0; index < network.layerCount(); ++index) {
        Layer& layer = network.layer(index);
        for (Parameter* parameter : layer.parameters()) {
            WeightMatrix matrix;
            matrix.layer = layer.name();
            matrix.id = matrix.layer + "." + parameter->name;
            matrix.layerType = std::string(layer.type());
            matrix.name = parameter->name;
            matrix.rows = parameter->value.rows();
            matrix.cols = parameter->value.cols();
            matrix.inputShape = inputShapeOf(network, index);
            // A filter's C*K*K weights over the C input channels: K from them.
            if (matrix.layerType == "conv" && !matrix.inputShape.empty())
                matrix.kernel = std::lround(std::sqrt(static_cast<double>(matrix.cols) /
                                                      static_cast<double>(matrix.inputShape[0])));
            matrix.values = download(backend, parameter->value);
            if (step > 0) matrix.gradient = download(backend, parameter->gradient);
            weights.matrices.push_back(std::move(matrix));
        }
    }
    return weights;
}

void copyParameterValues(Network& network, std::vector<std::vector<float>>& into) {
    const std::vector<NamedParameter>& parameters = network.parameters();
    into.resize(parameters.size());
    for (size_t i = 0; i < parameters.size(); ++i) {
        const Tensor& value = parameters[i].parameter->value;
        into[i].resize(static_cast<size_t>(value.size()));
        network.backend().download(value, std::span<float>(into[i]));
    }
}

std::array<float, 5> percentilesOf(std::vector<float> values) {
    std::array<float, 5> result{};
    if (values.empty()) return result;
    auto begin = values.begin();
    for (size_t k = 0; k < kWeightPercentiles.size(); ++k) {
        const auto rank = static_cast<ptrdiff_t>(
            std::lround(kWeightPercentiles[k] * static_cast<double>(values.size() - 1)));
        const auto at = values.begin() + rank;
        // Each percentile lies at or after the one before: search only the rest.
        std::nth_element(begin, at, values.end());
        result[k] = *at;
        begin = at;
    }
    return result;
}

EpochWeightPercentiles weightPercentiles(Network& network, int64_t epoch) {
    EpochWeightPercentiles percentiles;
    percentiles.epoch = epoch;
    for (const NamedParameter& parameter : network.parameters())
        percentiles.parameters.push_back(
            percentilesOf(download(network.backend(), parameter.parameter->value)));
    return percentiles;
}

}  // namespace koto
