#pragma once
// Every OpenCL call returns a status; this is where a failing one becomes a DeviceError whose
// message names the step that failed and the status by its name (CL_OUT_OF_RESOURCES), with a
// plain-words reason for the ones a user can act on.

#include <CL/cl.h>

#include <string>

namespace koto {

// "CL_MEM_OBJECT_ALLOCATION_FAILURE", or "OpenCL error -9999" for a code without a name here.
std::string openClStatusName(cl_int status);

// Throws DeviceError("OpenCL: <what> failed: CL_... (code)[: reason]") unless status is
// CL_SUCCESS; `forced` marks a failure forced for a test (opencl_forced_failure.h).
void checkOpenCl(cl_int status, const std::string& what, bool forced = false);

}  // namespace koto
