#pragma once
// The nonlinearities of the curriculum (part 5) and their names in specs and on screen. Here,
// beside the backend, because Backend's activation operations take one: the layers and the specs
// that name them build on the backend, not the other way round.

#include <optional>
#include <string>
#include <string_view>

namespace koto {

enum class Activation {
    Linear,   // z = a
    Sigmoid,  // z = 1 / (1 + exp(-a)),   dz/da = z (1 - z)
    Tanh,     // z = tanh(a),             dz/da = 1 - z^2
    Relu,     // z = a * (a > 0),         dz/da = u(z), the unit step
    Softmax,  // output layer only: z[k] = exp(a[k]) / sum_j exp(a[j]), fused with cross-entropy
};

std::string_view activationName(Activation activation);
std::optional<Activation> activationFromName(std::string_view name);

}  // namespace koto
