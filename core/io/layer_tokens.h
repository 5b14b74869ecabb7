#pragma once
// The CLI's compact network description, "dense:8:tanh,dense:8:tanh": hidden layers in order;
// also dropout:KEEP (keep probability) and noise:SIGMA ("noise:0.1,dense:16:relu,dropout:0.5"),
// and for images conv:F:K[:S[:P]][:ACT] (F filters of K x K, stride S = 1, zero padding P = 0,
// ACT = relu), maxpool:K, avgpool:K and flatten ("conv:6:5,maxpool:2,flatten,dense:84:relu").
// When a conv or pool layer comes first, an image dataset's samples go in as 1 x H x W; a dense
// layer after images needs a flatten before it (refused otherwise, with that advice).
// For sequences (data with Dataset::sequenceLength T > 0): rnn:U[:ACT][:INIT] (a SimpleRNN of U
// units, ACT = tanh) and lstm:U[:INIT], INIT being how the recurrent weights start: uniform (the
// default), xavier or orthogonal ("rnn:32:tanh:orthogonal", "lstm:64:orthogonal"). When one comes
// first, a sample goes in as T steps of D = inputSize / T values; data that is not a sequence is
// refused, naming the layer. A recurrent layer outputs every step's h; seq:last passes on the
// last step only (many-to-one, one target per sequence), seq:many every step as a row of its own
// (many-to-many: the layers after it apply at each step, one target per step; refused for now,
// since no dataset gives a target per step). A dense layer directly after rnn or lstm is refused
// with that advice.
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
