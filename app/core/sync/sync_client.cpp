// One sync cycle (see sync_client.hpp). Every refusal leaves `current` untouched; every failure
// leaves at most a tmp/<sha>.part that a later cycle resumes (or deletes when it is garbage).
// [SECTION] Small helpers (state files, lock, time floor)
// [SECTION] HTTP transfers (libcurl easy API)
// [SECTION] Sources: fetch a small file, fetch a blob
// [SECTION] The cycle
// [SECTION] Last sync status
#include "core/sync/sync_client.hpp"
#include "core/bundle/bundle.hpp"
#include "core/bundle/file_util.hpp"
#include "core/bundle/manifest.hpp"
#include "core/bundle/root_list.hpp"
#include "core/bundle/self_check.hpp"
#include "core/bundle/store.hpp"
#include "core/bundle/verified_blobs.hpp"
#include "core/failpoint.hpp"
#include "core/sync/config.hpp"
#include "core/sync/redact.hpp"
#include "core/version.hpp"

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <mutex>
#include <set>
#include <sys/statvfs.h>
#include <unistd.h>

namespace zj {

namespace fs = std::filesystem;
using SteadyTime = std::chrono::steady_clock::time_point;

const char* syncStatusName(SyncStatus status) {
    switch (status) {
        case SyncStatus::UpToDate:
            return "up-to-date";
        case SyncStatus::Updated:
            return "updated";
        case SyncStatus::Refused:
            return "refused";
        case SyncStatus::Failed:
            return "failed";
    }
    return "failed";
}

//-----------------------------------------------------------------------------
// [SECTION] Small helpers (state files, lock, time floor)
//-----------------------------------------------------------------------------

namespace {

constexpr uint64_t kMaxManifestBytes = uint64_t(16) << 20; // a manifest of ~100k files
constexpr uint64_t kMaxSignatureBytes = 1024;

fs::path stateFile(const fs::path& dataDir, const std::string& name) {
    return dataDir / "state" / name;
}

// state/etag-<hash of the URL>: one per source, so switching sources never reuses an ETag.
fs::path etagFile(const fs::path& dataDir, const std::string& manifestUrl) {
    return stateFile(dataDir, "etag-" + crypto::sha256Hex(manifestUrl).substr(0, 16));
}

std::optional<int64_t> readInteger(const fs::path& file) {
    std::string text, err;
    if (!fileutil::readFile(file, text, err, 64)) return std::nullopt;
    try {
        size_t used = 0;
        long long v = std::stoll(text, &used);
        return int64_t(v);
    } catch (...) {
        return std::nullopt;
    }
}

std::string humanBytes(uint64_t bytes) {
    char buf[64];
    if (bytes >= (uint64_t(1) << 20))
        std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / double(1 << 20));
    else if (bytes >= 1024)
        std::snprintf(buf, sizeof buf, "%.1f kB", double(bytes) / 1024.0);
    else
        std::snprintf(buf, sizeof buf, "%llu bytes", (unsigned long long)bytes);
    return buf;
}

std::string oneLine(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}

//-----------------------------------------------------------------------------
// [SECTION] HTTP transfers (libcurl easy API)
//-----------------------------------------------------------------------------

void curlGlobalInit() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// One GET. The sink receives the body; returning false aborts the transfer (sinkError says why).
struct HttpRequest {
    std::string url;
    uint64_t maxBytes = 0;   // body cap (CURLOPT_MAXFILESIZE_LARGE + the sink)
    uint64_t resumeFrom = 0; // > 0: Range request from this offset
    std::string ifNoneMatch; // ETag of the copy we have
    std::string caFile;      // https: CA bundle to trust instead of the system's ("" = system)
    std::function<bool(const char*, size_t)> sink;
};

struct HttpResponse {
    CURLcode rc = CURLE_OK;
    long code = 0;         // HTTP status of the final response
    std::string etag;      // ETag header of the final response
    uint64_t received = 0; // body bytes passed to the sink
    bool sinkRefused = false;
    std::string redirectRefused; // a redirect to another origin, aborted: its target
    std::string error;           // curl's message when rc != CURLE_OK
};

struct TransferContext {
    HttpRequest* request;
    HttpResponse* response;
    const std::atomic<bool>* stop;
    SteadyTime deadline;
    long status = 0; // of the response whose headers are arriving
};

// scheme, host (lower case) and port (the scheme's default when absent) of an absolute URL;
// `base` set: `url` may be relative to it (a Location header).
bool originOf(const std::string& url, std::string& origin, std::string* absolute = nullptr,
              const std::string& base = {}) {
    CURLU* u = curl_url();
    if (!u) return false;
    bool ok = (base.empty() || curl_url_set(u, CURLUPART_URL, base.c_str(), 0) == CURLUE_OK) &&
              curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK;
    char *scheme = nullptr, *host = nullptr, *port = nullptr, *full = nullptr;
    ok = ok && curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
         curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
         curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK &&
         curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK;
    if (ok) {
        std::string h = host;
        for (char& c : h) c = char(std::tolower((unsigned char)c));
        origin = std::string(scheme) + "://" + h + ":" + port;
        if (absolute) *absolute = full;
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_free(full);
    curl_url_cleanup(u);
    return ok;
}

size_t onBody(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<TransferContext*>(user);
    size_t n = size * count;
    if (!t->request->sink(data, n)) {
        t->response->sinkRefused = true;
        return 0; // CURLE_WRITE_ERROR: stops the transfer at once
    }
    t->response->received += n;
    return n;
}

size_t onHeader(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<TransferContext*>(user);
    size_t n = size * count;
    std::string_view line(data, n);
    if (line.rfind("HTTP/", 0) == 0) { // a new response (after a redirect)
        t->response->etag.clear();
        size_t sp = line.find(' ');
        t->status = sp == std::string_view::npos
                        ? 0
                        : std::atol(std::string(line.substr(sp + 1, 3)).c_str());
    }
    // A redirect is followed only within the source's origin (scheme, host, port): a mirror
    // or a compromised server must not send the kiosk to another host, or from https to
    // plain http where anyone on the path could answer. Returning 0 aborts the transfer.
    if (t->status >= 300 && t->status < 400 && line.size() > 9 &&
        strncasecmp(line.data(), "location:", 9) == 0) {
        std::string_view v = line.substr(9);
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
        while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' '))
            v.remove_suffix(1);
        std::string from, to, target;
        const std::string& url = t->request->url;
        if (!originOf(url, from) || !originOf(std::string(v), to, &target, url) || from != to) {
            t->response->redirectRefused = target.empty() ? std::string(v) : target;
            return 0;
        }
    }
    if (line.size() > 5 && strncasecmp(line.data(), "etag:", 5) == 0) {
        std::string_view v = line.substr(5);
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
        while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' '))
            v.remove_suffix(1);
        if (v.size() < 256) t->response->etag = std::string(v);
    }
    return n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* t = static_cast<TransferContext*>(user);
    if (t->stop && t->stop->load()) return 1;                      // stop(): abort now
    if (std::chrono::steady_clock::now() >= t->deadline) return 1; // cycle deadline
    return 0;
}

