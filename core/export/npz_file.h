#pragma once
// NumPy's .npz: a zip archive (stored, not compressed) of .npy files, one array each, that
// numpy.load(path, allow_pickle=False) reads: float32 arrays under their names, and text as a
// 0-d unicode array (read it back with str(npz["name"])).

#include <cstdint>
#include <string>
#include <vector>

#include "export/exported_model.h"

namespace koto {

struct NpzText {
    std::string name;
    std::string text;  // ASCII
};

// The archive's bytes. Throws InputError past the plain zip format's 4 GiB.
std::string npzBytes(const std::vector<ExportedTensor>& arrays, const std::vector<NpzText>& texts);

// Every parameter of the model under its curriculum name, and "layers": a JSON list describing
// the layers (kind, name, activation, sizes, the names of their parameters) and the input.
std::string modelNpzBytes(const ExportedModel& model);

}  // namespace koto
