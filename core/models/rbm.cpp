#include "models/rbm.h"

#include <algorithm>
#include <string>

#include "util/errors.h"
#include "util/random.h"

namespace koto {
namespace {

// Sweeps are numbered into RandomStream::layer, of which 16 bits reach the generator.
constexpr int kMaxCdSteps = 1000;

void requireCdSteps(int cdSteps) {
    if (cdSteps < 1 || cdSteps > kMaxCdSteps)
        throw InputError("CD-k needs k between 1 and " + std::to_string(kMaxCdSteps) + ", not " +
                         std::to_string(cdSteps));
}

}  // namespace

Rbm::Rbm(Backend& backend, RbmShape shape, int64_t maxRows, DType type)
    : backend_(backend), shape_(shape), maxRows_(maxRows), type_(type) {
    if (shape.visible < 1 || shape.hidden < 1)
        throw InputError("an RBM needs at least one visible and one hidden unit");
    if (shape.hidden > 1'000'000 || shape.visible > 100'000'000 / shape.hidden)
        throw InputError("an RBM of " + std::to_string(shape.visible) + " x " +
                         std::to_string(shape.hidden) +
                         " weights is too large (at most 100000000)");
    if (maxRows < 1) throw InputError("an RBM needs batches of at least one row");
    checkFitsInMemory(memoryNeeded(shape, maxRows, type), backend.memoryCapacity(), "the RBM");
    const int64_t d = shape.visible, m = shape.hidden;
    const auto add = [&](Parameter& parameter, int64_t rows, int64_t cols) {
        parameter.value = backend.allocate({rows, cols}, type);
        parameter.gradient = backend.allocate({rows, cols}, type);
        parameters_.push_back({"rbm." + parameter.name, "rbm", &parameter});
    };
    add(weights_, d, m);
    add(visibleBias_, 1, d);
    add(hiddenBias_, 1, m);
    hData_ = backend.allocate({maxRows, m}, type);
    hSample_ = backend.allocate({maxRows, m}, type);
    hProbability_ = backend.allocate({maxRows, m}, type);
    vProbability_ = backend.allocate({maxRows, d}, type);
    vSample_ = backend.allocate({maxRows, d}, type);
    reconstruction_ = backend.allocate({maxRows, d}, type);
    squaredErrorGradient_ = backend.allocate({maxRows, d}, type);
    visibleSums_ = backend.allocate({1, d}, type);
    hiddenSums_ = backend.allocate({1, m}, type);
    hEvaluation_ = backend.allocate({maxRows, m}, type);
    zeros_ = backend.allocate({maxRows, m}, type);
    softplusOut_ = backend.allocate({maxRows, m}, type);
    softplusGradient_ = backend.allocate({maxRows, m}, type);
    scalar_ = backend.allocate({1, 1}, type);
}

MemoryEstimate Rbm::memoryNeeded(RbmShape shape, int64_t maxRows, DType type) {
    const int64_t d = shape.visible, m = shape.hidden, bytes = bytesPerElement(type);
    MemoryEstimate estimate;
    estimate.rows = maxRows;
    estimate.parameters =
        multiplyBytes(addBytes(multiplyBytes(d, m), addBytes(d, m)), bytes);  // W, b, c
    estimate.gradients = estimate.parameters;
    // Seven buffers of rows x M, four of rows x D; the sums over a batch and one scalar.
    const int64_t perRow = addBytes(multiplyBytes(7, m), multiplyBytes(4, d));
    estimate.activations =
        multiplyBytes(addBytes(multiplyBytes(maxRows, perRow), addBytes(d, m) + 1), bytes);
    estimate.largestTensor = multiplyBytes(
        std::max({multiplyBytes(d, m), multiplyBytes(maxRows, std::max(d, m))}), bytes);
    estimate.layers.push_back(
        {"rbm", estimate.parameters, estimate.gradients, estimate.activations});
    return estimate;
}

void Rbm::initialize(uint64_t seed) {
    Random random(seed, 0x52424d /* "RBM" */);
    std::vector<float> w(static_cast<size_t>(shape_.visible * shape_.hidden));
    for (float& value : w) value = static_cast<float>(random.normal(0.0, 0.01));
    backend_.upload(std::span<const float>(w), weights_.value);
    backend_.fill(visibleBias_.value, 0.0);
    backend_.fill(hiddenBias_.value, 0.0);
    chainsStarted_ = false;
}

void Rbm::checkRows(const Tensor& visible, const char* what) const {
    if (visible.cols() != shape_.visible || visible.rows() < 1 || visible.rows() > maxRows_ ||
        visible.dtype() != type_)
        throw InputError(std::string(what) + ": the RBM takes 1 to " + std::to_string(maxRows_) +
                         " rows of " + std::to_string(shape_.visible) + " values, not " +
                         visible.shape().text());
}

void Rbm::hiddenProbabilities(const Tensor& visible, Tensor& hidden) {
    backend_.gemm(false, false, 1.0, visible, weights_.value, 0.0, hidden);
    backend_.addRowVector(hiddenBias_.value, hidden);
    backend_.activationForward(Activation::Sigmoid, hidden, hidden);
}

void Rbm::visibleProbabilities(const Tensor& hidden, Tensor& visible) {
    backend_.gemm(false, true, 1.0, hidden, weights_.value, 0.0, visible);
    backend_.addRowVector(visibleBias_.value, visible);
    backend_.activationForward(Activation::Sigmoid, visible, visible);
}

void Rbm::setChainRows(int64_t rows) {
    chainRows_ = rows;
    for (Tensor* t : {&hSample_, &hProbability_, &vProbability_, &vSample_}) t->setRows(rows);
}

void Rbm::gibbsSweep(uint64_t seed, uint64_t step, int sweep, bool sampleHidden) {
    const auto layer = static_cast<uint32_t>(2 * sweep);
    visibleProbabilities(hSample_, vProbability_);
    backend_.bernoulliSample({seed, step, layer + 1}, vProbability_, vSample_);
    hiddenProbabilities(vSample_, hProbability_);
    if (sampleHidden) backend_.bernoulliSample({seed, step, layer + 2}, hProbability_, hSample_);
}

void Rbm::contrastiveDivergence(const Tensor& batch, int cdSteps, uint64_t seed, uint64_t step) {
    checkRows(batch, "contrastive divergence");
    requireCdSteps(cdSteps);
    hData_.setRows(batch.rows());
    hiddenProbabilities(batch, hData_);
    setChainRows(batch.rows());
    backend_.bernoulliSample({seed, step, 0}, hData_, hSample_);
    // The last sweep's hidden sample is not needed: the statistics use p(h|v_k).
    for (int i = 0; i < cdSteps; ++i) gibbsSweep(seed, step, i, i + 1 < cdSteps);
    // A later PCD call starts its chains anew rather than from a CD chain.
    chainsStarted_ = false;
    writeGradient(batch);
}

void Rbm::persistentContrastiveDivergence(const Tensor& batch, int cdSteps, uint64_t seed,
                                          uint64_t step) {
    checkRows(batch, "persistent contrastive divergence");
    requireCdSteps(cdSteps);
    hData_.setRows(batch.rows());
    hiddenProbabilities(batch, hData_);
    if (!chainsStarted_) {
        setChainRows(batch.rows());
        backend_.bernoulliSample({seed, step, 0}, hData_, hSample_);
        chainsStarted_ = true;
    }
    for (int i = 0; i < cdSteps; ++i) gibbsSweep(seed, step, i, true);
    writeGradient(batch);
}

void Rbm::writeGradient(const Tensor& batch) {
    const double dataShare = 1.0 / static_cast<double>(batch.rows());
    const double chainShare = 1.0 / static_cast<double>(chainRows_);
    // dJ/dW = -(1/N) V^T p(h|V) + (1/Nc) Vk^T p(h|Vk)
    backend_.gemm(true, false, -dataShare, batch, hData_, 0.0, weights_.gradient);
    backend_.gemm(true, false, chainShare, vSample_, hProbability_, 1.0, weights_.gradient);
    // dJ/db = -mean(V) + mean(Vk),  dJ/dc = -mean(p(h|V)) + mean(p(h|Vk))
    backend_.fill(visibleBias_.gradient, 0.0);
    backend_.columnSums(batch, visibleSums_);
    backend_.addScaled(-dataShare, visibleSums_, visibleBias_.gradient);
    backend_.columnSums(vSample_, visibleSums_);
    backend_.addScaled(chainShare, visibleSums_, visibleBias_.gradient);
    backend_.fill(hiddenBias_.gradient, 0.0);
    backend_.columnSums(hData_, hiddenSums_);
    backend_.addScaled(-dataShare, hiddenSums_, hiddenBias_.gradient);
    backend_.columnSums(hProbability_, hiddenSums_);
    backend_.addScaled(chainShare, hiddenSums_, hiddenBias_.gradient);
}

double Rbm::meanFreeEnergy(const Tensor& visible) {
    checkRows(visible, "free energy");
    const int64_t rows = visible.rows();
    for (Tensor* t : {&hEvaluation_, &zeros_, &softplusOut_, &softplusGradient_}) t->setRows(rows);
    backend_.gemm(false, false, 1.0, visible, weights_.value, 0.0, hEvaluation_);
    backend_.addRowVector(hiddenBias_.value, hEvaluation_);
    // With targets 0, sigmoid cross-entropy's cost is (1/N) sum log(1 + exp(a)): the mean of
    // sum_j log(1 + exp(c_j + (vW)_j)), computed stably by the loss the networks use.
    backend_.fill(zeros_, 0.0);
    const double softplus =
        backend_.sigmoidBinaryCrossEntropy(hEvaluation_, zeros_, softplusOut_, softplusGradient_);
    // mean(v b^T) = (1/N) (sum_n v_n) b^T
    backend_.columnSums(visible, visibleSums_);
    backend_.gemm(false, true, 1.0 / static_cast<double>(rows), visibleSums_, visibleBias_.value,
                  0.0, scalar_);
    double visibleTerm = 0;
    backend_.download(scalar_, std::span<double>(&visibleTerm, 1));
    return -visibleTerm - softplus;
}

double Rbm::reconstructionError(const Tensor& visible) {
    checkRows(visible, "reconstruction error");
    const int64_t rows = visible.rows();
    hEvaluation_.setRows(rows);
    reconstruction_.setRows(rows);
    squaredErrorGradient_.setRows(rows);
    hiddenProbabilities(visible, hEvaluation_);
    visibleProbabilities(hEvaluation_, reconstruction_);
    // meanSquaredError is (1/N) sum (v - r)^2 over all values: per value, divide by D too.
    return backend_.meanSquaredError(reconstruction_, visible, squaredErrorGradient_) /
           static_cast<double>(shape_.visible);
}

void Rbm::gibbsChain(const Tensor& start, int steps, uint64_t seed, uint64_t step, Tensor& out) {
    checkRows(start, "Gibbs sampling");
    if (steps < 1 || steps > 100'000) throw InputError("Gibbs sampling takes 1 to 100000 steps");
    // Its own buffers: the persistent chains of training stay as they are.
    const int64_t rows = start.rows();
    if (out.cols() != shape_.visible || out.capacityRows() < rows || out.dtype() != type_)
        throw InputError("Gibbs sampling: the output must hold " + std::to_string(rows) +
                         " rows of " + std::to_string(shape_.visible) + " values");
    out.setRows(rows);
    Tensor h = backend_.allocate({rows, shape_.hidden}, type_);
    Tensor v = backend_.allocate({rows, shape_.visible}, type_);
    backend_.copy(start, v);
    const uint64_t chainSeed =
        seed ^ 0x6769626273000000ULL;  // "gibbs": apart from training's numbers
    for (int i = 0; i < steps; ++i) {
        hiddenProbabilities(v, h);
        backend_.bernoulliSample({chainSeed, step + static_cast<uint64_t>(i), 0}, h, h);
        visibleProbabilities(h, out);
        if (i + 1 < steps)
            backend_.bernoulliSample({chainSeed, step + static_cast<uint64_t>(i), 1}, out, v);
    }
}

}  // namespace koto
