#pragma once
// Every layer type a spec may name, in one explicit list (no static self-registration: it
// vanishes under static linking). Each entry knows its parameters, checks them, infers its
// output shape and creates the layer. Front ends list these to offer layers to the learner.

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "layers/layer.h"
#include "network/network_spec.h"

namespace koto {

struct LayerType {
    std::string_view type;         // "dense"
    std::string_view description;  // one line, English; front ends translate by type
    // Checks the spec's parameters against the shape of one input sample and returns the shape
    // of one output sample; throws SpecError with a message naming the layer and its input.
    std::function<std::vector<int64_t>(const LayerSpec& spec, const std::vector<int64_t>& input,
                                       const std::string& inputName)>
        inferShape;
    std::function<std::unique_ptr<Layer>(const LayerSpec& spec)> create;
};

const std::vector<LayerType>& layerRegistry();
const LayerType* findLayerType(std::string_view type);

// Per-sample output shapes of every layer of the spec (index i: after layer i), checking the
// whole spec: known types, unique names, parameters, shapes and the output/loss pairing.
std::vector<std::vector<int64_t>> inferShapes(const NetworkSpec& spec);

std::string shapeText(const std::vector<int64_t>& sampleShape);  // "6x24x24"

}  // namespace koto
