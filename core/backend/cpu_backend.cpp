#include "backend/cpu_backend.h"

#include <malloc.h>

#include <Eigen/Core>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <type_traits>

#include "backend/argument_checks.h"
#include "backend/cpu_parallel.h"
#include "backend/element_type_dispatch.h"
#include "backend/host_storage.h"
#include "backend/product_kernels.h"
#include "backend/vector_lanes.h"
#include "util/box_muller.h"

namespace koto {
namespace {

template <typename T>
using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename T>
using MatrixMap = Eigen::Map<Matrix<T>, Eigen::Aligned64>;
template <typename T>
using RowVectorMap = Eigen::Map<Eigen::Matrix<T, 1, Eigen::Dynamic>, Eigen::Aligned64>;

template <typename T>
MatrixMap<T> matrix(const Tensor& t) {
    return MatrixMap<T>(dataOf<T>(t), t.rows(), t.cols());
}

template <typename T>
RowVectorMap<T> rowVector(const Tensor& t) {
    return RowVectorMap<T>(dataOf<T>(t), t.size());
}

// The values [begin, end) of t (begin a multiple of kValuesPerPart, so still 64-byte aligned).
template <typename T>
RowVectorMap<T> values(const Tensor& t, int64_t begin, int64_t end) {
    return RowVectorMap<T>(dataOf<T>(t) + begin, end - begin);
}

// A large product C = op(A) op(B) (m x k by k x n) is computed in blocks of kProductBlock rows of
// C, or columns when C is wider than tall, as separate products; smaller ones in one part. The
// blocks depend on the shapes alone (cpu_parallel.h). 64 keeps each block a good shape for
// Eigen's kernel; at 2^19 multiply-adds a product takes tens of microseconds, enough to share.
constexpr int64_t kProductBlock = 64;
constexpr int64_t kSharedProduct = int64_t{1} << 19;
struct ProductSplit {
    bool byRows;
    int64_t length;  // of the split side, m or n
    int64_t block;   // rows or columns a part
    int64_t parts() const { return partCount(length, block); }
};
ProductSplit splitOf(int64_t m, int64_t n, int64_t k) {
    if (m * n * k < kSharedProduct) return {true, m, std::max<int64_t>(m, 1)};
    return m >= n ? ProductSplit{true, m, kProductBlock} : ProductSplit{false, n, kProductBlock};
}

// Asks the CPU to start loading `bytes` bytes at `address` into its caches.
constexpr size_t kPrefetchAhead = 4;  // rows
void prefetchRow(const void* address, int64_t bytes) {
    const char* p = static_cast<const char*>(address);
    for (int64_t offset = 0; offset < bytes; offset += 64) __builtin_prefetch(p + offset);
}

// Eigen's general product allocates packing buffers on every call; glibc hands large blocks back
// to the OS and the next call page-faults them in again, which is very slow in virtual machines
// (a 9-30x cliff at some batch sizes). Keeping freed memory in the process avoids it.
void keepFreedMemoryInProcess() {
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
        mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    });
}

// ReLU's dJ/da: dJ/dz where z > 0, else 0, 64 bytes at a time. Eigen 3.4's select compares value
// by value, and where the compiler cannot blend vectors (SSE2, as in a portable build) it branched
// on each value and mispredicted half of them: 11 % of a LeNet-like epoch there, against 1 %.
template <typename T>
void reluGradient(const T* z, const T* dZ, T* dA, int64_t count) {
    constexpr int kLanes = 64 / sizeof(T);
    using L = Lanes<T, kLanes>;
    int64_t i = 0;
    for (; i + kLanes <= count; i += kLanes)
        L::store(dA + i, L::keep(L::load(z + i) > T(0), L::load(dZ + i)));
    for (; i < count; ++i) dA[i] = z[i] > T(0) ? dZ[i] : T(0);
}

template <typename T, typename Source>
void uploadValues(std::span<const Source> values, Tensor& destination) {
    if (static_cast<int64_t>(values.size()) != destination.size())
        throw std::invalid_argument("upload: " + std::to_string(values.size()) +
                                    " values for a tensor of " + destination.shape().text());
    std::copy(values.begin(), values.end(), dataOf<T>(destination));
}

