#include "network/memory_estimate.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <stdexcept>

#include "network/layer_registry.h"
#include "util/errors.h"

namespace koto {
namespace {

constexpr int64_t kMaxBytes = std::numeric_limits<int64_t>::max();

// Storage that holds nothing: the handle a counted tensor carries.
class NoStorage final : public Storage {};

// A backend that computes nothing and allocates nothing: it adds up the bytes of the tensors it
// is asked for, so that a layer's setup() tells how much it would take on a real one.
class MeasuringBackend final : public Backend {
public:
    int64_t allocatedBytes() const { return allocated_; }
    int64_t largestTensor() const { return largest_; }

    std::string name() const override { return "memory estimate"; }
    bool isDevice() const override { return false; }
    MemoryCapacity memoryCapacity() const override { return {kMaxBytes, kMaxBytes, false, {}}; }
    Tensor allocate(const Shape& shape, DType type) override {
        int64_t bytes = bytesPerElement(type);
        for (int i = 0; i < shape.rank(); ++i) bytes = multiplyBytes(bytes, shape[i]);
        allocated_ = addBytes(allocated_, bytes);
        largest_ = std::max(largest_, bytes);
        return Tensor(shape, type, storage_);
    }
    void upload(std::span<const float>, Tensor&) override { computes(); }
    void upload(std::span<const double>, Tensor&) override { computes(); }
    void upload(std::span<const uint8_t>, Tensor&) override { computes(); }
    void download(const Tensor&, std::span<float>) override { computes(); }
    void download(const Tensor&, std::span<double>) override { computes(); }
    void copy(const Tensor&, Tensor&) override { computes(); }
    void fill(Tensor&, double) override { computes(); }
    void gemm(bool, bool, double, const Tensor&, const Tensor&, double, Tensor&) override {
        computes();
    }
    void addRowVector(const Tensor&, Tensor&) override { computes(); }
    void columnSums(const Tensor&, Tensor&) override { computes(); }
    void activationForward(Activation, const Tensor&, Tensor&) override { computes(); }
    void activationBackward(Activation, const Tensor&, const Tensor&, Tensor&) override {
        computes();
    }
    double softmaxCrossEntropy(const Tensor&, const Tensor&, Tensor&, Tensor&) override {
        computes();
    }
    double sigmoidBinaryCrossEntropy(const Tensor&, const Tensor&, Tensor&, Tensor&) override {
        computes();
    }
    double meanSquaredError(const Tensor&, const Tensor&, Tensor&) override { computes(); }
    void multiply(const Tensor&, const Tensor&, Tensor&) override { computes(); }
    void add(const Tensor&, const Tensor&, Tensor&) override { computes(); }
    void dropoutMask(const RandomStream&, double, Tensor&) override { computes(); }
    void gaussianNoise(const RandomStream&, double, Tensor&) override { computes(); }
    void bernoulliSample(const RandomStream&, const Tensor&, Tensor&) override { computes(); }
    void gatherRows(const Tensor&, std::span<const int32_t>, Tensor&) override { computes(); }
    void gatherRowsScaled(const Tensor&, std::span<const int32_t>, double, Tensor&) override {
        computes();
    }
    void augmentImages(std::span<const ImageTransform>, int64_t, int64_t, const Tensor&,
                       Tensor&) override {
        computes();
    }
    bool momentumUpdate(UpdatePass, double, double, bool, const Tensor&, Tensor&,
                        Tensor&) override {
        computes();
    }
    bool adagradUpdate(UpdatePass, double, double, const Tensor&, Tensor&, Tensor&) override {
        computes();
    }
    bool rmspropUpdate(UpdatePass, double, double, double, double, const Tensor&, Tensor&, Tensor&,
                       Tensor&) override {
        computes();
    }
    bool adamUpdate(UpdatePass, double, double, double, double, int64_t, const Tensor&, Tensor&,
                    Tensor&, Tensor&) override {
        computes();
    }
    double sumOfAbsolutes(const Tensor&) override { computes(); }
    double sumOfSquares(const Tensor&) override { computes(); }
    void shrinkTowardZero(double, Tensor&) override { computes(); }
    void convolutionForward(const ImageWindows&, const Tensor&, const Tensor&, const Tensor&,
                            Tensor&) override {
        computes();
    }
    void convolutionParameterGradients(const ImageWindows&, const Tensor&, const Tensor&, Tensor&,
                                       Tensor&) override {
        computes();
    }
    void convolutionInputGradient(const ImageWindows&, const Tensor&, const Tensor&,
                                  Tensor&) override {
        computes();
    }
    void maxPoolForward(const ImageWindows&, const Tensor&, Tensor&) override { computes(); }
    void maxPoolBackward(const ImageWindows&, const Tensor&, const Tensor&, Tensor&) override {
        computes();
    }
    void averagePoolForward(const ImageWindows&, const Tensor&, Tensor&) override { computes(); }
    void averagePoolBackward(const ImageWindows&, const Tensor&, Tensor&) override { computes(); }
    void copyTimeStep(const Tensor&, int64_t, Tensor&) override { computes(); }
    void placeTimeStep(const Tensor&, int64_t, Tensor&) override { computes(); }
    void rnnForwardStep(Activation, int64_t, const Tensor&, const Tensor&, Tensor&,
                        Tensor&) override {
        computes();
    }
    void rnnBackwardStep(Activation, int64_t, const Tensor&, const Tensor&, const Tensor&, Tensor&,
                         Tensor&, Tensor&) override {
        computes();
    }
    void lstmForwardStep(int64_t, const Tensor&, const Tensor&, Tensor&, Tensor&, Tensor&,
                         Tensor&) override {
        computes();
    }
    void lstmBackwardStep(int64_t, const Tensor&, const Tensor&, const Tensor&, const Tensor&,
                          Tensor&, Tensor&, Tensor&, Tensor&, Tensor&) override {
        computes();
    }
    void addScaled(double, const Tensor&, Tensor&) override { computes(); }
    bool sumIsFinite(double, const Tensor&, const Tensor&) override { computes(); }

private:
    [[noreturn]] static void computes() {
        throw std::logic_error("the memory estimate's backend computes nothing");
    }

