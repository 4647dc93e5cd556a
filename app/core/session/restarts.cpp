#include "core/session/restarts.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/store.hpp"

#include <cerrno>
#include <cstring>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace zj {

namespace fs = std::filesystem;

fs::path restartCountsFile(const fs::path& dataDir) {
    return dataDir / "state" / "restarts";
}

fs::path runMarkerFile(const fs::path& dataDir) {
    return dataDir / "state" / "running";
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

RestartCounts recordStart(const fs::path& dataDir, std::vector<std::string>& log) {
    std::string err;
    RestartCounts c;
    if (!ensureStoreLayout(dataDir, err)) {
        log.push_back("restarts: not counted: " + err);
        return RestartCounts{1, 0}; // this run, in memory only
    }
    struct stat st;
    if (::lstat(restartCountsFile(dataDir).c_str(), &st) != 0 && errno == ENOENT)
        log.push_back("restarts: " + restartCountsFile(dataDir).string() +
                      ": none yet (a new store, or the file was lost): counting from this start");
    c = readRestartCounts(dataDir, err);
    if (!err.empty()) log.push_back("restarts: " + err + " (counting again from 0)");

    const fs::path marker = runMarkerFile(dataDir);
    const bool unclean = ::lstat(marker.c_str(), &st) == 0;
    if (unclean && !S_ISREG(st.st_mode)) {
        // Not ours: a planted link or directory is removed itself, never what it points to.
        std::string rmErr;
        int stateFd = fileutil::openDirNoFollow(dataDir / "state", rmErr);
        if (stateFd < 0 || !fileutil::removeAt(stateFd, "running", marker, rmErr))
            log.push_back("restarts: " + marker.string() + ": cannot remove: " + rmErr);
        if (stateFd >= 0) ::close(stateFd);
    }
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
    if (!fileutil::writeFileAtomic(marker, "pid " + std::to_string(::getpid()) + "\n", err))
        log.push_back("restarts: " + err + " (the next start cannot tell how this run ended)");
    return c;
}

bool recordCleanExit(const fs::path& dataDir, std::string& err) {
    const fs::path marker = runMarkerFile(dataDir);
    if (::unlink(marker.c_str()) != 0 && errno != ENOENT) {
        err = marker.string() + ": cannot remove: " + std::strerror(errno);
        return false;
    }
    // Durable: a power cut right after a clean exit must not count as an unclean end.
    return fileutil::fsyncDir(marker.parent_path(), err);
}

} // namespace zj