template <typename T, typename Target>
void downloadValues(const Tensor& source, std::span<Target> values) {
    if (static_cast<int64_t>(values.size()) != source.size())
        throw std::invalid_argument("download: buffer of " + std::to_string(values.size()) +
                                    " values for a tensor of " + source.shape().text());
    const T* data = dataOf<T>(source);
    std::copy(data, data + source.size(), values.begin());
}

}  // namespace

namespace {
std::atomic<int> chosenThreads{0};  // setDefaultThreads(); 0: every core
}  // namespace

CpuBackend::CpuBackend(int threads)
    : pool_(std::clamp(threads > 0 ? threads : defaultThreads(), 1, kMaxThreads)) {
    keepFreedMemoryInProcess();
}

void CpuBackend::setThreads(int threads) {
    pool_.setThreads(std::clamp(threads > 0 ? threads : defaultThreads(), 1, kMaxThreads));
}

int CpuBackend::defaultThreads() {
    const int chosen = chosenThreads.load();
    return chosen > 0 ? chosen : ThreadPool::hardwareThreads();
}

void CpuBackend::setDefaultThreads(int threads) {
    chosenThreads.store(threads > 0 ? std::min(threads, kMaxThreads) : 0);
}

std::string CpuBackend::name() const { return "CPU (Eigen)"; }

Tensor CpuBackend::allocate(const Shape& shape, DType type) {
    auto storage = std::make_shared<HostStorage>(
        static_cast<size_t>(shape.elementCount() * bytesPerElement(type)));
    return Tensor(shape, type, std::move(storage));
}

void CpuBackend::upload(std::span<const float> values, Tensor& destination) {
    dispatch(destination.dtype(), [&]<typename T>() { uploadValues<T>(values, destination); });
}

void CpuBackend::upload(std::span<const double> values, Tensor& destination) {
    dispatch(destination.dtype(), [&]<typename T>() { uploadValues<T>(values, destination); });
}

void CpuBackend::upload(std::span<const uint8_t> bytes, Tensor& destination) {
    if (destination.dtype() != DType::UInt8 ||
        static_cast<int64_t>(bytes.size()) != destination.size())
        throw std::invalid_argument("upload: " + std::to_string(bytes.size()) +
                                    " bytes for a tensor of " + destination.shape().text());
    std::memcpy(dataOf<uint8_t>(destination), bytes.data(), bytes.size());
}

void CpuBackend::download(const Tensor& source, std::span<float> values) {
    dispatch(source.dtype(), [&]<typename T>() { downloadValues<T>(source, values); });
}

void CpuBackend::download(const Tensor& source, std::span<double> values) {
    dispatch(source.dtype(), [&]<typename T>() { downloadValues<T>(source, values); });
}

void CpuBackend::copy(const Tensor& source, Tensor& destination) {
    requireSameSize(source, destination, "copy");
    std::memcpy(dataOf<char>(destination), dataOf<char>(source),
                static_cast<size_t>(source.size() * bytesPerElement(source.dtype())));
}

void CpuBackend::fill(Tensor& tensor, double value) {
    dispatch(tensor.dtype(),
             [&]<typename T>() { rowVector<T>(tensor).setConstant(static_cast<T>(value)); });
}

