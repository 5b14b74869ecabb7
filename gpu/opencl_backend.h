#pragma once
// The OpenCL backend: every operation of Backend on one OpenCL device, GEMM through CLBlast and
// everything else through our own kernels (kernels/*.cl), which follow the CPU backend's
// formulas one for one. Tensors live in device memory, so parameters, gradients and
// optimizer state stay on the device for the whole of training; the host sees numbers only
// through download() and the scalar results (a loss, a sum, a finiteness check).
//
// Precision: Float32 always; Float64 where the device has cl_khr_fp64 (PoCL has), else
// allocating a Float64 tensor throws std::invalid_argument. UInt8 tensors hold image bytes for
// transfers, copies and gatherRows/gatherRowsScaled, as on the CPU.
//
// Kernels are compiled once per backend (one OpenCL context): the constructor builds the float
// kernels and has CLBlast build its single-precision GEMM, which kernelCompileSeconds() reports
// (7-13 s with a cold PoCL cache, well under a second warm). Our kernels' binaries are cached on
// disk for the next start (program_cache.h); CLBlast's stay in memory only. Double precision is
// compiled only if used: our kernels when the first Float64 tensor is allocated, CLBlast's DGEMM
// at the first double GEMM.
//
// Waiting for the device: every upload, every download, every number returned (a loss, a sum, a
// check) waits for the queue to finish. A training step waits once: its loss and its update's
// checks are left pending and read together, and its rows are gathered from an epoch's order
// uploaded once an epoch (backend.h's pending forms and held rows). hostWaits() counts the waits.
//
// Errors: anything the device refuses or runs out of (no platform, no such device, the context,
// a kernel build with the first lines of its log, CL_OUT_OF_RESOURCES,
// CL_MEM_OBJECT_ALLOCATION_FAILURE, a CLBlast failure) is a DeviceError naming it; every OpenCL
// and CLBlast status is checked. Misuse (shapes that do not fit, a row index out of range) throws
// std::invalid_argument or std::out_of_range as the CPU backend does. Tests force failures with
// the environment variable KOTO_OPENCL_FAIL=context|build|allocation|run:N
// (opencl_forced_failure.h).
//
// OpenCL drivers run inside this process and some abort it: check the device with
// discoverOpenClDevices() (opencl_devices.h), which asks in a child process, before making one.
// Like every backend, one thread at a time.

#include <memory>
#include <string_view>
#include <vector>

#include "backend/backend.h"
#include "kernel_arguments.h"
#include "opencl_buffer.h"
#include "opencl_context.h"
#include "opencl_forced_failure.h"
#include "opencl_pending_reads.h"
#include "opencl_program.h"

namespace koto {

class OpenClBackend final : public Backend {
public:
    // The device as discovery numbers it: the platform's index and the device's within it.
    explicit OpenClBackend(int platformIndex = 0, int deviceIndex = 0);
    ~OpenClBackend() override;

    // Seconds the constructor spent compiling kernels (ours and CLBlast's GEMM).
    double kernelCompileSeconds() const { return kernelCompileSeconds_; }
    // Of those, the seconds our float kernels took; whether they came from the program cache,
    // and why the cache was not used or not written ("" if it was), for a debugging note.
    double ourKernelSeconds() const { return floatProgram_->buildSeconds(); }
    bool kernelsFromCache() const { return floatProgram_->fromCache(); }
    const std::string& programCacheNote() const { return floatProgram_->cacheNote(); }
    // Times the host has waited for the device's queue to finish (a blocking upload or
    // download, a number read back, a clFinish), since construction.
    int64_t hostWaits() const { return hostWaits_; }
    // Kernel runs and CLBlast GEMMs since construction, the warm-up GEMM included: what
    // KOTO_OPENCL_FAIL=run:N counts.
    int64_t launchCount() const { return launches_; }

