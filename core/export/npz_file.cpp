#include "export/npz_file.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include "util/errors.h"

namespace koto {
namespace {

void putLittleEndian(std::string& out, uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

// The .npy format, version 1.0: magic, header length, a Python dict literal padded with spaces
// to a multiple of 64 bytes, then the raw little-endian data.
std::string npyFile(const std::string& descr, const std::vector<int64_t>& shape,
                    const std::string& data) {
    std::string dims;  // Python's tuples: (2, 3), (5,) and ()
    for (size_t i = 0; i < shape.size(); ++i) dims += (i ? ", " : "") + std::to_string(shape[i]);
    if (shape.size() == 1) dims += ",";
    std::string header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" +
                         dims + "), }";
    const size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header.push_back('\n');
    std::string out = "\x93NUMPY";
    out.push_back('\x01');
    out.push_back('\x00');
    putLittleEndian(out, header.size(), 2);
    return out + header + data;
}

std::string floatData(const std::vector<float>& values) {
    std::string data(values.size() * sizeof(float), '\0');
    std::memcpy(data.data(), values.data(), data.size());
    return data;
}

// ASCII text as NumPy's '<U' strings store it: four bytes (UTF-32LE) a character.
std::string utf32Data(const std::string& text) {
    std::string data;
    for (const char c : text) putLittleEndian(data, static_cast<unsigned char>(c), 4);
    return data;
}

// A zip archive of stored members (method 0) with one central directory.
class ZipWriter {
public:
    void add(const std::string& name, const std::string& content) {
        constexpr uint64_t kLimit = std::numeric_limits<uint32_t>::max();
        if (content.size() >= kLimit || archive_.size() + content.size() + name.size() >= kLimit)
            throw InputError("the model is too large for an .npz file (at most 4 GiB)");
        const uint32_t crc = static_cast<uint32_t>(
            crc32(0, reinterpret_cast<const Bytef*>(content.data()),
                  static_cast<uInt>(content.size())));
        const uint64_t offset = archive_.size();
        archive_ += "PK\x03\x04";
        fields(archive_, crc, content.size(), name.size());
        archive_ += name + content;

        central_ += "PK\x01\x02";
        putLittleEndian(central_, 20, 2);  // made by version 2.0
        fields(central_, crc, content.size(), name.size());
        putLittleEndian(central_, 0, 2);   // comment length
        putLittleEndian(central_, 0, 2);   // disk number
        putLittleEndian(central_, 0, 2);   // internal attributes
        putLittleEndian(central_, 0, 4);   // external attributes
        putLittleEndian(central_, offset, 4);
        central_ += name;
        ++count_;
    }

    std::string finish() {
        std::string out = archive_ + central_ + "PK\x05\x06";
        putLittleEndian(out, 0, 4);  // this disk, the directory's disk
        putLittleEndian(out, count_, 2);
        putLittleEndian(out, count_, 2);
        putLittleEndian(out, central_.size(), 4);
        putLittleEndian(out, archive_.size(), 4);
        putLittleEndian(out, 0, 2);  // comment length
        return out;
    }

private:
    // The fields local and central headers share, from "version needed" to the extra length.
    static void fields(std::string& out, uint32_t crc, uint64_t size, uint64_t nameLength) {
        putLittleEndian(out, 20, 2);  // version needed
        putLittleEndian(out, 0, 2);   // flags
        putLittleEndian(out, 0, 2);   // stored
        putLittleEndian(out, 0, 2);   // time
        putLittleEndian(out, (1980 - 1980) << 9 | 1 << 5 | 1, 2);  // 1 January 1980
        putLittleEndian(out, crc, 4);
        putLittleEndian(out, size, 4);
        putLittleEndian(out, size, 4);
        putLittleEndian(out, nameLength, 2);
        putLittleEndian(out, 0, 2);  // extra length
    }

    std::string archive_, central_;
    uint64_t count_ = 0;
};

std::string layerKindName(ExportedLayerKind kind) {
    switch (kind) {
    case ExportedLayerKind::Dense: return "dense";
    case ExportedLayerKind::Conv: return "conv";
    case ExportedLayerKind::MaxPool: return "maxpool";
    case ExportedLayerKind::AvgPool: return "avgpool";
    case ExportedLayerKind::Flatten: return "flatten";
    case ExportedLayerKind::Rnn: return "rnn";
    case ExportedLayerKind::Lstm: return "lstm";
    case ExportedLayerKind::SequenceLast: return "seq:last";
    case ExportedLayerKind::SequenceMany: return "seq:many";
    }
    return "";
}

std::string layersJson(const ExportedModel& model) {
    nlohmann::ordered_json layers = nlohmann::ordered_json::array();
    for (const ExportedLayer& layer : model.layers) {
        nlohmann::ordered_json entry{{"kind", layerKindName(layer.kind)}, {"name", layer.name}};
        if (!layer.activation.empty()) entry["activation"] = layer.activation;
        if (layer.units) entry["units"] = layer.units;
        if (layer.kernel) {
            entry["kernel"] = layer.kernel;
            entry["stride"] = layer.stride;
            entry["padding"] = layer.padding;
        }
        nlohmann::ordered_json names = nlohmann::ordered_json::array();
        for (const ExportedTensor& t : layer.tensors) names.push_back(t.name);
        if (!names.empty()) entry["parameters"] = names;
        layers.push_back(entry);
    }
    nlohmann::ordered_json json{{"producer", model.producerName},
                                {"model", model.modelKind},
                                {"input_shape", model.inputShape},
                                {"pixel_inputs", model.pixelInputs},
                                {"output", model.outputMeaning},
                                {"output_shape", model.outputShape},
                                {"loss", model.lossName},
                                {"dataset", model.dataset},
                                {"class_names", model.classNames},
                                {"layers", layers}};
    for (const ExportedLayer& layer : model.layers)
        if (layer.kind == ExportedLayerKind::Lstm)
            json["lstm_gate_order"] = "i, f, o, g (side by side in Wx, Wh and b)";
    return json.dump(-1, ' ', true);  // ASCII only: one character a code point
}

}  // namespace

std::string npzBytes(const std::vector<ExportedTensor>& arrays, const std::vector<NpzText>& texts) {
    ZipWriter zip;
    for (const ExportedTensor& array : arrays)
        zip.add(array.name + ".npy", npyFile("<f4", array.shape, floatData(array.values)));
    for (const NpzText& text : texts)
        zip.add(text.name + ".npy",
                npyFile("<U" + std::to_string(std::max<size_t>(text.text.size(), 1)), {},
                        utf32Data(text.text.empty() ? std::string(1, '\0') : text.text)));
    return zip.finish();
}

std::string modelNpzBytes(const ExportedModel& model) {
    std::vector<ExportedTensor> arrays;
    for (const ExportedLayer& layer : model.layers)
        arrays.insert(arrays.end(), layer.tensors.begin(), layer.tensors.end());
    return npzBytes(arrays, {{"layers", layersJson(model)}});
}

}  // namespace koto
