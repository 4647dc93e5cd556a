// The HTTP(S) source (source.hpp), on libcurl's easy API: one handle per cycle (the manifest's
// connection is reused for the blobs), connect and low-speed timeouts and the cycle's deadline,
// a body cap per request, redirects only within the source's origin, Range resume of blobs.
// [SECTION] libcurl transfers
// [SECTION] HttpSource
#include "core/bundle/store.hpp"
#include "core/sync/source.hpp"
#include "core/version.hpp"

#include <curl/curl.h>

#include <atomic>
#include <cstring>
#include <functional>
#include <mutex>
#include <strings.h>

namespace zj {

namespace {

//-----------------------------------------------------------------------------
// [SECTION] libcurl transfers
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
// [SECTION] HttpSource
//-----------------------------------------------------------------------------

class HttpSource final : public Source {
  public:
    HttpSource(std::string base, const SyncOptions& options, SteadyTime deadline)
        : options_(options), deadline_(deadline), base_(std::move(base)) {}

    bool isHttp() const override { return true; }
    bool reached() const override { return reached_; }
    uint64_t bytesDownloaded() const override { return bytes_; }
    std::string where(const std::string& rel) const override { return base_ + "/" + rel; }

    Step fetchSmall(const std::string& rel, uint64_t maxBytes, const std::string& etagIn,
                    std::string& body, std::string& etagOut, bool& notModified) override {
        notModified = false;
        body.clear();
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

    Step fetchBlob(const ManifestFile& file) override {
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

    const SyncOptions& options_;
    SteadyTime deadline_;
    std::string base_;
    CurlHandle curl_;
    bool reached_ = false;
    uint64_t bytes_ = 0;
    bool retryFresh_ = false;
};

} // namespace

std::unique_ptr<Source> makeHttpSource(std::string baseUrl, const SyncOptions& options,
                                       SteadyTime deadline) {
    return std::make_unique<HttpSource>(std::move(baseUrl), options, deadline);
}

bool sameOrigin(const std::string& url, const std::string& location) {
    std::string a, b;
    return originOf(url, a) && originOf(location, b) && a == b;
}

} // namespace zj
