#pragma once
// The CPU backend's convolution kernels (the per-image work of convolutionForward,
// convolutionParameterGradients and convolutionInputGradient), compiled for more than one
// instruction set in a portable build, as the matrix product is (product_kernels.h): their blocks
// of sums are sized to the registers of the instruction set they are compiled for
// (vector_registers.h), so a baseline (SSE2) build of them runs the LeNet-like CNN about half as
// fast as an AVX2 one. convolutionKernels() picks the set for this CPU, as productKernels() does.
//
// The kernels see only plain numbers and pointers, and allocate nothing: the caller gives each
// call its scratch memory, so that nothing of the C++ library is compiled in another
// instruction set's code (check_isa_symbols.cmake).

#include <cstdint>
#include <vector>

namespace koto {

// A convolution's shape: `filters` filters of K x K windows, moved by `stride`, over images of
// `channels` x `height` x `width` values padded with `padding` zeros (ImageWindows, without its
// checks: the backend checks the tensors before it calls a kernel).
struct ConvolutionShape {
    int64_t channels, height, width, kernel, stride, padding, filters;
};

// One call on the images [begin, end) of a batch; which pointers count depends on the kernel.
template <typename T>
struct ConvolutionCall {
    ConvolutionShape shape;
    int64_t begin, end;
    const T* images;          // x: the whole batch (forward, dJ/dW)
    const T* weights;         // W, filters x C*K*K (forward, dJ/dX)
    const T* bias;            // b (forward)
    const T* outputGradient;  // dJ/da: the whole batch (dJ/dW, dJ/dX)
    T* out;                   // a (forward), this part's dJ/dW sums, dJ/dX: the whole batch
    void* scratch;            // scratchBytes(shape) bytes, any alignment
};

template <typename T>
struct ConvolutionFunctions {
    int64_t (*scratchBytes)(const ConvolutionShape&);
    // a = b + W x for the call's images.
    void (*forward)(const ConvolutionCall<T>&);
    // dJ/dW of the call's images as partial sums into `out` (gradientSumValues values, laid out as
    // the kernel likes); addGradientSums adds one such part to dJ/dW (filters x C*K*K).
    int64_t (*gradientSumValues)(const ConvolutionShape&);
    void (*gradientSums)(const ConvolutionCall<T>&);
    void (*addGradientSums)(const ConvolutionShape&, const T* sums, T* dW);
    // dJ/dX for the call's images.
    void (*inputGradient)(const ConvolutionCall<T>&);
};

struct ConvolutionKernels {
    const char* name;  // "baseline", "avx2", "avx512"
    ConvolutionFunctions<float> floats;
    ConvolutionFunctions<double> doubles;
};

// The kernels for this CPU (KOTO_CPU_KERNELS names one, as for productKernels()).
const ConvolutionKernels& convolutionKernels();
// Every kernel set this build has and this CPU can run, the baseline first.
std::vector<ConvolutionKernels> availableConvolutionKernels();

}  // namespace koto
