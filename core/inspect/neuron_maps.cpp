#include "inspect/neuron_maps.h"

#include <algorithm>
#include <span>

#include "layers/dense_layer.h"
#include "util/errors.h"

namespace koto {
namespace {

bool leftOutWhenPredicting(const Layer& layer) {
    return layer.type() == "dropout" || layer.type() == "noise";
}

// After each hidden dense layer's forward pass, appends its Z for this chunk of points.
class ZRecorder final : public LayerHooks {
public:
    ZRecorder(Network& network, NeuronMaps& maps) : network_(network), maps_(maps) {}

    bool beforeLayer(Pass, int) override { return true; }
    void afterLayer(Pass pass, int layerIndex) override {
        Layer& layer = network_.layer(layerIndex);
        // The output layer's Z is the one predicting makes: Network::predictions(), after.
        if (pass != Pass::Forward || layer.type() != "dense" ||
            layerIndex == network_.layerCount() - 1)
            return;
        for (const TracedBuffer& buffer : layer.forwardTrace(network_.backend()))
            if (buffer.name == "Z") append(*buffer.tensor, next_++);
    }

    // Appends a tensor's rows (this chunk's points) to layer `index`'s maps.
    void append(const Tensor& tensor, size_t index) {
        std::vector<float>& values = maps_.layers[index].values;
        const size_t before = values.size();
        values.resize(before + static_cast<size_t>(tensor.size()));
        network_.backend().download(
            tensor, std::span<float>(values.data() + before, static_cast<size_t>(tensor.size())));
    }
    void startChunk() { next_ = 0; }
    size_t next() const { return next_; }

private:
    Network& network_;
    NeuronMaps& maps_;
    size_t next_ = 0;
};

}  // namespace

bool drawsAsNeuronMaps(const Network& network) {
    if (network.inputSize() != 2 || network.outputRowsPerSample() != 1) return false;
    bool anyDense = false;
    for (int i = 0; i < network.layerCount(); ++i) {
        const Layer& layer = network.layer(i);
        if (layer.type() == "dense") anyDense = true;
        else if (!leftOutWhenPredicting(layer)) return false;
    }
    return anyDense && network.layer(network.layerCount() - 1).type() == "dense";
}

NeuronMaps computeNeuronMaps(Network& network, const std::vector<float>& points, int64_t count) {
    if (!drawsAsNeuronMaps(network))
        throw InputError("only a network of dense layers on two inputs is drawn with its units' "
                         "maps");
    if (count < 0 || static_cast<int64_t>(points.size()) != 2 * count)
        throw InputError("the points are " + std::to_string(points.size()) + " values, not " +
                         std::to_string(count) + " rows of two");
    NeuronMaps maps;
    maps.points = count;
    for (int i = 0; i < network.layerCount(); ++i) {
        auto* dense = dynamic_cast<DenseLayer*>(&network.layer(i));
        if (!dense) continue;
        const bool last = i == network.layerCount() - 1;
        std::string activation(activationName(dense->activation()));
        if (last && network.loss() == LossKind::CrossEntropy) activation = "softmax";
        if (last && network.loss() == LossKind::BinaryCrossEntropy) activation = "sigmoid";
        maps.layers.push_back({dense->name(), activation, dense->units(), {}});
        maps.layers.back().values.reserve(static_cast<size_t>(count * dense->units()));
    }
    Backend& backend = network.backend();
    const int64_t chunkRows = std::max<int64_t>(1, std::min(network.maxRows(), count));
    Tensor input = backend.allocate(Shape{chunkRows, 2}, network.dtype());
    network.prepare({});  // predicting: no dropout, no noise
    ZRecorder recorder(network, maps);
    for (int64_t start = 0; start < count; start += chunkRows) {
        const int64_t rows = std::min(chunkRows, count - start);
        input.setRows(rows);
        backend.upload(
            std::span<const float>(points.data() + 2 * start, static_cast<size_t>(2 * rows)),
            input);
        recorder.startChunk();
        network.forward(input, &recorder);
        // The output layer: its Z as predicting makes it (the loss's activation applied).
        recorder.append(network.predictions(), recorder.next());
    }
    return maps;
}

}  // namespace koto
