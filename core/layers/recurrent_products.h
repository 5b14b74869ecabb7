#pragma once
// What SimpleRNN and LSTM (G gate blocks of U units: G = 1 and G = 4) share besides their step
// formulas: the shapes of their parameters, and the parts of their passes that cover every time
// step at once. Sequences N x T x W are seen as (N*T) x W, one row per sample and step, so that
// each is one GEMM instead of T small ones.

#include <cstdint>
#include <vector>

#include "backend/backend.h"
#include "layers/layer.h"

namespace koto {

// The parameters' values and gradients for D inputs: Wx (D x G*U), Wh (U x G*U), b (1 x G*U).
void allocateRecurrentParameters(Backend& backend, int64_t inputs, int64_t units, int64_t gates,
                                 DType type, Parameter& inputWeights, Parameter& recurrentWeights,
                                 Parameter& bias);

// Before the walk through time: inputPart (N x T x G*U) = x(t) Wx + b for every step.
void inputProducts(Backend& backend, int64_t steps, const Tensor& input,
                   const Parameter& inputWeights, const Parameter& bias, Tensor& inputPart);

// After BPTT, from dJ/da of every step (preActivationGradient, N x T x G*U):
//   dJ/dWx = sum_t x(t)^T dJ/da(t),  dJ/dWh = sum_t h(t-1)^T dJ/da(t),  dJ/db = sum_t,n dJ/da(t),
// and, when inputGradient is given, dJ/dx(t) = dJ/da(t) Wx^T into it (N x T x D).
// previousHidden holds h(t-1) at step t (N x T x U).
void parameterGradients(Backend& backend, int64_t steps, const Tensor& input,
                        const Tensor& previousHidden, const Tensor& preActivationGradient,
                        Parameter& inputWeights, Parameter& recurrentWeights, Parameter& bias,
                        Tensor* inputGradient);

// ||dJ/dh(t)|| over the batch and the units for each step t into norms[t - 1], from a sequence
// tensor (N x T x U) downloaded into `host`: what the recurrent layers report after backward().
// Both vectors keep their memory from one call to the next.
void stepNorms(Backend& backend, const Tensor& sequence, int64_t steps, std::vector<double>& host,
               std::vector<double>& norms);

}  // namespace koto
