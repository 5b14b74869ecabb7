// The CPU backend's image operations (part 12): convolution (backend.h says what each computes).
// Pooling is in cpu_pooling_ops.cpp.
//
// A convolution runs image by image, so that what it lays out stays in the cache. With stride 1
// (LeNet's case) the windows are read in place from the image, padded into a small buffer
// (DirectWindows below); otherwise, and for dJ/dX, one image's windows are laid out as im2col's
// columns first (150 x 64 values for LeNet's second layer). The products are written for these
// shapes: wideProduct (a few filters by hundreds of pixels), narrowProduct (many rows by at most
// 16 filters) and, for dJ/dW of a few filters, dot products along the image (windowGradients).
// The first version, im2col of the whole batch and Eigen's general product, moved megabytes
// through main memory at every step and spent most of its time copying (bench/README.md has the
// figures).

#include <Eigen/Core>
#include <algorithm>
#include <cstdint>
#include <vector>

#include "backend/argument_checks.h"
#include "backend/cpu_backend.h"
#include "backend/cpu_parallel.h"
#include "backend/element_type_dispatch.h"
#include "backend/host_storage.h"
#include "backend/narrow_product.h"
#include "backend/wide_product.h"

namespace koto {
namespace {

// to[0, count) = from[0, count) for the short runs of a small image (8 or 24 values in LeNet),
// eight at a time: std::copy_n became a call of memmove and a dynamic-size Eigen copy spent its
// time lining up, each costing more than the copy.
template <typename T>
void copyRun(const T* from, int64_t count, T* to) {
    using Eight = Eigen::Array<T, 8, 1>;
    int64_t i = 0;
    for (; i + 8 <= count; i += 8) Eigen::Map<Eight>(to + i) = Eigen::Map<const Eight>(from + i);
    for (; i < count; ++i) to[i] = from[i];
}

// im2col of one image, laid out a window value a row: row c*K*K + ky*K + kx of `columns` (rows
// `rowLength` >= OH*OW apart) holds, for every window (oy, ox) at column oy*OW + ox, the image's
// channel c at row oy*S - P + ky, column ox*S - P + kx (0 in the padding); the columns past
// OH*OW are 0. With stride 1 a row of windows is one contiguous run of the image row.
template <typename T>
void imageToColumns(const ImageWindows& w, const T* image, T* columns, int64_t rowLength) {
    const int64_t k = w.kernel, outH = w.outputHeight(), outW = w.outputWidth(),
                  pixels = w.outputPixels();
    const int64_t height = w.height, width = w.width, stride = w.stride, padding = w.padding;
    for (int64_t c = 0; c < w.channels; ++c)
        for (int64_t ky = 0; ky < k; ++ky)
            for (int64_t kx = 0; kx < k; ++kx) {
                T* row = columns + ((c * k + ky) * k + kx) * rowLength;
                const int64_t left =
                    kx - padding;  // the image column of window ox is left + ox * stride
                for (int64_t oy = 0; oy < outH; ++oy) {
                    T* to = row + oy * outW;
                    const int64_t y = oy * stride - padding + ky;
                    if (y < 0 || y >= height) {
                        std::fill_n(to, outW, T(0));
                        continue;
                    }
                    const T* source = image + (c * height + y) * width;
                    if (stride == 1 && left >= 0 && left + outW <= width) {
                        copyRun(source + left, outW, to);
                    } else {
                        for (int64_t ox = 0; ox < outW; ++ox) {
                            const int64_t x = left + ox * stride;
                            to[ox] = x >= 0 && x < width ? source[x] : T(0);
                        }
                    }
                }
                std::fill(row + pixels, row + rowLength, T(0));
            }
}

// to[0, count) += from[0, count), eight at a time like copyRun.
template <typename T>
void addRun(const T* from, int64_t count, T* to) {
    using Eight = Eigen::Array<T, 8, 1>;
    int64_t i = 0;
    for (; i + 8 <= count; i += 8) Eigen::Map<Eight>(to + i) += Eigen::Map<const Eight>(from + i);
    for (; i < count; ++i) to[i] += from[i];
}

// The adjoint, col2im: every image value is the sum of the `columns` entries that imageToColumns
// copies it to (the padding's entries go nowhere).
template <typename T>
void columnsToImage(const ImageWindows& w, const T* columns, int64_t rowLength, T* image) {
    const int64_t k = w.kernel, outH = w.outputHeight(), outW = w.outputWidth();
    const int64_t height = w.height, width = w.width, stride = w.stride, padding = w.padding;
    std::fill_n(image, w.imageSize(), T(0));
    for (int64_t c = 0; c < w.channels; ++c)
        for (int64_t ky = 0; ky < k; ++ky)
            for (int64_t kx = 0; kx < k; ++kx) {
                const T* row = columns + ((c * k + ky) * k + kx) * rowLength;
                const int64_t left = kx - padding;
                const bool wholeRuns = stride == 1 && left >= 0 && left + outW <= width;
                for (int64_t oy = 0; oy < outH; ++oy) {
                    const int64_t y = oy * stride - padding + ky;
                    if (y < 0 || y >= height) continue;
                    const T* from = row + oy * outW;
                    T* target = image + (c * height + y) * width;
                    if (wholeRuns) {
                        addRun(from, outW, target + left);
                    } else {
                        for (int64_t ox = 0; ox < outW; ++ox) {
                            const int64_t x = left + ox * stride;
                            if (x >= 0 && x < width) target[x] += from[ox];
                        }
                    }
                }
            }
}

// The row length of imageToColumns' result: the output pixels rounded up for wideProduct.
int64_t columnsRowLength(const ImageWindows& w) {
    return (w.outputPixels() + kWideStep - 1) / kWideStep * kWideStep;
}

// A convolution with stride 1 read straight from the image, without im2col: in the image padded
// with P zeros (Hp x Wp a channel), window (oy, ox)'s value (c, ky, kx) sits at
// c*Hp*Wp + ky*Wp + kx + (oy*Wp + ox), so for each (c, ky, kx) the windows' values are one run of
// the padded image, read from offset c*Hp*Wp + ky*Wp + kx. The run is "wide": it also passes the
// Wp - OW positions between output rows, which are computed and dropped. That costs Wp / OW more
// arithmetic (28/24 in LeNet's first layer, 12/8 in its second), less than im2col's copies cost.
struct DirectWindows {
    const ImageWindows& w;
    int64_t paddedHeight, paddedWidth;
    int64_t runLength;  // the wide run: from window (0, 0) to window (OH - 1, OW - 1)
    int64_t width;      // the same rounded up for wideProduct
    explicit DirectWindows(const ImageWindows& windows)
        : w(windows), paddedHeight(windows.height + 2 * windows.padding),
          paddedWidth(windows.width + 2 * windows.padding),
          runLength((windows.outputHeight() - 1) * paddedWidth + windows.outputWidth()),
          width((runLength + kWideStep - 1) / kWideStep * kWideStep) {}

