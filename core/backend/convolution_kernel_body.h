#pragma once
// The body of the convolution kernels (convolution_kernels.h), included once per instruction set,
// as product_kernel_body.h is: by convolution_kernels.cpp for the build's own, and by
// isa_kernels.cpp, compiled with -mavx2 or -mavx512f, inside a namespace of its own with Eigen
// renamed. Everything here is in that namespace and allocates nothing (the caller's scratch
// memory is carved by Scratch), so that no function of one instruction set can stand in for
// another's at link time.
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
//
// Before including: Eigen/Core, and KOTO_KERNEL_NAMESPACE defined as the namespace to put it in.

#include <cstdint>

#include "backend/convolution_kernels.h"
#include "backend/narrow_product.h"
#include "backend/vector_registers.h"
#include "backend/wide_product.h"

namespace koto::KOTO_KERNEL_NAMESPACE {

// The shape's derived sizes (ImageWindows' own, which is not compiled here).
struct Windows {
    int64_t channels, height, width, kernel, stride, padding;
    explicit Windows(const ConvolutionShape& s)
        : channels(s.channels), height(s.height), width(s.width), kernel(s.kernel),
          stride(s.stride), padding(s.padding) {}
    int64_t outputHeight() const { return (height + 2 * padding - kernel) / stride + 1; }
    int64_t outputWidth() const { return (width + 2 * padding - kernel) / stride + 1; }
    int64_t outputPixels() const { return outputHeight() * outputWidth(); }
    int64_t imageSize() const { return channels * height * width; }
    int64_t patchSize() const { return channels * kernel * kernel; }
};

// The caller's scratch memory, handed out in pieces that each start on a 64-byte boundary (the
// narrow panel's rows are read as aligned vectors).
class Scratch {
public:
    explicit Scratch(void* memory) : next_((reinterpret_cast<uintptr_t>(memory) + 63) / 64 * 64) {}
    template <typename U>
    U* take(int64_t count) {
        U* piece = reinterpret_cast<U*>(next_);
        next_ += (static_cast<uintptr_t>(count) * sizeof(U) + 63) / 64 * 64;
        return piece;
    }
    // The bytes the most pieces of these sizes can need from an unaligned start.
    static int64_t bytesFor(int64_t bytes, int pieces) { return bytes + 64 * (pieces + 1); }

private:
    uintptr_t next_;
};

template <typename U>
void fillValues(U* to, int64_t count, U value) {
    for (int64_t i = 0; i < count; ++i) to[i] = value;
}

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
void imageToColumns(const Windows& w, const T* image, T* columns, int64_t rowLength) {
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
                        fillValues(to, outW, T(0));
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
                fillValues(row + pixels, rowLength - pixels, T(0));
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
void columnsToImage(const Windows& w, const T* columns, int64_t rowLength, T* image) {
    const int64_t k = w.kernel, outH = w.outputHeight(), outW = w.outputWidth();
    const int64_t height = w.height, width = w.width, stride = w.stride, padding = w.padding;
    fillValues(image, w.imageSize(), T(0));
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
int64_t columnsRowLength(const Windows& w) {
    return (w.outputPixels() + kWideStep - 1) / kWideStep * kWideStep;
}

// A convolution with stride 1 read straight from the image, without im2col: in the image padded
// with P zeros (Hp x Wp a channel), window (oy, ox)'s value (c, ky, kx) sits at
// c*Hp*Wp + ky*Wp + kx + (oy*Wp + ox), so for each (c, ky, kx) the windows' values are one run of
// the padded image, read from offset c*Hp*Wp + ky*Wp + kx. The run is "wide": it also passes the
// Wp - OW positions between output rows, which are computed and dropped. That costs Wp / OW more
// arithmetic (28/24 in LeNet's first layer, 12/8 in its second), less than im2col's copies cost.
struct DirectWindows {
    const Windows& w;
    int64_t paddedHeight, paddedWidth;
    int64_t runLength;  // the wide run: from window (0, 0) to window (OH - 1, OW - 1)
    int64_t width;      // the same rounded up for wideProduct
    explicit DirectWindows(const Windows& windows)
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
    // The start of each window value's run, w.patchSize() of them.
    void offsets(int64_t* table) const {
        for (int64_t c = 0; c < w.channels; ++c)
            for (int64_t ky = 0; ky < w.kernel; ++ky)
                for (int64_t kx = 0; kx < w.kernel; ++kx)
                    *table++ = (c * paddedHeight + ky) * paddedWidth + kx;
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
void inputGradientByColumns(const Windows& w, int64_t filters, const T* weights, const T* dA, T* dX,
                            Scratch scratch) {
    const int64_t patch = w.patchSize(), pixels = w.outputPixels(), rowLength = columnsRowLength(w);
    T* columns = scratch.take<T>(patch * rowLength);
    if (pixels != rowLength) {  // wideProduct reads whole rows of rowLength
        T* padded = scratch.take<T>(filters * rowLength);
        fillValues(padded, filters * rowLength, T(0));
        for (int64_t f = 0; f < filters; ++f)
            copyRun(dA + f * pixels, pixels, padded + f * rowLength);
        dA = padded;
    }
    wideProduct<T>(patch, filters, rowLength,
                   {weights, 1, patch, dA, rowLength, columns, rowLength, nullptr});
    columnsToImage(w, columns, rowLength, dX);
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
int64_t dotTaps(const Windows& w) {
    return (w.patchSize() + kGradientSums - 1) / kGradientSums * kGradientSums;
}

// dJ/dW of the images [begin, end) of x with gradients dA, stride 1, by windowGradients, as
// filters x dotTaps vectors of partial sums into `sums`.
template <typename T>
void weightGradientsByDots(const DirectWindows& direct, int64_t filters, int64_t begin, int64_t end,
                           const T* x, const T* dA, T* sums, Scratch scratch) {
    const Windows& w = direct.w;
    const int64_t pixels = w.outputPixels(), outH = w.outputHeight(), outW = w.outputWidth();
    const int64_t taps = dotTaps(w);
    int64_t* offsets = scratch.take<int64_t>(taps);
    direct.offsets(offsets);
    for (int64_t q = w.patchSize(); q < taps; ++q) offsets[q] = direct.planeSize() - direct.width;
    T* plane = scratch.take<T>(direct.planeSize());
    T* wideGradient = scratch.take<T>(filters * direct.width);
    fillValues(plane, direct.planeSize(), T(0));
    fillValues(wideGradient, filters * direct.width, T(0));  // 0 at the dropped positions
    fillValues(sums, filters * taps * kFloatLanes, T(0));
    for (int64_t n = begin; n < end; ++n) {
        direct.pad(x + n * w.imageSize(), plane);
        for (int64_t f = 0; f < filters; ++f)
            for (int64_t oy = 0; oy < outH; ++oy)
                copyRun(dA + (n * filters + f) * pixels + oy * outW, outW,
                        wideGradient + f * direct.width + oy * direct.paddedWidth);
        windowGradients(filters, taps, direct.width, wideGradient, plane, offsets, sums);
    }
}

// dJ/dW (filters x patch) of the images [begin, end) of x with gradients dA, image by image as
// dJ/dW^T += windows dJ/da^T, a (patch x positions) by (positions x 16 filters) narrowProduct:
// the windows read from the padded image with stride 1 (the positions those of the wide run,
// dJ/da 0 at the dropped ones), else laid out by im2col.
template <typename T>
void weightGradientsByPanels(const Windows& w, int64_t filters, int64_t begin, int64_t end,
                             const T* x, const T* dA, T* dW, Scratch scratch) {
    const int64_t patch = w.patchSize(), pixels = w.outputPixels(), outW = w.outputWidth();
    const int64_t rowLength = columnsRowLength(w);
    const DirectWindows direct(w);
    T *columns = nullptr, *plane = nullptr;
    int64_t *offsets = nullptr, *pixelAt = nullptr;
    if (direct.used()) {
        offsets = scratch.take<int64_t>(patch);
        direct.offsets(offsets);
        plane = scratch.take<T>(direct.planeSize());
        fillValues(plane, direct.planeSize(), T(0));
        // The output pixel at each position of the wide run, -1 at the dropped ones.
        pixelAt = scratch.take<int64_t>(direct.runLength);
        fillValues(pixelAt, direct.runLength, int64_t(-1));
        for (int64_t pixel = 0; pixel < pixels; ++pixel)
            pixelAt[pixel / outW * direct.paddedWidth + pixel % outW] = pixel;
    } else {
        columns = scratch.take<T>(patch * rowLength);
    }
    NarrowPanel<T> gradients(
        scratch.take<T>((direct.used() ? direct.runLength : pixels) * kNarrowWidth));
    fillValues(dW, filters * patch, T(0));
    for (int64_t n = begin; n < end; ++n) {
        const T* image = x + n * w.imageSize();
        const T* gradient = dA + n * filters * pixels;
        if (direct.used()) direct.pad(image, plane);
        else imageToColumns(w, image, columns, rowLength);
        for (int64_t first = 0; first < filters; first += kNarrowWidth) {
            const int64_t count = filters - first < kNarrowWidth ? filters - first : kNarrowWidth;
            auto add = [&](int64_t q, const T* sums) {
                for (int64_t f = 0; f < count; ++f) dW[(first + f) * patch + q] += sums[f];
            };
            if (direct.used()) {
                gradients.set(direct.runLength, count, [&](int64_t j, int64_t f) {
                    const int64_t pixel = pixelAt[j];
                    return pixel >= 0 ? gradient[(first + f) * pixels + pixel] : T(0);
                });
                narrowProduct(
                    patch, gradients, [&](int64_t q) { return plane + offsets[q]; }, 1, add);
            } else {
                gradients.set(pixels, count, [&](int64_t pixel, int64_t f) {
                    return gradient[(first + f) * pixels + pixel];
                });
                narrowProduct(patch, gradients, columns, rowLength, 1, add);
            }
        }
    }
}

// a = b + W x for the images [begin, end) (filters x patch weights, out filters x pixels an image).
template <typename T>
void forwardImages(const Windows& w, int64_t filters, const T* filter, const T* b, const T* images,
                   int64_t begin, int64_t end, T* out, Scratch scratch) {
    const int64_t patch = w.patchSize(), pixels = w.outputPixels();
    const int64_t rowLength = columnsRowLength(w);
    const DirectWindows direct(w);
    T *columns = nullptr, *plane = nullptr, *result = nullptr;
    int64_t* offsets = nullptr;
    if (direct.used()) {
        offsets = scratch.take<int64_t>(patch);
        direct.offsets(offsets);
        plane = scratch.take<T>(direct.planeSize());
        fillValues(plane, direct.planeSize(), T(0));
        result = scratch.take<T>(filters * direct.width);
    } else {
        columns = scratch.take<T>(patch * rowLength);
        result = scratch.take<T>(filters * rowLength);
    }
    for (int64_t n = begin; n < end; ++n) {
        const T* image = images + n * w.imageSize();
        T* a = out + n * filters * pixels;
        if (direct.used()) {
            // a = b + W x with every window read from the padded image in place; the wide
            // result's columns past each output row are dropped.
            direct.pad(image, plane);
            wideProduct<T>(filters, patch, direct.width,
                           {filter, patch, 1, plane, 0, result, direct.width, b, offsets});
            direct.keepOutputs(filters, result, a);
        } else {
            // a (filters x pixels) = b + W columns, straight into the output when no row is
            // padded.
            imageToColumns(w, image, columns, rowLength);
            T* target = pixels == rowLength ? a : result;
            wideProduct<T>(filters, patch, rowLength,
                           {filter, patch, 1, columns, rowLength, target, rowLength, b});
            if (target != a)
                for (int64_t f = 0; f < filters; ++f)
                    copyRun(target + f * rowLength, pixels, a + f * pixels);
        }
    }
}

// Up to 8 filters (LeNet's first layer) as dot products along the image; more as products with
// 16 filters in the lanes of a vector (its second), which the dot products' per-image sums would
// cost more than they save.
inline bool gradientsByDots(const Windows& w, int64_t filters) {
    return w.stride == 1 && filters <= 8;
}

// What convolution_kernels.h's ConvolutionFunctions point at.

template <typename T>
int64_t scratchBytes(const ConvolutionShape& shape) {
    const Windows w(shape);
    const DirectWindows direct(w);
    const int64_t filters = shape.filters, patch = w.patchSize(), rowLength = columnsRowLength(w);
    const int64_t widest = direct.width > rowLength ? direct.width : rowLength;
    const int64_t panelRows =
        direct.runLength > w.outputPixels() ? direct.runLength : w.outputPixels();
    // Every piece any one kernel takes, added up: at most four pieces a kernel.
    const int64_t indices = dotTaps(w) + patch + direct.runLength;
    const int64_t values =
        direct.planeSize() + patch * rowLength + 2 * filters * widest + panelRows * kNarrowWidth;
    return Scratch::bytesFor(indices * int64_t(sizeof(int64_t)) + values * int64_t(sizeof(T)), 4);
}

template <typename T>
void forward(const ConvolutionCall<T>& call) {
    forwardImages(Windows(call.shape), call.shape.filters, call.weights, call.bias, call.images,
                  call.begin, call.end, call.out, Scratch(call.scratch));
}

template <typename T>
int64_t gradientSumValues(const ConvolutionShape& shape) {
    const Windows w(shape);
    return gradientsByDots(w, shape.filters) ? shape.filters * dotTaps(w) * kFloatLanes
                                             : shape.filters * w.patchSize();
}

template <typename T>
void gradientSums(const ConvolutionCall<T>& call) {
    const Windows w(call.shape);
    if (gradientsByDots(w, call.shape.filters))
        weightGradientsByDots(DirectWindows(w), call.shape.filters, call.begin, call.end,
                              call.images, call.outputGradient, call.out, Scratch(call.scratch));
    else
        weightGradientsByPanels(w, call.shape.filters, call.begin, call.end, call.images,
                                call.outputGradient, call.out, Scratch(call.scratch));
}

template <typename T>
void addGradientSums(const ConvolutionShape& shape, const T* sums, T* dW) {
    const Windows w(shape);
    const int64_t patch = w.patchSize(), taps = dotTaps(w);
    const bool byDots = gradientsByDots(w, shape.filters);
    using Lanes = Eigen::Array<T, kFloatLanes, 1>;
    for (int64_t f = 0; f < shape.filters; ++f)
        for (int64_t q = 0; q < patch; ++q)
            dW[f * patch + q] +=
                byDots ? Eigen::Map<const Lanes>(sums + (f * taps + q) * kFloatLanes).sum()
                       : sums[f * patch + q];
}

template <typename T>
void inputGradient(const ConvolutionCall<T>& call) {
    const Windows w(call.shape);
    const int64_t filters = call.shape.filters, pixels = w.outputPixels();
    for (int64_t n = call.begin; n < call.end; ++n)
        inputGradientByColumns(w, filters, call.weights, call.outputGradient + n * filters * pixels,
                               call.out + n * w.imageSize(), Scratch(call.scratch));
}

template <typename T>
constexpr ConvolutionFunctions<T> convolutionFunctions() {
    return {scratchBytes<T>, forward<T>,         gradientSumValues<T>,
            gradientSums<T>, addGradientSums<T>, inputGradient<T>};
}

}  // namespace koto::KOTO_KERNEL_NAMESPACE
