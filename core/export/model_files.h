#pragma once
// Writing an exported model in one of its formats, as the CLI's export command and the app's
// File > Export model… both do. The scripts need their weights: numpy and pytorch also write the
// NPZ beside the script (model.py -> model.npz), which the script loads from its own folder.

#include <optional>
#include <string>
#include <string_view>

#include "export/exported_model.h"

namespace koto {

enum class ModelFormat { Onnx, Npz, NumPy, PyTorch };

std::string_view modelFormatName(ModelFormat format);  // "onnx", "npz", "numpy", "pytorch"
std::optional<ModelFormat> modelFormatFromName(std::string_view name);
std::string_view modelFormatSuffix(ModelFormat format);  // ".onnx", ".npz", ".py"

// The NPZ a script loads: its path with the suffix .npz.
std::string weightsBesideScript(const std::string& scriptPath);

// Checks every path it would write (checkWritableTarget) before writing any, then writes each
// atomically. Throws InputError.
void writeModelFiles(const ExportedModel& model, ModelFormat format, const std::string& path);

}  // namespace koto
