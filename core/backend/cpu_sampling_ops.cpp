// The CPU backend's random sampling for the RBM (backend.h: bernoulliSample).
//
// Written on the host through download and upload, which on the CPU backend are plain copies of
// memory: that keeps this file apart from cpu_backend.cpp's storage and costs two passes over a
// batch, little beside the RBM's matrix products.

#include <vector>

#include "backend/argument_checks.h"
#include "backend/cpu_backend.h"
#include "backend/element_type_dispatch.h"

namespace koto {
namespace {

template <typename T>
void sampleOnHost(CpuBackend& backend, const RandomStream& stream, const Tensor& probabilities,
                  Tensor& samples) {
    std::vector<T> values(static_cast<size_t>(probabilities.size()));
    backend.download(probabilities, std::span<T>(values));
    const auto count = static_cast<int64_t>(values.size());
    for (int64_t block = 0; block * 4 < count; ++block) {
        const PhiloxBlock bits = stream.block(static_cast<uint64_t>(block));
        for (int64_t j = 0; j < 4 && block * 4 + j < count; ++j) {
            T& value = values[static_cast<size_t>(block * 4 + j)];
            value = static_cast<T>(uniformFrom(bits[static_cast<size_t>(j)])) < value ? T(1) : T(0);
        }
    }
    backend.upload(std::span<const T>(values), samples);
}

}  // namespace

void CpuBackend::bernoulliSample(const RandomStream& stream, const Tensor& probabilities,
                                 Tensor& samples) {
    requireSameSize(probabilities, samples, "bernoulliSample");
    dispatch(
        samples.dtype(),
        [&]<typename T>() { sampleOnHost<T>(*this, stream, probabilities, samples); },
        "bernoulliSample computes in float or double, not on bytes");
}

}  // namespace koto
