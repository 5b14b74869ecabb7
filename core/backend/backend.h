#pragma once
// The Backend is the only place where numbers are computed. Layers, losses and optimizers are
// written once over these operations; the CPU backend (Eigen, in core) and the OpenCL backend
// (gpu/) implement them. Tensors passed in must have been allocated by the same backend.
//
// Conventions: matrices are row-major, samples in rows (X is N x D). Every operation that
// produces an output overwrites it completely (nothing accumulates into stale values), unless
// it says otherwise. A backend object is used by one thread at a time.

#include <cstdint>
#include <span>
#include <string>

#include "backend/activation.h"
#include "backend/held_rows.h"
#include "backend/image_transform.h"
#include "backend/image_windows.h"
#include "backend/memory_capacity.h"
#include "backend/pending_value.h"
#include "tensor/tensor.h"
#include "util/philox.h"

namespace koto {

// An optimizer update either checks that it would leave every weight finite or applies it.
enum class UpdatePass { Check, Apply };

// The fused losses, named for pendingLoss.
enum class LossFunction { SoftmaxCrossEntropy, SigmoidBinaryCrossEntropy, MeanSquaredError };

class Backend {
public:
    virtual ~Backend() = default;

    // "CPU (Eigen)", or the OpenCL device's name.
    virtual std::string name() const = 0;
    // Whether this backend computes on a separate device, which can fail in the middle of
    // training (the host's CPU does not): a run on it keeps checkpoints to fall back to the CPU.
    virtual bool isDevice() const = 0;
    // How much memory its tensors may take (backend/memory_capacity.h): networks and training
    // runs are checked against it before they allocate (network/memory_estimate.h).
    virtual MemoryCapacity memoryCapacity() const = 0;

    // A zero-filled tensor.
    virtual Tensor allocate(const Shape& shape, DType type) = 0;

    // Host transfers; values are converted between float and double as needed.
    virtual void upload(std::span<const float> values, Tensor& destination) = 0;
    virtual void upload(std::span<const double> values, Tensor& destination) = 0;
    // Bytes into a UInt8 tensor, as they are.
    virtual void upload(std::span<const uint8_t> bytes, Tensor& destination) = 0;
    virtual void download(const Tensor& source, std::span<float> values) = 0;
    virtual void download(const Tensor& source, std::span<double> values) = 0;

    virtual void copy(const Tensor& source, Tensor& destination) = 0;
    virtual void fill(Tensor& tensor, double value) = 0;

    // C = alpha * op(A) * op(B) + beta * C, op(M) = M or M^T. With beta = 0, C's old contents
    // are ignored (even Inf or NaN).
    virtual void gemm(bool transposeA, bool transposeB, double alpha, const Tensor& a,
                      const Tensor& b, double beta, Tensor& c) = 0;

    // A[n, :] += v for every row n (adding the bias b to XW).
    virtual void addRowVector(const Tensor& vector, Tensor& matrix) = 0;
    // out[j] = sum_n A[n, j] (dJ/db = sum over the batch of the deltas).
    virtual void columnSums(const Tensor& matrix, Tensor& out) = 0;

    // Z = s(A) element-wise; for softmax, row by row with the row maximum subtracted.
    virtual void activationForward(Activation activation, const Tensor& a, Tensor& z) = 0;
    // dA = dZ * s'(a), with s'(a) written from the output Z as the curriculum does:
    // Z(1 - Z) for sigmoid, 1 - Z^2 for tanh, u(Z) for ReLU. Softmax is trained only fused with
    // cross-entropy, so it has no separate backward.
    virtual void activationBackward(Activation activation, const Tensor& z, const Tensor& dZ,
                                    Tensor& dA) = 0;

    // Losses over a batch of N rows, each returning the mean cost per sample and writing the
    // gradient of that mean with respect to the network's output.
    //
    // Softmax fused with multi-class cross-entropy: Y = softmax(logits) computed with the row
    // maximum subtracted, J = -(1/N) sum_n sum_k T[n,k] log Y[n,k] via log-sum-exp,
    // dJ/dlogits = (Y - T) / N.
    virtual double softmaxCrossEntropy(const Tensor& logits, const Tensor& targets,
                                       Tensor& probabilities, Tensor& dLogits) = 0;
    // Sigmoid fused with binary cross-entropy on one logit per row:
    // J = (1/N) sum_n max(l,0) - l t + log(1 + exp(-|l|)), dJ/dl = (sigmoid(l) - t) / N.
    virtual double sigmoidBinaryCrossEntropy(const Tensor& logits, const Tensor& targets,
                                             Tensor& probabilities, Tensor& dLogits) = 0;
    // J = (1/N) sum_n sum_k (Y - T)^2, dJ/dY = 2 (Y - T) / N.
    virtual double meanSquaredError(const Tensor& outputs, const Tensor& targets,
                                    Tensor& dOutputs) = 0;

