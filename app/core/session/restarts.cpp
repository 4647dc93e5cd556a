#include "core/session/restarts.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/store.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zj {

namespace fs = std::filesystem;

fs::path restartCountsFile(const fs::path& dataDir) {
    return DataDir(dataDir).restarts();
}

fs::path runMarkerFile(const fs::path& dataDir) {
    return DataDir(dataDir).runMarker();
}

namespace {
// "starts N\nunclean M\n", strict decimal counts, unclean <= starts; false says which line.
bool parseCounts(const std::string& text, RestartCounts& out, std::string& why) {
    std::istringstream in(text);
    std::string line;
    const char* keys[] = {"starts ", "unclean "};
    uint64_t* values[] = {&out.starts, &out.unclean};
    for (int i = 0; i < 2; ++i) {
        if (!std::getline(in, line) || line.rfind(keys[i], 0) != 0 ||
            !parseVersion(std::string_view(line).substr(std::strlen(keys[i])), *values[i])) {
            why = "line " + std::to_string(i + 1) + " is not \"" + keys[i] + "<count>\"";
            return false;
        }
    }
    if (std::getline(in, line) && !line.empty()) {
        why = "unexpected line 3";
        return false;
    }
    if (out.unclean > out.starts) {
        why = "more unclean ends than starts";
        return false;
    }
    return true;
}
} // namespace

RestartCounts readRestartCounts(const fs::path& dataDir, std::string& err) {
    const fs::path file = restartCountsFile(dataDir);
    struct stat st;
    if (::lstat(file.c_str(), &st) != 0 && errno == ENOENT) return {}; // the first start
    std::string text, why;
    RestartCounts c;
    if (!fileutil::readRegularFile(file, text, err, 256)) return {};
    if (!parseCounts(text, c, why)) {
        err = file.string() + ": " + why;
        return {};
    }
    return c;
}

namespace {
// Opens (creating) the marker and takes its lock for the life of this run: the kernel drops the
// lock when the process dies however it dies, so a start can tell a dead run's marker from that
// of a kiosk still running on the store. -1 otherwise; `busy` when that other kiosk holds it.
int lockMarker(const fs::path& marker, bool& busy, std::string& err) {
    busy = false;
    int fd = ::open(marker.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        err = marker.string() + ": cannot open: " + std::strerror(errno);
        return -1;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        busy = errno == EWOULDBLOCK;
        err = marker.string() + ": cannot lock: " + std::strerror(errno);
        ::close(fd);
        return -1;
    }
    std::string pid = "pid " + std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) != ssize_t(pid.size()) ||
        ::fsync(fd) != 0 || !fileutil::fsyncDir(marker.parent_path(), err)) {
        if (err.empty()) err = marker.string() + ": cannot write: " + std::strerror(errno);
        ::close(fd);
        return -1;
    }
    return fd;
}
} // namespace

RestartCounts recordStart(const fs::path& dataDir, std::vector<std::string>& log, int& markerFd) {
    markerFd = -1;
    std::string err;
    RestartCounts c;
    if (!ensureStoreLayout(dataDir, err)) {
        log.push_back("restarts: not counted: " + err);
        return RestartCounts{1, 0}; // this run, in memory only
    }
    const fs::path marker = runMarkerFile(dataDir);
    struct stat st;
    const bool unclean = ::lstat(marker.c_str(), &st) == 0;
    if (unclean && !S_ISREG(st.st_mode)) {
        // Not ours: a planted link or directory is removed itself, never what it points to.
        std::string rmErr;
        int stateFd = fileutil::openDirNoFollow(DataDir(dataDir).state(), rmErr);
        if (stateFd < 0 || !fileutil::removeAt(stateFd, DataDir::kRunMarkerName, marker, rmErr))
            log.push_back("restarts: " + marker.string() + ": cannot remove: " + rmErr);
        if (stateFd >= 0) ::close(stateFd);
    }
    bool busy = false;
    markerFd = lockMarker(marker, busy, err);
    if (busy) { // a second kiosk on the same store: neither a restart nor ours to count
        log.push_back("restarts: another kiosk is running on this store (" + marker.string() +
                      " is locked): this start is not counted");
        err.clear();
        return readRestartCounts(dataDir, err);
    }
    if (markerFd < 0)
        log.push_back("restarts: " + err + " (the next start cannot tell how this run ended)");

    if (::lstat(restartCountsFile(dataDir).c_str(), &st) != 0 && errno == ENOENT)
        log.push_back("restarts: " + restartCountsFile(dataDir).string() +
                      ": none yet (a new store, or the file was lost): counting from this start");
    err.clear();
    c = readRestartCounts(dataDir, err);
    if (!err.empty()) log.push_back("restarts: " + err + " (counting again from 0)");
    c.starts += 1;
    c.unclean += unclean ? 1 : 0;
    if (unclean)
        log.push_back("restarts: the previous run did not end cleanly (crash, kill or power "
                      "cut): " +
                      std::to_string(c.unclean) + " unclean of " + std::to_string(c.starts) +
                      " starts");
    std::string text =
        "starts " + std::to_string(c.starts) + "\nunclean " + std::to_string(c.unclean) + "\n";
    if (!fileutil::writeFileAtomic(restartCountsFile(dataDir), text, err))
        log.push_back("restarts: " + err + " (counts kept in memory only)");
    return c;
}

bool recordCleanExit(const fs::path& dataDir, int& markerFd, std::string& err) {
    if (markerFd < 0) return true; // no marker of ours (another kiosk's, or none could be made)
    const fs::path marker = runMarkerFile(dataDir);
    bool ok = true;
    if (::unlink(marker.c_str()) != 0 && errno != ENOENT) {
        err = marker.string() + ": cannot remove: " + std::strerror(errno);
        ok = false;
    }
    // Durable: a power cut right after a clean exit must not count as an unclean end.
    if (ok) ok = fileutil::fsyncDir(marker.parent_path(), err);
    ::close(markerFd); // the lock goes last: no other start sees our marker unlocked
    markerFd = -1;
    return ok;
}

} // namespace zj
