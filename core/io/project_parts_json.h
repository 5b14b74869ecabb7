#pragma once
// The parts of a project file that other sections of it write too (the training settings of a
// forked run, the weights of a checkpoint, its curves): written here and read back with every
// value checked (json_fields.h), each refused by the field it is in.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "io/saved_tensor.h"
#include "training/metrics.h"
#include "training/training_settings.h"

namespace koto {

nlohmann::json trainingJson(const TrainingSettings& settings);
// Each setting of the wrong type, or a whole number no setting can hold, is refused by its
// setting's rule; those absent keep their value in `settings`.
void readTraining(const nlohmann::json& t, TrainingSettings& settings);

nlohmann::json curvePoint(const EpochMetrics& metrics);
// `at`: "curves[3]." for the fourth point.
EpochMetrics curvePointFrom(const nlohmann::json& point, const std::string& at);

// {"name", "shape": [rows, cols], "data": base64 of little-endian float32s}
nlohmann::json savedTensorJson(const SavedTensor& tensor);
// `at` names the entry ("weights[2]"), `what` the file.
SavedTensor savedTensorFrom(const nlohmann::json& json, const std::string& at,
                            const std::string& what);

// Float32 values as base64 of their little-endian bytes, and back (InputError naming `name` if
// the bytes do not make whole floats).
std::string encodeFloats(const std::vector<float>& values);
std::vector<float> decodeFloats(const std::string& text, const std::string& name);

}  // namespace koto
