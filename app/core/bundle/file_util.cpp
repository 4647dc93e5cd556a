// POSIX durable-write helpers for bundles and the store.
#include "core/bundle/file_util.hpp"
#include "core/failpoint.hpp"

#include <cerrno>
#include <cstring>
#include <dirent.h>
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
    if (S_ISREG(mode)) return "regular file";
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

// Writes `bytes` to the freshly created `fd`, fsyncs and closes it (closes it on failure too).
static bool writeSyncClose(int fd, const std::filesystem::path& file, std::string_view bytes,
                           std::string& err) {
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

bool writeFileSynced(const std::filesystem::path& file, std::string_view bytes, std::string& err) {
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        err = errno == EEXIST ? file.string() + ": already exists (refused: never overwritten)"
                              : sysError(file, "cannot create");
        return false;
    }
    return writeSyncClose(fd, file, bytes, err);
}

// Creates "<path>.tmp-XXXXXX" with a random suffix (mkostemp: O_CREAT | O_EXCL, mode 0600).
static int createTemporary(const std::filesystem::path& path, std::filesystem::path& tmp,
                           std::string& err) {
    std::string name = path.string() + ".tmp-XXXXXX";
    int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) {
        err = sysError(path.string() + ".tmp-XXXXXX", "cannot create");
        return -1;
    }
    tmp = name;
    return fd;
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

bool writeFileAtomic(const std::filesystem::path& file, std::string_view bytes, std::string& err,
                     mode_t mode) {
    std::filesystem::path tmp;
    int fd = createTemporary(file, tmp, err);
    if (fd < 0) return false;
    if (::fchmod(fd, mode) != 0) {
        err = sysError(tmp, "cannot set its mode");
        ::close(fd);
        ::unlink(tmp.c_str());
        return false;
    }
    if (!writeSyncClose(fd, tmp, bytes, err)) {
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
    std::filesystem::path tmp;
    int out = createTemporary(to, tmp, err);
    if (out < 0) {
        ::close(in);
        return false;
    }
    ::fchmod(out, 0644); // mkostemp's 0600 would hide a published file from the web server
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

//-----------------------------------------------------------------------------
// Working under a directory fd
//-----------------------------------------------------------------------------

int openDirNoFollow(const std::filesystem::path& dir, std::string& err) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) return fd;
    struct stat st {};
    if (errno == ENOTDIR && ::lstat(dir.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) errno = ELOOP;
    if (errno == ELOOP)
        err = dir.string() +
              ": a symbolic link, not a directory (refused: the store follows no links)";
    else if (errno == ENOTDIR)
        err = dir.string() + ": not a directory (refused)";
    else if (errno == ENOENT)
        err = dir.string() + ": missing";
    else
        err = sysError(dir, "cannot open directory");
    return -1;
}

bool checkOwnedDirAt(int dirFd, const char* name, const std::filesystem::path& shown,
                     std::string& err) {
    struct stat st {};
    if (::fstatat(dirFd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        err = sysError(shown, "cannot stat");
        return false;
    }
    if (S_ISLNK(st.st_mode)) {
        err = shown.string() +
              ": a symbolic link, not a directory (refused: the store follows no links)";
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        err = shown.string() + ": not a directory (a " + fileKind(st.st_mode) + "; refused)";
        return false;
    }
    uid_t me = ::geteuid();
    if (st.st_uid != me) {
        if (me == 0)
            err = shown.string() + ": owned by uid " + std::to_string(st.st_uid) +
                  ": refusing to work on another user's store as root (run it as that user, "
                  "e.g. runuser -u zjmap -- zjmap-kiosk sync --once)";
        else
            err = shown.string() + ": owned by uid " + std::to_string(st.st_uid) +
                  ", not by this user (uid " + std::to_string(me) + "; refused)";
        return false;
    }
    return true;
}

bool listDirAt(int dirFd, std::vector<std::string>& names, std::string& err) {
    names.clear();
    int fd = ::fcntl(dirFd, F_DUPFD_CLOEXEC, 0); // closedir closes its fd: give it a copy
    DIR* d = fd >= 0 ? ::fdopendir(fd) : nullptr;
    if (!d) {
        if (fd >= 0) ::close(fd);
        err = std::string("cannot list directory: ") + std::strerror(errno);
        return false;
    }
    ::rewinddir(d);
    errno = 0;
    while (struct dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n != "." && n != "..") names.push_back(std::move(n));
        errno = 0;
    }
    bool ok = errno == 0;
    if (!ok) err = std::string("cannot list directory: ") + std::strerror(errno);
    ::closedir(d);
    return ok;
}

static bool removeAtDepth(int dirFd, const std::string& name, const std::filesystem::path& shown,
                          std::string& err, int depth) {
    if (::unlinkat(dirFd, name.c_str(), 0) == 0 || errno == ENOENT) return true;
    if (errno != EISDIR && errno != EPERM) {
        err = sysError(shown, "cannot remove");
        return false;
    }
    if (depth > 16) {
        err = shown.string() + ": nested too deep to remove";
        return false;
    }
    int sub = ::openat(dirFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0) {
        err = sysError(shown, "cannot open directory");
        return false;
    }
    std::vector<std::string> names;
    bool ok = listDirAt(sub, names, err);
    for (const std::string& n : names) ok = ok && removeAtDepth(sub, n, shown / n, err, depth + 1);
    ::close(sub);
    if (ok && ::unlinkat(dirFd, name.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT) {
        err = sysError(shown, "cannot remove directory");
        ok = false;
    }
    return ok;
}

bool removeAt(int dirFd, const std::string& name, const std::filesystem::path& shown,
              std::string& err) {
    return removeAtDepth(dirFd, name, shown, err, 0);
}

} // namespace zj::fileutil
