// Fleet monitoring without personal data: after each sync cycle the kiosk POSTs a small JSON
// status to an optional URL ([heartbeat] url), queued (bounded) while the server is unreachable
// and sent oldest first when it answers again; and a Prometheus textfile (--metrics FILE) for
// node_exporter's textfile collector, so a fleet is watched with existing monitoring.
// https only unless allowed ([heartbeat] allow_http), an optional bearer token, and no URL in an
// error message keeps its credentials (redact.hpp).
#pragma once
#include <atomic>
#include <cstdint>
#include <deque>
#include <string>

namespace zj {

struct KioskStatusReport {
    std::string kioskId;         // [heartbeat] kiosk_id (default: the host name)
    std::string appVersion;      // zjmap-kiosk's version
    uint64_t contentVersion = 0; // the bundle installed (0 = none)
    double uptimeS = 0;          // since the process started
    int64_t time = 0;            // unix seconds of the report
    std::string lastSyncResult;  // "updated", "up-to-date", "refused", "failed", "" = none yet
    std::string lastError;       // the reason of the last failed or refused sync ("" = none)
    uint64_t syncCycles = 0;     // since start
    int syncFailures = 0;        // consecutive
    uint64_t sessions = 0;       // visits since start
    bool contentExpired = false; // the installed bundle's signed expiry has passed (stale)
};

std::string heartbeatJson(const KioskStatusReport& report);
std::string defaultKioskId(); // the host name ("kiosk" if it has none)

// The Prometheus text exposition of the same figures (+ process memory, textures, frames, the
// sync and expiry times and the restarts the alert rules of packaging/monitoring/ watch).
struct KioskMetrics {
    KioskStatusReport status;
    bool lastSyncOk = false;
    int64_t lastSyncAttempt = 0; // unix seconds (0 = never)
    int64_t lastSyncSuccess = 0; // unix seconds of the last good cycle, kept (0 = never)
    int64_t contentExpires = 0;  // the installed bundle's signed expiry (0 = built-in / none)
    uint64_t starts = 0;         // recorded starts of the kiosk on this store (restarts.hpp)
    uint64_t restarts = 0;       // of those, starts after an unclean end (crash, kill, power cut)
    uint64_t rssBytes = 0;
    uint64_t textureBytes = 0;
    uint64_t framesRendered = 0;
};
std::string prometheusText(const KioskMetrics& m);

struct HeartbeatOptions {
    std::string url;       // http:// only with allowHttp
    int64_t timeoutS = 10; // connect and whole POST
    std::string caFile;    // https: CA bundle ("" = the system's)
    std::string token;     // "Authorization: Bearer <token>" ("" = none)
    bool allowHttp = false;
    size_t maxQueued = 96;
};

class HeartbeatSender {
  public:
    explicit HeartbeatSender(HeartbeatOptions options) : o_(std::move(options)) {}

    // Queues `json` (dropping the oldest beyond the bound) and posts the queue oldest first,
    // stopping at the first failure (that one and the rest wait for the next call). Returns
    // how many were delivered; `err` says why the first undelivered one failed.
    // `stop` (may be null), set from another thread, aborts a POST in progress promptly.
    size_t send(std::string json, std::string& err, const std::atomic<bool>* stop = nullptr);
    size_t queued() const { return queue_.size(); }
    uint64_t dropped() const { return dropped_; }

  private:
    bool post(const std::string& body, std::string& err, const std::atomic<bool>* stop);

    HeartbeatOptions o_;
    std::deque<std::string> queue_;
    uint64_t dropped_ = 0;
};

} // namespace zj
