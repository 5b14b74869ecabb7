// The OpenCL backend's random sampling for the RBM (backend.h: bernoulliSample); the kernel is
// kernels/sampling_kernels.cl.

#include <stdexcept>

#include "backend/argument_checks.h"
#include "opencl_backend.h"

namespace koto {

void OpenClBackend::bernoulliSample(const RandomStream& stream, const Tensor& probabilities, Tensor& samples) {
    requireSameSize(probabilities, samples, "bernoulliSample");
    if (samples.dtype() == DType::UInt8)
        throw std::invalid_argument("bernoulliSample computes in float or double, not on bytes");
    auto* in = dynamic_cast<OpenClBuffer*>(probabilities.storage());
    auto* out = dynamic_cast<OpenClBuffer*>(samples.storage());
    if (in == nullptr || out == nullptr) throw std::invalid_argument("a tensor that the OpenCL backend did not allocate");
    const OpenClKernel& k = kernel(samples.dtype(), "bernoulli_sample");
    KernelArguments(k.handle, samples.dtype()).buffer(in->memory()).buffer(out->memory())
        .integer(static_cast<int32_t>(samples.size())).unsignedLong(stream.seed).unsignedLong(stream.step)
        .unsignedInteger(stream.layer);
    run(k, (samples.size() + 3) / 4, "bernoulliSample");
}

}  // namespace koto
