#include "backend/argument_checks.h"

#include <stdexcept>
#include <string>

namespace koto {

void requireSameSize(const Tensor& a, const Tensor& b, const char* what) {
    if (a.size() != b.size() || a.dtype() != b.dtype())
        throw std::invalid_argument(std::string(what) + ": tensor shapes or types differ (" + a.shape().text() +
                                    " and " + b.shape().text() + ")");
}

void requireSameSizes(std::initializer_list<const Tensor*> tensors, const Tensor& weights, const char* what) {
    for (const Tensor* t : tensors) requireSameSize(*t, weights, what);
}

void requireAugmentationFits(std::span<const ImageTransform> transforms, int64_t width, int64_t height,
                             const Tensor& images, const Tensor& out) {
    requireSameSize(images, out, "augmentImages");
    if (width < 1 || height < 1 || images.cols() != width * height ||
        static_cast<int64_t>(transforms.size()) != images.rows())
        throw std::invalid_argument("augmentImages: " + std::to_string(transforms.size()) + " transforms of " +
                                    std::to_string(width) + " x " + std::to_string(height) + " images for " +
                                    images.shape().text());
}

}  // namespace koto
