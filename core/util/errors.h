#pragma once
// The errors core reports. Each carries what a front end needs to say it in the user's language
// (the CLI prints what(); the app shows a translated sentence around the details).

#include <cstdint>
#include <stdexcept>
#include <string>

namespace koto {

// A network spec that cannot be built: an unknown layer, a bad parameter, shapes that do not fit.
class SpecError : public std::runtime_error {
public:
    SpecError(int layerIndex, const std::string& message)
        : std::runtime_error(message), layerIndex_(layerIndex) {}
    // Index of the offending layer, or -1 when the spec as a whole is wrong.
    int layerIndex() const { return layerIndex_; }

private:
    int layerIndex_;
};

// Bad data or a bad file: what it is and what is wrong with it.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Training diverged: the step and where it showed. Either a NaN or Inf appeared (in a layer,
// "the loss" or "the input data"; the weights are those of the last finite step), or the loss
// grew past Trainer::kBlowUpFactor times its first value without reaching either (layer "the
// loss"; the weights are those the step began with).
class DivergenceError : public std::runtime_error {
public:
    enum class Kind { NotFinite, LossGrew };
    DivergenceError(int64_t step, std::string layer, const std::string& message,
                    Kind kind = Kind::NotFinite)
        : std::runtime_error(message), step_(step), layer_(std::move(layer)), kind_(kind) {}
    int64_t step() const { return step_; }
    const std::string& layer() const { return layer_; }
    Kind kind() const { return kind_; }

private:
    int64_t step_;
    std::string layer_;
    Kind kind_;
};

// A compute device that cannot be used or failed while computing: no OpenCL platform or device,
// a context that could not be made, a kernel that did not build, a device out of memory or
// resources. The message names what failed, in English; the front end then computes on the CPU.
class DeviceError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace koto
