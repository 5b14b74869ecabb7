#pragma once
// The checks every backend makes of its arguments before it computes, written once so that the
// CPU and OpenCL backends refuse the same misuse with the same words (std::invalid_argument).

#include <cstdint>
#include <initializer_list>
#include <span>

#include "backend/image_transform.h"
#include "tensor/tensor.h"

namespace koto {

// a and b hold as many elements of one type.
void requireSameSize(const Tensor& a, const Tensor& b, const char* what);
// Each of `tensors` holds as many elements of one type as `weights`.
void requireSameSizes(std::initializer_list<const Tensor*> tensors, const Tensor& weights,
                      const char* what);
// augmentImages: one transform per image, images of width x height, `out` as large as `images`.
void requireAugmentationFits(std::span<const ImageTransform> transforms, int64_t width,
                             int64_t height, const Tensor& images, const Tensor& out);

// Recurrent steps: `sequence` (N x T x W) holds `width` values a time step and as many rows of
// one type as `stepTensor`, and 0 <= step < T. Returns T.
int64_t requireTimeStep(const Tensor& sequence, int64_t width, int64_t step,
                        const Tensor& stepTensor, const char* what);
// The same for several tensors at once: every one of `sequences` is shaped as the first, every
// one of `steps` as the first, and the first of each fit as above. Returns T.
int64_t requireTimeSteps(std::initializer_list<const Tensor*> sequences,
                         std::initializer_list<const Tensor*> steps, int64_t step,
                         const char* what);
// The LSTM's gate tensors (N x T x 4U, N x 4U) against its states (N x T x U, N x U).
void requireLstmStep(std::initializer_list<const Tensor*> gateSequences,
                     std::initializer_list<const Tensor*> gateSteps,
                     std::initializer_list<const Tensor*> stateSequences,
                     std::initializer_list<const Tensor*> stateSteps, int64_t step,
                     const char* what);

}  // namespace koto
