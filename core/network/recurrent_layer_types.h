#pragma once
// The layer registry's entries for sequences (part 13): rnn, lstm, and sequence_last and
// sequence_many, which turn a recurrent layer's N x T x U output into what the layers after it
// take (layers/sequence_layers.h). Kept apart from layer_registry.cpp, which lists them.

#include "network/layer_registry.h"

namespace koto {

LayerType simpleRnnType();
LayerType lstmType();
LayerType sequenceLastType();
LayerType sequenceManyType();

}  // namespace koto
