#include "program_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <system_error>

#include "io/atomic_file.h"
#include "opencl_status.h"
#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

// The file: this line, then each part of the identity and last the binary, each as its length
// (8 bytes, little-endian) and its bytes; nothing after the binary.
constexpr std::string_view kMagic = "KOTOHAJIME OPENCL PROGRAM 1\n";

std::string textProperty(cl_device_id device, cl_device_info property, const char* what) {
    size_t size = 0;
    checkOpenCl(clGetDeviceInfo(device, property, 0, nullptr, &size), what);
    std::string text(size, '\0');
    checkOpenCl(clGetDeviceInfo(device, property, size, text.data(), nullptr), what);
    if (const size_t end = text.find('\0'); end != std::string::npos) text.resize(end);
    return text;
}

std::string textProperty(cl_platform_id platform, cl_platform_info property, const char* what) {
    size_t size = 0;
    checkOpenCl(clGetPlatformInfo(platform, property, 0, nullptr, &size), what);
    std::string text(size, '\0');
    checkOpenCl(clGetPlatformInfo(platform, property, size, text.data(), nullptr), what);
    if (const size_t end = text.find('\0'); end != std::string::npos) text.resize(end);
    return text;
}

// The parts in the order the file holds them.
std::string_view part(const ProgramIdentity& identity, int index) {
    switch (index) {
    case 0: return identity.platformName;
    case 1: return identity.platformVersion;
    case 2: return identity.deviceName;
    case 3: return identity.deviceVersion;
    case 4: return identity.driverVersion;
    case 5: return identity.options;
    default: return identity.source;
    }
}
constexpr int kParts = 7;

void appendLength(std::string& out, uint64_t length) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((length >> (8 * i)) & 0xff));
}

// Reads a length-prefixed field at `at`, or nothing if the file ends before it does.
std::optional<std::string_view> readField(std::string_view file, size_t& at) {
    if (file.size() - at < 8) return std::nullopt;
    uint64_t length = 0;
    for (int i = 0; i < 8; ++i)
        length |= static_cast<uint64_t>(static_cast<unsigned char>(file[at + i])) << (8 * i);
    at += 8;
    if (length > file.size() - at) return std::nullopt;
    const std::string_view field = file.substr(at, static_cast<size_t>(length));
    at += static_cast<size_t>(length);
    return field;
}

std::string folderOf(const std::string& path) {
    return std::filesystem::path(path).parent_path().string();
}

// Whether `path` may be read or replaced as our cache file; if it may not, `note` says why.
// Nothing there at all is fine for a store and a plain miss for a load. `info` gets what lstat
// said.
enum class Place { Missing, OurFile, Other };
Place lookAt(const std::string& path, std::string& note, struct stat& info) {
    if (::lstat(path.c_str(), &info) != 0) {
        if (errno == ENOENT) return Place::Missing;
        note = "cannot look at " + printablePath(path) + ": " + std::strerror(errno);
        return Place::Other;
    }
    if (!S_ISREG(info.st_mode) || info.st_uid != ::geteuid()) {
        note = printablePath(path) + " is not a regular file of ours: left as it is";
        return Place::Other;
    }
    return Place::OurFile;
}

// A cache file's name: 16 lower-case hex digits and ".bin" (programCachePath).
bool namedAsProgram(std::string_view name) {
    constexpr std::string_view kDigits = "0123456789abcdef";
    return name.size() == 20 && name.substr(16) == ".bin" &&
           name.substr(0, 16).find_first_not_of(kDigits) == std::string_view::npos;
}

// Removes the cache files in `folder` last used more than kProgramCacheUnusedDays ago. Anything
// that cannot be listed or looked at stays.
void removeUnusedPrograms(const std::string& folder) {
    const std::time_t oldest = std::time(nullptr) - std::time_t{kProgramCacheUnusedDays} * 86400;
    std::error_code error;
    for (std::filesystem::directory_iterator entry(folder, error), end; !error && entry != end;
         entry.increment(error)) {
        if (!namedAsProgram(entry->path().filename().string())) continue;
        const std::string path = entry->path().string();
        std::string ignored;
        struct stat info = {};
        if (lookAt(path, ignored, info) == Place::OurFile && info.st_mtime < oldest)
            ::unlink(path.c_str());
    }
}

}  // namespace