    // out = a * b and out = a + b, element by element.
    virtual void multiply(const Tensor& a, const Tensor& b, Tensor& out) = 0;
    virtual void add(const Tensor& a, const Tensor& b, Tensor& out) = 0;

    // Randomness for dropout and noise, from a counter-based generator (util/philox.h): element
    // i's value depends only on the stream and i, so every backend produces the same numbers.
    // Dropout mask: 1/keep with probability keep, else 0 (element i kept when its uniform < keep).
    virtual void dropoutMask(const RandomStream& stream, double keep, Tensor& mask) = 0;
    // Gaussian noise with mean 0 and the given standard deviation (Box-Muller on pairs).
    virtual void gaussianNoise(const RandomStream& stream, double deviation, Tensor& noise) = 0;
    // Bernoulli samples for the RBM's Gibbs steps (models/rbm.h): samples[i] = 1 where element
    // i's uniform is below probabilities[i], else 0 (the same uniforms as dropoutMask).
    virtual void bernoulliSample(const RandomStream& stream, const Tensor& probabilities,
                                 Tensor& samples) = 0;

    // destination row i = source row rows[i] (assembling a shuffled mini-batch).
    virtual void gatherRows(const Tensor& source, std::span<const int32_t> rows,
                            Tensor& destination) = 0;
    // The same from a UInt8 tensor into a float one, each value times scale (images: 1/255).
    virtual void gatherRowsScaled(const Tensor& source, std::span<const int32_t> rows, double scale,
                                  Tensor& destination) = 0;
    // Data augmentation: out row i = images row i (a width x height image, values in [0, 1])
    // transformed as transforms[i] says (backend/image_transform.h).
    virtual void augmentImages(std::span<const ImageTransform> transforms, int64_t width,
                               int64_t height, const Tensor& images, Tensor& out) = 0;

    // Optimizer updates (part 10 of the curriculum), each fused into one pass over a parameter:
    // its gradient g, its state, its weights w. With UpdatePass::Check nothing changes and the
    // result says whether every new weight would be finite; UpdatePass::Apply updates state and
    // weights in place (and returns true). The optimizer checks every parameter before it
    // applies any, so a diverging step keeps the last finite weights; both passes compute the
    // same numbers.
    //
    // Momentum: v = mu v - lr g; w += v. Nesterov: v = mu v - lr g; w += mu v - lr g.
    virtual bool momentumUpdate(UpdatePass pass, double learningRate, double momentum,
                                bool nesterov, const Tensor& gradient, Tensor& velocity,
                                Tensor& weights) = 0;
    // AdaGrad: cache += g^2; w -= lr g / (sqrt(cache) + eps).
    virtual bool adagradUpdate(UpdatePass pass, double learningRate, double epsilon,
                               const Tensor& gradient, Tensor& cache, Tensor& weights) = 0;
    // RMSprop: cache = decay cache + (1 - decay) g^2; v = mu v - lr g / (sqrt(cache) + eps);
    // w += v (mu = 0 is plain RMSprop).
    virtual bool rmspropUpdate(UpdatePass pass, double learningRate, double decay, double momentum,
                               double epsilon, const Tensor& gradient, Tensor& cache,
                               Tensor& velocity, Tensor& weights) = 0;
    // Adam at step t (1, 2, ...): m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
    // w -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).
    virtual bool adamUpdate(UpdatePass pass, double learningRate, double beta1, double beta2,
                            double epsilon, int64_t t, const Tensor& gradient, Tensor& firstMoment,
                            Tensor& secondMoment, Tensor& weights) = 0;

    // Regularisation (part 11). sum |x| and sum x^2 over a tensor, for the penalties l1 sum |w|
    // and l2 sum w^2; and w = sign(w) max(|w| - amount, 0), L1's step, which stops at zero
    // instead of crossing it, so that L1 leaves weights at exactly zero.
    virtual double sumOfAbsolutes(const Tensor& x) = 0;
    virtual double sumOfSquares(const Tensor& x) = 0;
    virtual void shrinkTowardZero(double amount, Tensor& w) = 0;

