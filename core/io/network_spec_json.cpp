#include "io/network_spec_json.h"

#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {
const char* kReserved[] = {"type", "name", "position"};

bool isReserved(const std::string& key) {
    for (const char* reserved : kReserved)
        if (key == reserved) return true;
    return false;
}
}  // namespace

nlohmann::json toJson(const NetworkSpec& spec) {
    nlohmann::json layers = nlohmann::json::array();
    for (const LayerSpec& layer : spec.layers) {
        nlohmann::json object{{"type", layer.type}, {"name", layer.name}};
        for (const auto& parameter : layer.parameters)
            std::visit([&](const auto& v) { object[parameter.first] = v; }, parameter.second);
        if (layer.position) object["position"] = {layer.position->first, layer.position->second};
        layers.push_back(object);
    }
    return {{"schema_version", spec.schemaVersion},
            {"input", spec.inputShape},
            {"loss", std::string(lossName(spec.loss))},
            {"layers", layers}};
}

NetworkSpec networkSpecFromJson(const nlohmann::json& json) {
    try {
        if (!json.is_object()) throw InputError("the network is not a JSON object");
        NetworkSpec spec;
        // Whole numbers only: a double out of range is never cast (1e308 would be undefined).
        const nlohmann::json& version = json.at("schema_version");
        if (!version.is_number_integer())
            throw InputError("the network's schema version is not valid");
        const int64_t versionNumber = version.get<int64_t>();
        if (versionNumber > NetworkSpec::currentSchemaVersion)
            throw InputError("the network was saved by a newer Kotohajime (schema version " +
                             version.dump() + ", this version reads " +
                             std::to_string(NetworkSpec::currentSchemaVersion) + ")");
        if (versionNumber < 1) throw InputError("the network's schema version is not valid");
        spec.schemaVersion = static_cast<int>(versionNumber);
        const nlohmann::json& input = json.at("input");
        if (!input.is_array()) throw InputError("the network's input shape must be a JSON array");
        for (const auto& size : input) {
            if (!size.is_number_integer())
                throw InputError("the network's input shape must be whole numbers");
            spec.inputShape.push_back(size.get<int64_t>());
        }
        const std::string loss = json.at("loss").get<std::string>();
        const auto lossKind = lossFromName(loss);
        if (!lossKind) throw InputError("unknown loss " + inQuotes(loss));
        spec.loss = *lossKind;
        for (const auto& object : json.at("layers")) {
            if (!object.is_object()) throw InputError("a layer is not a JSON object");
            LayerSpec layer;
            layer.type = object.at("type").get<std::string>();
            layer.name = object.at("name").get<std::string>();
            if (!isPlainName(layer.name))
                throw InputError("a layer's name must be at most " + std::to_string(kMaxNameBytes) +
                                 " characters without control characters, not " +
                                 inQuotes(layer.name));
            if (object.contains("position")) {
                const auto position = object.at("position").get<std::vector<double>>();
                if (position.size() != 2)
                    throw InputError(layer.name + ": a position has two numbers");
                layer.position = std::make_pair(position[0], position[1]);
            }
            for (const auto& [key, value] : object.items()) {
                if (isReserved(key)) continue;
                if (value.is_number_integer()) layer.parameters[key] = value.get<int64_t>();
                else if (value.is_number()) layer.parameters[key] = value.get<double>();
                else if (value.is_string()) layer.parameters[key] = value.get<std::string>();
                else
                    throw InputError(layer.name + ": parameter " + inQuotes(key) +
                                     " must be a number or text");
            }
            spec.layers.push_back(std::move(layer));
        }
        return spec;
    } catch (const nlohmann::json::exception& error) {
        throw InputError(std::string("the network description is incomplete or has wrong types (") +
                         error.what() + ")");
    }
}

}  // namespace koto