class CurlHandle {
  public:
    CurlHandle() {
        curlGlobalInit();
        handle_ = curl_easy_init();
    }
    ~CurlHandle() {
        if (handle_) curl_easy_cleanup(handle_);
    }
    CurlHandle(const CurlHandle&) = delete;
    CurlHandle& operator=(const CurlHandle&) = delete;
    CURL* get() const { return handle_; }

  private:
    CURL* handle_ = nullptr;
};

HttpResponse httpGet(CurlHandle& curl, HttpRequest& request, const SyncLimits& limits,
                     const std::atomic<bool>* stop, SteadyTime deadline) {
    HttpResponse response;
    CURL* h = curl.get();
    if (!h) {
        response.rc = CURLE_FAILED_INIT;
        response.error = "cannot initialise libcurl";
        return response;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
        response.rc = CURLE_OPERATION_TIMEDOUT;
        response.error = "cycle deadline of " + std::to_string(limits.totalTimeoutS) + " s reached";
        return response;
    }
    TransferContext ctx{&request, &response, stop, deadline};
    char errbuf[CURL_ERROR_SIZE] = {0};
    curl_easy_reset(h); // keeps the connection cache: blobs reuse the manifest's connection
    curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    // A bureau's own CA ([sync] ca_file); otherwise the system's (curl_easy_reset restored it).
    if (!request.caFile.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, request.caFile.c_str());
    // Never file:// or others; from https only https (onHeader also checks the origin).
    const bool https = request.url.rfind("https://", 0) == 0;
    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, https ? "https" : "http,https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);    // we run on a worker thread
    curl_easy_setopt(h, CURLOPT_FAILONERROR, 1L); // 4xx/5xx bodies never reach a sink
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, long(limits.connectTimeoutS));
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, long(limits.lowSpeedBytesPerS));
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, long(limits.lowSpeedTimeS));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(left));
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxBytes));
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    std::string agent = std::string("zjmap-kiosk/") + versionString();
    curl_easy_setopt(h, CURLOPT_USERAGENT, agent.c_str());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &ctx);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &ctx);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, &ctx);
    if (request.resumeFrom > 0)
        curl_easy_setopt(h, CURLOPT_RESUME_FROM_LARGE, curl_off_t(request.resumeFrom));
    struct curl_slist* headers = nullptr;
    std::string inm = "If-None-Match: " + request.ifNoneMatch;
    if (!request.ifNoneMatch.empty()) {
        headers = curl_slist_append(headers, inm.c_str());
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    }
    response.rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response.code);
    if (response.rc != CURLE_OK)
        response.error = errbuf[0] ? std::string(errbuf) : curl_easy_strerror(response.rc);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
    curl_slist_free_all(headers);
    return response;
}

//-----------------------------------------------------------------------------
// [SECTION] Sources: fetch a small file, fetch a blob
//-----------------------------------------------------------------------------

