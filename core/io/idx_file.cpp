#include "io/idx_file.h"

#include <zlib.h>

#include "io/atomic_file.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {

std::string inflateIfCompressed(const std::string& bytes, const std::string& what) {
    const bool gzip = bytes.size() >= 2 && static_cast<uint8_t>(bytes[0]) == 0x1f &&
                      static_cast<uint8_t>(bytes[1]) == 0x8b;
    if (!gzip) return bytes;
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 32) != Z_OK)
        throw InputError(what + ": cannot start decompressing");
    std::string out;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    int status = Z_OK;
    char buffer[1 << 16];
    while (status != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        if (status != Z_OK && status != Z_STREAM_END) {
            inflateEnd(&stream);
            throw InputError(what + ": the compressed data is damaged or truncated");
        }
        out.append(buffer, sizeof buffer - stream.avail_out);
        if (static_cast<int64_t>(out.size()) > kMaxIdxBytes + 1024) {
            inflateEnd(&stream);
            throw InputError(what + ": more than 1 GiB once decompressed");
        }
        if (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
            inflateEnd(&stream);
            throw InputError(what + ": the compressed data is truncated");
        }
    }
    inflateEnd(&stream);
    return out;
}

IdxArray parseIdx(const std::string& input, const std::string& what, int64_t maxItems) {
    const std::string bytes = inflateIfCompressed(input, what);
    auto byte = [&](size_t i) { return static_cast<uint8_t>(bytes[i]); };
    if (bytes.size() < 4 || byte(0) != 0 || byte(1) != 0)
        throw InputError(what + ": not an IDX file (it should start with 0x00 0x00)");
    if (byte(2) != 0x08)
        throw InputError(what + ": holds data of type 0x" + std::to_string(byte(2)) +
                         "; only unsigned bytes (0x08) are read");
    const int dimensions = byte(3);
    if (dimensions < 1 || dimensions > 4)
        throw InputError(what + ": " + std::to_string(dimensions) +
                         " dimensions (1 to 4 are read)");
    const size_t header = 4 + 4 * static_cast<size_t>(dimensions);
    if (bytes.size() < header) throw InputError(what + ": truncated in its header");
    IdxArray array;
    int64_t count = 1;
    for (int d = 0; d < dimensions; ++d) {
        const size_t at = 4 + 4 * static_cast<size_t>(d);
        const int64_t size = (int64_t{byte(at)} << 24) | (int64_t{byte(at + 1)} << 16) |
                             (int64_t{byte(at + 2)} << 8) | byte(at + 3);
        if (size > 0 && count > kMaxIdxBytes / size)
            throw InputError(what + ": the sizes in its header multiply to more than 1 GiB");
        count *= size;
        array.dims.push_back(size);
    }
    const auto available = static_cast<int64_t>(bytes.size() - header);
    if (available < count)
        throw InputError(what + ": truncated: " + std::to_string(available) +
                         " bytes of data, the header says " + std::to_string(count));
    if (available > count)
        throw InputError(what + ": " + std::to_string(available - count) +
                         " bytes more than the header says");
    if (maxItems >= 0 && array.dims[0] > maxItems) {
        const int64_t itemSize = array.dims[0] > 0 ? count / array.dims[0] : 0;
        array.dims[0] = maxItems;
        count = maxItems * itemSize;
    }
    array.data.assign(bytes.begin() + static_cast<std::ptrdiff_t>(header),
                      bytes.begin() + static_cast<std::ptrdiff_t>(header) + count);
    return array;
}

IdxArray readIdx(const std::string& path, int64_t maxItems) {
    return parseIdx(readWholeFile(path, static_cast<size_t>(kMaxIdxBytes)), printablePath(path),
                    maxItems);
}

}  // namespace koto
