// A stand-in for an OpenCL driver that kills the process as soon as the ICD loader opens it,
// as PoCL does when /sys is missing: kotohajime-cli must survive it (test_cli).

#include <cstdlib>

__attribute__((constructor)) static void crashOnLoad() { std::abort(); }