    std::string name() const override;
    bool isDevice() const override { return true; }
    // 9/10 of the device's global memory; a tensor at most its largest allocation.
    MemoryCapacity memoryCapacity() const override;
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
    // In opencl_sampling_ops.cpp, its kernel in kernels/sampling_kernels.cl.
    void bernoulliSample(const RandomStream& stream, const Tensor& probabilities,
                         Tensor& samples) override;
    void gatherRows(const Tensor& source, std::span<const int32_t> rows,
                    Tensor& destination) override;
    void gatherRowsScaled(const Tensor& source, std::span<const int32_t> rows, double scale,
                          Tensor& destination) override;
    void augmentImages(std::span<const ImageTransform> transforms, int64_t width, int64_t height,
                       const Tensor& images, Tensor& out) override;
    // The optimizer updates, in opencl_optimizer_ops.cpp.
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
    // Convolution and pooling, in opencl_image_ops.cpp, their kernels in kernels/image_kernels.cl.
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
    // The pending forms (loss in opencl_elementwise_ops.cpp, checks in opencl_optimizer_ops.cpp).
    PendingValue pendingLoss(LossFunction loss, const Tensor& outputs, const Tensor& targets,
                             Tensor& probabilities, Tensor& gradient) override;
    PendingValue pendingMomentumCheck(double learningRate, double momentum, bool nesterov,
                                      const Tensor& gradient, Tensor& velocity,
                                      Tensor& weights) override;
    PendingValue pendingAdagradCheck(double learningRate, double epsilon, const Tensor& gradient,
                                     Tensor& cache, Tensor& weights) override;
    PendingValue pendingRmspropCheck(double learningRate, double decay, double momentum,
                                     double epsilon, const Tensor& gradient, Tensor& cache,
                                     Tensor& velocity, Tensor& weights) override;
    PendingValue pendingAdamCheck(double learningRate, double beta1, double beta2, double epsilon,
                                  int64_t t, const Tensor& gradient, Tensor& firstMoment,
                                  Tensor& secondMoment, Tensor& weights) override;
    PendingValue pendingSumCheck(double alpha, const Tensor& x, const Tensor& y) override;
    void holdRows(std::span<const int32_t> rows, HeldRows& held) override;
    void gatherHeldRows(const Tensor& source, const HeldRows& rows, int64_t first,
                        Tensor& destination) override;
    void gatherHeldRowsScaled(const Tensor& source, const HeldRows& rows, int64_t first,
                              double scale, Tensor& destination) override;

    // Reads every partial sum of a pending batch with one wait (opencl_pending_reads.h).
    void readPending(OpenClPendingReads& batch);

private:
    // Both download()s: the values as Target, converted from the tensor's type if it differs.
    template <typename Target>
    void downloadAs(const Tensor& source, std::span<Target> values);
    // The program compiled for the tensors' element type (float or double), built on first use.
    OpenClProgram& program(DType type);
    const OpenClKernel& kernel(DType type, const char* name) { return program(type).kernel(name); }
    // Runs a kernel with one work-item per item (rounded up to whole work-groups).
    void run(const OpenClKernel& kernel, int64_t items, const char* what);
    // The same in work-groups of `groupSize` (or the kernel's limit, if smaller).
    void runInGroupsOf(size_t groupSize, const OpenClKernel& kernel, int64_t items,
                       const char* what);
    // Work-items per work-group of a reduction kernel: the largest power of two that it allows, up
    // to opencl_backend.cpp's kReductionGroup.
    static size_t reductionGroupSize(const OpenClKernel& kernel);
    // Runs a reduction kernel over `items`, setting its last two arguments (the partial sums and
    // their local scratch), and returns the total of the partial sums.
    double runSum(const OpenClKernel& kernel, KernelArguments& arguments, DType type, int64_t items,
                  const char* what);
    // The same left pending (its total divided by `divisor`), its partial sums in a buffer of
    // its own until read.
    PendingValue pendingSum(const OpenClKernel& kernel, KernelArguments& arguments, DType type,
                            int64_t items, const char* what, double divisor = 1.0);
    // Enqueues the reduction with its partial sums into `partials`; returns how many there are.
    size_t enqueueSum(const OpenClKernel& kernel, KernelArguments& arguments, DType type,
                      int64_t items, cl_mem partials, const char* what);
    // The optimizer updates' two passes: the check as a pending count, the apply at once (then
    // the count is a known 0). In opencl_optimizer_ops.cpp.
    PendingValue momentumPass(UpdatePass pass, double learningRate, double momentum, bool nesterov,
                              const Tensor& gradient, Tensor& velocity, Tensor& weights);
    PendingValue adagradPass(UpdatePass pass, double learningRate, double epsilon,
                             const Tensor& gradient, Tensor& cache, Tensor& weights);
    PendingValue rmspropPass(UpdatePass pass, double learningRate, double decay, double momentum,
                             double epsilon, const Tensor& gradient, Tensor& cache,
                             Tensor& velocity, Tensor& weights);
    PendingValue adamPass(UpdatePass pass, double learningRate, double beta1, double beta2,
                          double epsilon, int64_t t, const Tensor& gradient, Tensor& firstMoment,
                          Tensor& secondMoment, Tensor& weights);