// Where an outcome came from decides how the service reacts: Refused = do not install, Failed =
// try again later. Both leave `current` alone.
struct Step {
    SyncStatus status = SyncStatus::Updated; // Updated = "go on"
    std::string reason;
    bool ok() const { return status == SyncStatus::Updated; }
    static Step fail(std::string why) { return {SyncStatus::Failed, oneLine(std::move(why))}; }
    static Step refuse(std::string why) { return {SyncStatus::Refused, oneLine(std::move(why))}; }
};

class Source {
  public:
    Source(const std::string& url, const SyncOptions& options, SteadyTime deadline)
        : options_(options), deadline_(deadline) {
        std::string base = url;
        while (base.size() > 1 && base.back() == '/') base.pop_back();
        if (base.rfind("http://", 0) == 0 || base.rfind("https://", 0) == 0) {
            http_ = true;
            base_ = base;
        } else if (base.rfind("file://", 0) == 0) {
            dir_ = base.substr(7); // file:///media/usb -> /media/usb (no host part supported)
        } else {
            dir_ = base;
        }
    }

    bool isHttp() const { return http_; }
    bool reached() const { return reached_; } // a server answered (any HTTP status) or the dir read
    std::string where(const std::string& rel) const {
        return http_ ? base_ + "/" + rel : (dir_ / rel).string();
    }
    bool validLocal() const { return http_ || (dir_.is_absolute()); }
    uint64_t bytesDownloaded() const { return bytes_; }

    // Reads a small file (manifest, signature). notModified is set on HTTP 304.
    Step fetchSmall(const std::string& rel, uint64_t maxBytes, const std::string& etagIn,
                    std::string& body, std::string& etagOut, bool& notModified) {
        notModified = false;
        body.clear();
        if (!http_) {
            // Regular files only: a FIFO named manifest.json on a stick would block a plain
            // open() for ever; a symlink could read any file of this machine.
            std::string err;
            if (!fileutil::readRegularFile(dir_ / rel, body, err, maxBytes)) return Step::fail(err);
            reached_ = true;
            bytes_ += body.size();
            return {};
        }
        HttpRequest req;
        req.caFile = options_.caFile.string();
        req.url = where(rel);
        req.maxBytes = maxBytes;
        req.ifNoneMatch = etagIn;
        bool tooBig = false;
        req.sink = [&](const char* data, size_t n) {
            if (n > maxBytes - body.size()) return !(tooBig = true);
            body.append(data, n);
            return true;
        };
        HttpResponse res = httpGet(curl_, req, options_.limits, options_.stop, deadline_);
        if (res.code > 0) reached_ = true;
        bytes_ += res.received;
        if (!res.redirectRefused.empty()) return redirectRefusal(req.url, res);
        if (tooBig || res.rc == CURLE_FILESIZE_EXCEEDED)
            return Step::refuse(req.url + ": larger than the " + humanBytes(maxBytes) + " allowed");
        if (res.rc != CURLE_OK) return transportFailure(req.url, res);
        if (res.code == 304 && !etagIn.empty()) {
            notModified = true;
            return {};
        }
        if (res.code != 200)
            return Step::fail(req.url + ": unexpected HTTP status " + std::to_string(res.code));
        etagOut = res.etag;
        return {};
    }

    // Downloads one blob into the store (resuming a .part left by an earlier cycle).
    Step fetchBlob(const ManifestFile& file) {
        if (!http_) return copyLocalBlob(file);
        for (int attempt = 0; attempt < 2; ++attempt) {
            bool fresh = attempt > 0; // second attempt: ignore any .part, start from byte 0
            Step step = fetchBlobOnce(file, fresh);
            if (step.ok() || step.status == SyncStatus::Refused || !retryFresh_) return step;
        }
        return Step::fail(where("blobs/" + file.sha256) + ": could not resume or restart");
    }

  private:
    static Step redirectRefusal(const std::string& url, const HttpResponse& res) {
        return Step::refuse(url + ": redirected to " + res.redirectRefused +
                            ", another origin: refused (sync follows redirects only to the same "
                            "scheme, host and port)");
    }

    Step transportFailure(const std::string& url, const HttpResponse& res) {
        if (res.rc == CURLE_ABORTED_BY_CALLBACK) {
            if (options_.stop && options_.stop->load()) return Step::fail(url + ": stopped");
            return Step::fail(url + ": cycle deadline of " +
                              std::to_string(options_.limits.totalTimeoutS) + " s reached");
        }
        if (res.rc == CURLE_HTTP_RETURNED_ERROR)
            return Step::fail(url + ": HTTP " + std::to_string(res.code));
        if (res.rc == CURLE_OPERATION_TIMEDOUT)
            return Step::fail(url + ": timed out (" + res.error + ")");
        return Step::fail(url + ": " + res.error);
    }

