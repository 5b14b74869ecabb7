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
void requireSameSizes(std::initializer_list<const Tensor*> tensors, const Tensor& weights, const char* what);
// augmentImages: one transform per image, images of width x height, `out` as large as `images`.
void requireAugmentationFits(std::span<const ImageTransform> transforms, int64_t width, int64_t height,
                             const Tensor& images, const Tensor& out);

}  // namespace koto
