// The OpenCL backend's random sampling for the RBM (backend.h: bernoulliSample); the kernel is
// kernels/sampling_kernels.cl.

#include "backend/argument_checks.h"
#include "opencl_backend.h"
#include "opencl_tensors.h"

namespace koto {

void OpenClBackend::bernoulliSample(const RandomStream& stream, const Tensor& probabilities,
                                    Tensor& samples) {
    requireSameSize(probabilities, samples, "bernoulliSample");
    const DType type = computeType(samples, "bernoulliSample");
    const cl_mem in = memoryOf(probabilities), out = memoryOf(samples);
    const OpenClKernel& k = kernel(type, "bernoulli_sample");
    KernelArguments(k.handle, type)
        .buffer(in)
        .buffer(out)
        .integer(count(samples))
        .unsignedLong(stream.seed)
        .unsignedLong(stream.step)
        .unsignedInteger(stream.layer);
    run(k, (samples.size() + 3) / 4, "bernoulliSample");
}

}  // namespace koto