    Step fetchBlobOnce(const ManifestFile& file, bool fresh) {
        retryFresh_ = false;
        std::string url = where("blobs/" + file.sha256);
        std::string err;
        BlobWriter writer;
        if (!writer.open(options_.dataDir, file, /*resume=*/!fresh, err))
            return Step::fail("store: " + err);
        uint64_t offset = writer.bytesWritten();
        if (offset == file.size) { // a complete .part from a killed run: just verify it
            if (writer.commit(err)) return {};
            retryFresh_ = true; // commit() deleted the bad .part
            return Step::fail(err);
        }
        HttpRequest req;
        req.caFile = options_.caFile.string();
        req.url = url;
        req.maxBytes = file.size;
        req.resumeFrom = offset;
        bool oversize = false;
        std::string writeErr;
        req.sink = [&](const char* data, size_t n) {
            if (n > file.size - writer.bytesWritten()) return !(oversize = true);
            return writer.write(data, n, writeErr);
        };
        HttpResponse res = httpGet(curl_, req, options_.limits, options_.stop, deadline_);
        if (res.code > 0) reached_ = true;
        bytes_ += res.received;
        if (!res.redirectRefused.empty()) return redirectRefusal(url, res); // .part kept
        if (oversize || res.rc == CURLE_FILESIZE_EXCEEDED) {
            writer.abort();
            return Step::refuse(url + ": more data than the declared " + std::to_string(file.size) +
                                " bytes (" + file.name + ")");
        }
        if (res.sinkRefused) { // a local write error (disk full, I/O): leave nothing behind
            writer.abort();
            return Step::fail("store: " + writeErr);
        }
        if (offset > 0 && (res.rc == CURLE_RANGE_ERROR ||
                           (res.rc == CURLE_HTTP_RETURNED_ERROR && res.code == 416))) {
            retryFresh_ = true; // the server ignored or refused our Range: start over
            return Step::fail(url + ": resume refused by the server");
        }
        if (res.rc != CURLE_OK) return transportFailure(url, res); // the .part stays for resume
        if (res.code != 200 && res.code != 206) {
            writer.abort();
            return Step::fail(url + ": unexpected HTTP status " + std::to_string(res.code));
        }
        if (!writer.commit(err)) return Step::refuse(url + ": " + err); // short or wrong bytes
        return {};
    }

    Step copyLocalBlob(const ManifestFile& file) {
        fs::path src = dir_ / "blobs" / file.sha256;
        std::error_code ec;
        fs::file_status st = fs::symlink_status(src, ec);
        if (!fs::exists(st)) return Step::fail(src.string() + ": missing");
        if (options_.stop && options_.stop->load()) return Step::fail(src.string() + ": stopped");
        std::string err;
        // addBlobFromFile opens it as a regular file only (no FIFO, device or symlink).
        if (!addBlobFromFile(options_.dataDir, file, src, err)) return Step::refuse(err);
        bytes_ += file.size;
        return {};
    }

    const SyncOptions& options_;
    SteadyTime deadline_;
    bool http_ = false;
    bool reached_ = false;
    std::string base_;
    fs::path dir_;
    CurlHandle curl_;
    uint64_t bytes_ = 0;
    bool retryFresh_ = false;
};

} // namespace

//-----------------------------------------------------------------------------
// [SECTION] The cycle
//-----------------------------------------------------------------------------

