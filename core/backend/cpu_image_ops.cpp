// The CPU backend's image operations (part 12): convolution (backend.h says what each computes),
// image by image in parts of the batch shared among the pool's threads. The per-image work is in
// the convolution kernels of the instruction set chosen for this CPU (convolution_kernels.h);
// pooling is in cpu_pooling_ops.cpp.

#include <Eigen/Core>
#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "backend/argument_checks.h"
#include "backend/convolution_kernels.h"
#include "backend/cpu_backend.h"
#include "backend/cpu_parallel.h"
#include "backend/element_type_dispatch.h"
#include "backend/host_storage.h"

namespace koto {
namespace {

ConvolutionShape shapeOf(const ImageWindows& w, int64_t filters) {
    return {w.channels, w.height, w.width, w.kernel, w.stride, w.padding, filters};
}

template <typename T>
const ConvolutionFunctions<T>& kernelsFor() {
    static const ConvolutionKernels& chosen = convolutionKernels();
    if constexpr (std::is_same_v<T, float>) return chosen.floats;
    else return chosen.doubles;
}

// This thread's scratch memory for one kernel call, of at least `bytes`: kept between calls, so
// that a step allocates nothing once it has run.
void* scratchOf(int64_t bytes) {
    thread_local std::vector<unsigned char> memory;
    if (memory.size() < static_cast<size_t>(bytes)) memory.resize(static_cast<size_t>(bytes));
    return memory.data();
}

// One part's kernel call on the images [begin, end), with this thread's scratch.
template <typename T>
ConvolutionCall<T> callOn(const ConvolutionShape& shape, int64_t begin, int64_t end) {
    ConvolutionCall<T> call{};
    call.shape = shape;
    call.begin = begin;
    call.end = end;
    call.scratch = scratchOf(kernelsFor<T>().scratchBytes(shape));
    return call;
}

}  // namespace

void CpuBackend::convolutionForward(const ImageWindows& w, const Tensor& images,
                                    const Tensor& weights, const Tensor& bias, Tensor& out) {
    requireConvolutionTensors(w, images, weights, bias, out, "convolutionForward");
    dispatch(images.dtype(), [&]<typename T>() {
        const ConvolutionShape shape = shapeOf(w, weights.rows());
        forEachPart(pool_, images.rows(), kImagesPerPart, [&](int64_t, int64_t begin, int64_t end) {
            ConvolutionCall<T> call = callOn<T>(shape, begin, end);
            call.images = dataOf<T>(images);
            call.weights = dataOf<T>(weights);
            call.bias = dataOf<T>(bias);
            call.out = dataOf<T>(out);
            kernelsFor<T>().forward(call);
        });
    });
}

void CpuBackend::convolutionParameterGradients(const ImageWindows& w, const Tensor& images,
                                               const Tensor& outputGradient, Tensor& weightGradient,
                                               Tensor& biasGradient) {
    requireConvolutionTensors(w, images, weightGradient, biasGradient, outputGradient,
                              "convolutionParameterGradients");
    dispatch(images.dtype(), [&]<typename T>() {
        const ConvolutionShape shape = shapeOf(w, weightGradient.rows());
        const int64_t filters = shape.filters, pixels = w.outputPixels(), count = images.rows();
        const T* dA = dataOf<T>(outputGradient);
        T* dW = dataOf<T>(weightGradient);
        T* db = dataOf<T>(biasGradient);
        // Each part's sums, added in part order below; and each image's dJ/db.
        const int64_t partSize = kernelsFor<T>().gradientSumValues(shape);
        thread_local std::vector<T> partSums;
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
                ConvolutionCall<T> call = callOn<T>(shape, begin, end);
                call.images = dataOf<T>(images);
                call.outputGradient = dA;
                call.out = allSums + part * partSize;
                kernelsFor<T>().gradientSums(call);
                for (int64_t n = begin; n < end; ++n)
                    for (int64_t f = 0; f < filters; ++f)
                        biasSums[n * filters + f] =
                            Eigen::Map<const Values>(dA + (n * filters + f) * pixels, pixels).sum();
            });
        std::fill_n(dW, filters * w.patchSize(), T(0));
        for (int64_t part = 0; part < partCount(count, kImagesPerGradientPart); ++part)
            kernelsFor<T>().addGradientSums(shape, allSums + part * partSize, dW);
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
        const ConvolutionShape shape = shapeOf(w, weights.rows());
        forEachPart(pool_, inputGradient.rows(), kImagesPerPart,
                    [&](int64_t, int64_t begin, int64_t end) {
                        ConvolutionCall<T> call = callOn<T>(shape, begin, end);
                        call.weights = dataOf<T>(weights);
                        call.outputGradient = dataOf<T>(outputGradient);
                        call.out = dataOf<T>(inputGradient);
                        kernelsFor<T>().inputGradient(call);
                    });
    });
}

}  // namespace koto
