// The OpenCL backend's convolution and pooling (backend.h says what each computes); the kernels
// are kernels/image_kernels.cl.
//
// A convolution is matrix products on CLBlast's GEMM, around small kernels that move values into
// and out of the products' layout (kernels/image_kernels.cl explains the layout). The window
// matrix `columns` and the pixel-major matrix `pixels` live in two scratch buffers that grow to
// the largest pass asked for and are then reused, so that a training step allocates nothing.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "clblast_gemm.h"
#include "opencl_backend.h"
#include "opencl_status.h"
#include "opencl_tensors.h"

namespace koto {
namespace {

// The geometry's numbers in the order the convolution kernels take them, after `count` and the
// pass's first image.
KernelArguments& withGeometry(KernelArguments& arguments, const ImageWindows& w) {
    return arguments.integer(static_cast<int32_t>(w.channels))
        .integer(static_cast<int32_t>(w.height))
        .integer(static_cast<int32_t>(w.width))
        .integer(static_cast<int32_t>(w.kernel))
        .integer(static_cast<int32_t>(w.stride))
        .integer(static_cast<int32_t>(w.padding))
        .integer(static_cast<int32_t>(w.outputHeight()))
        .integer(static_cast<int32_t>(w.outputWidth()));
}

// ... and the pooling kernels': no channels (they run over planes), stride and padding.
KernelArguments& withPoolingGeometry(KernelArguments& arguments, const ImageWindows& w) {
    return arguments.integer(static_cast<int32_t>(w.height))
        .integer(static_cast<int32_t>(w.width))
        .integer(static_cast<int32_t>(w.kernel))
        .integer(static_cast<int32_t>(w.outputHeight()))
        .integer(static_cast<int32_t>(w.outputWidth()));
}

// The most values a pass puts in either scratch matrix (128 MiB in float): a batch whose scratch
// matrices would be larger is convolved a slice of images at a time. LeNet's first layer at batch
// 64 needs 0.9 million, so training batches take one pass.
constexpr int64_t kMaxPassElements = int64_t{1} << 25;

// How many images one pass takes: all of them unless the scratch matrices would pass the limit.
int64_t imagesPerPass(const ImageWindows& w, int64_t filters, int64_t images) {
    const int64_t perImage = w.outputPixels() * std::max(w.patchSize(), filters);
    if (perImage > kMaxElements)
        throw std::invalid_argument(
            "convolution: one image has " + std::to_string(w.outputPixels()) + " windows of " +
            std::to_string(w.patchSize()) + " values, more than the OpenCL backend indexes (2^31)");
    return std::clamp<int64_t>(kMaxPassElements / perImage, 1, std::max<int64_t>(images, 1));
}

int32_t narrow(int64_t value) { return static_cast<int32_t>(value); }

// Work-items per work-group of the kernels that move values into and out of the products: 256, a
// usual size on GPUs. The default 64 made PoCL, which pays a fixed cost per work-group, take up to
// twice as long for LeNet's convolutions (its first layer's im2col is 0.9 million work-items).
constexpr size_t kConvolutionGroup = 256;

}  // namespace

cl_mem OpenClBackend::scratch(std::unique_ptr<OpenClBuffer>& buffer, int64_t elements, DType type,
                              const char* what) {
    return bufferOfAtLeast(buffer, static_cast<size_t>(elements * bytesPerElement(type)), what)
        .memory();
}

void OpenClBackend::bufferGemm(DType type, bool transposeA, bool transposeB, int64_t m, int64_t n,
                               int64_t k, double beta, cl_mem a, cl_mem b, cl_mem c) {
    const auto size = [](int64_t value) { return static_cast<size_t>(value); };
    // Packed row-major matrices: A is m x k (k x m transposed), B k x n (n x k), C m x n.
    const GemmShape shape{transposeA,
                          transposeB,
                          size(m),
                          size(n),
                          size(k),
                          size(transposeA ? m : k),
                          size(transposeB ? k : n),
                          size(n)};
    countLaunch("GEMM");
    clblastGemm(type, shape, 1.0, a, b, beta, c, context_->queueAddress());
}

cl_mem OpenClBackend::imagesToColumns(const ImageWindows& w, const Tensor& images, int64_t first,
                                      int64_t count) {
    const DType type = images.dtype();
    const int64_t values = count * w.outputPixels() * w.patchSize();
    const cl_mem columns =
        scratch(convolutionColumns_, values, type, "the convolution's window matrix");
    const OpenClKernel& k = kernel(type, "im2col");
    KernelArguments arguments(k.handle, type);
    withGeometry(arguments.buffer(memoryOf(images))
                     .buffer(columns)
                     .integer(narrow(values))
                     .integer(narrow(first)),
                 w);
    runInGroupsOf(kConvolutionGroup, k, values, "im2col");
    return columns;
}

cl_mem OpenClBackend::gradientToPixels(const ImageWindows& w, const Tensor& outputGradient,
                                       int64_t filters, int64_t first, int64_t count) {
    const DType type = outputGradient.dtype();
    const int64_t values = count * w.outputPixels() * filters;
    const cl_mem pixels =
        scratch(convolutionPixels_, values, type, "the convolution's pixel-major matrix");
    const OpenClKernel& k = kernel(type, "channels_to_pixels");
    KernelArguments(k.handle, type)
        .buffer(memoryOf(outputGradient))
        .buffer(pixels)
        .integer(narrow(values))
        .integer(narrow(first))
        .integer(narrow(filters))
        .integer(narrow(w.outputPixels()));
    runInGroupsOf(kConvolutionGroup, k, values, "channels_to_pixels");
    return pixels;
}

void OpenClBackend::convolutionForward(const ImageWindows& w, const Tensor& images,
                                       const Tensor& weights, const Tensor& bias, Tensor& out) {
    requireConvolutionTensors(w, images, weights, bias, out, "convolutionForward");
    const DType type = computeType(images);
    const int64_t n = images.rows(), filters = weights.rows(), windowCount = w.outputPixels(),
                  patch = w.patchSize();
    const int64_t pass = imagesPerPass(w, filters, n);
    for (int64_t first = 0; first < n; first += pass) {
        const int64_t count = std::min(pass, n - first), rows = count * windowCount;
        const cl_mem columns = imagesToColumns(w, images, first, count);
        const cl_mem pixels = scratch(convolutionPixels_, rows * filters, type,
                                      "the convolution's pixel-major matrix");
        // pixels = columns W^T: every window's value for every filter.
        bufferGemm(type, false, true, rows, filters, patch, 0.0, columns, memoryOf(weights),
                   pixels);
        const OpenClKernel& k = kernel(type, "pixels_to_channels");
        KernelArguments(k.handle, type)
            .buffer(pixels)
            .buffer(memoryOf(bias))
            .buffer(memoryOf(out))
            .integer(narrow(rows * filters))
            .integer(narrow(first))
            .integer(narrow(filters))
            .integer(narrow(windowCount));
        runInGroupsOf(kConvolutionGroup, k, rows * filters, "convolutionForward");
    }
}

void OpenClBackend::convolutionParameterGradients(const ImageWindows& w, const Tensor& images,
                                                  const Tensor& outputGradient,
                                                  Tensor& weightGradient, Tensor& biasGradient) {
    requireConvolutionTensors(w, images, weightGradient, biasGradient, outputGradient,
                              "convolutionParameterGradients");
    const DType type = computeType(images);
    const int64_t n = images.rows(), filters = weightGradient.rows(),
                  windowCount = w.outputPixels();
    const int64_t patch = w.patchSize();
    if (n == 0) {  // sums over no windows
        fill(weightGradient, 0.0);
        fill(biasGradient, 0.0);
        return;
    }
    const int64_t pass = imagesPerPass(w, filters, n);
    for (int64_t first = 0; first < n; first += pass) {
        const int64_t count = std::min(pass, n - first), rows = count * windowCount;
        const cl_mem columns = imagesToColumns(w, images, first, count);
        const cl_mem pixels = gradientToPixels(w, outputGradient, filters, first, count);
        // dJ/dW = pixels^T columns, summed over the windows of the pass: the first pass writes,
        // the later ones add.
        bufferGemm(type, true, false, filters, patch, rows, first == 0 ? 0.0 : 1.0, pixels, columns,
                   memoryOf(weightGradient));
    }
    // dJ/db: one work-group per filter, summing its dJ/da straight from a's layout.
    if (filters == 0) return;
    const OpenClKernel& k = kernel(type, "convolution_bias_gradient");
    const size_t group = reductionGroupSize(k);
    KernelArguments(k.handle, type)
        .buffer(memoryOf(outputGradient))
        .buffer(memoryOf(biasGradient))
        .integer(narrow(n))
        .integer(narrow(filters))
        .integer(narrow(windowCount))
        .local(group * static_cast<size_t>(bytesPerElement(type)));
    const size_t global = static_cast<size_t>(filters) * group;
    countLaunch("convolutionParameterGradients");
    checkOpenCl(clEnqueueNDRangeKernel(context_->queue(), k.handle, 1, nullptr, &global, &group, 0,
                                       nullptr, nullptr),
                "running convolutionParameterGradients");
}

void OpenClBackend::convolutionInputGradient(const ImageWindows& w, const Tensor& outputGradient,
                                             const Tensor& weights, Tensor& inputGradient) {
    requireConvolutionInputGradient(w, outputGradient, weights, inputGradient,
                                    "convolutionInputGradient");
    const DType type = computeType(inputGradient);
    const int64_t n = inputGradient.rows(), filters = weights.rows(),
                  windowCount = w.outputPixels();
    const int64_t patch = w.patchSize();
    if (filters ==
        0) {  // no filter reaches back to the image (and CLBlast refuses an inner size of 0)
        fill(inputGradient, 0.0);
        return;
    }
    const int64_t pass = imagesPerPass(w, filters, n);
    for (int64_t first = 0; first < n; first += pass) {
        const int64_t count = std::min(pass, n - first), rows = count * windowCount;
        const cl_mem pixels = gradientToPixels(w, outputGradient, filters, first, count);
        const cl_mem columns =
            scratch(convolutionColumns_, rows * patch, type, "the convolution's window matrix");
        // columns = pixels W: what each window's every value receives, then summed per value.
        bufferGemm(type, false, false, rows, patch, filters, 0.0, pixels, memoryOf(weights),
                   columns);
        const OpenClKernel& k = kernel(type, "col2im");
        KernelArguments arguments(k.handle, type);
        const int64_t values = count * w.imageSize();
        withGeometry(arguments.buffer(columns)
                         .buffer(memoryOf(inputGradient))
                         .integer(narrow(values))
                         .integer(narrow(first)),
                     w);
        runInGroupsOf(kConvolutionGroup, k, values, "convolutionInputGradient");
    }
}

void OpenClBackend::maxPoolForward(const ImageWindows& w, const Tensor& in, Tensor& out) {
    requirePoolingTensors(w, {&in}, {&out}, "maxPoolForward");
    const DType type = computeType(in);
    const OpenClKernel& k = kernel(type, "max_pool_forward");
    KernelArguments arguments(k.handle, type);
    withPoolingGeometry(arguments.buffer(memoryOf(in)).buffer(memoryOf(out)).integer(count(out)),
                        w);
    run(k, out.size(), "maxPoolForward");
}

void OpenClBackend::maxPoolBackward(const ImageWindows& w, const Tensor& in,
                                    const Tensor& outputGradient, Tensor& inputGradient) {
    requirePoolingTensors(w, {&in, &inputGradient}, {&outputGradient}, "maxPoolBackward");
    const DType type = computeType(inputGradient);
    const OpenClKernel& k = kernel(type, "max_pool_backward");
    KernelArguments arguments(k.handle, type);
    withPoolingGeometry(arguments.buffer(memoryOf(in))
                            .buffer(memoryOf(outputGradient))
                            .buffer(memoryOf(inputGradient))
                            .integer(count(inputGradient)),
                        w);
    run(k, inputGradient.size(), "maxPoolBackward");
}

void OpenClBackend::averagePoolForward(const ImageWindows& w, const Tensor& in, Tensor& out) {
    requirePoolingTensors(w, {&in}, {&out}, "averagePoolForward");
    const DType type = computeType(in);
    const OpenClKernel& k = kernel(type, "average_pool_forward");
    KernelArguments arguments(k.handle, type);
    withPoolingGeometry(arguments.buffer(memoryOf(in)).buffer(memoryOf(out)).integer(count(out)),
                        w);
    run(k, out.size(), "averagePoolForward");
}

void OpenClBackend::averagePoolBackward(const ImageWindows& w, const Tensor& outputGradient,
                                        Tensor& inputGradient) {
    requirePoolingTensors(w, {&inputGradient}, {&outputGradient}, "averagePoolBackward");
    const DType type = computeType(inputGradient);
    const OpenClKernel& k = kernel(type, "average_pool_backward");
    KernelArguments arguments(k.handle, type);
    withPoolingGeometry(arguments.buffer(memoryOf(outputGradient))
                            .buffer(memoryOf(inputGradient))
                            .integer(count(inputGradient)),
                        w);
    run(k, inputGradient.size(), "averagePoolBackward");
}

}  // namespace koto
