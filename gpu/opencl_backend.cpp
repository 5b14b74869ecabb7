#include "opencl_backend.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <vector>

#include "backend/argument_checks.h"
#include "backend/element_type_dispatch.h"
#include "clblast_gemm.h"
#include "kernel_source.h"
#include "opencl_status.h"
#include "opencl_tensors.h"
#include "util/errors.h"

namespace koto {
namespace {

// Work-items per work-group: element-wise kernels, and reductions (a power of two, which the
// tree sum in local memory needs). Fixed sizes, so that PoCL, which compiles a kernel again for
// each work-group size, compiles each one once.
constexpr size_t kElementGroup = 64;
constexpr size_t kReductionGroup = 128;
// Work-groups of a reduction, each leaving one partial sum for the host to add: enough to keep
// a GPU busy, few enough that reading them back costs nothing.
constexpr size_t kMaxReductionGroups = 64;

// Bytes the tensor's current rows use.
size_t bytesOf(const Tensor& tensor) {
    return static_cast<size_t>(tensor.size() * bytesPerElement(tensor.dtype()));
}

void requireValueCount(size_t values, const Tensor& tensor, const char* what) {
    if (static_cast<int64_t>(values) != tensor.size())
        throw std::invalid_argument(std::string(what) + ": " + std::to_string(values) +
                                    " values for a tensor of " + tensor.shape().text());
}

// Transfers convert between float and double on the host, where the values already are.
template <typename Target, typename Source>
std::vector<Target> converted(std::span<const Source> values) {
    return std::vector<Target>(values.begin(), values.end());
}

// The total of `groups` partial sums of `type` held in `bytes`, added in double in order.
double totalOf(DType type, const void* bytes, size_t groups) {
    return dispatch(type, [&]<typename T>() {
        const T* partials = static_cast<const T*>(bytes);
        double total = 0;
        for (size_t i = 0; i < groups; ++i) total += static_cast<double>(partials[i]);
        return total;
    });
}

}  // namespace

OpenClBackend::OpenClBackend(int platformIndex, int deviceIndex) : forced_(forcedOpenClFailure()) {
    context_ = std::make_unique<OpenClContext>(platformIndex, deviceIndex,
                                               forced_.kind == ForcedFailure::Kind::Context);
    const auto start = std::chrono::steady_clock::now();
    program(DType::Float32);
    prepareGemm();
    kernelCompileSeconds_ =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    partialSums_ = createBuffer(kMaxReductionGroups * sizeof(double), "the partial sums");
}

OpenClBackend::~OpenClBackend() {
    if (pending_) pending_->orphan();
}

std::string OpenClBackend::name() const { return context_->deviceName(); }

MemoryCapacity OpenClBackend::memoryCapacity() const {
    MemoryCapacity capacity;
    // A driver that does not say is trusted: its allocations are still checked as they are made.
    const int64_t global = context_->globalMemoryBytes(),
                  largest = context_->largestAllocationBytes();
    capacity.totalBytes = global > 0 ? global / 10 * 9 : std::numeric_limits<int64_t>::max();
    capacity.largestTensorBytes = largest > 0 ? largest : capacity.totalBytes;
    capacity.device = true;
    capacity.where = "the memory of " + name();
    return capacity;
}

OpenClProgram& OpenClBackend::program(DType type) {
    std::unique_ptr<OpenClProgram>& slot = type == DType::Float64 ? doubleProgram_ : floatProgram_;
    if (type == DType::UInt8) throw std::invalid_argument(kComputesNotOnBytes);
    if (!slot) {
        const bool forced = forced_.kind == ForcedFailure::Kind::Build;
        // A real build of a broken source, so that the failure carries a real compiler log.
        const std::string source =
            (forced ? "#error \"a kernel build failure forced by KOTO_OPENCL_FAIL=build\"\n" : "") +
            std::string(kBackendKernelSource);
        slot =
            std::make_unique<OpenClProgram>(context_->context(), context_->device(), source,
                                            type == DType::Float64 ? "-DKOTO_DOUBLE" : "", forced);
    }
    return *slot;
}

void OpenClBackend::prepareGemm() {
    const float one = 1.0f;
    std::unique_ptr<OpenClBuffer> matrices[3];
    for (auto& matrix : matrices) {
        matrix = createBuffer(sizeof one, "the GEMM warm-up");
        write(matrix->memory(), sizeof one, &one, "the GEMM warm-up");
    }
    const GemmShape shape{false, false, 1, 1, 1, 1, 1, 1};
    countLaunch("the GEMM warm-up");
    clblastGemm(DType::Float32, shape, 1.0, matrices[0]->memory(), matrices[1]->memory(), 0.0,
                matrices[2]->memory(), context_->queueAddress());
    ++hostWaits_;
    checkOpenCl(clFinish(context_->queue()), "the GEMM warm-up");
}

bool OpenClBackend::forcedDown() const {
    return forced_.kind == ForcedFailure::Kind::Run && launches_ >= forced_.failingLaunch;
}

void OpenClBackend::countLaunch(const char* what) {
    ++launches_;
    if (forcedDown()) checkOpenCl(CL_OUT_OF_RESOURCES, std::string("running ") + what, true);
}

void OpenClBackend::refuseIfForcedDown(std::string_view what) {
    if (forcedDown()) checkOpenCl(CL_OUT_OF_RESOURCES, std::string(what), true);
}

// ---- memory ------------------------------------------------------------------------------------

std::unique_ptr<OpenClBuffer> OpenClBackend::createBuffer(size_t bytes, const std::string& what,
                                                          bool forced) {
    // Zero-filled, as Backend::allocate promises. (Drivers may reserve the memory only when it is
    // first used; a shortage then shows as an error of a later call, which is checked too.)
    const size_t size = std::max<size_t>(bytes, 1);
    const std::string allocating = "allocating " + std::to_string(size) + " bytes for " + what;
    refuseIfForcedDown(allocating);
    cl_int status = CL_MEM_OBJECT_ALLOCATION_FAILURE;
    cl_mem memory =
        forced ? nullptr
               : clCreateBuffer(context_->context(), CL_MEM_READ_WRITE, size, nullptr, &status);
    checkOpenCl(status, allocating, forced);
    auto buffer = std::make_unique<OpenClBuffer>(memory, size);
    const cl_uchar zero = 0;
    checkOpenCl(clEnqueueFillBuffer(context_->queue(), memory, &zero, sizeof zero, 0, size, 0,
                                    nullptr, nullptr),
                "zero-filling " + std::to_string(size) + " bytes for " + what);
    return buffer;
}

OpenClBuffer& OpenClBackend::bufferOfAtLeast(std::unique_ptr<OpenClBuffer>& buffer, size_t bytes,
                                             const char* what) {
    if (!buffer || buffer->bytes() < bytes) buffer = createBuffer(bytes, what);
    return *buffer;
}

void OpenClBackend::write(cl_mem memory, size_t bytes, const void* values, const char* what) {
    if (bytes == 0) return;
    const std::string copying = std::string("copying ") + what + " to the device";
    refuseIfForcedDown(copying);
    // Blocking: the caller's values may be gone once this returns.
    ++hostWaits_;
    checkOpenCl(clEnqueueWriteBuffer(context_->queue(), memory, CL_TRUE, 0, bytes, values, 0,
                                     nullptr, nullptr),
                copying);
}

void OpenClBackend::read(cl_mem memory, size_t bytes, void* values, const char* what) {
    if (bytes == 0) return;
    const std::string copying = std::string("copying ") + what + " from the device";
    refuseIfForcedDown(copying);
    ++hostWaits_;
    checkOpenCl(clEnqueueReadBuffer(context_->queue(), memory, CL_TRUE, 0, bytes, values, 0,
                                    nullptr, nullptr),
                copying);
}

Tensor OpenClBackend::allocate(const Shape& shape, DType type) {
    if (shape.elementCount() > kMaxElements)
        throw std::invalid_argument(
            "the OpenCL backend holds tensors of fewer than 2^31 elements, not " + shape.text());
    if (type == DType::Float64) {
        if (!context_->hasDoublePrecision())
            throw std::invalid_argument(
                "the OpenCL device " + name() +
                " has no double precision (cl_khr_fp64): use Float32 tensors");
        program(DType::Float64);
    }
    const auto bytes = static_cast<size_t>(shape.elementCount() * bytesPerElement(type));
    std::shared_ptr<Storage> buffer = createBuffer(bytes, "a tensor of " + shape.text(),
                                                   forced_.kind == ForcedFailure::Kind::Allocation);
    return Tensor(shape, type, std::move(buffer));
}

void OpenClBackend::upload(std::span<const float> values, Tensor& destination) {
    requireValueCount(values.size(), destination, "upload");
    dispatch(destination.dtype(), [&]<typename T>() {
        if constexpr (std::is_same_v<T, float>)
            write(memoryOf(destination), bytesOf(destination), values.data(), "values");
        else
            write(memoryOf(destination), bytesOf(destination), converted<T>(values).data(),
                  "values");
    });
}

void OpenClBackend::upload(std::span<const double> values, Tensor& destination) {
    requireValueCount(values.size(), destination, "upload");
    dispatch(destination.dtype(), [&]<typename T>() {
        if constexpr (std::is_same_v<T, double>)
            write(memoryOf(destination), bytesOf(destination), values.data(), "values");
        else
            write(memoryOf(destination), bytesOf(destination), converted<T>(values).data(),
                  "values");
    });
}

void OpenClBackend::upload(std::span<const uint8_t> bytes, Tensor& destination) {
    if (destination.dtype() != DType::UInt8 ||
        static_cast<int64_t>(bytes.size()) != destination.size())
        throw std::invalid_argument("upload: " + std::to_string(bytes.size()) +
                                    " bytes for a tensor of " + destination.shape().text());
    write(memoryOf(destination), bytes.size(), bytes.data(), "bytes");
}

void OpenClBackend::download(const Tensor& source, std::span<float> values) {
    downloadAs(source, values);
}

void OpenClBackend::download(const Tensor& source, std::span<double> values) {
    downloadAs(source, values);
}

template <typename Target>
void OpenClBackend::downloadAs(const Tensor& source, std::span<Target> values) {
    requireValueCount(values.size(), source, "download");
    dispatch(source.dtype(), [&]<typename T>() {
        if constexpr (std::is_same_v<T, Target>) {
            read(memoryOf(source), bytesOf(source), values.data(), "values");
        } else {  // read in the tensor's own type, then convert
            std::vector<T> held(values.size());
            read(memoryOf(source), bytesOf(source), held.data(), "values");
            std::copy(held.begin(), held.end(), values.begin());
        }
    });
}

void OpenClBackend::copy(const Tensor& source, Tensor& destination) {
    requireSameSize(source, destination, "copy");
    const cl_mem from = memoryOf(source), to = memoryOf(destination);
    if (from == to || bytesOf(source) == 0) return;
    refuseIfForcedDown("copying a tensor");
    checkOpenCl(clEnqueueCopyBuffer(context_->queue(), from, to, 0, 0, bytesOf(source), 0, nullptr,
                                    nullptr),
                "copying a tensor");
}

void OpenClBackend::fill(Tensor& tensor, double value) {
    dispatch(tensor.dtype(), [&]<typename T>() {
        if (tensor.size() == 0) return;
        refuseIfForcedDown("filling a tensor");
        const T pattern = static_cast<T>(value);
        checkOpenCl(clEnqueueFillBuffer(context_->queue(), memoryOf(tensor), &pattern,
                                        sizeof pattern, 0, bytesOf(tensor), 0, nullptr, nullptr),
                    "filling a tensor");
    });
}

// ---- running kernels
// -----------------------------------------------------------------------------

void OpenClBackend::run(const OpenClKernel& kernel, int64_t items, const char* what) {
    runInGroupsOf(kElementGroup, kernel, items, what);
}

void OpenClBackend::runInGroupsOf(size_t groupSize, const OpenClKernel& kernel, int64_t items,
                                  const char* what) {
    if (items <= 0) return;
    const size_t group = std::min(groupSize, kernel.maxGroupSize);
    const size_t global = (static_cast<size_t>(items) + group - 1) / group * group;
    countLaunch(what);
    checkOpenCl(clEnqueueNDRangeKernel(context_->queue(), kernel.handle, 1, nullptr, &global,
                                       &group, 0, nullptr, nullptr),
                std::string("running ") + what);
}

size_t OpenClBackend::reductionGroupSize(const OpenClKernel& kernel) {
    size_t group = 1;
    while (group * 2 <= std::min(kReductionGroup, kernel.maxGroupSize)) group *= 2;
    return group;
}

size_t OpenClBackend::enqueueSum(const OpenClKernel& kernel, KernelArguments& arguments, DType type,
                                 int64_t items, cl_mem partials, const char* what) {
    const size_t group = reductionGroupSize(kernel);
    const size_t groups =
        std::min(kMaxReductionGroups, (static_cast<size_t>(items) + group - 1) / group);
    arguments.buffer(partials).local(group * static_cast<size_t>(bytesPerElement(type)));
    const size_t global = groups * group;
    countLaunch(what);
    checkOpenCl(clEnqueueNDRangeKernel(context_->queue(), kernel.handle, 1, nullptr, &global,
                                       &group, 0, nullptr, nullptr),
                std::string("running ") + what);
    return groups;
}

double OpenClBackend::runSum(const OpenClKernel& kernel, KernelArguments& arguments, DType type,
                             int64_t items, const char* what) {
    if (items <= 0) return 0.0;
    const size_t groups = enqueueSum(kernel, arguments, type, items, partialSums_->memory(), what);
    std::vector<double> partials(groups);  // room for either type
    read(partialSums_->memory(), groups * static_cast<size_t>(bytesPerElement(type)),
         partials.data(), "partial sums");
    return totalOf(type, partials.data(), groups);
}

PendingValue OpenClBackend::pendingSum(const OpenClKernel& kernel, KernelArguments& arguments,
                                       DType type, int64_t items, const char* what,
                                       double divisor) {
    if (items <= 0) return PendingValue(0.0 / divisor);
    // A batch that has been read, or that nobody holds any more, makes way for a new one, which
    // reuses the buffers (commands run in order, so an abandoned batch's kernels finish first).
    if (!pending_ || pending_->isRead() || pending_.use_count() == 1)
        pending_ = std::make_shared<OpenClPendingReads>(this);
    const size_t slot = pending_->size();
    if (slot == pendingBuffers_.size())
        pendingBuffers_.push_back(
            createBuffer(kMaxReductionGroups * sizeof(double), "a pending result"));
    const cl_mem partials = pendingBuffers_[slot]->memory();
    const size_t groups = enqueueSum(kernel, arguments, type, items, partials, what);
    return PendingValue(pending_, pending_->add({partials, groups, type, divisor}));
}

void OpenClBackend::readPending(OpenClPendingReads& batch) {
    const std::string copying = "copying results from the device";
    refuseIfForcedDown(copying);
    const std::vector<OpenClPendingReads::Sum>& sums = batch.sums();
    std::vector<std::vector<double>> partials(sums.size());  // room for either type
    for (size_t i = 0; i < sums.size(); ++i) {
        partials[i].resize(sums[i].groups);
        const cl_int status =
            clEnqueueReadBuffer(context_->queue(), sums[i].partials, CL_FALSE, 0,
                                sums[i].groups * static_cast<size_t>(bytesPerElement(sums[i].type)),
                                partials[i].data(), 0, nullptr, nullptr);
        if (status != CL_SUCCESS) {
            clFinish(context_->queue());  // the reads already enqueued write into `partials`
            checkOpenCl(status, copying);
        }
    }
    // The one wait: the reads were enqueued without waiting, after everything that computes them.
    ++hostWaits_;
    checkOpenCl(clFinish(context_->queue()), copying);
    std::vector<double> values(sums.size());
    for (size_t i = 0; i < sums.size(); ++i)
        values[i] = totalOf(sums[i].type, partials[i].data(), sums[i].groups) / sums[i].divisor;
    batch.setValues(std::move(values));
}

// ---- linear algebra
// ------------------------------------------------------------------------------

void OpenClBackend::gemm(bool transposeA, bool transposeB, double alpha, const Tensor& a,
                         const Tensor& b, double beta, Tensor& c) {
    const int64_t m = transposeA ? a.cols() : a.rows();
    const int64_t k = transposeA ? a.rows() : a.cols();
    const int64_t kb = transposeB ? b.cols() : b.rows();
    const int64_t n = transposeB ? b.rows() : b.cols();
    if (k != kb || c.rows() != m || c.cols() != n || a.dtype() != b.dtype() ||
        a.dtype() != c.dtype())
        throw std::invalid_argument("gemm: shapes do not fit (" + a.shape().text() + ", " +
                                    b.shape().text() + " into " + c.shape().text() + ")");
    const DType type = computeType(c);
    if (m == 0 || n == 0) return;
    if (k == 0) {  // an empty product: C = beta C (CLBlast rejects k = 0)
        if (beta == 0.0) fill(c, 0.0);
        else addScaled(beta - 1.0, c, c);
        return;
    }
    const GemmShape shape{transposeA,
                          transposeB,
                          static_cast<size_t>(m),
                          static_cast<size_t>(n),
                          static_cast<size_t>(k),
                          static_cast<size_t>(a.cols()),
                          static_cast<size_t>(b.cols()),
                          static_cast<size_t>(c.cols())};
    countLaunch("GEMM");
    clblastGemm(type, shape, alpha, memoryOf(a), memoryOf(b), beta, memoryOf(c),
                context_->queueAddress());
}

void OpenClBackend::addRowVector(const Tensor& vector, Tensor& matrix) {
    if (vector.size() != matrix.cols() || vector.dtype() != matrix.dtype())
        throw std::invalid_argument("addRowVector: a vector of " + std::to_string(vector.size()) +
                                    " for rows of " + std::to_string(matrix.cols()));
    const DType type = computeType(matrix);
    const OpenClKernel& k = kernel(type, "add_row_vector");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(matrix))
        .buffer(memoryOf(vector))
        .integer(count(matrix))
        .integer(static_cast<int32_t>(matrix.cols()));
    run(k, matrix.size(), "addRowVector");
}

