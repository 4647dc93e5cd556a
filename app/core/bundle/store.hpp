// The kiosk's bundle store in its data directory: blobs/, bundles/<version>/, the current and
// previous symlinks, tmp/ and the store's state files (data_dir.hpp lists every file).
// The pieces are separate so that sync can reuse them: check installable -> add missing blobs ->
// commit version -> switch current -> self-check (self_check.hpp) -> raise highest; after a
// failed self-check: mark bad + roll back. A kill between any two file operations leaves a
// state that recoverStore() (self_check.hpp) finishes or undoes.
// Single writer: mutate only while holding the StoreLock.
#pragma once
#include "core/bundle/bundle.hpp"
#include "core/bundle/data_dir.hpp"
#include "core/bundle/verified_blobs.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace zj {

// A version as the store writes it: strict decimal, no sign, spaces or leading zeros (so "007"
// cannot alias "7"), within uint64.
bool parseVersion(std::string_view text, uint64_t& out);

// Removes tmp/ entries other than `keepParts` (names of .part files still to be resumed), under
// a directory fd: a symlinked tmp/ is refused (nothing outside the store is touched), a symlink
// inside tmp/ is removed itself.
bool cleanStoreTmp(const std::filesystem::path& dataDir, const std::set<std::string>& keepParts,
                   std::string& err);

// ---- Blobs -------------------------------------------------------------------------------------

std::filesystem::path blobPath(const std::filesystem::path& dataDir, std::string_view sha256);

// Present as a regular file with the declared size (says nothing about its bytes).
bool hasBlob(const std::filesystem::path& dataDir, const ManifestFile& file);

// Deletes a damaged blob so that the next sync fetches it again.
void removeBlob(const std::filesystem::path& dataDir, std::string_view sha256);

// Copies `source` into blobs/<sha256> (tmp file + fsync + rename), hashing while copying;
// refuses (and leaves nothing) when the content does not match `expected`.
bool addBlobFromFile(const std::filesystem::path& dataDir, const ManifestFile& expected,
                     const std::filesystem::path& source, std::string& err);

// Streams one blob into the store, e.g. from a libcurl write callback:
//   BlobWriter w; w.open(dataDir, file, /*resume=*/true, err);  // Range: bytes=w.bytesWritten()-
//   w.write(data, n) ... ; w.commit(err);
// Data goes to tmp/<sha256>.part; write() refuses to exceed the declared size (endless-data
// attack); commit() checks size + SHA-256, fsyncs and renames into blobs/. Destroying an
// uncommitted writer keeps the .part file for a later resume; abort() deletes it.
class BlobWriter {
  public:
    BlobWriter() = default;
    BlobWriter(const BlobWriter&) = delete;
    BlobWriter& operator=(const BlobWriter&) = delete;
    ~BlobWriter();

    // resume=true: keep an existing .part file, hash it and continue after its last byte.
    bool open(const std::filesystem::path& dataDir, const ManifestFile& expected, bool resume,
              std::string& err);
    bool write(const void* data, size_t size, std::string& err);
    bool commit(std::string& err);
    void abort();
    uint64_t bytesWritten() const { return written_; } // resume offset for an HTTP Range request

  private:
    int fd_ = -1;
    uint64_t written_ = 0;
    ManifestFile expected_;
    std::filesystem::path dataDir_, partPath_;
    std::optional<crypto::Sha256> hash_;
};

// ---- Versions and state ------------------------------------------------------------------------

// Highest version ever installed; 0 when none. False only when the state file is unreadable or
// corrupt (then refuse to install: silently treating it as 0 would re-open rollback attacks).
bool readHighestVersion(const std::filesystem::path& dataDir, uint64_t& out, std::string& err);
bool writeHighestVersion(const std::filesystem::path& dataDir, uint64_t version, std::string& err);
// Raises state/highest-version to `version` (never lowers it).
bool raiseHighestVersion(const std::filesystem::path& dataDir, uint64_t version, std::string& err);
std::set<uint64_t> readBadVersions(const std::filesystem::path& dataDir);
bool markVersionBad(const std::filesystem::path& dataDir, uint64_t version, std::string& err);

// True when `version` may be installed: greater than the highest ever installed and than
// current (which may still await its self-check), and not marked bad.
bool checkInstallable(const std::filesystem::path& dataDir, uint64_t version, std::string& err);

// The version a slot ("current" / "previous") points to, or nullopt when absent/invalid.
std::optional<uint64_t> slotVersion(const std::filesystem::path& dataDir, std::string_view slot);

// Writes bundles/<version>/manifest.json + .sig (tmp dir + fsync + rename). The caller has
// verified the signature and that every blob is present.
bool commitVersion(const std::filesystem::path& dataDir, uint64_t version,
                   std::string_view manifestJson, std::string_view signatureText, std::string& err);

// current -> bundles/<version> atomically (current.new + rename); the old current becomes
// previous. The highest version is raised only once the new current passed its self-check.
bool switchCurrent(const std::filesystem::path& dataDir, uint64_t version, std::string& err);

// After a failed self-check: marks current's version bad and renames previous over current
// (one atomic step; previous is then absent). With no previous, current is still marked bad
// (startup then falls back to the demo bundle) and it returns false: nothing to roll back to.
bool markBadAndRollBack(const std::filesystem::path& dataDir, std::string& err);

// ---- High level --------------------------------------------------------------------------------

// Verifies a packed bundle fully, refuses versions <= highest installed or marked bad, copies
// missing blobs, commits the version and switches current to it.
bool installFromPackedBundle(const std::filesystem::path& dataDir,
                             const std::filesystem::path& packedDir,
                             const crypto::PublicKey& publisher, std::string& err,
                             uint64_t* installedVersion = nullptr);

// What the kiosk shows at startup: current, else previous, else the packed demo bundle at
// `demoDir`, each with every blob's hash checked (VerifyLevel::Full; store blobs that
// `verified` vouches for are not hashed again). Appends one line per refusal
// ("bundle 7 refused: blobs/ab12...: sha256 mismatch (media/photos/x.jpg)") and one "using ..."
// line. Versions marked bad are refused. Never throws; nullopt when nothing usable exists.
std::optional<Bundle> selectStartupBundle(const std::filesystem::path& dataDir,
                                          const std::filesystem::path& demoDir,
                                          const crypto::PublicKey& publisher,
                                          std::vector<std::string>& log,
                                          VerifiedBlobs* verified = nullptr);

// Bytes of all regular files under dataDir (symlinks not followed).
uint64_t storeSize(const std::filesystem::path& dataDir);

struct GarbageReport {
    size_t removedBlobs = 0;   // blobs no kept manifest references
    size_t removedBundles = 0; // bundles/<v> dirs other than current, previous and alsoKeep
    uint64_t freedBytes = 0;
    std::string error; // non-empty when GC stopped early (then it removed nothing unsafe)
};

// Removes blobs not referenced by current or previous (or `alsoKeep`, e.g. the bundle still on
// screen) and every other bundle dir. Does nothing when no kept manifest can be read, so a
// damaged store is never emptied. Call from the sync thread, not during an install.
GarbageReport collectGarbage(const std::filesystem::path& dataDir,
                             const std::vector<uint64_t>& alsoKeep = {});

} // namespace zj
