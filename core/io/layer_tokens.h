#pragma once
// The CLI's compact network description, "dense:8:tanh,dense:8:tanh": hidden layers in order;
// also dropout:KEEP (keep probability) and noise:SIGMA ("noise:0.1,dense:16:relu,dropout:0.5").
// The output layer is added to fit the dataset (softmax over K classes for classification,
// linear for regression) unless the last token already is an output layer, and the loss is
// chosen to match it.

#include <optional>
#include <string>

#include "data/dataset.h"
#include "network/network_spec.h"

namespace koto {

// Throws InputError naming the token that is wrong. `loss` overrides the default
// (ce for classification, mse for regression).
NetworkSpec networkSpecFromTokens(const std::string& tokens, const Dataset& dataset,
                                  std::optional<LossKind> loss = std::nullopt);

// The hidden layers of a spec as tokens again (the output layer left out).
std::string hiddenLayerTokens(const NetworkSpec& spec);

}  // namespace koto
