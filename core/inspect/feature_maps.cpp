#include "inspect/feature_maps.h"

#include <span>

#include "layers/conv_layer.h"
#include "util/errors.h"

namespace koto {
namespace {

bool isImageLayer(const Layer& layer) {
    return layer.type() == "conv" || layer.type() == "maxpool" || layer.type() == "avgpool";
}

std::vector<float> download(Backend& backend, const Tensor& tensor) {
    std::vector<float> values(static_cast<size_t>(tensor.size()));
    backend.download(tensor, std::span<float>(values));
    return values;
}

// After each image layer's forward pass, keeps its output Z for the one sample.
class MapRecorder final : public LayerHooks {
public:
    MapRecorder(Network& network, std::vector<ImageStack>& maps) : network_(network), maps_(maps) {}

    bool beforeLayer(Pass, int) override { return true; }
    void afterLayer(Pass pass, int layerIndex) override {
        Layer& layer = network_.layer(layerIndex);
        if (pass != Pass::Forward || !isImageLayer(layer)) return;
        for (const TracedBuffer& buffer : layer.forwardTrace(network_.backend())) {
            if (buffer.name != "Z") continue;
            const Shape shape = layer.outputShape();  // N x C x H x W
            ImageStack stack{
                layer.name(), std::string(layer.type()), shape[1], shape[2], shape[3], {}};
            stack.values = download(network_.backend(), *buffer.tensor);
            maps_.push_back(std::move(stack));
        }
    }

private:
    Network& network_;
    std::vector<ImageStack>& maps_;
};

}  // namespace

bool hasConvolution(const Network& network) {
    for (int i = 0; i < network.layerCount(); ++i)
        if (network.layer(i).type() == "conv") return true;
    return false;
}

FeatureMaps computeFeatureMaps(Network& network, const std::vector<float>& sample) {
    if (static_cast<int64_t>(sample.size()) != network.inputSize())
        throw InputError("the sample has " + std::to_string(sample.size()) +
                         " values but the network takes " + std::to_string(network.inputSize()));
    FeatureMaps result;
    for (int i = 0; i < network.layerCount(); ++i) {
        auto* conv = dynamic_cast<ConvolutionLayer*>(&network.layer(i));
        if (!conv) continue;
        const ImageWindows& windows = conv->windows();
        const Parameter* weights = conv->parameters().front();  // W: F x (C*K*K)
        result.filterChannels = windows.channels;
        result.filters = {
            conv->name(),   "conv",         weights->value.rows() * windows.channels,
            windows.kernel, windows.kernel, download(network.backend(), weights->value)};
        break;
    }
    Backend& backend = network.backend();
    Tensor input = backend.allocate(Shape{1, network.inputSize()}, network.dtype());
    backend.upload(std::span<const float>(sample), input);
    network.prepare({});  // predicting: no dropout, no noise
    MapRecorder recorder(network, result.maps);
    network.forward(input, &recorder);
    return result;
}

}  // namespace koto