namespace {

// Which blobs of `manifest` must be fetched: absent ones, and present ones whose bytes no longer
// hash right (rot, an edit, a kill mid-write of an older kiosk), which are deleted first: a
// damaged local copy is fetched again, never blamed on the version that reuses it.
std::vector<ManifestFile> blobsToFetch(const fs::path& dataDir, const Manifest& manifest,
                                       VerifiedBlobs& verified, size_t& damaged, uint64_t& bytes) {
    std::vector<ManifestFile> missing;
    std::set<std::string> seen;
    damaged = 0;
    bytes = 0;
    for (const ManifestFile& f : manifest.files) {
        if (!seen.insert(f.sha256).second) continue;
        if (hasBlob(dataDir, f)) {
            fs::path blob = blobPath(dataDir, f.sha256);
            FileStamp before;
            stampOf(blob, before);
            std::string hex, err;
            if (crypto::sha256File(blob, hex, nullptr, err) && hex == f.sha256) {
                verified.record(f.sha256, blob, before);
                continue;
            }
            verified.forget(blob);
            removeBlob(dataDir, f.sha256);
            damaged++;
        }
        missing.push_back(f);
        bytes += f.size;
    }
    return missing;
}

// The self-check after a switch (or a repair) decides what the new current is worth.
Step checkSwitched(const SyncOptions& o, uint64_t version, VerifiedBlobs& verified) {
    const std::string name = "bundle " + std::to_string(version);
    verified.setTrustStamps(false); // every blob hashed: rot since an earlier check shows here
    CheckResult check = checkStoredBundle(o.dataDir, version, o.publicKey, verified);
    verified.setTrustStamps(true);
    failpoint("sync.self-check-ended");
    std::string err;
    switch (check.verdict) {
        case CheckVerdict::Passed:
            if (!confirmChecked(o.dataDir, version, err)) return Step::fail(err);
            if (verified.changed()) verified.save(o.dataDir, err); // only a cache: errors ignored
            return {};
        case CheckVerdict::BundleBad: {
            bool rolledBack = markBadAndRollBack(o.dataDir, err);
            clearPendingCheck(o.dataDir);
            std::optional<uint64_t> now = slotVersion(o.dataDir, "current");
            return Step::refuse(name + " failed its self-check (" + check.reason + "); " +
                                (rolledBack
                                     ? "rolled back to bundle " + std::to_string(now.value_or(0))
                                     : "no previous bundle to roll back to: " + err) +
                                "; version marked bad");
        }
        case CheckVerdict::LocalDamage:
            for (const ManifestFile& f : check.damaged) {
                verified.forget(blobPath(o.dataDir, f.sha256));
                removeBlob(o.dataDir, f.sha256);
            }
            return Step::fail(name + ": damaged here after download (" + check.reason + "); " +
                              std::to_string(check.damaged.size()) +
                              " file(s) deleted, fetched again at the next sync");
        case CheckVerdict::Untrusted:
            break;
    }
    return Step::fail(name + ": self-check could not run: " + check.reason);
}

SyncResult cycle(const std::string& sourceUrl, const SyncOptions& given) {
    SyncOptions o = given; // root mode picks the publisher key below
    SyncResult r;
    r.source = sourceUrl;
    const Source* reachedBy = nullptr; // set once the source exists
    std::string recovered;             // what recoverStore did, in front of the reason
    // Expiry is judged by the clock, or by the signed time floor when the clock is behind.
    const int64_t wall = o.clock ? o.clock->wallSeconds() : int64_t(std::time(nullptr));
    int64_t now = std::max(wall, readTimeFloor(o.dataDir)); // again after a root list reset it
    auto finish = [&](Step step, uint64_t bytes) {
        r.sourceReached = reachedBy && reachedBy->reached();
        r.bytesDownloaded = bytes;
        r.version = slotVersion(o.dataDir, "current").value_or(0);
        // Stale content is never "up to date": an installed bundle past its signed expiry,
        // with a source that offers nothing newer (or answers 304), is an indefinite freeze.
        std::string json, ignored;
        Manifest installed;
        if (r.version &&
            fileutil::readFile(o.dataDir / "bundles" / std::to_string(r.version) / "manifest.json",
                               json, ignored, kMaxManifestBytes) &&
            parseManifest(json, installed, ignored)) {
            r.currentExpires = installed.expires;
            r.stale = installed.expires <= now;
        }
        if (r.stale) {
            std::string why = "installed bundle " + std::to_string(r.version) +
                              " is stale: expired at " + formatUtc(r.currentExpires) + " (now " +
                              formatUtc(now) + ")";
            if (step.status == SyncStatus::UpToDate)
                step =
                    Step::refuse(why + "; the source offers nothing newer (" + step.reason + ")");
            else if (step.status != SyncStatus::Updated)
                step.reason += "; " + why;
        }
        r.status = step.status;
        r.reason = recovered.empty() ? step.reason : recovered + "; " + step.reason;
        return r;
    };
    // Before anything is touched: the development key's secret is public, so a bundle signed
    // with it proves nothing (the demo bundle may be shown, never installed by sync).
    if (isDevelopmentKey(o.rootKey ? *o.rootKey : o.publicKey) && !o.allowDevelopmentKey)
        return finish(Step::refuse("the publisher key is the development key "
                                   "(content/keys/dev-publisher.pub, whose secret is public): "
                                   "sync refuses it; set the publisher's own key ([sync] "
                                   "public_key), or allow it for development only ([sync] "
                                   "allow_development_key = true, sync --once "
                                   "--allow-development-key)"),
                      0);
    std::string err;
    if (!ensureStoreLayout(o.dataDir, err)) return finish(Step::fail(err), 0);
    StoreLock lock;
    if (!lock.tryAcquire(o.dataDir, err)) return finish(Step::fail(err), 0);
    // Root mode: start from the key the store was installed with, if the kept list trusts it.
    std::optional<RootList> keptRoot;
    auto pickStartKey = [&] {
        if (!keptRoot) return;
        std::optional<crypto::PublicKey> installed = recordedPublisherKey(o.dataDir);
        o.publicKey = installed && keptRoot->trusts(*installed) ? *installed
                                                                : keptRoot->publisherKeys.front();
    };
    if (o.rootKey) {
        std::string rootErr;
        keptRoot = loadKeptRootList(o.dataDir, *o.rootKey, rootErr);
        if (!rootErr.empty()) recovered = oneLine(rootErr);
        pickStartKey();
    }
    VerifiedBlobs verified;
    verified.load(o.dataDir);
    std::vector<std::string> recoveryLog;
    recoverStore(o.dataDir, o.publicKey, verified, recoveryLog);
    for (const std::string& line : recoveryLog)
        recovered += (recovered.empty() ? "" : "; ") + oneLine(line);

    const SteadyTime deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(o.limits.totalTimeoutS);
    Source source(sourceUrl, o, deadline);
    reachedBy = &source;
    if (!source.validLocal())
        return finish(Step::fail(sourceUrl + ": not an http(s):// or file:// URL or an absolute "
                                             "directory"),
                      0);
    if (o.rootKey) {
        // 0. The root list: the source's, if it verifies and is not older than the one kept.
        std::string rootJson, rootSig, ignoredTag;
        bool nm = false;
        Step got = source.fetchSmall("root.json", 1 << 16, "", rootJson, ignoredTag, nm);
        if (got.ok()) {
            got =
                source.fetchSmall("root.json.sig", kMaxSignatureBytes, "", rootSig, ignoredTag, nm);
            if (!got.ok()) return finish(got, source.bytesDownloaded());
            RootList offered;
            const std::string where = source.where("root.json");
            if (!verifyRootList(rootJson, rootSig, *o.rootKey, offered, err))
                return finish(Step::refuse(where + ": " + err), source.bytesDownloaded());
            if (offered.expires <= now)
                return finish(Step::refuse(where + ": version " + std::to_string(offered.version) +
                                           " expired at " + formatUtc(offered.expires) + " (now " +
                                           formatUtc(now) + ")"),
                              source.bytesDownloaded());
            std::string log;
            if (!applyRootList(o.dataDir, offered, rootJson, rootSig, keptRoot, log, err))
                return finish(Step::refuse(where + ": " + err), source.bytesDownloaded());
            if (!log.empty()) recovered += (recovered.empty() ? "" : "; ") + log;
            keptRoot = offered;
            now = std::max(wall, readTimeFloor(o.dataDir));
            pickStartKey();
        } else if (!keptRoot) {
            return finish(Step::refuse(got.reason + " (with [sync] root_key the source must "
                                                    "publish root.json and root.json.sig)"),
                          source.bytesDownloaded());
        }
        if (keptRoot->expires <= now)
            return finish(Step::refuse("the root list (version " +
                                       std::to_string(keptRoot->version) + ") expired at " +
                                       formatUtc(keptRoot->expires) +
                                       ": the publisher must sign a new root.json"),
                          source.bytesDownloaded());
    }
    const std::optional<uint64_t> current = slotVersion(o.dataDir, "current");
    // Whole: checked (no pending self-check) and every blob present with the right hash.
    bool currentWhole = false;
    if (current && !selfCheckPending(o.dataDir)) {
        std::vector<std::string> problems;
        currentWhole =
            openBundle(o.dataDir / "bundles" / std::to_string(*current), o.dataDir / "blobs",
                       o.publicKey, VerifyLevel::Full, problems, nullptr, &verified)
                .has_value();
    }

    // 1. The manifest, conditionally (only while current is whole: a repair needs the bytes).
    const std::string manifestUrl = source.where("manifest.json");
    const fs::path etagPath = etagFile(o.dataDir, manifestUrl);
    std::string storedEtag, newEtag, json, sigText;
    if (currentWhole && source.isHttp()) {
        fileutil::readFile(etagPath, storedEtag, err, 512);
        if (!storedEtag.empty() && storedEtag.back() == '\n') storedEtag.pop_back();
    }
    bool notModified = false;
    Step step = source.fetchSmall("manifest.json", kMaxManifestBytes, storedEtag, json, newEtag,
                                  notModified);
    if (!step.ok()) return finish(step, source.bytesDownloaded());
    if (notModified) {
        // A 304 carries no signature: it only says "what you have". That is worth something
        // only while what we have is valid: If-None-Match is sent only while current is whole
        // (its committed manifest verified with the key just now), and finish() refuses a
        // current whose signed expiry has passed (stale), so a server (or anyone on the path)
        // cannot freeze the kiosk on expired content by answering 304 for ever.
        r.offeredVersion = current.value_or(0);
        return finish({SyncStatus::UpToDate, "not modified since the last check (ETag)"},
                      source.bytesDownloaded());
    }
    std::string ignoredEtag;
    step = source.fetchSmall("manifest.json.sig", kMaxSignatureBytes, "", sigText, ignoredEtag,
                             notModified);
    if (!step.ok()) return finish(step, source.bytesDownloaded());

    // 2. Signature over the exact bytes, then the strict parse.
    std::string_view sigHex = sigText;
    if (!sigHex.empty() && sigHex.back() == '\n') sigHex.remove_suffix(1);
    crypto::Signature sig{};
    if (sigHex.size() != sig.size() * 2 || !crypto::fromHex(sigHex, sig.data(), sig.size()))
        return finish(Step::refuse(source.where("manifest.json.sig") +
                                   ": not a signature (expected 128 hex digits)"),
                      source.bytesDownloaded());
    if (keptRoot) {
        // Any key of the root list; the one that signed becomes the cycle's publisher key.
        bool signedByListed = false;
        for (const crypto::PublicKey& k : keptRoot->publisherKeys)
            if ((!isDevelopmentKey(k) || o.allowDevelopmentKey) && crypto::verify(json, sig, k)) {
                o.publicKey = k;
                signedByListed = true;
                break;
            }
        if (!signedByListed)
            return finish(Step::refuse(manifestUrl +
                                       ": signature does not verify with any publisher key of "
                                       "root list version " +
                                       std::to_string(keptRoot->version)),
                          source.bytesDownloaded());
    } else if (!crypto::verify(json, sig, o.publicKey)) {
        return finish(
            Step::refuse(manifestUrl + ": signature does not verify with the publisher key"),
            source.bytesDownloaded());
    }
    Manifest manifest;
    if (!parseManifest(json, manifest, err))
        return finish(Step::refuse(manifestUrl + ": " + err), source.bytesDownloaded());
    r.offeredVersion = manifest.version;
    const std::string name = "bundle " + std::to_string(manifest.version);

    // Wrong software: a bundle signed for other kiosks (another fair's channel) is not ours.
    if (manifest.channel != o.channel)
        return finish(Step::refuse(name + " refused: signed for channel \"" +
                                   (manifest.channel.empty() ? "(none)" : manifest.channel) +
                                   "\", this kiosk is on \"" +
                                   (o.channel.empty() ? "(none)" : o.channel) +
                                   "\" ([sync] channel)"),
                      source.bytesDownloaded());

    // 3. Freeze: expiry first, so a replayed expired manifest of the installed version is
    //    refused, not "installed" (the time floor is raised only after an install, step 6).
    if (manifest.expires <= now)
        return finish(Step::refuse(name + " refused: expired at " + formatUtc(manifest.expires) +
                                   " (now " + formatUtc(now) + ")"),
                      source.bytesDownloaded());

    auto saveEtag = [&] {
        std::string e;
        if (source.isHttp() && !newEtag.empty()) fileutil::writeFileAtomic(etagPath, newEtag, e);
    };
    const bool repair = current && manifest.version == *current;
    if (repair && currentWhole) {
        saveEtag();
        return finish({SyncStatus::UpToDate, name + " is installed"}, source.bytesDownloaded());
    }
    if (!repair && !checkInstallable(o.dataDir, manifest.version, err))
        return finish(Step::refuse(err), source.bytesDownloaded());
    if (manifest.totalSize() > o.limits.maxBundleBytes)
        return finish(Step::refuse(name + " refused: " + humanBytes(manifest.totalSize()) +
                                   " is over the limit of " + humanBytes(o.limits.maxBundleBytes)),
                      source.bytesDownloaded());

    // 4. Blobs to fetch (absent or damaged here) and the free space they need.
    size_t damaged = 0;
    uint64_t missingBytes = 0;
    std::vector<ManifestFile> missing =
        blobsToFetch(o.dataDir, manifest, verified, damaged, missingBytes);
    struct statvfs vfs {};
    if (::statvfs(o.dataDir.c_str(), &vfs) != 0)
        return finish(Step::fail(o.dataDir.string() + ": statvfs failed: " + std::strerror(errno)),
                      source.bytesDownloaded());
    const uint64_t freeBytes = uint64_t(vfs.f_bavail) * uint64_t(vfs.f_frsize);
    if (freeBytes < missingBytes + o.limits.minFreeBytes)
        return finish(Step::refuse(name + " refused: not enough free space in " +
                                   o.dataDir.string() + ": need " + humanBytes(missingBytes) +
                                   " + " + humanBytes(o.limits.minFreeBytes) + " reserve, have " +
                                   humanBytes(freeBytes)),
                      source.bytesDownloaded());

    // 5. Download (capped, hashed while streaming, resumed).
    for (const ManifestFile& f : missing) {
        step = source.fetchBlob(f);
        if (!step.ok()) return finish(step, source.bytesDownloaded());
        r.blobsFetched++;
    }

    // 6. Commit, check the committed copy, switch atomically (a repair re-commits current's
    //    manifest from the verified bytes and stays on it), self-check.
    if (!commitVersion(o.dataDir, manifest.version, json, sigText, err))
        return finish(Step::fail(err), source.bytesDownloaded());
    std::vector<std::string> problems;
    const fs::path versionDir = o.dataDir / "bundles" / std::to_string(manifest.version);
    if (!openBundle(versionDir, o.dataDir / "blobs", o.publicKey, VerifyLevel::SignatureAndPresence,
                    problems))
        return finish(Step::fail(name + " incomplete after commit: " +
                                 (problems.empty() ? std::string("?") : problems.front())),
                      source.bytesDownloaded());
    const fs::path pending = stateFile(o.dataDir, "pending-check");
    if (!fileutil::writeFileAtomic(pending, std::to_string(manifest.version) + "\n", err) ||
        (!repair && !switchCurrent(o.dataDir, manifest.version, err)))
        return finish(Step::fail(err), source.bytesDownloaded());
    step = checkSwitched(o, manifest.version, verified);
    if (!step.ok()) return finish(step, source.bytesDownloaded());
    // The time floor rises only from a manifest that is installed and passed its self-check: a
    // signed manifest refused for its version or expiry (or one whose content is bad) must not
    // move the floor, or a far-future `created` would make every later bundle "expired".
    if (manifest.created > readTimeFloor(o.dataDir))
        fileutil::writeFileAtomic(stateFile(o.dataDir, "time-floor"),
                                  std::to_string(manifest.created) + "\n", err);
    saveEtag();
    recordPublisherKey(o.dataDir, o.publicKey, err); // a broken config's fallback (config.hpp)

    // 7. Tidy up: stale .part files, blobs no kept bundle references.
    std::string tidyError;
    cleanStoreTmp(o.dataDir, {}, tidyError);
    GarbageReport gc = collectGarbage(o.dataDir, o.keepVersions);
    std::string what = std::string(repair ? "repaired " : "installed ") + name + ": " +
                       std::to_string(r.blobsFetched) + " of " +
                       std::to_string(manifest.files.size()) + " files fetched, " +
                       humanBytes(source.bytesDownloaded());
    if (damaged) what += "; " + std::to_string(damaged) + " damaged local file(s) replaced";
    if (gc.removedBlobs) what += "; removed " + std::to_string(gc.removedBlobs) + " old blobs";
    // Installed all the same; the tidy-up's refusal (a symlinked tmp/, blobs/) is said, not hidden.
    if (!tidyError.empty()) what += "; tmp/ not cleaned: " + oneLine(tidyError);
    if (!gc.error.empty()) what += "; old files not collected: " + oneLine(gc.error);
    return finish({SyncStatus::Updated, what}, source.bytesDownloaded());
}

} // namespace

