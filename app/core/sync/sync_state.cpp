#include "core/sync/sync_state.hpp"
#include "core/bundle/file_util.hpp"
#include "core/sync/redact.hpp"

#include <nlohmann/json.hpp>

namespace zj {

namespace fs = std::filesystem;

int64_t SyncState::timeFloor() const {
    std::string text, err;
    if (!fileutil::readFile(dir_.timeFloor(), text, err, 64)) return 0;
    try {
        size_t used = 0;
        return int64_t(std::stoll(text, &used));
    } catch (...) {
        return 0;
    }
}

void SyncState::raiseTimeFloor(int64_t created) const {
    std::string err;
    if (created > timeFloor())
        fileutil::writeFileAtomic(dir_.timeFloor(), std::to_string(created) + "\n", err);
}

std::string SyncState::etag(const std::string& manifestUrl) const {
    std::string text, err;
    fileutil::readFile(dir_.etag(manifestUrl), text, err, 512);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

void SyncState::saveEtag(const std::string& manifestUrl, const std::string& etag) const {
    std::string err;
    if (!etag.empty()) fileutil::writeFileAtomic(dir_.etag(manifestUrl), etag, err);
}

int64_t readTimeFloor(const fs::path& dataDir) {
    return SyncState(dataDir).timeFloor();
}

bool saveLastSync(const fs::path& dataDir, const LastSync& l, std::string& err) {
    nlohmann::json j = {{"attempt", l.attemptTime}, {"result", l.result},
                        {"reason", l.reason},       {"source", l.source},
                        {"version", l.version},     {"bytes", l.bytesDownloaded},
                        {"blobs", l.blobsFetched},  {"reached", l.sourceReached},
                        {"stale", l.stale},         {"last_success", l.lastSuccessTime}};
    if (!ensureStoreLayout(dataDir, err)) return false;
    return fileutil::writeFileAtomic(DataDir(dataDir).lastSync(), j.dump(2) + "\n", err);
}

std::optional<LastSync> loadLastSync(const fs::path& dataDir) {
    std::string text, err;
    if (!fileutil::readFile(DataDir(dataDir).lastSync(), text, err, 1 << 20)) return std::nullopt;
    try {
        nlohmann::json j = nlohmann::json::parse(text);
        LastSync l;
        l.attemptTime = j.value("attempt", int64_t(0));
        l.result = j.value("result", std::string());
        // A file written by an older kiosk may still hold credentials: never show them.
        l.reason = redactUrls(j.value("reason", std::string()));
        l.source = redactUrl(j.value("source", std::string()));
        l.version = j.value("version", uint64_t(0));
        l.bytesDownloaded = j.value("bytes", uint64_t(0));
        l.blobsFetched = j.value("blobs", size_t(0));
        l.sourceReached = j.value("reached", false);
        l.stale = j.value("stale", false);
        l.lastSuccessTime = j.value("last_success", int64_t(0));
        return l;
    } catch (...) {
        return std::nullopt;
    }
}

} // namespace zj