void CpuBackend::gemm(bool transposeA, bool transposeB, double alpha, const Tensor& a,
                      const Tensor& b, double beta, Tensor& c) {
    const int64_t m = transposeA ? a.cols() : a.rows();
    const int64_t k = transposeA ? a.rows() : a.cols();
    const int64_t kb = transposeB ? b.cols() : b.rows();
    const int64_t n = transposeB ? b.rows() : b.cols();
    if (k != kb || c.rows() != m || c.cols() != n || a.dtype() != b.dtype() ||
        a.dtype() != c.dtype())
        throw std::invalid_argument("gemm: shapes do not fit (" + a.shape().text() + ", " +
                                    b.shape().text() + " into " + c.shape().text() + ")");
    // Chosen once per process: the product compiled for the best instruction set this CPU has.
    static const ProductKernels& kernels = productKernels();
    dispatch(c.dtype(), [&]<typename T>() {
        const ProductSplit split = splitOf(m, n, k);
        pool_.run(split.parts(), [&](int64_t part) {
            const int64_t first = part * split.block,
                          size = std::min(split.block, split.length - first);
            // C's rows [r, r + rows) and columns [j, j + cols): every value of C is in one block,
            // computed from whole rows of op(A) and columns of op(B).
            const int64_t r = split.byRows ? first : 0, rows = split.byRows ? size : m;
            const int64_t j = split.byRows ? 0 : first, cols = split.byRows ? n : size;
            const ProductBlock<T> block{
                dataOf<T>(a) + (transposeA ? r : r * k), a.cols(), transposeA,
                dataOf<T>(b) + (transposeB ? j * k : j), b.cols(), transposeB,
                dataOf<T>(c) + r * n + j, n, rows, cols, k, static_cast<T>(alpha),
                static_cast<T>(beta),
                // Tiny products (a TF-Playground network) are faster coefficient by coefficient
                // than through the blocked GEMM kernel, whose set-up dominates at these sizes.
                m * n * k <= 16 * 16 * 16};
            if constexpr (std::is_same_v<T, float>) kernels.floats(block);
            else kernels.doubles(block);
        });
    });
}

void CpuBackend::addRowVector(const Tensor& vector, Tensor& matrixTensor) {
    if (vector.size() != matrixTensor.cols())
        throw std::invalid_argument("addRowVector: a vector of " + std::to_string(vector.size()) +
                                    " for rows of " + std::to_string(matrixTensor.cols()));
    dispatch(matrixTensor.dtype(),
             [&]<typename T>() { matrix<T>(matrixTensor).rowwise() += rowVector<T>(vector); });
}

void CpuBackend::columnSums(const Tensor& matrixTensor, Tensor& out) {
    if (out.size() != matrixTensor.cols())
        throw std::invalid_argument("columnSums: output size does not match the columns");
    dispatch(out.dtype(),
             [&]<typename T>() { rowVector<T>(out) = matrix<T>(matrixTensor).colwise().sum(); });
}

void CpuBackend::activationForward(Activation activation, const Tensor& a, Tensor& z) {
    requireSameSize(a, z, "activationForward");
    dispatch(a.dtype(), [&]<typename T>() {
        if (activation == Activation::Softmax) {
            auto rowsIn = matrix<T>(a);
            auto rowsOut = matrix<T>(z);
            for (int64_t row = 0; row < rowsIn.rows(); ++row) {
                rowsOut.row(row) = (rowsIn.row(row).array() - rowsIn.row(row).maxCoeff()).exp();
                rowsOut.row(row) /= rowsOut.row(row).sum();
            }
            return;
        }
        forEachValues(pool_, a.size(), [&](int64_t begin, int64_t end) {
            auto in = values<T>(a, begin, end).array();
            auto out = values<T>(z, begin, end).array();
            switch (activation) {
            case Activation::Linear: out = in; break;
            case Activation::Softmax: break;  // above
            case Activation::Sigmoid: out = in.logistic(); break;
            case Activation::Tanh: out = in.tanh(); break;
            case Activation::Relu: out = in.max(T(0)); break;
            }
        });
    });
}

void CpuBackend::activationBackward(Activation activation, const Tensor& z, const Tensor& dZ,
                                    Tensor& dA) {
    requireSameSize(z, dZ, "activationBackward");
    requireSameSize(z, dA, "activationBackward");
    if (activation == Activation::Softmax)
        throw std::logic_error("softmax is only trained fused with cross-entropy");
    dispatch(z.dtype(), [&]<typename T>() {
        forEachValues(pool_, z.size(), [&](int64_t begin, int64_t end) {
            auto out = values<T>(z, begin, end).array();
            auto upstream = values<T>(dZ, begin, end).array();
            auto result = values<T>(dA, begin, end).array();
            switch (activation) {
            case Activation::Linear: result = upstream; break;
            case Activation::Softmax: break;  // refused above
            case Activation::Sigmoid: result = upstream * out * (T(1) - out); break;
            case Activation::Tanh: result = upstream * (T(1) - out.square()); break;
            case Activation::Relu:
                reluGradient(out.data(), upstream.data(), result.data(), end - begin);
                break;
            }
        });
    });
}