    // Convolution (part 12) of n channels-first images (windows: C x H x W, K x K windows moved by
    // S over the image padded with P zeros) with F filters: W is F x (C*K*K), column c*K*K + ky*K +
    // kx weighing channel c, window row ky, column kx; b holds F biases; a is n x (F * OH * OW),
    // channels-first. With x(n, c, y, x) the image value (0 in the padding):
    //   a[n, f, oy, ox] = b[f] + sum_{c, ky, kx} W[f, (c, ky, kx)] x(n, c, oy*S - P + ky, ox*S - P
    //   + kx)
    virtual void convolutionForward(const ImageWindows& windows, const Tensor& images,
                                    const Tensor& weights, const Tensor& bias, Tensor& out) = 0;
    // Given dJ/da (a's shape), the parameters' gradients over the batch:
    //   dJ/dW[f, (c, ky, kx)] = sum_{n, oy, ox} dJ/da[n, f, oy, ox] x(n, c, oy*S - P + ky, ox*S - P
    //   + kx) dJ/db[f] = sum_{n, oy, ox} dJ/da[n, f, oy, ox]
    virtual void convolutionParameterGradients(const ImageWindows& windows, const Tensor& images,
                                               const Tensor& outputGradient, Tensor& weightGradient,
                                               Tensor& biasGradient) = 0;
    // dJ/dX: every image value collects W[f, (c, ky, kx)] dJ/da[n, f, oy, ox] from each window
    // (oy, ox) that covers it, as its (ky, kx), for every filter f (0 where no window reaches).
    virtual void convolutionInputGradient(const ImageWindows& windows, const Tensor& outputGradient,
                                          const Tensor& weights, Tensor& inputGradient) = 0;

    // Pooling over K x K windows moved by K (windows.stride == windows.kernel, no padding), per
    // channel. Max: out = the window's largest value. Backward, given the same input again:
    // dJ/dX = dJ/dY of the window at the value its maximum was taken from (the first one on
    // ties), 0 at its other values and outside every window.
    virtual void maxPoolForward(const ImageWindows& windows, const Tensor& in, Tensor& out) = 0;
    virtual void maxPoolBackward(const ImageWindows& windows, const Tensor& in,
                                 const Tensor& outputGradient, Tensor& inputGradient) = 0;
    // Average: out = the window's mean; dJ/dX = dJ/dY of the window / K^2 (0 outside every window).
    virtual void averagePoolForward(const ImageWindows& windows, const Tensor& in, Tensor& out) = 0;
    virtual void averagePoolBackward(const ImageWindows& windows, const Tensor& outputGradient,
                                     Tensor& inputGradient) = 0;

    // Recurrent layers (part 13), one time step t (0-based) of a whole batch at a time. A
    // sequence tensor is N x T x W: sample n's row holds its T steps one after another, W values
    // each, so step t of sample n is the row's values t*W .. t*W+W-1.
    //
    // out = sequence[:, t] (N x W), and sequence[:, t] = in, leaving the other steps as they are.
    virtual void copyTimeStep(const Tensor& sequence, int64_t step, Tensor& out) = 0;
    virtual void placeTimeStep(const Tensor& in, int64_t step, Tensor& sequence) = 0;
    // SimpleRNN: a = inputPart[:, t] + recurrentPart (x(t) Wx + b and h(t-1) Wh, N x T x U and
    // N x U); h(t) = s(a) is written to hidden[:, t] and to lastHidden (N x U).
    virtual void rnnForwardStep(Activation activation, int64_t step, const Tensor& inputPart,
                                const Tensor& recurrentPart, Tensor& hidden,
                                Tensor& lastHidden) = 0;
    // Its step of backpropagation through time: dJ/dh(t) = outputGradient[:, t] + fromLater
    // (dJ/da(t+1) Wh^T, N x U, zero at the last step) into hiddenGradient[:, t];
    // dJ/da(t) = dJ/dh(t) s'(a), s' from h(t) = hidden[:, t], into preActivationGradient[:, t]
    // (N x T x U) and into stepGradient (N x U).
    virtual void rnnBackwardStep(Activation activation, int64_t step, const Tensor& hidden,
                                 const Tensor& outputGradient, const Tensor& fromLater,
                                 Tensor& hiddenGradient, Tensor& preActivationGradient,
                                 Tensor& stepGradient) = 0;
    // LSTM, with the four blocks of U columns of a gate tensor in the order i, f, o, g:
    // a = inputPart[:, t] + recurrentPart (N x T x 4U and N x 4U);
    // i = sigmoid(a_i), f = sigmoid(a_f), o = sigmoid(a_o), g = tanh(a_g) into gates[:, t];
    // c(t) = f c(t-1) + i g (c(-1) = 0) into cells[:, t]; h(t) = o tanh(c(t)) into hidden[:, t]
    // and lastHidden.
    virtual void lstmForwardStep(int64_t step, const Tensor& inputPart, const Tensor& recurrentPart,
                                 Tensor& gates, Tensor& cells, Tensor& hidden,
                                 Tensor& lastHidden) = 0;
    // Its BPTT step. cellCarry (N x U) holds dJ/dc(t+1) f(t+1) on entry (zero at the last step)
    // and dJ/dc(t) f(t) on return.
    //   dJ/dh(t) = outputGradient[:, t] + fromLater                      -> hiddenGradient[:, t]
    //   dJ/dc(t) = dJ/dh(t) o (1 - tanh^2 c(t)) + cellCarry             -> cellGradient[:, t]
    //   dJ/da_i = dJ/dc i (1 - i) g,  dJ/da_f = dJ/dc f (1 - f) c(t-1),
    //   dJ/da_o = dJ/dh o (1 - o) tanh c(t),  dJ/da_g = dJ/dc i (1 - g^2)
    //                                  -> preActivationGradient[:, t] (N x T x 4U) and stepGradient
    virtual void lstmBackwardStep(int64_t step, const Tensor& gates, const Tensor& cells,
                                  const Tensor& outputGradient, const Tensor& fromLater,
                                  Tensor& cellCarry, Tensor& hiddenGradient, Tensor& cellGradient,
                                  Tensor& preActivationGradient, Tensor& stepGradient) = 0;

