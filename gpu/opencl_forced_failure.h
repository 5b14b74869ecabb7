#pragma once
// A switch for tests: make one step of setting up or using the OpenCL backend fail on purpose, so
// that the paths that fall back to the CPU are run for real. Read from the environment variable
// KOTO_OPENCL_FAIL when an OpenClBackend is constructed:
//
//   KOTO_OPENCL_FAIL=context     creating the OpenCL context fails (CL_DEVICE_NOT_AVAILABLE)
//   KOTO_OPENCL_FAIL=build       the backend's kernels fail to compile (a real build, with an
//                                #error line added, so the message carries a real build log)
//   KOTO_OPENCL_FAIL=allocation  every tensor allocation fails (CL_MEM_OBJECT_ALLOCATION_FAILURE)
//
// Unset or empty: nothing is forced. Each forced failure says "forced by KOTO_OPENCL_FAIL" in
// its message, so that nobody mistakes it for a broken driver.

#include <string>

namespace koto {

enum class ForcedFailure { None, Context, Build, Allocation };

// Throws std::invalid_argument for a value other than the three above.
ForcedFailure forcedOpenClFailure();

// What a forced failure adds to its message.
inline const std::string kForcedFailureNote = " [forced by KOTO_OPENCL_FAIL]";

}  // namespace koto
