#include "export/model_files.h"

#include <filesystem>

#include "export/npz_file.h"
#include "export/numpy_script.h"
#include "export/onnx_export.h"
#include "export/pytorch_script.h"
#include "io/atomic_file.h"

namespace koto {

std::string_view modelFormatName(ModelFormat format) {
    switch (format) {
    case ModelFormat::Onnx: return "onnx";
    case ModelFormat::Npz: return "npz";
    case ModelFormat::NumPy: return "numpy";
    case ModelFormat::PyTorch: return "pytorch";
    }
    return "onnx";
}

std::optional<ModelFormat> modelFormatFromName(std::string_view name) {
    for (const ModelFormat format :
         {ModelFormat::Onnx, ModelFormat::Npz, ModelFormat::NumPy, ModelFormat::PyTorch})
        if (modelFormatName(format) == name) return format;
    return std::nullopt;
}

std::string_view modelFormatSuffix(ModelFormat format) {
    switch (format) {
    case ModelFormat::Onnx: return ".onnx";
    case ModelFormat::Npz: return ".npz";
    case ModelFormat::NumPy:
    case ModelFormat::PyTorch: return ".py";
    }
    return "";
}

std::string weightsBesideScript(const std::string& scriptPath) {
    return std::filesystem::path(scriptPath).replace_extension(".npz").string();
}

void writeModelFiles(const ExportedModel& model, ModelFormat format, const std::string& path) {
    const bool script = format == ModelFormat::NumPy || format == ModelFormat::PyTorch;
    const std::string weightsPath = script ? weightsBesideScript(path) : std::string();
    checkWritableTarget(path);
    if (script) checkWritableTarget(weightsPath);
    switch (format) {
    case ModelFormat::Onnx: writeFileAtomically(path, onnxModelBytes(model)); break;
    case ModelFormat::Npz: writeFileAtomically(path, modelNpzBytes(model)); break;
    case ModelFormat::NumPy:
    case ModelFormat::PyTorch: {
        const std::string weightsName = std::filesystem::path(weightsPath).filename().string();
        writeFileAtomically(weightsPath, modelNpzBytes(model));
        writeFileAtomically(path, format == ModelFormat::NumPy ? numpyScript(model, weightsName)
                                                               : pytorchScript(model, weightsName));
        break;
    }
    }
}

}  // namespace koto
