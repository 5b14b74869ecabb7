#pragma once
// Random initial weights, from the run's seed: He initialisation (normal, standard deviation
// sqrt(2 / fanIn)) before a ReLU, Xavier/Glorot (uniform within +-sqrt(6 / (fanIn + fanOut)))
// otherwise, as the curriculum says (W, V random; b, c zero). The values are rounded through float
// so that float and double networks of one seed hold equal weights.

#include <cstdint>
#include <optional>
#include <string_view>

#include "backend/activation.h"
#include "backend/backend.h"
#include "util/random.h"

namespace koto {

// Fills `weights` (drawn element by element in order) and zeroes `bias`.
void initializeWeights(Backend& backend, Random& random, Activation activation, int64_t fanIn,
                       int64_t fanOut, Tensor& weights, Tensor& bias);

// How a recurrent layer's weights start (part 13), the learner's choice, since it decides how
// fast the gradient vanishes through time. The input weights Wx (D x G*U) and the recurrent
// weights Wh (U x G*U) hold G blocks of U columns (G = 1 for SimpleRNN, 4 gates for LSTM):
// - uniform: every weight within +-1/sqrt(U) (PyTorch's default for its RNN and LSTM);
// - xavier: each block within +-sqrt(6 / (fan-in + U)), fan-in D for Wx and U for Wh;
// - orthogonal: Wx as xavier, each U x U block of Wh a random orthogonal matrix (all its
//   singular values 1, so h(t-1) Wh neither shrinks nor grows the state by itself).
enum class RecurrentInit { Uniform, Xavier, Orthogonal };

std::string_view recurrentInitName(RecurrentInit init);  // "uniform", "xavier", "orthogonal"
std::optional<RecurrentInit> recurrentInitFromName(std::string_view name);

// Fills Wx, then Wh (drawn in that order), rounded through float as above.
void initializeRecurrentWeights(Backend& backend, Random& random, RecurrentInit init,
                                int64_t blocks, Tensor& inputWeights, Tensor& recurrentWeights);

}  // namespace koto