bool sameOrigin(const std::string& url, const std::string& location) {
    std::string a, b;
    return originOf(url, a) && originOf(location, b) && a == b;
}

int64_t readTimeFloor(const fs::path& dataDir) {
    return readInteger(stateFile(dataDir, "time-floor")).value_or(0);
}

static SyncResult runCycleCaught(const std::string& source, const SyncOptions& options) {
    try {
        return cycle(source, options);
    } catch (const std::exception& e) {
        SyncResult r;
        r.source = source;
        r.reason = source + ": sync failed: " + e.what();
        return r;
    } catch (...) {
        SyncResult r;
        r.source = source;
        r.reason = source + ": sync failed";
        return r;
    }
}

SyncResult runSyncCycle(const std::string& source, const SyncOptions& options) {
    // The one place results leave the cycle: from here on (logs, last-sync.json, the heartbeat,
    // the staff panel) no URL carries its user:password@ or a token parameter.
    SyncResult r = runCycleCaught(source, options);
    r.source = redactUrl(r.source);
    r.reason = redactUrls(r.reason);
    return r;
}

SyncResult runSyncCycleAll(const std::vector<std::string>& sources, const SyncOptions& options) {
    if (sources.empty()) {
        SyncResult r;
        r.reason = "no sync source configured ([sync] sources or --source)";
        return r;
    }
    SyncResult last;
    std::string reasons;
    uint64_t bytes = 0;
    bool reached = false;
    for (const std::string& s : sources) {
        last = runSyncCycle(s, options);
        bytes += last.bytesDownloaded;
        reached = reached || last.sourceReached;
        last.sourceReached = reached;
        if (last.ok()) {
            last.bytesDownloaded = bytes;
            return last;
        }
        reasons += (reasons.empty() ? "" : "; ") + last.reason;
        if (options.stop && options.stop->load()) break;
    }
    if (sources.size() > 1) last.reason = reasons;
    last.bytesDownloaded = bytes;
    return last;
}

