// POSIX durable-write helpers for bundles and the store.
#include "core/bundle/file_util.hpp"
#include "core/failpoint.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zj::fileutil {

static std::string sysError(const std::filesystem::path& file, const char* what) {
    return file.string() + ": " + what + ": " + std::strerror(errno);
}

std::filesystem::path tmpSibling(const std::filesystem::path& path) {
    std::filesystem::path p = path;
    p += ".tmp-" + std::to_string(::getpid());
    return p;
}

// Reads `fd` to its end into `out` (at most maxBytes) and closes it.
static bool readAllAndClose(int fd, const std::filesystem::path& file, std::string& out,
                            std::string& err, uint64_t maxBytes) {
    out.clear();
    char buffer[1 << 15];
    for (;;) {
        ssize_t n = ::read(fd, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            err = sysError(file, "read error");
            ::close(fd);
            return false;
        }
        if (n == 0) break;
        if (out.size() + size_t(n) > maxBytes) {
            err = file.string() + ": larger than " + std::to_string(maxBytes) + " bytes";
            ::close(fd);
            return false;
        }
        out.append(buffer, size_t(n));
    }
    ::close(fd);
    return true;
}

bool readFile(const std::filesystem::path& file, std::string& out, std::string& err,
              uint64_t maxBytes) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        err = errno == ENOENT ? file.string() + ": missing" : sysError(file, "cannot open");
        return false;
    }
    return readAllAndClose(fd, file, out, err, maxBytes);
}

static const char* fileKind(mode_t mode) {
    if (S_ISDIR(mode)) return "directory";
    if (S_ISFIFO(mode)) return "FIFO";
    if (S_ISCHR(mode)) return "character device";
    if (S_ISBLK(mode)) return "block device";
    if (S_ISSOCK(mode)) return "socket";
    return "special file";
}

int openRegularFile(const std::filesystem::path& file, std::string& err) {
    // O_NONBLOCK: opening a FIFO without a writer (or a device) must not wait; O_NOFOLLOW: a
    // symlink on a stick could point anywhere on this machine.
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT)
            err = file.string() + ": missing";
        else if (errno == ELOOP)
            err = file.string() + ": a symbolic link (refused: regular files only)";
        else
            err = sysError(file, "cannot open");
        return -1;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        err = sysError(file, "cannot stat");
        ::close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        err = file.string() + ": not a regular file (a " + fileKind(st.st_mode) +
              "; refused: regular files only)";
        ::close(fd);
        return -1;
    }
    // Reads of a regular file never block anyway; clear the flag so nothing depends on it.
    int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return fd;
}

bool readRegularFile(const std::filesystem::path& file, std::string& out, std::string& err,
                     uint64_t maxBytes) {
    int fd = openRegularFile(file, err);
    if (fd < 0) return false;
    return readAllAndClose(fd, file, out, err, maxBytes);
}

static bool writeAll(int fd, const char* data, size_t size) {
    while (size > 0) {
        ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

bool writeFileSynced(const std::filesystem::path& file, std::string_view bytes, std::string& err) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        err = sysError(file, "cannot create");
        return false;
    }
    failpoint("file.created");
    if (!writeAll(fd, bytes.data(), bytes.size())) {
        err = sysError(file, "write error");
        ::close(fd);
        return false;
    }
    if (::fsync(fd) != 0) {
        err = sysError(file, "fsync failed");
        ::close(fd);
        return false;
    }
    if (::close(fd) != 0) {
        err = sysError(file, "close failed");
        return false;
    }
    return true;
}

bool fsyncDir(const std::filesystem::path& dir, std::string& err) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        err = sysError(dir, "cannot open directory");
        return false;
    }
    // Some filesystems refuse fsync on directories (EINVAL); that is not a data-loss signal.
    if (::fsync(fd) != 0 && errno != EINVAL) {
        err = sysError(dir, "directory fsync failed");
        ::close(fd);
        return false;
    }
    ::close(fd);
    return true;
}

static std::filesystem::path parentOrDot(const std::filesystem::path& p) {
    return p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
}

bool writeFileAtomic(const std::filesystem::path& file, std::string_view bytes, std::string& err) {
    std::filesystem::path tmp = tmpSibling(file);
    if (!writeFileSynced(tmp, bytes, err)) {
        ::unlink(tmp.c_str());
        return false;
    }
    failpoint("file.atomic-before-rename");
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        err = sysError(file, "rename failed");
        ::unlink(tmp.c_str());
        return false;
    }
    failpoint("file.atomic-renamed");
    return fsyncDir(parentOrDot(file), err);
}

bool copyFileAtomic(const std::filesystem::path& from, const std::filesystem::path& to,
                    std::string& err) {
    int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        err = errno == ENOENT ? from.string() + ": missing" : sysError(from, "cannot open");
        return false;
    }
    std::filesystem::path tmp = tmpSibling(to);
    int out = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) {
        err = sysError(tmp, "cannot create");
        ::close(in);
        return false;
    }
    bool ok = true;
    char buffer[1 << 16];
    for (;;) {
        ssize_t n = ::read(in, buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            err = sysError(from, "read error");
            ok = false;
            break;
        }
        if (n == 0) break;
        if (!writeAll(out, buffer, size_t(n))) {
            err = sysError(tmp, "write error");
            ok = false;
            break;
        }
    }
    ::close(in);
    if (ok && ::fsync(out) != 0) {
        err = sysError(tmp, "fsync failed");
        ok = false;
    }
    if (::close(out) != 0 && ok) {
        err = sysError(tmp, "close failed");
        ok = false;
    }
    if (ok) failpoint("file.copy-before-rename");
    if (ok && ::rename(tmp.c_str(), to.c_str()) != 0) {
        err = sysError(to, "rename failed");
        ok = false;
    }
    if (!ok) {
        ::unlink(tmp.c_str());
        return false;
    }
    return fsyncDir(parentOrDot(to), err);
}

} // namespace zj::fileutil