    // y += alpha * x (the gradient-descent update w = w - learning_rate * dJ/dw).
    virtual void addScaled(double alpha, const Tensor& x, Tensor& y) = 0;
    // Whether every y + alpha * x would be finite, without changing y: an update is checked on
    // every parameter before any is applied, so a diverging step keeps the last finite weights.
    virtual bool sumIsFinite(double alpha, const Tensor& x, const Tensor& y) = 0;

    // ---- One wait for the device a training step
    // A device answers every number it returns (a loss, a check) and every upload by waiting for
    // its queue to finish. A training step uses these instead: numbers left pending
    // (backend/pending_value.h), so that its loss and its update's checks are read together, and
    // row indices held where the backend computes (backend/held_rows.h), so that a batch's gather
    // uploads nothing. Each computes exactly what its namesake above does; the defaults call the
    // namesake and so know the number at once, as the CPU backend does.
    //
    // The loss of softmaxCrossEntropy, sigmoidBinaryCrossEntropy or meanSquaredError (which
    // leaves `probabilities` as it is), with the same gradient written.
    virtual PendingValue pendingLoss(LossFunction loss, const Tensor& outputs,
                                     const Tensor& targets, Tensor& probabilities,
                                     Tensor& gradient);
    // UpdatePass::Check of the updates and sumIsFinite, as a count that is 0 where every new
    // weight would be finite (and nonzero where not).
    virtual PendingValue pendingMomentumCheck(double learningRate, double momentum, bool nesterov,
                                              const Tensor& gradient, Tensor& velocity,
                                              Tensor& weights);
    virtual PendingValue pendingAdagradCheck(double learningRate, double epsilon,
                                             const Tensor& gradient, Tensor& cache,
                                             Tensor& weights);
    virtual PendingValue pendingRmspropCheck(double learningRate, double decay, double momentum,
                                             double epsilon, const Tensor& gradient, Tensor& cache,
                                             Tensor& velocity, Tensor& weights);
    virtual PendingValue pendingAdamCheck(double learningRate, double beta1, double beta2,
                                          double epsilon, int64_t t, const Tensor& gradient,
                                          Tensor& firstMoment, Tensor& secondMoment,
                                          Tensor& weights);
    virtual PendingValue pendingSumCheck(double alpha, const Tensor& x, const Tensor& y);
    // held = rows, kept for gatherHeldRows (a device copies them to its memory once, here).
    virtual void holdRows(std::span<const int32_t> rows, HeldRows& held);
    // gatherRows and gatherRowsScaled with the held rows first .. first + destination.rows() - 1
    // (std::out_of_range if they are not all held).
    virtual void gatherHeldRows(const Tensor& source, const HeldRows& rows, int64_t first,
                                Tensor& destination);
    virtual void gatherHeldRowsScaled(const Tensor& source, const HeldRows& rows, int64_t first,
                                      double scale, Tensor& destination);
};

}  // namespace koto
