// The kiosk's data directory (default /var/lib/zjmap-kiosk, or --data DIR / [store] data_dir):
// the one place that knows its layout. Every path under it comes from a DataDir accessor, so a
// file is named once; this table is the whole layout.
//
//   path                     written by                        read by
//   blobs/<sha256>           store (BlobWriter, addBlob...)    bundle open, self-check, GC
//   bundles/<version>/       store (commitVersion)             bundle open, startup, status
//     manifest.json(.sig)
//   current  -> bundles/<v>  store (switchCurrent, rollback)   startup, sync, status
//   previous -> bundles/<v>  store (switchCurrent)             startup, rollback, GC
//   tmp/<sha256>.part        store (BlobWriter)                sync (resume), cleanStoreTmp
//   state/highest-version    store (raiseHighestVersion)       store (checkInstallable)
//   state/bad-versions       store (markVersionBad)            store, startup selection
//   state/pending-check      self-check (markSelfCheckPending) recoverStore, sync
//   state/verified-blobs     VerifiedBlobs::save               VerifiedBlobs::load
//   state/sync.lock          StoreLock (flock, empty file)     StoreLock
//   state/time-floor         SyncState, root list revocation   sync (expiry judged by it)
//   state/etag-<16 hex>      SyncState (one per manifest URL)  sync (If-None-Match)
//   state/last-sync.json     saveLastSync (sync_state.hpp)     staff panel, `status`, metrics
//   state/publisher-key      sync (recordPublisherKey)         config fallback, root mode
//   state/root.json(.sig)    root list (applyRootList)         root list (loadKeptRootList)
//   state/restarts           restarts (recordStart)            staff panel, metrics
//   state/running            restarts (run marker, flock)      restarts (unclean end)
//   state/staff-pin          staff PIN (saveStoredPin)         staff PIN gate
//   state/staff-pin-lockout  PinGate (persistTo)               PinGate
//   staff-volume             staff panel (the app's session)   the app at start
//   analytics.db             AnalyticsStore (SQLite)           `report`, staff panel
//
// Writers of the bundle store (blobs, bundles, slots, tmp, highest/bad/pending/verified) hold
// the StoreLock; the others are each written by one component only.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace zj {

inline constexpr const char* kDefaultDataDir = "/var/lib/zjmap-kiosk";

class DataDir {
  public:
    // The four directories ensureLayout() creates, in that order.
    static constexpr const char* kSubdirs[] = {"blobs", "bundles", "state", "tmp"};
    static constexpr const char* kCurrent = "current"; // slot names (symlinks at the root)
    static constexpr const char* kPrevious = "previous";
    static constexpr const char* kRunMarkerName = "running"; // in state/ (removed by name)

    explicit DataDir(std::filesystem::path root) : root_(std::move(root)) {}
    const std::filesystem::path& root() const { return root_; }

    std::filesystem::path blobs() const { return root_ / "blobs"; }
    std::filesystem::path blob(std::string_view sha256) const;
    std::filesystem::path bundles() const { return root_ / "bundles"; }
    std::filesystem::path bundle(uint64_t version) const;
    std::filesystem::path slot(std::string_view name) const { return root_ / name; }
    std::filesystem::path tmp() const { return root_ / "tmp"; }
    std::filesystem::path part(std::string_view sha256) const;
    std::filesystem::path state() const { return root_ / "state"; }

    std::filesystem::path highestVersion() const { return state() / "highest-version"; }
    std::filesystem::path badVersions() const { return state() / "bad-versions"; }
    std::filesystem::path pendingCheck() const { return state() / "pending-check"; }
    std::filesystem::path verifiedBlobs() const { return state() / "verified-blobs"; }
    std::filesystem::path syncLock() const { return state() / "sync.lock"; }
    std::filesystem::path timeFloor() const { return state() / "time-floor"; }
    // One per source, named by a hash of the manifest URL: switching sources never reuses one.
    std::filesystem::path etag(std::string_view manifestUrl) const;
    std::filesystem::path lastSync() const { return state() / "last-sync.json"; }
    std::filesystem::path publisherKey() const { return state() / "publisher-key"; }
    std::filesystem::path rootList() const { return state() / "root.json"; }
    std::filesystem::path rootListSignature() const { return state() / "root.json.sig"; }
    std::filesystem::path restarts() const { return state() / "restarts"; }
    std::filesystem::path runMarker() const { return state() / kRunMarkerName; }
    std::filesystem::path staffPin() const { return state() / "staff-pin"; }
    std::filesystem::path staffPinLockout() const { return state() / "staff-pin-lockout"; }
    std::filesystem::path staffVolume() const { return root_ / "staff-volume"; }
    std::filesystem::path analyticsDb() const { return root_ / "analytics.db"; }

    // Creates the directory and kSubdirs when missing; see ensureStoreLayout.
    bool ensureLayout(std::string& err) const;

  private:
    std::filesystem::path root_;
};

// Creates blobs/, bundles/, state/ and tmp/ when missing. The data directory (which may itself
// be an operator's symlink) and those four must be real directories owned by the effective
// user; root is refused on a store another user owns. `err` names the path.
bool ensureStoreLayout(const std::filesystem::path& dataDir, std::string& err);

// An exclusive lock on state/sync.lock (released by the kernel if the holder is killed): one
// writer at a time, whether the app's sync thread, its start-up recovery or a `sync --once`.
class StoreLock {
  public:
    StoreLock() = default;
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;
    ~StoreLock();
    bool tryAcquire(const std::filesystem::path& dataDir, std::string& err); // never waits
    bool held() const { return fd_ >= 0; }

  private:
    int fd_ = -1;
};

} // namespace zj