double CpuBackend::softmaxCrossEntropy(const Tensor& logits, const Tensor& targets,
                                       Tensor& probabilities, Tensor& dLogits) {
    requireSameSize(logits, targets, "softmaxCrossEntropy");
    requireSameSize(logits, probabilities, "softmaxCrossEntropy");
    requireSameSize(logits, dLogits, "softmaxCrossEntropy");
    return dispatch(logits.dtype(), [&]<typename T>() {
        auto L = matrix<T>(logits);
        auto Tm = matrix<T>(targets);
        auto Y = matrix<T>(probabilities);
        auto D = matrix<T>(dLogits);
        const int64_t n = L.rows();
        double total = 0;
        for (int64_t row = 0; row < n; ++row) {
            const T maximum = L.row(row).maxCoeff();
            Y.row(row) = (L.row(row).array() - maximum).exp();
            const T sum = Y.row(row).sum();
            const T logSum = std::log(sum) + maximum;
            Y.row(row) /= sum;
            // -sum_k T[k] log Y[k] with log Y[k] = a[k] - logsumexp(a): finite for any logits.
            // Only the classes with T[k] != 0 count: 0 * log(0) is 0 here, not NaN.
            total -= static_cast<double>(
                (Tm.row(row).array() != T(0))
                    .select(Tm.row(row).array() * (L.row(row).array() - logSum), T(0))
                    .sum());
        }
        D = (Y - Tm) / static_cast<T>(n);
        return total / static_cast<double>(n);
    });
}

double CpuBackend::sigmoidBinaryCrossEntropy(const Tensor& logits, const Tensor& targets,
                                             Tensor& probabilities, Tensor& dLogits) {
    requireSameSize(logits, targets, "sigmoidBinaryCrossEntropy");
    requireSameSize(logits, probabilities, "sigmoidBinaryCrossEntropy");
    requireSameSize(logits, dLogits, "sigmoidBinaryCrossEntropy");
    return dispatch(logits.dtype(), [&]<typename T>() {
        auto l = rowVector<T>(logits).array();
        auto t = rowVector<T>(targets).array();
        auto p = rowVector<T>(probabilities).array();
        const int64_t n = logits.rows();
        p = l.logistic();
        rowVector<T>(dLogits).array() = (p - t) / static_cast<T>(n);
        const double total =
            static_cast<double>((l.max(T(0)) - l * t + (T(1) + (-l.abs()).exp()).log()).sum());
        return total / static_cast<double>(n);
    });
}

double CpuBackend::meanSquaredError(const Tensor& outputs, const Tensor& targets,
                                    Tensor& dOutputs) {
    requireSameSize(outputs, targets, "meanSquaredError");
    requireSameSize(outputs, dOutputs, "meanSquaredError");
    return dispatch(outputs.dtype(), [&]<typename T>() {
        auto difference = rowVector<T>(outputs).array() - rowVector<T>(targets).array();
        const int64_t n = outputs.rows();
        rowVector<T>(dOutputs).array() = difference * (T(2) / static_cast<T>(n));
        return static_cast<double>(difference.square().sum()) / static_cast<double>(n);
    });
}

void CpuBackend::multiply(const Tensor& a, const Tensor& b, Tensor& out) {
    requireSameSize(a, b, "multiply");
    requireSameSize(a, out, "multiply");
    dispatch(a.dtype(), [&]<typename T>() {
        forEachValues(pool_, a.size(), [&](int64_t begin, int64_t end) {
            values<T>(out, begin, end).array() =
                values<T>(a, begin, end).array() * values<T>(b, begin, end).array();
        });
    });
}

void CpuBackend::add(const Tensor& a, const Tensor& b, Tensor& out) {
    requireSameSize(a, b, "add");
    requireSameSize(a, out, "add");
    dispatch(a.dtype(), [&]<typename T>() {
        forEachValues(pool_, a.size(), [&](int64_t begin, int64_t end) {
            values<T>(out, begin, end).array() =
                values<T>(a, begin, end).array() + values<T>(b, begin, end).array();
        });
    });
}