void OpenClBackend::columnSums(const Tensor& matrix, Tensor& out) {
    if (out.size() != matrix.cols() || out.dtype() != matrix.dtype())
        throw std::invalid_argument("columnSums: output size does not match the columns");
    const DType type = computeType(out);
    const OpenClKernel& k = kernel(type, "column_sums");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(matrix))
        .buffer(memoryOf(out))
        .integer(static_cast<int32_t>(matrix.rows()))
        .integer(static_cast<int32_t>(matrix.cols()));
    run(k, matrix.cols(), "columnSums");
}

// ---- randomness
// ------------------------------------------------------------------------------------

void OpenClBackend::dropoutMask(const RandomStream& stream, double keep, Tensor& mask) {
    const DType type = computeType(mask);
    const OpenClKernel& k = kernel(type, "dropout_mask");
    // The same threshold and kept value as the CPU backend: float keep, 1/keep in the tensor's
    // type.
    KernelArguments(k.handle, type)
        .buffer(memoryOf(mask))
        .integer(count(mask))
        .unsignedLong(stream.seed)
        .unsignedLong(stream.step)
        .unsignedInteger(stream.layer)
        .singleFloat(static_cast<float>(keep))
        .real(dispatch(
            type, [&]<typename T>() { return static_cast<double>(static_cast<T>(1.0 / keep)); }));
    run(k, (mask.size() + 3) / 4, "dropoutMask");
}

