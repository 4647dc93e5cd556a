// Where a sync cycle reads from: an HTTP(S) server (http_source.cpp, libcurl) or a directory,
// e.g. a USB stick (dir_source.cpp). Both give the cycle the same two operations, a small file
// (manifest, signature, root list) and a blob streamed into the store, under the same rules:
// capped at the size allowed or declared, regular files only, nothing outside the source.
#pragma once
#include "core/bundle/manifest.hpp"
#include "core/sync/sync_client.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace zj {

using SteadyTime = std::chrono::steady_clock::time_point;

// The outcome of one step of a cycle. Refused = do not install, Failed = try again later; both
// leave `current` alone. Updated with an empty reason is "go on"; a step that ends the cycle
// successfully returns UpToDate, or Updated with what it did.
struct Step {
    SyncStatus status = SyncStatus::Updated;
    std::string reason;
    bool ok() const { return status == SyncStatus::Updated; }
    static Step fail(std::string why);
    static Step refuse(std::string why);
};

// Newlines become spaces: every reason is one log line.
std::string oneLine(std::string text);
// "512 bytes", "3.4 kB", "12.0 MB".
std::string humanBytes(uint64_t bytes);

class Source {
  public:
    virtual ~Source() = default;
    virtual bool isHttp() const = 0;  // conditional GETs (ETags) only make sense over HTTP
    virtual bool reached() const = 0; // a server answered (any HTTP status) or the dir was read
    virtual uint64_t bytesDownloaded() const = 0;
    virtual std::string where(const std::string& rel) const = 0; // URL or path, for messages

    // Reads a small file (manifest, signature, root list) of at most `maxBytes`. `etagIn` set:
    // a conditional GET, and notModified is set on HTTP 304. etagOut: the response's ETag.
    virtual Step fetchSmall(const std::string& rel, uint64_t maxBytes, const std::string& etagIn,
                            std::string& body, std::string& etagOut, bool& notModified) = 0;

    // Brings blobs/<sha256> of `file` into the store (verified; a download resumes a .part
    // left by an earlier cycle).
    virtual Step fetchBlob(const ManifestFile& file) = 0;
};

// http:// or https:// -> HTTP; file:///path or an absolute /path -> directory. nullptr for
// anything else (a relative path, another scheme). `options` and `deadline` must outlive it.
std::unique_ptr<Source> openSource(const std::string& url, const SyncOptions& options,
                                   SteadyTime deadline);

std::unique_ptr<Source> makeHttpSource(std::string baseUrl, const SyncOptions& options,
                                       SteadyTime deadline);
std::unique_ptr<Source> makeDirSource(std::filesystem::path dir, const SyncOptions& options);

} // namespace zj
