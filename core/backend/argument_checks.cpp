#include "backend/argument_checks.h"

#include <stdexcept>
#include <string>

namespace koto {

void requireSameSize(const Tensor& a, const Tensor& b, const char* what) {
    if (a.size() != b.size() || a.dtype() != b.dtype())
        throw std::invalid_argument(std::string(what) + ": tensor shapes or types differ (" +
                                    a.shape().text() + " and " + b.shape().text() + ")");
}

void requireSameSizes(std::initializer_list<const Tensor*> tensors, const Tensor& weights,
                      const char* what) {
    for (const Tensor* t : tensors) requireSameSize(*t, weights, what);
}

void requireAugmentationFits(std::span<const ImageTransform> transforms, int64_t width,
                             int64_t height, const Tensor& images, const Tensor& out) {
    requireSameSize(images, out, "augmentImages");
    if (width < 1 || height < 1 || images.cols() != width * height ||
        static_cast<int64_t>(transforms.size()) != images.rows())
        throw std::invalid_argument("augmentImages: " + std::to_string(transforms.size()) +
                                    " transforms of " + std::to_string(width) + " x " +
                                    std::to_string(height) + " images for " +
                                    images.shape().text());
}

int64_t requireTimeStep(const Tensor& sequence, int64_t width, int64_t step,
                        const Tensor& stepTensor, const char* what) {
    const int64_t steps = width > 0 ? sequence.cols() / width : 0;
    if (width < 1 || sequence.cols() != steps * width || sequence.rows() != stepTensor.rows() ||
        sequence.dtype() != stepTensor.dtype() || step < 0 || step >= steps)
        throw std::invalid_argument(std::string(what) + ": time step " + std::to_string(step) +
                                    " of " + std::to_string(width) + " values does not fit " +
                                    sequence.shape().text() + " and " + stepTensor.shape().text());
    return steps;
}

int64_t requireTimeSteps(std::initializer_list<const Tensor*> sequences,
                         std::initializer_list<const Tensor*> steps, int64_t step,
                         const char* what) {
    const Tensor& sequence = **sequences.begin();
    const Tensor& stepTensor = **steps.begin();
    for (const Tensor* t : sequences)
        if (t->shape() != sequence.shape() || t->dtype() != sequence.dtype())
            throw std::invalid_argument(std::string(what) + ": sequences of " +
                                        sequence.shape().text() + " and " + t->shape().text());
    for (const Tensor* t : steps)
        if (t->shape() != stepTensor.shape() || t->dtype() != stepTensor.dtype())
            throw std::invalid_argument(std::string(what) + ": steps of " +
                                        stepTensor.shape().text() + " and " + t->shape().text());
    return requireTimeStep(sequence, stepTensor.cols(), step, stepTensor, what);
}

void requireLstmStep(std::initializer_list<const Tensor*> gateSequences,
                     std::initializer_list<const Tensor*> gateSteps,
                     std::initializer_list<const Tensor*> stateSequences,
                     std::initializer_list<const Tensor*> stateSteps, int64_t step,
                     const char* what) {
    const int64_t gateLength = requireTimeSteps(gateSequences, gateSteps, step, what);
    const int64_t stateLength = requireTimeSteps(stateSequences, stateSteps, step, what);
    const Tensor& gates = **gateSteps.begin();
    const Tensor& states = **stateSteps.begin();
    if (gateLength != stateLength || gates.cols() != 4 * states.cols() ||
        gates.dtype() != states.dtype())
        throw std::invalid_argument(
            std::string(what) + ": gates of " + (**gateSequences.begin()).shape().text() +
            " do not match states of " + (**stateSequences.begin()).shape().text());
}

}  // namespace koto
