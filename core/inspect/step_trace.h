#pragma once
// One training step as the trainer computed it, stage by stage, copied to the host: what the
// step-through inspector shows (part 7 of the curriculum). The numbers are those training used
// (float32 for a float network), recorded by StepTracer from the trainer's own hooks; nothing
// here computes them again.
//
// Stages, in the order the step runs them:
//   forward 0 .. L-1   each layer's tensors as it names them (Dense: X, a = XW + b, Z = s(a))
//   loss               Y, T and the cost J (scalars "J", "penalty" with L1/L2 and their
//                      constants "l1", "l2", "N" rows)
//   backward L-1 .. 0  each layer's tensors (Dense: dJ/dZ, s'(a), dJ/da, dJ/dW, dJ/db, dJ/dX)
//   update             every parameter's w before and after, the gradient g the optimizer used
//                      and its state before and after (scalars: "learning rate", the optimizer's
//                      constants such as "mu" or Adam's "t", and "l1", "l2" when in use)
// A new layer type adds its own tensors through Layer::forwardTrace/backwardTrace; nothing here
// needs to know it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "network/network_spec.h"

namespace koto {

// A tensor's values, row-major, rows x cols (one sample a row).
struct TracedTensor {
    std::string name;
    int64_t rows = 0, cols = 0;
    std::vector<float> values;

    float at(int64_t row, int64_t col) const {
        return values[static_cast<size_t>(row * cols + col)];
    }
    bool sameValues(const TracedTensor& other) const;
};

struct TracedScalar {
    std::string name;
    double value;
};

// One parameter's update: w = update(w, g, state).
struct ParameterUpdate {
    std::string id;            // "dense_1.W"
    std::string name;          // "W"
    int layer = 0;             // index of the layer it belongs to
    bool regularized = false;  // the L1/L2 penalty applies to it (weights; biases when asked)
    TracedTensor before, gradient, after;
    // The optimizer's state, under the same names before and after ("v", "cache", "m"); zero
    // before an optimizer's first update.
    std::vector<TracedTensor> stateBefore, stateAfter;
};

enum class StageKind { Forward, Loss, Backward, Update };

struct TraceStage {
    StageKind kind = StageKind::Forward;
    int layer = -1;  // forward and backward: the layer's index; -1 for loss and update
    std::vector<TracedTensor> tensors;
    std::vector<TracedScalar> scalars;
    std::vector<ParameterUpdate> updates;  // the update stage only
    // A recurrent layer's backward stage: the norms it reports of dJ/dh(t) and (LSTM) dJ/dc(t),
    // index 0 for t = 1 (layers/recurrent_layer.h); empty for other stages.
    std::vector<double> hiddenGradientNorms, cellGradientNorms;

    const TracedTensor* tensor(std::string_view name) const;
    std::optional<double> scalar(std::string_view name) const;
    const ParameterUpdate* update(std::string_view id) const;
};

struct StepTrace {
    NetworkSpec spec;
    std::string optimizer;   // "sgd", "adam", ...
    uint64_t seed = 0;       // the run's seed and this step's number: the keys of its dropout
    int64_t step = 0;        // masks and noise, so that the numerical check sees the same ones
    bool oneSample = false;  // a step on one chosen sample rather than the next mini-batch
    int32_t sample = -1;     // which training sample, then
    std::vector<TraceStage> stages;

    // The index of a stage in `stages`, or -1.
    int indexOf(StageKind kind, int layer = -1) const;
    const TraceStage* find(StageKind kind, int layer = -1) const;
    int64_t
    rows() const;  // N, the rows the loss averages over: the samples, or samples x T after seq:many
    int64_t samples() const;  // the samples in the batch
};

}  // namespace koto
