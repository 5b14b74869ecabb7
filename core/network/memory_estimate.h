#pragma once
// How much memory a network takes before it is built, and the check that refuses one too large
// for where it would compute. The layers are really made and set up, on a backend that only
// counts what they allocate (no memory is taken), so the figures are what the Network's
// constructor would allocate, layer type by layer type, without a second description of each.
//
// A network's memory (estimateNetworkMemory), for batches of `rows` rows:
//   parameters    every W and b (4 bytes a weight in float)
//   gradients     dJ/dW and dJ/db, as large again
//   activations   each layer's forward and backward buffers (a dense layer's a, Z, dJ/da and
//                 dJ/dX; a recurrent layer's every time step; dropout's mask), the loss's
//                 probabilities and gradient, and the largest convolution's scratch matrices
// A training run's (training/training_memory.h) adds the optimizer's state, the batch and the data.
//
// The Network's constructor checks its own memory against its backend's capacity, and a
// TrainingRun checks the whole run's before it builds its network: nothing is allocated for a
// network that does not fit.

#include <cstdint>
#include <string>
#include <vector>

#include "backend/memory_capacity.h"
#include "network/network_spec.h"
#include "tensor/tensor.h"

namespace koto {

// One layer's share.
struct LayerMemory {
    std::string name;            // "dense_1"
    int64_t parameterBytes = 0;  // its W and b
    int64_t gradientBytes = 0;   // dJ/dW and dJ/db
    int64_t bufferBytes = 0;     // its forward and backward buffers for the rows
    int64_t totalBytes() const;
};

struct MemoryEstimate {
    int64_t rows = 0;            // the batch rows the buffers are sized for
    int64_t parameters = 0;      // bytes of every W and b
    int64_t gradients = 0;       // of dJ/dW and dJ/db
    int64_t optimizerState = 0;  // velocity, caches, moments; early stopping's best weights
    int64_t activations = 0;     // the layers', the loss's and the batch's buffers
    int64_t data = 0;            // the training, validation and test data on the backend
    int64_t largestTensor = 0;   // the largest single allocation among them
    std::vector<LayerMemory> layers;

    // The sum, in bytes (saturating: a file may ask for absurd sizes).
    int64_t total() const;
    // "6.3 GiB (parameters 3.0 GiB, gradients 3.0 GiB, optimizer state 0 B, activations for
    // 256 rows 305.3 MiB, data 0 B)"
    std::string text() const;
    // The layer that takes the most, or nullptr if there is none.
    const LayerMemory* largestLayer() const;
};

// What Network(backend, spec, rows, type) allocates. Throws SpecError for a spec that cannot be
// built, as the Network would.
MemoryEstimate estimateNetworkMemory(const NetworkSpec& spec, int64_t rows,
                                     DType type = DType::Float32);

// Throws unless the estimate fits the capacity, with both in the message ("what" names what
// needs it: "the network", "training"). Over a device's memory: DeviceError, so that the front
// end computes on the CPU instead (training/cpu_fallback.h); over the host's: SpecError for the
// whole spec (-1), which the CLI reports with exit code 3 and the app as a network that cannot
// train.
void checkFitsInMemory(const MemoryEstimate& estimate, const MemoryCapacity& capacity,
                       const std::string& what = "the network");

// a + b and a * b in bytes, stopping at the largest int64_t instead of overflowing.
int64_t addBytes(int64_t a, int64_t b);
int64_t multiplyBytes(int64_t a, int64_t b);

}  // namespace koto