uint64_t fnv1a64(std::string_view bytes, uint64_t hash) {
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

ProgramIdentity identifyProgram(cl_device_id device, const std::string& source,
                                const std::string& options) {
    cl_platform_id platform = nullptr;
    checkOpenCl(clGetDeviceInfo(device, CL_DEVICE_PLATFORM, sizeof platform, &platform, nullptr),
                "asking the device's platform");
    ProgramIdentity identity;
    identity.platformName = textProperty(platform, CL_PLATFORM_NAME, "asking the platform's name");
    identity.platformVersion =
        textProperty(platform, CL_PLATFORM_VERSION, "asking the platform's version");
    identity.deviceName = textProperty(device, CL_DEVICE_NAME, "asking the device's name");
    identity.deviceVersion = textProperty(device, CL_DEVICE_VERSION, "asking the device's version");
    identity.driverVersion = textProperty(device, CL_DRIVER_VERSION, "asking the driver's version");
    identity.options = options;
    identity.source = source;
    return identity;
}

std::string programCachePath(const ProgramIdentity& identity) {
    std::string folder;
    if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache && *cache == '/') folder = cache;
    else if (const char* home = std::getenv("HOME"); home && *home)
        folder = std::string(home) + "/.cache";
    else return {};
    // Each part hashed after its length, so that moving text from one part to the next changes
    // the hash.
    uint64_t hash = fnv1a64({});
    for (int i = 0; i < kParts; ++i) {
        std::string length;
        appendLength(length, part(identity, i).size());
        hash = fnv1a64(part(identity, i), fnv1a64(length, hash));
    }
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.bin", static_cast<unsigned long long>(hash));
    return folder + "/kotohajime/opencl/" + name;
}

std::optional<std::string> loadProgramBinary(const ProgramIdentity& identity, std::string& note) {
    const std::string path = programCachePath(identity);
    struct stat info = {};
    if (path.empty() || lookAt(path, note, info) != Place::OurFile) return std::nullopt;
    std::string file;
    try {
        file = readWholeFile(path, kMaxProgramCacheBytes);
    } catch (const InputError& error) {
        note = error.what();
        return std::nullopt;
    }
    const std::string_view contents = file;
    size_t at = kMagic.size();
    bool matches = contents.substr(0, kMagic.size()) == kMagic;
    for (int i = 0; matches && i < kParts; ++i) {
        const std::optional<std::string_view> field = readField(contents, at);
        matches = field && *field == part(identity, i);
    }
    const std::optional<std::string_view> binary = matches ? readField(contents, at) : std::nullopt;
    if (!binary || binary->empty() || at != contents.size()) {
        note = printablePath(path) + " is damaged or belongs to another program: not used";
        return std::nullopt;
    }
    ::utimensat(AT_FDCWD, path.c_str(), nullptr, AT_SYMLINK_NOFOLLOW);  // used now
    return std::string(*binary);
}

void storeProgramBinary(const ProgramIdentity& identity, const std::string& binary,
                        std::string& note) {
    const std::string path = programCachePath(identity);
    if (path.empty() || binary.empty()) return;
    std::error_code error;
    std::filesystem::create_directories(folderOf(path), error);
    if (error) {
        note = "no program cache: cannot make " + printablePath(folderOf(path)) + ": " +
               error.message();
        return;
    }
    struct stat info = {};
    const Place place = lookAt(path, note, info);
    if (place == Place::Other) return;
    // A store follows a build from source, so a file there was not used: it goes, and the new
    // one is made with the usual mode, whatever the old one's was (an unreadable one included).
    if (place == Place::OurFile) ::unlink(path.c_str());
    std::string file(kMagic);
    for (int i = 0; i < kParts; ++i) {
        appendLength(file, part(identity, i).size());
        file.append(part(identity, i));
    }
    appendLength(file, binary.size());
    file.append(binary);
    if (file.size() > kMaxProgramCacheBytes) {
        note = "the program's binary is too large to cache";
        return;
    }
    try {
        writeFileAtomically(path, file);
    } catch (const InputError& failure) {
        note = std::string("no program cache: ") + failure.what();
        return;
    }
    removeUnusedPrograms(folderOf(path));
}

}  // namespace koto