void OpenClBackend::gaussianNoise(const RandomStream& stream, double deviation, Tensor& noise) {
    const DType type = computeType(noise);
    const OpenClKernel& k = kernel(type, "gaussian_noise");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(noise))
        .integer(count(noise))
        .unsignedLong(stream.seed)
        .unsignedLong(stream.step)
        .unsignedInteger(stream.layer)
        .singleFloat(static_cast<float>(deviation));
    run(k, (noise.size() + 3) / 4, "gaussianNoise");
}

// ---- sums
// ------------------------------------------------------------------------------------------

double OpenClBackend::sumOfAbsolutes(const Tensor& x) {
    const DType type = computeType(x);
    const OpenClKernel& k = kernel(type, "sum_of_absolutes");
    KernelArguments arguments(k.handle, type);
    arguments.buffer(memoryOf(x)).integer(count(x));
    return runSum(k, arguments, type, x.size(), "sumOfAbsolutes");
}

double OpenClBackend::sumOfSquares(const Tensor& x) {
    const DType type = computeType(x);
    const OpenClKernel& k = kernel(type, "sum_of_squares");
    KernelArguments arguments(k.handle, type);
    arguments.buffer(memoryOf(x)).integer(count(x));
    return runSum(k, arguments, type, x.size(), "sumOfSquares");
}

bool OpenClBackend::sumIsFinite(double alpha, const Tensor& x, const Tensor& y) {
    return pendingSumCheck(alpha, x, y).get() == 0.0;
}

PendingValue OpenClBackend::pendingSumCheck(double alpha, const Tensor& x, const Tensor& y) {
    requireSameSize(x, y, "sumIsFinite");
    const DType type = computeType(y);
    const OpenClKernel& k = kernel(type, "count_not_finite_sums");
    KernelArguments arguments(k.handle, type);
    arguments.real(alpha).buffer(memoryOf(x)).buffer(memoryOf(y)).integer(count(y));
    return pendingSum(k, arguments, type, y.size(), "sumIsFinite");
}

}  // namespace koto
