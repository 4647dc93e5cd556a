// Which blobs were hashed, and whether their file has changed since: a blob whose file still has
// the inode, size, mtime and ctime it had when its SHA-256 was checked need not be hashed again
// at the next start. Any write, truncate, rename or utime changes ctime (the kernel sets it; no
// user call can set it back), so an edited blob is always hashed again. Bit rot changes no
// stamp: the sync therefore re-hashes every blob it reuses and the self-check every blob of a
// new version (`trustStamps = false`).
// Kept in state/verified-blobs: "<sha256> <dev> <ino> <size> <mtime ns> <ctime ns> <path>" per
// line, for the store's blobs and the demo bundle's alike (keyed by the blob's path).
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace zj {

struct FileStamp {
    uint64_t dev = 0, ino = 0, size = 0;
    int64_t mtimeNs = 0, ctimeNs = 0;
    bool operator==(const FileStamp&) const = default;
};

// Stamp of a regular file (not following a symlink); false when it is not one.
bool stampOf(const std::filesystem::path& file, FileStamp& out);

class VerifiedBlobs {
  public:
    explicit VerifiedBlobs(bool trustStamps = true) : trustStamps_(trustStamps) {}

    bool load(const std::filesystem::path& dataDir); // false when absent or unreadable (empty)
    bool save(const std::filesystem::path& dataDir, std::string& err); // drops changed files

    // True when `blob` was hashed to `sha256` and is unchanged since (and stamps are trusted).
    bool known(const std::string& sha256, const std::filesystem::path& blob) const;
    // After hashing `blob` correctly: `before` is its stamp taken before the hash was computed;
    // nothing is recorded when the file changed meanwhile.
    void record(const std::string& sha256, const std::filesystem::path& blob,
                const FileStamp& before);
    void forget(const std::filesystem::path& blob);
    void setTrustStamps(bool trust) { trustStamps_ = trust; } // false: hash every blob again
    bool changed() const { return changed_; }
    size_t size() const { return entries_.size(); }

  private:
    struct Entry {
        std::string sha256;
        FileStamp stamp; // when its hash was checked
    };
    std::map<std::string, Entry> entries_; // by blob path
    bool trustStamps_;
    bool changed_ = false;
};

} // namespace zj