    bool used() const { return w.stride == 1; }
    // The padded image and the zeros that the last runs read past its end.
    int64_t planeSize() const {
        return w.channels * paddedHeight * paddedWidth + paddedWidth * w.kernel + width;
    }
    template <typename T>
    void pad(const T* image, T* plane) const {
        for (int64_t c = 0; c < w.channels; ++c)
            for (int64_t y = 0; y < w.height; ++y)
                copyRun(image + (c * w.height + y) * w.width, w.width,
                        plane + (c * paddedHeight + y + w.padding) * paddedWidth + w.padding);
    }
    void offsets(std::vector<int64_t>& table) const {
        table.clear();
        for (int64_t c = 0; c < w.channels; ++c)
            for (int64_t ky = 0; ky < w.kernel; ++ky)
                for (int64_t kx = 0; kx < w.kernel; ++kx)
                    table.push_back((c * paddedHeight + ky) * paddedWidth + kx);
    }
    // The output rows out of the wide result (filters rows of `width`).
    template <typename T>
    void keepOutputs(int64_t filters, const T* result, T* out) const {
        const int64_t outH = w.outputHeight(), outW = w.outputWidth();
        for (int64_t f = 0; f < filters; ++f)
            for (int64_t oy = 0; oy < outH; ++oy)
                copyRun(result + f * width + oy * paddedWidth, outW, out + (f * outH + oy) * outW);
    }
};

// dJ/dX of one image through im2col's columns: dJ/dcolumns (patch x pixels) = W^T dJ/da, then
// col2im sums it back onto the image.
template <typename T>
void inputGradientByColumns(const ImageWindows& w, int64_t filters, const T* weights, const T* dA,
                            T* dX) {
    const int64_t patch = w.patchSize(), pixels = w.outputPixels(), rowLength = columnsRowLength(w);
    thread_local std::vector<T> columns, padded;
    columns.resize(static_cast<size_t>(patch * rowLength));
    if (pixels != rowLength) {  // wideProduct reads whole rows of rowLength
        padded.assign(static_cast<size_t>(filters * rowLength), T(0));
        for (int64_t f = 0; f < filters; ++f)
            copyRun(dA + f * pixels, pixels, padded.data() + f * rowLength);
        dA = padded.data();
    }
    wideProduct<T>(patch, filters, rowLength,
                   {weights, 1, patch, dA, rowLength, columns.data(), rowLength, nullptr});
    columnsToImage(w, columns.data(), rowLength, dX);
}

// dJ/dW of one image for a convolution read straight from the image (DirectWindows), as dot
// products along the wide run: sums[f, q] += sum over j of dA[f, j] plane[offsets[q] + j], for
// Filters filters from `first` and every tap q, with dA (filters x width, 0 at the dropped
// positions) and sums (filters x taps vectors of partial sums, added up once per batch).
// Vectors of positions, Filters x Taps sums in registers (three quarters of them:
// vector_registers.h): each vector of dA and of the image is loaded once for Taps or Filters
// multiply-adds. (Laid out as a product with the lanes on the filters instead, LeNet's 6 filters
// left 10 of every 16 lanes idle.)
constexpr int kGradientSums = kVectorRegisters * 3 / 4;  // 24 with AVX-512, 12 with AVX2

template <typename T, int Filters>
void windowGradientRows(int64_t first, int64_t taps, int64_t width, const T* dA, const T* plane,
                        const int64_t* offsets, T* sums) {
    constexpr int kTaps = kGradientSums / Filters;
    using Vector = Eigen::Array<T, kFloatLanes, 1>;
    using VectorMap = Eigen::Map<const Vector>;
    for (int64_t q = 0; q < taps;
         q += kTaps) {  // offsets and sums are padded to a multiple of kTaps
        Vector sum[Filters][kTaps];
        for (int f = 0; f < Filters; ++f)
            for (int t = 0; t < kTaps; ++t)
                sum[f][t] = VectorMap(sums + ((first + f) * taps + q + t) * kFloatLanes);
        for (int64_t j = 0; j < width; j += kFloatLanes) {
            Vector gradient[Filters];
            for (int f = 0; f < Filters; ++f) gradient[f] = VectorMap(dA + (first + f) * width + j);
            for (int t = 0; t < kTaps; ++t) {
                const VectorMap values(plane + offsets[q + t] + j);
                for (int f = 0; f < Filters; ++f) sum[f][t] += gradient[f] * values;
            }
        }
        for (int f = 0; f < Filters; ++f)
            for (int t = 0; t < kTaps; ++t)
                Eigen::Map<Vector>(sums + ((first + f) * taps + q + t) * kFloatLanes) = sum[f][t];
    }
}

// All filters: blocks of kGradientSums / 3 filters (three taps each: 8 with AVX-512, 4 with AVX2),
// then 4, 2 and 1. `taps` must be a multiple of kGradientSums (every block's kTaps).
template <typename T>
void windowGradients(int64_t filters, int64_t taps, int64_t width, const T* dA, const T* plane,
                     const int64_t* offsets, T* sums) {
    constexpr int kFilters = kGradientSums / 3;
    int64_t f = 0;
    for (; f + kFilters <= filters; f += kFilters)
        windowGradientRows<T, kFilters>(f, taps, width, dA, plane, offsets, sums);
    if (kFilters > 4 && filters - f >= 4)
        windowGradientRows<T, 4>(f, taps, width, dA, plane, offsets, sums), f += 4;
    if (filters - f >= 2)
        windowGradientRows<T, 2>(f, taps, width, dA, plane, offsets, sums), f += 2;
    if (filters - f >= 1) windowGradientRows<T, 1>(f, taps, width, dA, plane, offsets, sums);
}

// The taps of weightGradientsByDots: the patch padded to whole blocks of kGradientSums taps, the
// extra ones reading zeros past the padded image.
int64_t dotTaps(const ImageWindows& w) {
    return (w.patchSize() + kGradientSums - 1) / kGradientSums * kGradientSums;
}

// dJ/dW of the images [begin, end) of x with gradients dA, stride 1, by windowGradients, as
// filters x dotTaps vectors of partial sums into `sums`.
template <typename T>
void weightGradientsByDots(const DirectWindows& direct, int64_t filters, int64_t begin, int64_t end,
                           const T* x, const T* dA, T* sums) {
    const ImageWindows& w = direct.w;
    const int64_t pixels = w.outputPixels(), outH = w.outputHeight(), outW = w.outputWidth();
    const int64_t taps = dotTaps(w);
    thread_local std::vector<int64_t> offsets;
    thread_local std::vector<T> plane, wideGradient;
    direct.offsets(offsets);
    offsets.resize(static_cast<size_t>(taps), direct.planeSize() - direct.width);
    plane.assign(static_cast<size_t>(direct.planeSize()), T(0));
    wideGradient.assign(static_cast<size_t>(filters * direct.width),
                        T(0));  // 0 at the dropped positions
    std::fill_n(sums, filters * taps * kFloatLanes, T(0));
    for (int64_t n = begin; n < end; ++n) {
        direct.pad(x + n * w.imageSize(), plane.data());
        for (int64_t f = 0; f < filters; ++f)
            for (int64_t oy = 0; oy < outH; ++oy)
                copyRun(dA + (n * filters + f) * pixels + oy * outW, outW,
                        wideGradient.data() + f * direct.width + oy * direct.paddedWidth);
        windowGradients(filters, taps, direct.width, wideGradient.data(), plane.data(),
                        offsets.data(), sums);
    }
}

// dJ/dW (filters x patch) of the images [begin, end) of x with gradients dA, image by image as
// dJ/dW^T += windows dJ/da^T, a (patch x positions) by (positions x 16 filters) narrowProduct:
// the windows read from the padded image with stride 1 (the positions those of the wide run,
// dJ/da 0 at the dropped ones), else laid out by im2col.
template <typename T>
void weightGradientsByPanels(const ImageWindows& w, int64_t filters, int64_t begin, int64_t end,
                             const T* x, const T* dA, T* dW) {
    const int64_t patch = w.patchSize(), pixels = w.outputPixels(), outW = w.outputWidth();
    const int64_t rowLength = columnsRowLength(w);
    const DirectWindows direct(w);
    thread_local std::vector<T> columns, plane;
    thread_local std::vector<int64_t> offsets, pixelAt;
    if (direct.used()) {
        direct.offsets(offsets);
        plane.assign(static_cast<size_t>(direct.planeSize()), T(0));
        // The output pixel at each position of the wide run, -1 at the dropped ones.
        pixelAt.assign(static_cast<size_t>(direct.runLength), -1);
        for (int64_t pixel = 0; pixel < pixels; ++pixel)
            pixelAt[static_cast<size_t>(pixel / outW * direct.paddedWidth + pixel % outW)] = pixel;
    } else {
        columns.resize(static_cast<size_t>(patch * rowLength));
    }
    std::fill_n(dW, filters * patch, T(0));
    thread_local NarrowPanel<T> gradients;
    for (int64_t n = begin; n < end; ++n) {
        const T* image = x + n * w.imageSize();
        const T* gradient = dA + n * filters * pixels;
        if (direct.used()) direct.pad(image, plane.data());
        else imageToColumns(w, image, columns.data(), rowLength);
        for (int64_t first = 0; first < filters; first += kNarrowWidth) {
            const int64_t count = std::min(kNarrowWidth, filters - first);
            auto add = [&](int64_t q, const T* sums) {
                for (int64_t f = 0; f < count; ++f) dW[(first + f) * patch + q] += sums[f];
            };
            if (direct.used()) {
                gradients.set(direct.runLength, count, [&](int64_t j, int64_t f) {
                    const int64_t pixel = pixelAt[static_cast<size_t>(j)];
                    return pixel >= 0 ? gradient[(first + f) * pixels + pixel] : T(0);
                });
                narrowProduct(
                    patch, gradients,
                    [&](int64_t q) { return plane.data() + offsets[static_cast<size_t>(q)]; }, 1,
                    add);
            } else {
                gradients.set(pixels, count, [&](int64_t pixel, int64_t f) {
                    return gradient[(first + f) * pixels + pixel];
                });
                narrowProduct(patch, gradients, columns.data(), rowLength, 1, add);
            }
        }
    }
}

// a = b + W x for the images [begin, end) (filters x patch weights, out filters x pixels an image).
template <typename T>
void forwardImages(const ImageWindows& w, int64_t filters, const T* filter, const T* b,
                   const T* images, int64_t begin, int64_t end, T* out) {
    const int64_t patch = w.patchSize(), pixels = w.outputPixels();
    const int64_t rowLength = columnsRowLength(w);
    const DirectWindows direct(w);
    thread_local std::vector<T> columns, plane, result;
    thread_local std::vector<int64_t> offsets;
    if (direct.used()) {
        direct.offsets(offsets);
        plane.assign(static_cast<size_t>(direct.planeSize()), T(0));
        result.resize(static_cast<size_t>(filters * direct.width));
    } else {
        columns.resize(static_cast<size_t>(patch * rowLength));
        result.resize(static_cast<size_t>(filters * rowLength));
    }
    for (int64_t n = begin; n < end; ++n) {
        const T* image = images + n * w.imageSize();
        T* a = out + n * filters * pixels;
        if (direct.used()) {
            // a = b + W x with every window read from the padded image in place; the wide
            // result's columns past each output row are dropped.
            direct.pad(image, plane.data());
            wideProduct<T>(filters, patch, direct.width,
                           {filter, patch, 1, plane.data(), 0, result.data(), direct.width, b,
                            offsets.data()});
            direct.keepOutputs(filters, result.data(), a);
        } else {
            // a (filters x pixels) = b + W columns, straight into the output when no row is
            // padded.
            imageToColumns(w, image, columns.data(), rowLength);
            T* target = pixels == rowLength ? a : result.data();
            wideProduct<T>(filters, patch, rowLength,
                           {filter, patch, 1, columns.data(), rowLength, target, rowLength, b});
            if (target != a)
                for (int64_t f = 0; f < filters; ++f)
                    copyRun(target + f * rowLength, pixels, a + f * pixels);
        }
    }
}

}  // namespace

void CpuBackend::convolutionForward(const ImageWindows& w, const Tensor& images,
                                    const Tensor& weights, const Tensor& bias, Tensor& out) {
    requireConvolutionTensors(w, images, weights, bias, out, "convolutionForward");
    dispatch(images.dtype(), [&]<typename T>() {
        forEachPart(pool_, images.rows(), kImagesPerPart, [&](int64_t, int64_t begin, int64_t end) {
            forwardImages(w, weights.rows(), dataOf<T>(weights), dataOf<T>(bias), dataOf<T>(images),
                          begin, end, dataOf<T>(out));
        });
    });
}

void CpuBackend::convolutionParameterGradients(const ImageWindows& w, const Tensor& images,
                                               const Tensor& outputGradient, Tensor& weightGradient,
                                               Tensor& biasGradient) {
    requireConvolutionTensors(w, images, weightGradient, biasGradient, outputGradient,
                              "convolutionParameterGradients");
    dispatch(images.dtype(), [&]<typename T>() {
        const int64_t filters = weightGradient.rows(), pixels = w.outputPixels(),
                      patch = w.patchSize(), count = images.rows();
        const T* x = dataOf<T>(images);
        const T* dA = dataOf<T>(outputGradient);
        T* dW = dataOf<T>(weightGradient);
        T* db = dataOf<T>(biasGradient);
        const DirectWindows direct(w);
        // Up to 8 filters (LeNet's first layer) as dot products along the image; more as products
        // with 16 filters in the lanes of a vector (its second), which the dot products' per-image
        // sums would cost more than they save.
        const bool byDots = direct.used() && filters <= 8;
        // Each part's sums, added in part order below; and each image's dJ/db.
        const int64_t partSize = byDots ? filters * dotTaps(w) * kFloatLanes : filters * patch;
        thread_local std::vector<T, Eigen::aligned_allocator<T>> partSums;
        thread_local std::vector<T> imageBiasSums;
        partSums.resize(static_cast<size_t>(partCount(count, kImagesPerGradientPart) * partSize));
        imageBiasSums.resize(static_cast<size_t>(count * filters));
        // Pointers, not the names: in a worker a thread_local name is that thread's own vector.
        T* const allSums = partSums.data();
        T* const biasSums = imageBiasSums.data();
        // Eigen's sum: vectors and several partial sums, where a plain loop adds one value at a
        // time.
        using Values = Eigen::Array<T, Eigen::Dynamic, 1>;
        forEachPart(
            pool_, count, kImagesPerGradientPart, [&](int64_t part, int64_t begin, int64_t end) {
                T* sums = allSums + part * partSize;
                if (byDots) weightGradientsByDots(direct, filters, begin, end, x, dA, sums);
                else weightGradientsByPanels(w, filters, begin, end, x, dA, sums);
                for (int64_t n = begin; n < end; ++n)
                    for (int64_t f = 0; f < filters; ++f)
                        biasSums[n * filters + f] =
                            Eigen::Map<const Values>(dA + (n * filters + f) * pixels, pixels).sum();
            });
        std::fill_n(dW, filters * patch, T(0));
        const int64_t taps = dotTaps(w);
        for (int64_t part = 0; part < partCount(count, kImagesPerGradientPart); ++part) {
            const T* sums = allSums + part * partSize;
            for (int64_t f = 0; f < filters; ++f)
                for (int64_t q = 0; q < patch; ++q)
                    dW[f * patch + q] +=
                        byDots
                            ? Eigen::Map<const Eigen::Array<T, kFloatLanes, 1>>(
                                  sums + (f * taps + q) * kFloatLanes)
                                  .sum()
                            : sums[f * patch + q];
        }
        std::fill_n(db, filters, T(0));
        for (int64_t n = 0; n < count; ++n)
            for (int64_t f = 0; f < filters; ++f) db[f] += biasSums[n * filters + f];
    });
}

void CpuBackend::convolutionInputGradient(const ImageWindows& w, const Tensor& outputGradient,
                                          const Tensor& weights, Tensor& inputGradient) {
    requireConvolutionInputGradient(w, outputGradient, weights, inputGradient,
                                    "convolutionInputGradient");
    dispatch(inputGradient.dtype(), [&]<typename T>() {
        const int64_t filters = weights.rows(), pixels = w.outputPixels();
        forEachPart(pool_, inputGradient.rows(), kImagesPerPart,
                    [&](int64_t, int64_t begin, int64_t end) {
                        for (int64_t n = begin; n < end; ++n)
                            inputGradientByColumns(w, filters, dataOf<T>(weights),
                                                   dataOf<T>(outputGradient) + n * filters * pixels,
                                                   dataOf<T>(inputGradient) + n * w.imageSize());
                    });
    });
}

}  // namespace koto
