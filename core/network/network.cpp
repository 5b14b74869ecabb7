#include "network/network.h"

#include <algorithm>

#include "network/layer_registry.h"
#include "network/memory_estimate.h"
#include "util/errors.h"

namespace koto {
namespace {

// maxRows samples of the spec's input shape: N x D, or N x C x H x W for images.
Shape batchShape(int64_t maxRows, const std::vector<int64_t>& sample) {
    switch (sample.size()) {
    case 1: return {maxRows, sample[0]};
    case 2: return {maxRows, sample[0], sample[1]};
    default: return {maxRows, sample[0], sample[1], sample[2]};  // inferShapes allows at most 3
    }
}

}  // namespace

Network::Network(Backend& backend, NetworkSpec spec, int64_t maxRows, DType type)
    : backend_(backend), spec_(std::move(spec)), maxRows_(maxRows), type_(type) {
    // The spec is checked (inferShapes) and its memory measured before anything is allocated:
    // a network too large for the backend is refused with its size, not allocated until the
    // machine runs out.
    checkFitsInMemory(estimateNetworkMemory(spec_, maxRows, type_), backend_.memoryCapacity());
    Shape input = batchShape(maxRows, spec_.inputShape);
    for (size_t i = 0; i < spec_.layers.size(); ++i) {
        const LayerSpec& layerSpec = spec_.layers[i];
        auto layer = findLayerType(layerSpec.type)->create(layerSpec);
        layer->setup(backend_, input, type_);
        input = layer->outputShape();
        for (Parameter* p : layer->parameters())
            parameters_.push_back({layerSpec.name + "." + p->name, layerSpec.name, p});
        layers_.push_back(std::move(layer));
    }
    for (auto& layer : layers_)
        layer->connect([this](const std::string& name) -> Layer* {
            for (auto& other : layers_)
                if (other->name() == name) return other.get();
            return nullptr;
        });
    // Taken now: a layer's output shape follows the rows of its last pass.
    outputRowsPerSample_ = input.rows() / maxRows;
    const bool fused = spec_.loss != LossKind::MeanSquaredError;
    layers_.back()->setActivationFusedIntoLoss(fused);
    probabilities_ = backend_.allocate(input, type_);
    lossGradient_ = backend_.allocate(input, type_);
    scratchInput_ = backend_.allocate(Shape{maxRows, inputSize()}, type_);
}

int64_t Network::inputSize() const {
    int64_t size = 1;
    for (int64_t d : spec_.inputShape) size *= d;
    return size;
}

int64_t Network::outputSize() const { return layers_.back()->outputShape().rowSize(); }

void Network::initialize(uint64_t seed) {
    for (size_t i = 0; i < layers_.size(); ++i) {
        Random random(seed, i + 1);
        layers_[i]->initialize(backend_, random);
    }
}

void Network::prepare(const StepContext& context) {
    for (size_t i = 0; i < layers_.size(); ++i)
        layers_[i]->prepare(context, static_cast<uint32_t>(i));
}

bool Network::forward(const Tensor& input, LayerHooks* hooks) {
    if (input.cols() != inputSize() || input.rows() > maxRows_ || input.dtype() != type_)
        throw InputError("the input has shape " + input.shape().text() +
                         " but the network takes up to " + std::to_string(maxRows_) + " rows of " +
                         std::to_string(inputSize()) + " values");
    predictionsCurrent_ = false;
    const Tensor* current = &input;
    for (int i = 0; i < layerCount(); ++i) {
        if (hooks && !hooks->beforeLayer(Pass::Forward, i)) return false;
        current = &layers_[static_cast<size_t>(i)]->forward(backend_, *current);
        if (hooks) hooks->afterLayer(Pass::Forward, i);
    }
    output_ = current;
    return true;
}

PendingValue Network::computeLossPending(const Tensor& targets) {
    const int64_t rows = output_->rows();
    probabilities_.setRows(rows);
    lossGradient_.setRows(rows);
    predictionsCurrent_ = true;
    switch (spec_.loss) {
    case LossKind::CrossEntropy:
        return backend_.pendingLoss(LossFunction::SoftmaxCrossEntropy, *output_, targets,
                                    probabilities_, lossGradient_);
    case LossKind::BinaryCrossEntropy:
        return backend_.pendingLoss(LossFunction::SigmoidBinaryCrossEntropy, *output_, targets,
                                    probabilities_, lossGradient_);
    case LossKind::MeanSquaredError:
        backend_.copy(*output_, probabilities_);
        return backend_.pendingLoss(LossFunction::MeanSquaredError, *output_, targets,
                                    probabilities_, lossGradient_);
    }
    return PendingValue(0.0);
}

bool Network::backward(LayerHooks* hooks) {
    const Tensor* gradient = &lossGradient_;
    for (int i = layerCount() - 1; i >= 0; --i) {
        if (hooks && !hooks->beforeLayer(Pass::Backward, i)) return false;
        gradient = &layers_[static_cast<size_t>(i)]->backward(backend_, *gradient, i > 0);
        if (hooks) hooks->afterLayer(Pass::Backward, i);
    }
    for (auto& layer : layers_) layer->finishBackward(backend_);
    return true;
}

const Tensor& Network::predictions() {
    if (predictionsCurrent_) return probabilities_;
    // No targets were given: apply the output activation the loss would have applied.
    probabilities_.setRows(output_->rows());
    switch (spec_.loss) {
    case LossKind::CrossEntropy:
        backend_.activationForward(Activation::Softmax, *output_, probabilities_);
        break;
    case LossKind::BinaryCrossEntropy:
        backend_.activationForward(Activation::Sigmoid, *output_, probabilities_);
        break;
    case LossKind::MeanSquaredError: backend_.copy(*output_, probabilities_); break;
    }
    predictionsCurrent_ = true;
    return probabilities_;
}

std::vector<float> Network::predict(const std::vector<float>& inputs, int64_t rows) {
    const int64_t width = inputSize();
    if (static_cast<int64_t>(inputs.size()) != rows * width)
        throw InputError("prediction input has " + std::to_string(inputs.size()) +
                         " values, expected " + std::to_string(rows) + " rows of " +
                         std::to_string(width));
    const int64_t outputs = outputRowsPerSample() * outputSize();  // a sample's values
    std::vector<float> result(static_cast<size_t>(rows * outputs));
    prepare({});  // predicting: no dropout, no noise
    for (int64_t start = 0; start < rows; start += maxRows_) {
        const int64_t count = std::min(maxRows_, rows - start);
        scratchInput_.setRows(count);
        backend_.upload(std::span<const float>(inputs.data() + start * width,
                                               static_cast<size_t>(count * width)),
                        scratchInput_);
        forward(scratchInput_);
        backend_.download(predictions(), std::span<float>(result.data() + start * outputs,
                                                          static_cast<size_t>(count * outputs)));
    }
    return result;
}

}  // namespace koto
