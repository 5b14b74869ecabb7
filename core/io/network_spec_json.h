#pragma once
// NetworkSpec <-> JSON:
// {"schema_version":1,"input":[2],"loss":"ce",
//  "layers":[{"type":"dense","name":"dense_1","units":8,"activation":"tanh"}, ...]}
// Layer parameters are the other keys of a layer object; "position":[x,y] is the editor's.

#include <nlohmann/json.hpp>

#include "network/network_spec.h"

namespace koto {

nlohmann::json toJson(const NetworkSpec& spec);
// Throws InputError for JSON that is not a spec (wrong types, missing keys, newer schema).
NetworkSpec networkSpecFromJson(const nlohmann::json& json);

}  // namespace koto