void CpuBackend::dropoutMask(const RandomStream& stream, double keep, Tensor& mask) {
    dispatch(mask.dtype(), [&]<typename T>() {
        T* out = dataOf<T>(mask);
        const int64_t count = mask.size();
        const auto threshold = static_cast<float>(keep);
        const T kept = static_cast<T>(1.0 / keep);
        for (int64_t block = 0; block * 4 < count; ++block) {
            const PhiloxBlock bits = stream.block(static_cast<uint64_t>(block));
            for (int64_t j = 0; j < 4 && block * 4 + j < count; ++j)
                out[block * 4 + j] =
                    uniformFrom(bits[static_cast<size_t>(j)]) < threshold ? kept : T(0);
        }
    });
}

void CpuBackend::gaussianNoise(const RandomStream& stream, double deviation, Tensor& noise) {
    dispatch(noise.dtype(), [&]<typename T>() {
        T* out = dataOf<T>(noise);
        const int64_t count = noise.size();
        const auto sigma = static_cast<float>(deviation);
        for (int64_t block = 0; block * 4 < count; ++block) {
            const PhiloxBlock bits = stream.block(static_cast<uint64_t>(block));
            const GaussianPair first = boxMuller(bits[0], bits[1], sigma),
                               second = boxMuller(bits[2], bits[3], sigma);
            const float values[4] = {first.first, first.second, second.first, second.second};
            for (int64_t j = 0; j < 4 && block * 4 + j < count; ++j)
                out[block * 4 + j] = static_cast<T>(values[j]);
        }
    });
}

void CpuBackend::gatherRows(const Tensor& source, std::span<const int32_t> rows,
                            Tensor& destination) {
    if (static_cast<int64_t>(rows.size()) != destination.rows() ||
        source.cols() != destination.cols() || source.dtype() != destination.dtype())
        throw std::invalid_argument("gatherRows: destination does not fit");
    const size_t rowBytes = static_cast<size_t>(source.cols() * bytesPerElement(source.dtype()));
    const char* from = dataOf<char>(source);
    char* to = dataOf<char>(destination);
    for (size_t i = 0; i < rows.size(); ++i) {
        if (rows[i] < 0 || rows[i] >= source.rows())
            throw std::out_of_range("gatherRows: row index");
        std::memcpy(to + i * rowBytes, from + static_cast<size_t>(rows[i]) * rowBytes, rowBytes);
    }
}

double CpuBackend::sumOfAbsolutes(const Tensor& x) {
    return dispatch(x.dtype(), [&]<typename T>() {
        return static_cast<double>(rowVector<T>(x).array().abs().sum());
    });
}

double CpuBackend::sumOfSquares(const Tensor& x) {
    return dispatch(x.dtype(), [&]<typename T>() {
        return static_cast<double>(rowVector<T>(x).array().square().sum());
    });
}

void CpuBackend::shrinkTowardZero(double amount, Tensor& w) {
    dispatch(w.dtype(), [&]<typename T>() {
        auto values = rowVector<T>(w).array();
        const T by = static_cast<T>(amount);
        values = (values > by).select(values - by, (values < -by).select(values + by, T(0)));
    });
}

void CpuBackend::addScaled(double alpha, const Tensor& x, Tensor& y) {
    requireSameSize(x, y, "addScaled");
    dispatch(y.dtype(), [&]<typename T>() {
        forEachValues(pool_, y.size(), [&](int64_t begin, int64_t end) {
            values<T>(y, begin, end).array() +=
                static_cast<T>(alpha) * values<T>(x, begin, end).array();
        });
    });
}