    // Device memory that is not a tensor (row indices, image transforms, partial sums).
    std::unique_ptr<OpenClBuffer> createBuffer(size_t bytes, const std::string& what,
                                               bool forced = false);
    // Makes `buffer` hold at least `bytes`, replacing it by a larger one if needed.
    OpenClBuffer& bufferOfAtLeast(std::unique_ptr<OpenClBuffer>& buffer, size_t bytes,
                                  const char* what);
    void write(cl_mem memory, size_t bytes, const void* values, const char* what);
    void read(cl_mem memory, size_t bytes, void* values, const char* what);
    // Uploads row indices for a gather, after checking each lies within `sourceRows`.
    cl_mem uploadRowIndices(std::span<const int32_t> rows, int64_t sourceRows, const char* what);
    // The gathers' kernels with rows[first ..] of device memory `rows`, after checking shapes.
    void gather(const Tensor& source, cl_mem rows, int32_t first, Tensor& destination);
    void gatherScaled(const Tensor& source, cl_mem rows, int32_t first, double scale,
                      Tensor& destination);
    // CLBlast builds its GEMM kernels on their first call: make that call now, on 1 x 1 matrices.
    void prepareGemm();
    // Every kernel run and GEMM goes through countLaunch(), every other use of the device through
    // refuseIfForcedDown(): they make KOTO_OPENCL_FAIL=run:N fail the N-th launch and everything
    // after it, as CL_OUT_OF_RESOURCES.
    bool forcedDown() const;
    void countLaunch(const char* what);
    void refuseIfForcedDown(std::string_view what);

    // Convolution as GEMMs (opencl_image_ops.cpp). A scratch buffer of at least `elements` values,
    // grown only when a larger pass asks for more.
    cl_mem scratch(std::unique_ptr<OpenClBuffer>& buffer, int64_t elements, DType type,
                   const char* what);
    // C = op(A) op(B) + beta C, op(A) m x k and op(B) k x n, on buffers that are not tensors.
    void bufferGemm(DType type, bool transposeA, bool transposeB, int64_t m, int64_t n, int64_t k,
                    double beta, cl_mem a, cl_mem b, cl_mem c);
    // Images first .. first + count - 1 into the window matrix (im2col), and their dJ/da into
    // pixel-major rows; each returns the scratch buffer it filled.
    cl_mem imagesToColumns(const ImageWindows& windows, const Tensor& images, int64_t first,
                           int64_t count);
    cl_mem gradientToPixels(const ImageWindows& windows, const Tensor& outputGradient,
                            int64_t filters, int64_t first, int64_t count);

    ForcedFailure forced_;
    std::unique_ptr<OpenClContext> context_;
    std::unique_ptr<OpenClProgram> floatProgram_, doubleProgram_;
    std::unique_ptr<OpenClBuffer> partialSums_, rowIndices_, transforms_;
    std::unique_ptr<OpenClBuffer> convolutionColumns_, convolutionPixels_;
    // The batch of pending numbers being gathered, and the buffers their partial sums go to
    // (the i-th number of a batch in the i-th buffer; reused once a batch is read).
    std::shared_ptr<OpenClPendingReads> pending_;
    std::vector<std::unique_ptr<OpenClBuffer>> pendingBuffers_;
    double kernelCompileSeconds_ = 0;
    int64_t launches_ = 0;
    int64_t hostWaits_ = 0;
};

}  // namespace koto