    std::shared_ptr<Storage> storage_ = std::make_shared<NoStorage>();
    int64_t allocated_ = 0, largest_ = 0;
};

int64_t parameterBytes(Layer& layer, bool gradients) {
    int64_t bytes = 0;
    for (const Parameter* p : layer.parameters()) {
        const Tensor& t = gradients ? p->gradient : p->value;
        bytes = addBytes(bytes, multiplyBytes(t.size(), bytesPerElement(t.dtype())));
    }
    return bytes;
}

// The values a pass of the convolution puts in either of its two scratch matrices (the windows
// as columns, and the pixels of the product), at most: the OpenCL backend's passes take as many
// images as keep a matrix under 32 Mi values (gpu/opencl_image_ops.cpp); the CPU backend's take
// one image at a time, for which this is an upper bound.
constexpr int64_t kConvolutionPassValues = 32 * 1024 * 1024;

int64_t convolutionScratchBytes(const NetworkSpec& spec,
                                const std::vector<std::vector<int64_t>>& shapes, int64_t rows,
                                DType type) {
    int64_t largest = 0;
    for (size_t i = 0; i < spec.layers.size(); ++i) {
        if (spec.layers[i].type != "conv") continue;
        const std::vector<int64_t>& input = i == 0 ? spec.inputShape : shapes[i - 1];
        const std::vector<int64_t>& output = shapes[i];
        const int64_t kernel = spec.layers[i].integer("kernel");
        const int64_t patch = multiplyBytes(input[0], kernel * kernel);
        const int64_t perImage = multiplyBytes(patch, multiplyBytes(output[1], output[2]));
        const int64_t values =
            std::min(multiplyBytes(perImage, rows), std::max(kConvolutionPassValues, perImage));
        largest = std::max(largest, multiplyBytes(2 * bytesPerElement(type), values));
    }
    return largest;
}

}  // namespace

int64_t addBytes(int64_t a, int64_t b) { return a > kMaxBytes - b ? kMaxBytes : a + b; }

int64_t multiplyBytes(int64_t a, int64_t b) {
    if (a <= 0 || b <= 0) return 0;
    return a > kMaxBytes / b ? kMaxBytes : a * b;
}

int64_t LayerMemory::totalBytes() const {
    return addBytes(addBytes(parameterBytes, gradientBytes), bufferBytes);
}

int64_t MemoryEstimate::total() const {
    int64_t sum = 0;
    for (const int64_t part : {parameters, gradients, optimizerState, activations, data})
        sum = addBytes(sum, part);
    return sum;
}

std::string MemoryEstimate::text() const {
    return memoryText(total()) + " (parameters " + memoryText(parameters) + ", gradients " +
           memoryText(gradients) + ", optimizer state " + memoryText(optimizerState) +
           ", activations for " + std::to_string(rows) + (rows == 1 ? " row " : " rows ") +
           memoryText(activations) + ", data " + memoryText(data) + ")";
}

const LayerMemory* MemoryEstimate::largestLayer() const {
    const LayerMemory* largest = nullptr;
    for (const LayerMemory& layer : layers)
        if (!largest || layer.totalBytes() > largest->totalBytes()) largest = &layer;
    return largest;
}

MemoryEstimate estimateNetworkMemory(const NetworkSpec& spec, int64_t rows, DType type) {
    if (rows < 1) throw SpecError(-1, "a batch needs at least one row");
    const std::vector<std::vector<int64_t>> shapes = inferShapes(spec);
    MeasuringBackend measuring;
    MemoryEstimate estimate;
    estimate.rows = rows;
    // As Network's constructor does: every layer set up for the output of the one before.
    Shape input;
    switch (spec.inputShape.size()) {
    case 1: input = {rows, spec.inputShape[0]}; break;
    case 2: input = {rows, spec.inputShape[0], spec.inputShape[1]}; break;
    default: input = {rows, spec.inputShape[0], spec.inputShape[1], spec.inputShape[2]}; break;
    }
    const int64_t inputBytes = multiplyBytes(input.elementCount(), bytesPerElement(type));
    for (const LayerSpec& layerSpec : spec.layers) {
        const int64_t before = measuring.allocatedBytes();
        const std::unique_ptr<Layer> layer = findLayerType(layerSpec.type)->create(layerSpec);
        layer->setup(measuring, input, type);
        input = layer->outputShape();
        LayerMemory memory;
        memory.name = layerSpec.name;
        memory.parameterBytes = parameterBytes(*layer, false);
        memory.gradientBytes = parameterBytes(*layer, true);
        const int64_t all = measuring.allocatedBytes() - before;
        memory.bufferBytes =
            std::max<int64_t>(0, all - memory.parameterBytes - memory.gradientBytes);
        estimate.parameters = addBytes(estimate.parameters, memory.parameterBytes);
        estimate.gradients = addBytes(estimate.gradients, memory.gradientBytes);
        estimate.activations = addBytes(estimate.activations, memory.bufferBytes);
        estimate.layers.push_back(std::move(memory));
    }
    // The network's own: the loss's probabilities and gradient, and predict()'s input.
    const int64_t outputBytes = multiplyBytes(input.elementCount(), bytesPerElement(type));
    estimate.activations = addBytes(estimate.activations, addBytes(2 * outputBytes, inputBytes));
    estimate.activations =
        addBytes(estimate.activations, convolutionScratchBytes(spec, shapes, rows, type));
    estimate.largestTensor = std::max({measuring.largestTensor(), outputBytes, inputBytes});
    return estimate;
}

void checkFitsInMemory(const MemoryEstimate& estimate, const MemoryCapacity& capacity,
                       const std::string& what) {
    std::string problem;
    if (estimate.total() > capacity.totalBytes)
        problem = what + " needs about " + estimate.text() + ", more than the " +
                  memoryText(capacity.totalBytes) + " that " + capacity.where + " allows";
    else if (estimate.largestTensor > capacity.largestTensorBytes)
        problem = what + " needs a block of " + memoryText(estimate.largestTensor) +
                  ", more than the " + memoryText(capacity.largestTensorBytes) + " that " +
                  capacity.where + " allocates at once (in all it needs about " + estimate.text() +
                  ")";
    else return;
    if (const LayerMemory* largest = estimate.largestLayer())
        problem += "; its largest layer, " + largest->name + ", takes " +
                   memoryText(largest->totalBytes());
    problem += ": use fewer or smaller layers, or a smaller batch";
    if (capacity.device) throw DeviceError(problem);
    throw SpecError(-1, problem);
}

}  // namespace koto
