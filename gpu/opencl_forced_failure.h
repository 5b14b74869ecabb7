#pragma once
// A switch for tests: make one step of setting up or using the OpenCL backend fail on purpose, so
// that the paths that fall back to the CPU are run for real. Read from the environment variable
// KOTO_OPENCL_FAIL when an OpenClBackend is constructed:
//
//   KOTO_OPENCL_FAIL=context     creating the OpenCL context fails (CL_DEVICE_NOT_AVAILABLE)
//   KOTO_OPENCL_FAIL=build       the backend's kernels fail to compile (a real build, with an
//                                #error line added, so the message carries a real build log)
//   KOTO_OPENCL_FAIL=allocation  every tensor allocation fails (CL_MEM_OBJECT_ALLOCATION_FAILURE)
//   KOTO_OPENCL_FAIL=run:N       the N-th launch (N from 1) fails as CL_OUT_OF_RESOURCES would:
//                                a device that gives out in the middle of training. Launches are
//                                every kernel run and every CLBlast GEMM since the backend was
//                                constructed (its GEMM warm-up is launch 1). From then on every
//                                call that touches the device fails too, reading it included,
//                                as a device that failed stays failed.
//
// Unset or empty: nothing is forced. Each forced failure says "forced by KOTO_OPENCL_FAIL" in
// its message, so that nobody mistakes it for a broken driver.

#include <cstdint>
#include <string>

namespace koto {

struct ForcedFailure {
    enum class Kind { None, Context, Build, Allocation, Run };
    Kind kind = Kind::None;
    int64_t failingLaunch = 0;  // Run: which launch fails, counted from 1
};

// Throws std::invalid_argument for a value other than those above.
ForcedFailure forcedOpenClFailure();

// What a forced failure adds to its message.
inline const std::string kForcedFailureNote = " [forced by KOTO_OPENCL_FAIL]";

}  // namespace koto