void CpuBackend::gatherRowsScaled(const Tensor& source, std::span<const int32_t> rows, double scale,
                                  Tensor& destination) {
    if (source.dtype() != DType::UInt8 || static_cast<int64_t>(rows.size()) != destination.rows() ||
        source.cols() != destination.cols())
        throw std::invalid_argument("gatherRowsScaled: from bytes into a destination that fits");
    const int64_t width = source.cols();
    const uint8_t* from = dataOf<uint8_t>(source);
    for (const int32_t row : rows)
        if (row < 0 || row >= source.rows()) throw std::out_of_range("gatherRowsScaled: row index");
    dispatch(destination.dtype(), [&]<typename T>() {
        T* to = dataOf<T>(destination);
        const T factor = static_cast<T>(scale);
        const auto count = static_cast<int64_t>(rows.size());
        forEachPart(pool_, count, kRowsPerPart, [&](int64_t, int64_t begin, int64_t end) {
            for (int64_t i = begin; i < end; ++i) {
                // Shuffled rows are scattered over the whole data set: ask for a later row's
                // bytes early.
                if (i + static_cast<int64_t>(kPrefetchAhead) < end)
                    prefetchRow(from + rows[static_cast<size_t>(i) + kPrefetchAhead] * width,
                                width);
                // A plain loop: the compiler vectorizes the byte-to-float conversion, Eigen's cast
                // does not.
                const uint8_t* row = from + rows[static_cast<size_t>(i)] * width;
                T* out = to + i * width;
                for (int64_t j = 0; j < width; ++j) out[j] = static_cast<T>(row[j]) * factor;
            }
        });
    });
}

void CpuBackend::augmentImages(std::span<const ImageTransform> transforms, int64_t width,
                               int64_t height, const Tensor& images, Tensor& out) {
    requireAugmentationFits(transforms, width, height, images, out);
    dispatch(images.dtype(), [&]<typename T>() {
        const T centreX = static_cast<T>(width - 1) / 2, centreY = static_cast<T>(height - 1) / 2;
        forEachPart(
            pool_, static_cast<int64_t>(transforms.size()), kImagesPerPart,
            [&](int64_t, int64_t begin, int64_t end) {
                for (int64_t n = begin; n < end; ++n) {
                    const ImageTransform& t = transforms[static_cast<size_t>(n)];
                    const T* in = dataOf<T>(images) + n * width * height;
                    T* result = dataOf<T>(out) + n * width * height;
                    const T cosine = std::cos(static_cast<T>(t.radians)),
                            sine = std::sin(static_cast<T>(t.radians));
                    auto pixel = [&](int64_t x, int64_t y) -> T {
                        return x >= 0 && x < width && y >= 0 && y < height ? in[y * width + x]
                                                                           : T(0);
                    };
                    for (int64_t y = 0; y < height; ++y)
                        for (int64_t x = 0; x < width; ++x) {
                            // Where this output pixel came from: undo the shift, the turn, the
                            // mirror.
                            const T u = static_cast<T>(x) - centreX - static_cast<T>(t.shiftX);
                            const T v = static_cast<T>(y) - centreY - static_cast<T>(t.shiftY);
                            T sourceX = cosine * u - sine * v + centreX;
                            const T sourceY = sine * u + cosine * v + centreY;
                            if (t.mirror) sourceX = static_cast<T>(width - 1) - sourceX;
                            const T left = std::floor(sourceX), top = std::floor(sourceY);
                            const T fx = sourceX - left, fy = sourceY - top;
                            const auto x0 = static_cast<int64_t>(left),
                                       y0 = static_cast<int64_t>(top);
                            T value =
                                (T(1) - fy) *
                                    ((T(1) - fx) * pixel(x0, y0) + fx * pixel(x0 + 1, y0)) +
                                fy * ((T(1) - fx) * pixel(x0, y0 + 1) + fx * pixel(x0 + 1, y0 + 1));
                            if (t.brightness != 0 || t.contrast != 1)
                                value = std::clamp(static_cast<T>(t.contrast) * (value - T(0.5)) +
                                                       T(0.5) + static_cast<T>(t.brightness),
                                                   T(0), T(1));
                            result[y * width + x] = value;
                        }
                }
            });
    });
}

bool CpuBackend::sumIsFinite(double alpha, const Tensor& x, const Tensor& y) {
    requireSameSize(x, y, "sumIsFinite");
    return dispatch(y.dtype(), [&]<typename T>() {
        // v * 0 is 0 for every finite v and NaN for NaN and +-Inf, so the sum is 0 exactly when all
        // are finite; unlike isFinite().all() this reduction is vectorized (it runs on every
        // training step).
        const auto sum = static_cast<T>(alpha) * rowVector<T>(x).array() + rowVector<T>(y).array();
        return (sum * T(0)).sum() == T(0);
    });
}

}  // namespace koto
