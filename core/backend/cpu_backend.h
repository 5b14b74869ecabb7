#pragma once
// The CPU backend: every operation of Backend on Eigen, in float or double. Double precision
// exists so that the gradient check runs the very same layer code as float training.
// The heavy operations (large products, convolutions, pooling) are shared among the threads of a
// pool the backend owns, cut into parts whose results combine in a fixed order
// (cpu_parallel.h): a run gives the same bits with any number of threads. Eigen's own threading
// stays off (EIGEN_DONT_PARALLELIZE): its OpenMP split depends on the number of threads.

#include "backend/backend.h"
#include "util/thread_pool.h"

namespace koto {

class CpuBackend final : public Backend {
public:
    // `threads` computing threads, the caller's included; 0 means defaultThreads().
    explicit CpuBackend(int threads = 0);

    int threads() const { return pool_.threads(); }
    // Safe from any thread, also while another trains with this backend: the next operation
    // uses the new number (the results stay the same).
    void setThreads(int threads);
    // The number of threads a CpuBackend made without one gets: what setDefaultThreads() set
    // (--threads, the Compute menu), else every core of this computer.
    static int defaultThreads();
    // 0 goes back to every core. Values are clamped to [1, kMaxThreads].
    static void setDefaultThreads(int threads);
    static constexpr int kMaxThreads = 256;

    std::string name() const override;
    bool isDevice() const override { return false; }
    MemoryCapacity memoryCapacity() const override { return hostMemoryCapacity(); }
    Tensor allocate(const Shape& shape, DType type) override;
    void upload(std::span<const float> values, Tensor& destination) override;
    void upload(std::span<const double> values, Tensor& destination) override;
    void upload(std::span<const uint8_t> bytes, Tensor& destination) override;
    void download(const Tensor& source, std::span<float> values) override;
    void download(const Tensor& source, std::span<double> values) override;
    void copy(const Tensor& source, Tensor& destination) override;
    void fill(Tensor& tensor, double value) override;
    void gemm(bool transposeA, bool transposeB, double alpha, const Tensor& a, const Tensor& b,
              double beta, Tensor& c) override;
    void addRowVector(const Tensor& vector, Tensor& matrix) override;
    void columnSums(const Tensor& matrix, Tensor& out) override;
    void activationForward(Activation activation, const Tensor& a, Tensor& z) override;
    void activationBackward(Activation activation, const Tensor& z, const Tensor& dZ,
                            Tensor& dA) override;
    double softmaxCrossEntropy(const Tensor& logits, const Tensor& targets, Tensor& probabilities,
                               Tensor& dLogits) override;
    double sigmoidBinaryCrossEntropy(const Tensor& logits, const Tensor& targets,
                                     Tensor& probabilities, Tensor& dLogits) override;
    double meanSquaredError(const Tensor& outputs, const Tensor& targets,
                            Tensor& dOutputs) override;
    void multiply(const Tensor& a, const Tensor& b, Tensor& out) override;
    void add(const Tensor& a, const Tensor& b, Tensor& out) override;
    void dropoutMask(const RandomStream& stream, double keep, Tensor& mask) override;
    void gaussianNoise(const RandomStream& stream, double deviation, Tensor& noise) override;
    // In cpu_sampling_ops.cpp.
    void bernoulliSample(const RandomStream& stream, const Tensor& probabilities,
                         Tensor& samples) override;
    void gatherRows(const Tensor& source, std::span<const int32_t> rows,
                    Tensor& destination) override;
    void gatherRowsScaled(const Tensor& source, std::span<const int32_t> rows, double scale,
                          Tensor& destination) override;
    void augmentImages(std::span<const ImageTransform> transforms, int64_t width, int64_t height,
                       const Tensor& images, Tensor& out) override;
    bool momentumUpdate(UpdatePass pass, double learningRate, double momentum, bool nesterov,
                        const Tensor& gradient, Tensor& velocity, Tensor& weights) override;
    bool adagradUpdate(UpdatePass pass, double learningRate, double epsilon, const Tensor& gradient,
                       Tensor& cache, Tensor& weights) override;
    bool rmspropUpdate(UpdatePass pass, double learningRate, double decay, double momentum,
                       double epsilon, const Tensor& gradient, Tensor& cache, Tensor& velocity,
                       Tensor& weights) override;
    bool adamUpdate(UpdatePass pass, double learningRate, double beta1, double beta2,
                    double epsilon, int64_t t, const Tensor& gradient, Tensor& firstMoment,
                    Tensor& secondMoment, Tensor& weights) override;
    double sumOfAbsolutes(const Tensor& x) override;
    double sumOfSquares(const Tensor& x) override;
    void shrinkTowardZero(double amount, Tensor& w) override;
    void convolutionForward(const ImageWindows& windows, const Tensor& images,
                            const Tensor& weights, const Tensor& bias, Tensor& out) override;
    void convolutionParameterGradients(const ImageWindows& windows, const Tensor& images,
                                       const Tensor& outputGradient, Tensor& weightGradient,
                                       Tensor& biasGradient) override;
    void convolutionInputGradient(const ImageWindows& windows, const Tensor& outputGradient,
                                  const Tensor& weights, Tensor& inputGradient) override;
    void maxPoolForward(const ImageWindows& windows, const Tensor& in, Tensor& out) override;
    void maxPoolBackward(const ImageWindows& windows, const Tensor& in,
                         const Tensor& outputGradient, Tensor& inputGradient) override;
    void averagePoolForward(const ImageWindows& windows, const Tensor& in, Tensor& out) override;
    void averagePoolBackward(const ImageWindows& windows, const Tensor& outputGradient,
                             Tensor& inputGradient) override;
    void copyTimeStep(const Tensor& sequence, int64_t step, Tensor& out) override;
    void placeTimeStep(const Tensor& in, int64_t step, Tensor& sequence) override;
    void rnnForwardStep(Activation activation, int64_t step, const Tensor& inputPart,
                        const Tensor& recurrentPart, Tensor& hidden, Tensor& lastHidden) override;
    void rnnBackwardStep(Activation activation, int64_t step, const Tensor& hidden,
                         const Tensor& outputGradient, const Tensor& fromLater,
                         Tensor& hiddenGradient, Tensor& preActivationGradient,
                         Tensor& stepGradient) override;
    void lstmForwardStep(int64_t step, const Tensor& inputPart, const Tensor& recurrentPart,
                         Tensor& gates, Tensor& cells, Tensor& hidden, Tensor& lastHidden) override;
    void lstmBackwardStep(int64_t step, const Tensor& gates, const Tensor& cells,
                          const Tensor& outputGradient, const Tensor& fromLater, Tensor& cellCarry,
                          Tensor& hiddenGradient, Tensor& cellGradient,
                          Tensor& preActivationGradient, Tensor& stepGradient) override;
    void addScaled(double alpha, const Tensor& x, Tensor& y) override;
    bool sumIsFinite(double alpha, const Tensor& x, const Tensor& y) override;

private:
    ThreadPool pool_;
};

}  // namespace koto
