#pragma once
// Built OpenCL programs kept on disk, so that a second start loads the device's binary instead of
// compiling the kernels' source again (13 s on PoCL with its own cache cold).
//
// Where: $XDG_CACHE_HOME/kotohajime/opencl/ (XDG_CACHE_HOME must be an absolute path), else
// ~/.cache/kotohajime/opencl/. One file per program, named by a 64-bit FNV-1a hash of everything
// that changes the binary (ProgramIdentity). The file repeats those parts in full before the
// binary and a load compares them, so two programs whose hashes collide never share a binary.
//
// The files are untrusted input. Anything that is not a regular file (a FIFO, a device, a folder,
// a symbolic link), is larger than kMaxProgramCacheBytes, cannot be read, is truncated or does not
// match is not used: the caller compiles from source and stores the program again. A store goes
// through a temporary file renamed over the old one (io/atomic_file.h) and replaces only a
// regular file that we own; anything else in its place stays as it is. A folder that cannot be
// made or written means no cache, which is said only in the note the calls return.
//
// A load marks its file as used (its modification time), and a store removes the cache files
// not used for kProgramCacheUnusedDays: a driver or Kotohajime update leaves the binaries of
// the old programs behind, which would otherwise pile up. Only files named as ours are removed
// (16 hex digits, ".bin"), and only regular files of ours.
//
// CLBlast compiles its GEMM kernels itself and keeps them in memory only; they are not cached
// here (PoCL's own kernel cache, or a GPU driver's, keeps those).

#include <CL/cl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace koto {

// Larger files are not read: a binary of our kernels is a few MiB at most.
inline constexpr size_t kMaxProgramCacheBytes = size_t{64} << 20;
// Cached programs not used for this long go when another program is stored.
inline constexpr int kProgramCacheUnusedDays = 60;

// What a built program's binary depends on.
struct ProgramIdentity {
    std::string platformName, platformVersion;
    std::string deviceName, deviceVersion, driverVersion;
    std::string options, source;
};

// The identity of `source` built with `options` for `device`. Throws DeviceError if the driver
// does not answer.
ProgramIdentity identifyProgram(cl_device_id device, const std::string& source,
                                const std::string& options);

// FNV-1a, 64 bits: stable across runs and machines, which std::hash is not.
uint64_t fnv1a64(std::string_view bytes, uint64_t hash = 0xcbf29ce484222325ULL);

// The cache file of a program: "<folder>/<16 hex digits>.bin", or "" when there is no cache
// folder (no HOME, no XDG_CACHE_HOME).
std::string programCachePath(const ProgramIdentity& identity);

// The binary stored for this identity, or nothing (and `note` says why, unless the file is
// simply not there yet).
std::optional<std::string> loadProgramBinary(const ProgramIdentity& identity, std::string& note);

// Stores a binary for this identity; on failure nothing changes and `note` says why.
void storeProgramBinary(const ProgramIdentity& identity, const std::string& binary,
                        std::string& note);

}  // namespace koto