//-----------------------------------------------------------------------------
// [SECTION] Last sync status
//-----------------------------------------------------------------------------

LastSync toLastSync(const SyncResult& r, int64_t attemptTime,
                    const std::optional<LastSync>& previous) {
    LastSync l;
    l.lastSuccessTime = r.ok() ? attemptTime : (previous ? previous->lastSuccessTime : 0);
    l.attemptTime = attemptTime;
    l.result = syncStatusName(r.status);
    l.reason = redactUrls(r.reason);
    l.source = redactUrl(r.source);
    l.version = r.version;
    l.bytesDownloaded = r.bytesDownloaded;
    l.blobsFetched = r.blobsFetched;
    l.sourceReached = r.sourceReached;
    l.stale = r.stale;
    return l;
}

bool saveLastSync(const fs::path& dataDir, const LastSync& l, std::string& err) {
    nlohmann::json j = {{"attempt", l.attemptTime}, {"result", l.result},
                        {"reason", l.reason},       {"source", l.source},
                        {"version", l.version},     {"bytes", l.bytesDownloaded},
                        {"blobs", l.blobsFetched},  {"reached", l.sourceReached},
                        {"stale", l.stale},         {"last_success", l.lastSuccessTime}};
    if (!ensureStoreLayout(dataDir, err)) return false;
    return fileutil::writeFileAtomic(stateFile(dataDir, "last-sync.json"), j.dump(2) + "\n", err);
}

std::optional<LastSync> loadLastSync(const fs::path& dataDir) {
    std::string text, err;
    if (!fileutil::readFile(stateFile(dataDir, "last-sync.json"), text, err, 1 << 20))
        return std::nullopt;
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
