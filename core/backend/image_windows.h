#pragma once
// The geometry of a convolution or pooling over images stored channels-first, one image a row of
// C*H*W values (channel c, row y, column x at c*H*W + y*W + x): K x K windows moved by `stride`
// over the image padded with `padding` zeros on every side. Window (oy, ox) covers input rows
// oy*stride - padding ... + K - 1 and the columns likewise; windows that would run past the
// padded edge are left out (the output size is rounded down, as in PyTorch).

#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>

#include "tensor/tensor.h"

namespace koto {

struct ImageWindows {
    int64_t channels = 1, height = 1, width = 1;
    int64_t kernel = 1, stride = 1, padding = 0;

    int64_t outputHeight() const { return (height + 2 * padding - kernel) / stride + 1; }
    int64_t outputWidth() const { return (width + 2 * padding - kernel) / stride + 1; }
    int64_t outputPixels() const { return outputHeight() * outputWidth(); }
    int64_t imageSize() const { return channels * height * width; }
    int64_t outputImageSize() const { return channels * outputPixels(); }  // pooling's output
    int64_t patchSize() const { return channels * kernel * kernel; }  // the values of one window
    bool valid() const {
        return channels >= 1 && height >= 1 && width >= 1 && kernel >= 1 && stride >= 1 &&
               padding >= 0 && padding < kernel && kernel <= height + 2 * padding &&
               kernel <= width + 2 * padding;
    }
};

// Throws std::invalid_argument unless the windows make sense and `tensor` holds `rows` rows of
// `cols` values in float or double: the shape checks every backend makes before an image operation.
inline void requireWindowTensor(const ImageWindows& windows, const Tensor& tensor, int64_t rows,
                                int64_t cols, const char* what) {
    if (!windows.valid())
        throw std::invalid_argument(std::string(what) +
                                    ": kernel, stride or padding do not fit the image");
    if (tensor.dtype() == DType::UInt8)
        throw std::invalid_argument(std::string(what) +
                                    ": computes in float or double, not on bytes");
    if (tensor.rows() != rows || tensor.cols() != cols)
        throw std::invalid_argument(std::string(what) + ": a tensor of " + tensor.shape().text() +
                                    " where " + std::to_string(rows) + " rows of " +
                                    std::to_string(cols) + " values belong");
}

// Throws std::invalid_argument unless every tensor has the same element type.
inline void requireOneType(std::initializer_list<const Tensor*> tensors, const char* what) {
    for (const Tensor* t : tensors)
        if (t->dtype() != (*tensors.begin())->dtype())
            throw std::invalid_argument(std::string(what) + ": tensor types differ");
}

// The same for pooling, whose windows are as wide as they move and never padded.
inline void requirePoolingWindows(const ImageWindows& windows, const char* what) {
    if (windows.stride != windows.kernel || windows.padding != 0)
        throw std::invalid_argument(std::string(what) +
                                    ": pooling windows move by their own size, unpadded");
}

// A convolution's tensors, all of one type: n whole images, F filters of patchSize() weights and
// F biases, and n images of F output channels.
inline void requireConvolutionTensors(const ImageWindows& windows, const Tensor& images,
                                      const Tensor& weights, const Tensor& bias, const Tensor& out,
                                      const char* what) {
    const int64_t n = images.rows(), filters = weights.rows();
    requireWindowTensor(windows, images, n, windows.imageSize(), what);
    requireWindowTensor(windows, weights, filters, windows.patchSize(), what);
    if (bias.size() != filters)
        throw std::invalid_argument(std::string(what) + ": " + std::to_string(bias.size()) +
                                    " biases for " + std::to_string(filters) + " filters");
    requireWindowTensor(windows, out, n, filters * windows.outputPixels(), what);
    requireOneType({&images, &weights, &bias, &out}, what);
}

// The same for dJ/dX: n images of F output channels' gradients, the weights, n images' gradients.
inline void requireConvolutionInputGradient(const ImageWindows& windows,
                                            const Tensor& outputGradient, const Tensor& weights,
                                            const Tensor& inputGradient, const char* what) {
    const int64_t n = inputGradient.rows(), filters = weights.rows();
    requireWindowTensor(windows, inputGradient, n, windows.imageSize(), what);
    requireWindowTensor(windows, weights, filters, windows.patchSize(), what);
    requireWindowTensor(windows, outputGradient, n, filters * windows.outputPixels(), what);
    requireOneType({&inputGradient, &weights, &outputGradient}, what);
}

// Pooling's tensors, all of one type: `images` hold n whole images each (the input, its
// gradient), `pooled` n pooled images each (the output, its gradient).
inline void requirePoolingTensors(const ImageWindows& windows,
                                  std::initializer_list<const Tensor*> images,
                                  std::initializer_list<const Tensor*> pooled, const char* what) {
    requirePoolingWindows(windows, what);
    const int64_t n = (*images.begin())->rows();
    for (const Tensor* t : images) requireWindowTensor(windows, *t, n, windows.imageSize(), what);
    for (const Tensor* t : pooled)
        requireWindowTensor(windows, *t, n, windows.outputImageSize(), what);
    requireOneType(images, what);
    requireOneType({*images.begin(), *pooled.begin()}, what);
}

}  // namespace koto
