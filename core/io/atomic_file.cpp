#include "io/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <utility>
#include <vector>

#include "util/errors.h"
#include "util/text.h"

namespace koto {
namespace {

constexpr int kMaxLinkHops = 40;  // as the kernel's own limit (ELOOP)

[[noreturn]] void fail(const std::string& path, const std::string& action, int error) {
    throw InputError("cannot " + action + " " + printablePath(path) + ": " + std::strerror(error));
}

// What a path names, for a message: "a character device".
std::string whatItIs(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISLNK(mode)) return "a symbolic link";
    return "not a regular file";
}

// "cannot read /dev/zero: it is a character device, not a file"; for a path reached through a
// link, "cannot write out.koto: it leads to /dev/null, which is a character device, ...".
[[noreturn]] void refuse(const std::string& path, const std::string& action,
                         const std::string& reached, mode_t mode, const std::string& consequence) {
    const std::string it =
        reached == path ? "it is " + whatItIs(mode)
                        : "it leads to " + printablePath(reached) + ", which is " + whatItIs(mode);
    throw InputError("cannot " + action + " " + printablePath(path) + ": " + it + ", not a file" +
                     consequence);
}

std::string byteCount(unsigned long long bytes) {
    const char* const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    if (unit == 0) return std::to_string(bytes) + " bytes";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
    return text;
}

[[noreturn]] void tooLarge(const std::string& path, unsigned long long size, size_t maxBytes) {
    throw InputError("cannot read " + printablePath(path) + ": the file is too large (" +
                     byteCount(size) + "; at most " + byteCount(maxBytes) + " are read)");
}

class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

// "a/b/c" -> "a/b/", "c" -> "".
std::string folderOf(const std::string& path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

struct Target {
    std::string path;  // where the file is written: the path, or where its links lead
    bool exists = false;
    struct stat info = {};
};

// Follows symbolic links from path to what it names; refuses anything but a regular file or
// nothing at all.
Target resolveTarget(const std::string& path) {
    if (path.empty()) throw InputError("cannot write a file without a name");
    Target target{path};
    for (int hops = 0;; ++hops) {
        if (::lstat(target.path.c_str(), &target.info) != 0) {
            if (errno == ENOENT) return target;
            fail(path, "write", errno);
        }
        if (S_ISREG(target.info.st_mode)) {
            target.exists = true;
            return target;
        }
        if (!S_ISLNK(target.info.st_mode))
            refuse(path, "write", target.path, target.info.st_mode,
                   "; only a regular file is replaced, and nothing was written");
        if (hops == kMaxLinkHops) fail(path, "write", ELOOP);
        std::vector<char> link(static_cast<size_t>(std::max<off_t>(target.info.st_size, 255)) + 2);
        const ssize_t length = ::readlink(target.path.c_str(), link.data(), link.size());
        if (length < 0) fail(path, "write", errno);
        if (static_cast<size_t>(length) >= link.size()) fail(path, "write", ENAMETOOLONG);
        const std::string leadsTo(link.data(), static_cast<size_t>(length));
        target.path = leadsTo.rfind('/', 0) == 0 ? leadsTo : folderOf(target.path) + leadsTo;
    }
}

// Removes "<name>.tmp-XXXXXX" files that a killed save left beside target (the header's rule).
// Best effort: anything that cannot be looked at or removed stays.
void removeStaleTemporaries(const std::string& target) {
    const std::string folder = folderOf(target);
    const std::string prefix = target.substr(folder.size()) + ".tmp-";
    DIR* directory = ::opendir(folder.empty() ? "." : folder.c_str());
    if (!directory) return;
    const time_t now = std::time(nullptr);
    while (const dirent* entry = ::readdir(directory)) {
        const std::string name = entry->d_name;
        if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0)
            continue;
        if (!std::all_of(name.begin() + static_cast<std::ptrdiff_t>(prefix.size()), name.end(),
                         [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
            continue;
        struct stat info = {};
        if (::fstatat(::dirfd(directory), name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) continue;
        if (S_ISREG(info.st_mode) && info.st_uid == ::geteuid() &&
            now - info.st_mtime > kStaleTemporarySeconds)
            ::unlinkat(::dirfd(directory), name.c_str(), 0);
    }
    ::closedir(directory);
}

}  // namespace

void checkWritableTarget(const std::string& path) { resolveTarget(path); }

void writeFileAtomically(const std::string& path, const std::string& contents) {
    const Target target = resolveTarget(path);
    removeStaleTemporaries(target.path);
    std::string temporary = target.path + ".tmp-XXXXXX";
    std::vector<char> name(temporary.begin(), temporary.end());
    name.push_back('\0');
    Descriptor file(::mkostemp(name.data(), O_CLOEXEC));
    if (file.get() < 0) fail(path, "write", errno);
    temporary = name.data();
    auto failRemoving = [&](int error) {
        ::close(file.release());
        ::unlink(temporary.c_str());
        fail(path, "write", error);
    };
    size_t written = 0;
    while (written < contents.size()) {
        const ssize_t n = ::write(file.get(), contents.data() + written, contents.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            failRemoving(errno);
        }
        written += static_cast<size_t>(n);
    }
    mode_t mode = 0644;
    if (target.exists) {
        // The file keeps its owner and group where we may give them (root may; others may only
        // change the group to one of their own). Where not, the new file is ours, and a
        // set-user-ID or set-group-ID bit would now mean us: those are dropped.
        mode = target.info.st_mode & 07777;
        const bool owned = target.info.st_uid == ::geteuid() && target.info.st_gid == ::getegid();
        if (!owned && ::fchown(file.get(), target.info.st_uid, target.info.st_gid) != 0)
            mode &= ~static_cast<mode_t>(S_ISUID | S_ISGID);
    }
    if (::fchmod(file.get(), mode) != 0 || ::fsync(file.get()) != 0) failRemoving(errno);
    if (::close(file.release()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        fail(path, "write", error);
    }
    // What the target is may have changed while we wrote: look again just before the rename,
    // which would otherwise replace a device or FIFO put there meanwhile.
    struct stat now = {};
    if (::lstat(target.path.c_str(), &now) == 0 && !S_ISREG(now.st_mode)) {
        ::unlink(temporary.c_str());
        refuse(path, "write", target.path, now.st_mode,
               "; only a regular file is replaced, and nothing was written");
    }
    if (::rename(temporary.c_str(), target.path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        fail(path, "write", error);
    }
}

std::string readWholeFile(const std::string& path, size_t maxBytes) {
    // Looked at before it is opened: opening a FIFO waits for a writer, and opening a device
    // can do things of its own (a tape rewinds, a terminal becomes ours).
    struct stat named = {};
    if (::stat(path.c_str(), &named) != 0) fail(path, "read", errno);
    if (!S_ISREG(named.st_mode)) refuse(path, "read", path, named.st_mode, "");
    if (static_cast<unsigned long long>(named.st_size) > maxBytes)
        tooLarge(path, static_cast<unsigned long long>(named.st_size), maxBytes);
    // O_NONBLOCK: should a FIFO take the file's place between the stat and the open, the open
    // returns at once and the check of the opened file below refuses it.
    const Descriptor file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (file.get() < 0) fail(path, "read", errno);
    struct stat opened = {};
    if (::fstat(file.get(), &opened) != 0) fail(path, "read", errno);
    if (!S_ISREG(opened.st_mode)) refuse(path, "read", path, opened.st_mode, "");
    if (static_cast<unsigned long long>(opened.st_size) > maxBytes)
        tooLarge(path, static_cast<unsigned long long>(opened.st_size), maxBytes);
    // Read to the end, but never past the limit, whatever the size said: the file may grow.
    std::string contents;
    contents.reserve(static_cast<size_t>(opened.st_size));
    std::vector<char> buffer(size_t{1} << 16);
    while (true) {
        const size_t left = maxBytes - contents.size();
        const size_t ask = left < buffer.size() ? left + 1 : buffer.size();  // +1 shows it is over
        const ssize_t n = ::read(file.get(), buffer.data(), ask);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(path, "read", errno);
        }
        if (n == 0) break;
        contents.append(buffer.data(), static_cast<size_t>(n));
        if (contents.size() > maxBytes)
            throw InputError("cannot read " + printablePath(path) + ": the file grew past " +
                             byteCount(maxBytes) + " while it was read");
    }
    return contents;
}

}  // namespace koto
