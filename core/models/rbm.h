#pragma once
// A Bernoulli-Bernoulli restricted Boltzmann machine (part 12 of the curriculum): D binary
// visible units v, M binary hidden units h, weights W (D x M), visible bias b (1 x D) and hidden
// bias c (1 x M), with the energy
//   E(v, h) = -v b^T - h c^T - v W h^T
// so that, one sample a row,
//   p(h = 1 | v) = s(v W + c),   p(v = 1 | h) = s(h W^T + b),
//   free energy F(v) = -v b^T - sum_j log(1 + exp(c_j + (v W)_j)),   p(v) = exp(-F(v)) / Z.
// The gradient of the mean negative log-likelihood -log p(v) over a batch V (N x D) is
//   dJ/dW = -<v^T p(h|v)>_data + <v^T h>_model,  dJ/db = -<v>_data + <v>_model,
//   dJ/dc = -<p(h|v)>_data + <p(h|v)>_model.
// The model's expectations cannot be computed (Z sums over 2^(D+M) states); contrastive
// divergence CD-k estimates them from chains of k Gibbs steps started at the batch itself, and
// persistent CD (PCD) from chains that carry on from where the last step left them.
//
// Everything is computed through the Backend, so the RBM trains on the CPU and on OpenCL; the
// random numbers of step s come from RandomStream{seed, s, i}, one i per sampling, so a run is
// reproducible on either backend. One thread at a time, like its backend.

#include <cstdint>
#include <vector>

#include "backend/backend.h"
#include "layers/layer.h"
#include "network/memory_estimate.h"
#include "network/network.h"

namespace koto {

struct RbmShape {
    int64_t visible = 0;  // D
    int64_t hidden = 0;   // M
};

class Rbm {
public:
    // Buffers for batches (and chains) of up to maxRows rows. Throws InputError for sizes below 1,
    // and, before allocating, what checkFitsInMemory throws (network/memory_estimate.h) when
    // memoryNeeded() is more than the backend has.
    Rbm(Backend& backend, RbmShape shape, int64_t maxRows, DType type = DType::Float32);
    // What the constructor allocates: W, b and c with their gradients, and the Gibbs chain's
    // buffers, rows x (7 M + 4 D) values.
    static MemoryEstimate memoryNeeded(RbmShape shape, int64_t maxRows,
                                       DType type = DType::Float32);
    Rbm(const Rbm&) = delete;
    Rbm& operator=(const Rbm&) = delete;

    const RbmShape& shape() const { return shape_; }
    Backend& backend() const { return backend_; }
    DType dtype() const { return type_; }
    int64_t maxRows() const { return maxRows_; }

    // W drawn from N(0, 0.01^2) (Hinton's practical guide), b and c zero, from the seed.
    void initialize(uint64_t seed);
    // "rbm.W", "rbm.b", "rbm.c", each with the gradient the last estimate wrote: what an
    // Optimizer updates and what project files store.
    const std::vector<NamedParameter>& parameters() const { return parameters_; }
    Parameter& weights() { return weights_; }
    Parameter& visibleBias() { return visibleBias_; }
    Parameter& hiddenBias() { return hiddenBias_; }

    // p(h = 1 | v) = s(vW + c) and p(v = 1 | h) = s(h W^T + b), row by row.
    void hiddenProbabilities(const Tensor& visible, Tensor& hidden);
    void visibleProbabilities(const Tensor& hidden, Tensor& visible);

    // Writes the CD-k estimate of dJ/dW, dJ/db, dJ/dc (J the mean negative log-likelihood of the
    // batch) into the parameters' gradients: the data's statistics from the batch, the model's
    // from the k-th Gibbs step of chains started at the batch (cdSteps = k >= 1). The random
    // numbers come from the streams {seed, step, 0..2k}.
    void contrastiveDivergence(const Tensor& batch, int cdSteps, uint64_t seed, uint64_t step);
    // The same with persistent chains (PCD): the model's statistics come from chains that carry
    // on from the state the previous call left, started at the first batch they see (as many
    // chains as it has rows). A CD call in between makes the next PCD call start them anew.
    void persistentContrastiveDivergence(const Tensor& batch, int cdSteps, uint64_t seed,
                                         uint64_t step);

    // Mean free energy F(v) over the rows of `visible`.
    double meanFreeEnergy(const Tensor& visible);
    // Reconstruction error: the mean over every value of (v - p(v | h = p(h|v)))^2, the one-step
    // mean-field reconstruction (no sampling, so the figure has no noise).
    double reconstructionError(const Tensor& visible);
    // The reconstructions p(v | h = p(h|v)) of the last reconstructionError() call.
    const Tensor& reconstructions() const { return reconstruction_; }

    // Gibbs sampling: `steps` alternations h ~ p(h|v), v ~ p(v|h) from start (rows <= maxRows),
    // writing the last step's p(v|h) to `out` (smoother to look at than the 0/1 sample).
    void gibbsChain(const Tensor& start, int steps, uint64_t seed, uint64_t step, Tensor& out);

private:
    // Sweep i of a chain from the hidden sample hSample_: v ~ p(v|h) (stream layer 2i + 1), then
    // p(h|v) and, when sampleHidden, h ~ p(h|v) (layer 2i + 2). Layer 0 samples the chain's start.
    void gibbsSweep(uint64_t seed, uint64_t step, int sweep, bool sampleHidden);
    // The gradient from the data's statistics (the batch and hData_) and the chains' (vSample_,
    // hProbability_), each averaged over its own rows.
    void writeGradient(const Tensor& batch);
    void setChainRows(int64_t rows);
    void checkRows(const Tensor& visible, const char* what) const;

    Backend& backend_;
    RbmShape shape_;
    int64_t maxRows_;
    DType type_;
    Parameter weights_{"W", {}, {}}, visibleBias_{"b", {}, {}}, hiddenBias_{"c", {}, {}};
    std::vector<NamedParameter> parameters_;
    Tensor hData_;                                            // p(h|v) of the batch
    Tensor hSample_, vProbability_, vSample_, hProbability_;  // the chains' state
    Tensor reconstruction_, squaredErrorGradient_;
    int64_t chainRows_ = 0;
    Tensor visibleSums_, hiddenSums_;  // 1 x D and 1 x M scratch
    Tensor hEvaluation_;               // p(h|v) or vW + c when measuring, apart from the chains
    Tensor zeros_, softplusOut_, softplusGradient_, scalar_;  // free-energy scratch
    bool chainsStarted_ = false;
};

}  // namespace koto
