// The sync's own state files in the data directory (data_dir.hpp): the time floor, one ETag per
// manifest URL, and the last attempt's status for the staff panel and `zjmap-kiosk status`.
// Rewritten atomically; a file that is missing or unreadable reads as "none".
#pragma once
#include "core/bundle/data_dir.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace zj {

class SyncState {
  public:
    explicit SyncState(const std::filesystem::path& dataDir) : dir_(dataDir) {}

    // state/time-floor: the `created` of the newest bundle installed (0 = none). Expiry is
    // judged by max(clock, floor), so a clock set back cannot revive an expired manifest.
    int64_t timeFloor() const;
    // Raised only from a manifest that was installed and passed its self-check; never lowered
    // here (a root list's revocation resets it, root_list.cpp).
    void raiseTimeFloor(int64_t created) const;

    // state/etag-<hash of the URL>: "" when none.
    std::string etag(const std::string& manifestUrl) const;
    // Only a cache of the server's answer: a failed write costs one full GET, nothing else.
    void saveEtag(const std::string& manifestUrl, const std::string& etag) const;

  private:
    DataDir dir_;
};

int64_t readTimeFloor(const std::filesystem::path& dataDir); // SyncState(dataDir).timeFloor()

// state/last-sync.json: what the staff panel and `zjmap-kiosk status` show.
struct LastSync {
    int64_t attemptTime = 0; // unix seconds of the last attempt (0 = never)
    std::string result;      // syncStatusName
    std::string reason;
    std::string source;
    uint64_t version = 0; // current version after it
    uint64_t bytesDownloaded = 0;
    size_t blobsFetched = 0;
    bool sourceReached = false;  // the network check of the staff panel
    bool stale = false;          // the installed content had expired (SyncResult::stale)
    int64_t lastSuccessTime = 0; // unix seconds of the last successful cycle (0 = never)
};

bool saveLastSync(const std::filesystem::path& dataDir, const LastSync& last, std::string& err);
std::optional<LastSync> loadLastSync(const std::filesystem::path& dataDir);

} // namespace zj
