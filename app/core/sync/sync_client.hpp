// One sync cycle against one source (DESIGN.md "Sync"): conditional GET of manifest.json,
// Ed25519 signature over its exact bytes, rollback / freeze / size / free-space checks, download
// of the missing blobs only (capped, hashed while streaming, Range resume), commit, atomic switch
// of `current`, self-check of the new bundle (rolled back and marked bad when it fails), GC.
// Sources: http:// and https:// (libcurl; redirects only within the source's scheme, host and
// port), file:///path or /path (a USB stick: same rules, regular files only).
// Refused before anything is read: the development key, unless SyncOptions::allowDevelopmentKey.
// With SyncOptions::rootKey, the source's root.json (root_list.hpp) is read first and names the
// publisher keys the manifest may be signed with (rotation and revocation).
// Expiry (by max(clock, time floor)) is checked before "already installed"; a 304 or a source
// offering nothing newer while current has expired is Refused with SyncResult::stale.
// Single writer: a lock on state/sync.lock keeps a CLI `sync --once` and the app's background
// thread from installing at the same time.
// Files: the cycle's steps (sync_client.cpp), the sources (source.hpp: http_source.cpp,
// dir_source.cpp), the state files (sync_state.hpp), the self-check (bundle/self_check.hpp).
#pragma once
#include "core/bundle/crypto.hpp"
#include "core/clock.hpp"
#include "core/content/startup.hpp" // selfCheckBundle
#include "core/sync/config.hpp"
#include "core/sync/sync_state.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zj {

enum class SyncStatus {
    UpToDate, // the source offers what is installed (or 304 Not Modified), and it is unexpired
    Updated,  // a new version was installed, self-checked and is now current
    Refused,  // the source offered something the kiosk must not install (signature, rollback, ...)
    Failed,   // could not complete (network, server error, timeout, local I/O); retried later
};

const char* syncStatusName(SyncStatus status); // "up-to-date", "updated", "refused", "failed"

struct SyncResult {
    SyncStatus status = SyncStatus::Failed;
    uint64_t version = 0;         // current version after the cycle (0 = none)
    uint64_t offeredVersion = 0;  // version in the source's manifest (0 = not read)
    uint64_t bytesDownloaded = 0; // body bytes received (manifest, signature, blobs)
    size_t blobsFetched = 0;      // blobs downloaded and committed in this cycle
    std::string source;           // the source URL used
    std::string reason;           // one line: what happened, or why not
    bool sourceReached = false;   // a server answered (any HTTP status) or the directory was read
    // The installed current's signed `expires` has passed (by the clock, or by the time floor
    // when the clock is behind): the content is stale, and a cycle that found nothing newer is
    // Refused, never "up-to-date" (an indefinite freeze must not look like success).
    bool stale = false;
    int64_t currentExpires = 0; // current's signed expiry, unix seconds (0 = no current)
    bool ok() const { return status == SyncStatus::UpToDate || status == SyncStatus::Updated; }
};

struct SyncOptions {
    std::filesystem::path dataDir;           // the bundle store
    crypto::PublicKey publicKey{};           // manifests must be signed by this key
    SyncLimits limits;                       // timeouts, caps, free space
    std::filesystem::path caFile;            // https: trust this CA bundle ("" = the system's)
    const Clock* clock = nullptr;            // wall time for expiry (nullptr = system clock)
    const std::atomic<bool>* stop = nullptr; // set from another thread: abort transfers promptly
    std::vector<uint64_t> keepVersions;      // also kept by GC (e.g. the bundle still on screen)
    // The development key (content/keys/dev-publisher.pub) has its secret in the repository:
    // anyone can sign with it, so a cycle with it as publicKey is refused unless this is set
    // ([sync] allow_development_key, `sync --once --allow-development-key`; tests, demos).
    bool allowDevelopmentKey = false;
    std::string channel; // [sync] channel: a manifest's signed channel must be this ("" = none)
    // [sync] root_key (root_list.hpp): set, the source's root.json (signed by it) names the
    // publisher keys, and publicKey is only where the cycle starts (the key the store was
    // installed with); the manifest must verify with a key of the newest valid root list.
    std::optional<crypto::PublicKey> rootKey;
};

// Runs one cycle against `source`. Never throws.
SyncResult runSyncCycle(const std::string& source, const SyncOptions& options);

// Tries each source in order until one succeeds; returns that result, or the last failure with
// every source's reason joined by "; ".
SyncResult runSyncCycleAll(const std::vector<std::string>& sources, const SyncOptions& options);

// readTimeFloor, LastSync, saveLastSync, loadLastSync: sync_state.hpp.

// True when `location` (a redirect target, absolute) has the scheme, host and port of `url`.
// Sync follows redirects only within the source's origin: no other host, no https -> http.
bool sameOrigin(const std::string& url, const std::string& location);

// ---- Status ---------------------------------------------------------------------

// `previous` (the last saved status) carries the last success over a failed cycle.
LastSync toLastSync(const SyncResult& result, int64_t attemptTime,
                    const std::optional<LastSync>& previous = std::nullopt);

} // namespace zj
