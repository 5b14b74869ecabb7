#pragma once
// IDX files, the format of MNIST and Fashion-MNIST (raw or gzip-compressed): a magic number
// 0x00 0x00 TYPE NDIMS, NDIMS big-endian 32-bit sizes, then the data. Unsigned bytes (type 0x08)
// only, which is what image and label files hold. Every size is checked, against overflow too,
// before anything is allocated.

#include <cstdint>
#include <string>
#include <vector>

namespace koto {

struct IdxArray {
    std::vector<int64_t> dims;  // {60000, 28, 28}
    std::vector<uint8_t> data;  // the product of dims, in order
};

constexpr int64_t kMaxIdxBytes = int64_t{1} << 30;  // 1 GiB of data after decompression

// Throws InputError naming `what` and the problem. maxItems >= 0 keeps only that many items of
// the first dimension.
IdxArray parseIdx(const std::string& bytes, const std::string& what, int64_t maxItems = -1);
IdxArray readIdx(const std::string& path, int64_t maxItems = -1);

// gzip or zlib data inflated (anything else is returned as it is), at most kMaxIdxBytes.
std::string inflateIfCompressed(const std::string& bytes, const std::string& what);

}  // namespace koto
