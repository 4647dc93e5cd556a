#include "core/bundle/data_dir.hpp"
#include "core/bundle/crypto.hpp"
#include "core/bundle/file_util.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zj {

namespace fs = std::filesystem;

fs::path DataDir::blob(std::string_view sha256) const {
    return blobs() / std::string(sha256);
}

fs::path DataDir::bundle(uint64_t version) const {
    return bundles() / std::to_string(version);
}

fs::path DataDir::part(std::string_view sha256) const {
    return tmp() / (std::string(sha256) + ".part");
}

fs::path DataDir::etag(std::string_view manifestUrl) const {
    return state() / ("etag-" + crypto::sha256Hex(manifestUrl).substr(0, 16));
}

bool DataDir::ensureLayout(std::string& err) const {
    return ensureStoreLayout(root_, err);
}

bool ensureStoreLayout(const fs::path& dataDir, std::string& err) {
    std::error_code ec;
    if (!fs::exists(dataDir, ec)) {
        fs::create_directories(dataDir, ec);
        if (ec) {
            err = dataDir.string() + ": cannot create directory: " + ec.message();
            return false;
        }
    }
    // The data directory itself may be an operator's symlink (a bigger disk); it is opened once
    // and everything below is reached through that fd, never through a link.
    int dataFd = ::open(dataDir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dataFd < 0) {
        err = dataDir.string() + ": cannot open directory: " + std::strerror(errno);
        return false;
    }
    bool ok = fileutil::checkOwnedDirAt(dataFd, ".", dataDir, err);
    for (const char* sub : DataDir::kSubdirs) {
        if (!ok) break;
        if (::mkdirat(dataFd, sub, 0755) != 0 && errno != EEXIST) {
            err = (dataDir / sub).string() + ": cannot create directory: " + std::strerror(errno);
            ok = false;
            break;
        }
        ok = fileutil::checkOwnedDirAt(dataFd, sub, dataDir / sub, err);
    }
    ::close(dataFd);
    return ok;
}

StoreLock::~StoreLock() {
    if (fd_ >= 0) ::close(fd_); // closing releases the flock
}

bool StoreLock::tryAcquire(const fs::path& dataDir, std::string& err) {
    if (fd_ >= 0) return true;
    if (!ensureStoreLayout(dataDir, err)) return false;
    fs::path file = DataDir(dataDir).syncLock();
    int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        err = file.string() + ": cannot open: " + std::strerror(errno);
        return false;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        err = "another sync is running (" + file.string() + " is locked)";
        ::close(fd);
        return false;
    }
    fd_ = fd;
    return true;
}

} // namespace zj
