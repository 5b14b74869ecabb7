#pragma once
// A convolutional layer (part 12): F filters of C x K x K weights slide over the input images
// (N x C x H x W, channels-first) with stride S over the image padded with P zeros:
//   a[n, f, oy, ox] = sum_{c, ky, kx} W[f, (c, ky, kx)] X[n, c, oy*S - P + ky, ox*S - P + kx] +
//   b[f] Z = s(a)                                     (Z: N x F x OH x OW, OH = (H + 2P - K) / S +
//   1)
// backward, given dJ/dZ:
//   dJ/da = dJ/dZ * s'(a)
//   dJ/dW[f, (c, ky, kx)] = sum over n, oy, ox of dJ/da[n, f, oy, ox] X[n, c, oy*S - P + ky, ox*S -
//   P + kx] dJ/db[f] = sum over n, oy, ox of dJ/da[n, f, oy, ox] dJ/dX: each input value collects W
//   dJ/da from every window it was in.
// The backend computes a, dJ/dW, dJ/db and dJ/dX (on the CPU image by image, as products of the
// filters with the image's windows: backend/cpu_image_ops.cpp).
// Weights start as a dense layer's with fan-in C*K*K and fan-out F*K*K (He-normal for ReLU,
// Xavier-uniform otherwise); biases at zero.

#include "layers/layer.h"

namespace koto {

class ConvolutionLayer final : public Layer {
public:
    ConvolutionLayer(std::string name, int64_t filters, int64_t kernel, int64_t stride,
                     int64_t padding, Activation activation);

    std::string_view type() const override { return "conv"; }
    // inputShape: maxRows x C x H x W.
    void setup(Backend& backend, const Shape& inputShape, DType type) override;
    void initialize(Backend& backend, Random& random) override;
    const Tensor& forward(Backend& backend, const Tensor& input) override;
    const Tensor& backward(Backend& backend, const Tensor& outputGradient,
                           bool needInputGradient) override;
    Shape outputShape() const override { return output_.shape(); }
    std::vector<Parameter*> parameters() override { return {&weights_, &bias_}; }
    // Forward: X, a, Z (each N x F x OH x OW but X). Backward: dJ/dZ, dJ/da, dJ/dW, dJ/db, and
    // dJ/dX when the layer to the left needs it.
    std::vector<TracedBuffer> forwardTrace(Backend& backend) override;
    std::vector<TracedBuffer> backwardTrace(Backend& backend) override;

    const ImageWindows& windows() const { return windows_; }

private:
    int64_t filters_;
    ImageWindows windows_;
    Activation activation_;
    Parameter weights_{"W", {}, {}};  // F x (C*K*K)
    Parameter bias_{"b", {}, {}};     // 1 x F
    const Tensor* input_ = nullptr;
    const Tensor* outputGradient_ = nullptr;
    bool inputGradientComputed_ = false;
    Tensor preActivation_, output_, preActivationGradient_, inputGradient_;  // channels-first
};

}  // namespace koto
