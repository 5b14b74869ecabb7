#include "io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "util/errors.h"

namespace koto {
namespace {
[[noreturn]] void fail(const std::string& path, const std::string& action, int error) {
    throw InputError("cannot " + action + " " + path + ": " + std::strerror(error));
}
}  // namespace

void writeFileAtomically(const std::string& path, const std::string& contents) {
    std::string temporary = path + ".tmp-XXXXXX";
    std::vector<char> name(temporary.begin(), temporary.end());
    name.push_back('\0');
    const int fd = mkstemp(name.data());
    if (fd < 0) fail(path, "write", errno);
    temporary = name.data();
    size_t written = 0;
    while (written < contents.size()) {
        const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            ::close(fd);
            ::unlink(temporary.c_str());
            fail(path, "write", error);
        }
        written += static_cast<size_t>(n);
    }
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        fail(path, "write", error);
    }
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        fail(path, "write", error);
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        fail(path, "write", error);
    }
}

std::string readWholeFile(const std::string& path, size_t maxBytes) {
    struct stat info = {};
    if (::stat(path.c_str(), &info) != 0) fail(path, "read", errno);
    if (S_ISDIR(info.st_mode)) throw InputError("cannot read " + path + ": it is a folder");
    if (static_cast<size_t>(info.st_size) > maxBytes)
        throw InputError("cannot read " + path + ": the file is too large");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "read", errno);
    std::string contents((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) fail(path, "read", errno);
    return contents;
}

}  // namespace koto
