// manifest.json: the one signed list of every file in a bundle.
// {"version":N,"created":"2026-11-27T00:00:00Z","expires":"...","files":[{"name","sha256","size"}]}
// and optionally "channel":"lobby" (signed like the rest: which kiosks the bundle is for).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zj {

// The highest version a manifest may carry: UINT64_MAX is refused (nothing could follow it).
inline constexpr uint64_t kMaxManifestVersion = UINT64_MAX - 1;

struct ManifestFile {
    std::string name; // logical name: "content.db", "media/photos/etdz-1.jpg" (plain relative path)
    std::string sha256; // 64 lowercase hex digits: also the blob's file name
    uint64_t size = 0;  // bytes; downloads are capped at this
};

struct Manifest {
    uint64_t version = 0;
    int64_t created = 0; // unix seconds (UTC); a floor for a clock that may be wrong
    int64_t expires = 0; // unix seconds (UTC)
    // The kiosks this bundle is for ("" = none named): sync installs it only where [sync]
    // channel is the same, so a bundle signed for one fair cannot land on another (wrong
    // software). Written only when set, so bundles without one keep their bytes.
    std::string channel;
    std::vector<ManifestFile> files;

    const ManifestFile* find(std::string_view name) const;
    uint64_t totalSize() const;
};

// Canonical bytes (sorted keys, files sorted by name, no whitespace variation): the signed text.
std::string manifestToJson(const Manifest& manifest);

// Strict parser: rejects unknown shapes, bad hashes, unsafe names ("..", absolute, backslash,
// control characters), duplicate names, absurd sizes. `err` says what and where.
bool parseManifest(std::string_view json, Manifest& out, std::string& err);

// A channel name: 1..64 of a-z 0-9 . _ - (shared by the manifest, kiosk.toml and zjmap-pack).
bool isValidChannel(std::string_view name);

std::string formatUtc(int64_t unixSeconds);                 // "2026-11-27T00:00:00Z"
bool parseUtc(std::string_view text, int64_t& unixSeconds); // the same format only

} // namespace zj
