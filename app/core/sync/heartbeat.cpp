#include "core/sync/heartbeat.hpp"
#include "core/sync/redact.hpp"

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <sstream>
#include <unistd.h>

namespace zj {

std::string defaultKioskId() {
    char host[256] = {0};
    return gethostname(host, sizeof host - 1) == 0 && host[0] ? host : "kiosk";
}

std::string heartbeatJson(const KioskStatusReport& r) {
    nlohmann::json j = {{"kiosk_id", r.kioskId},
                        {"app_version", r.appVersion},
                        {"content_version", r.contentVersion},
                        {"uptime_s", static_cast<int64_t>(r.uptimeS)},
                        {"time", r.time},
                        {"last_sync", r.lastSyncResult},
                        {"last_error", r.lastError},
                        {"content_expired", r.contentExpired},
                        {"counts",
                         {{"sync_cycles", r.syncCycles},
                          {"sync_failures", r.syncFailures},
                          {"sessions", r.sessions}}}};
    return j.dump();
}

std::string prometheusText(const KioskMetrics& m) {
    std::ostringstream o;
    std::string id = m.status.kioskId;
    for (char& c : id)
        if (c == '"' || c == '\\' || c == '\n') c = '_'; // a label value stays one quoted token
    auto metric = [&](const char* name, const char* type, const char* help, double value) {
        o << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n'
          << name << "{kiosk=\"" << id << "\"} " << std::fixed;
        o.precision(value == static_cast<double>(static_cast<int64_t>(value)) ? 0 : 3);
        o << value << '\n';
    };
    metric("zjmap_up", "gauge", "1 while the kiosk runs", 1);
    metric("zjmap_uptime_seconds", "gauge", "Seconds since the kiosk started", m.status.uptimeS);
    metric("zjmap_content_version", "gauge", "Version of the content bundle installed",
           double(m.status.contentVersion));
    metric("zjmap_sync_cycles_total", "counter", "Sync cycles run since start",
           double(m.status.syncCycles));
    metric("zjmap_sync_consecutive_failures", "gauge", "Failed or refused sync cycles in a row",
           m.status.syncFailures);
    metric("zjmap_sync_last_ok", "gauge", "1 if the last sync cycle succeeded",
           m.lastSyncOk ? 1 : 0);
    metric("zjmap_content_expired", "gauge",
           "1 if the installed bundle's signed expiry has passed (stale content)",
           m.status.contentExpired ? 1 : 0);
    metric("zjmap_sync_last_attempt_timestamp_seconds", "gauge",
           "Unix time of the last sync attempt (0 = never)", double(m.lastSyncAttempt));
    metric("zjmap_sync_last_success_timestamp_seconds", "gauge",
           "Unix time of the last successful sync cycle, kept across restarts (0 = never)",
           double(m.lastSyncSuccess));
    metric("zjmap_content_expiry_timestamp_seconds", "gauge",
           "Unix time the installed bundle's signed expiry passes (0 = built-in content)",
           double(m.contentExpires));
    metric("zjmap_starts_total", "counter",
           "Starts of the kiosk on this store, kept across restarts", double(m.starts));
    metric("zjmap_restarts_total", "counter",
           "Starts after an unclean end (crash, watchdog kill, power cut), kept across restarts",
           double(m.restarts));
    metric("zjmap_sessions_total", "counter", "Visitor sessions since start",
           double(m.status.sessions));
    metric("zjmap_resident_memory_bytes", "gauge", "Resident memory of the kiosk process",
           double(m.rssBytes));
    metric("zjmap_texture_cache_bytes", "gauge", "Photo textures held on the GPU",
           double(m.textureBytes));
    metric("zjmap_frames_rendered_total", "counter", "Frames drawn since start",
           double(m.framesRendered));
    return o.str();
}

// [SECTION] Sending

size_t HeartbeatSender::send(std::string json, std::string& err, const std::atomic<bool>* stop) {
    queue_.push_back(std::move(json));
    while (queue_.size() > o_.maxQueued) {
        queue_.pop_front();
        ++dropped_;
    }
    size_t sent = 0;
    while (!queue_.empty()) {
        if (!post(queue_.front(), err, stop)) break;
        queue_.pop_front();
        ++sent;
    }
    return sent;
}

bool HeartbeatSender::post(const std::string& body, std::string& err,
                           const std::atomic<bool>* stop) {
    const bool http = o_.url.rfind("http://", 0) == 0;
    if (http && !o_.allowHttp) {
        err = redactUrl(o_.url) +
              ": plain http refused (the status would travel unencrypted): use https:// or set "
              "[heartbeat] allow_http = true";
        return false;
    }
    CURL* h = curl_easy_init();
    if (!h) {
        err = "curl_easy_init failed";
        return false;
    }
    char errbuf[CURL_ERROR_SIZE] = {0};
    struct curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    if (!o_.token.empty())
        headers = curl_slist_append(headers, ("Authorization: Bearer " + o_.token).c_str());
    curl_easy_setopt(h, CURLOPT_URL, o_.url.c_str());
    // Never follow a redirect: it could carry the token to another host or downgrade to http.
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, o_.allowHttp ? "http,https" : "https");
    if (!o_.caFile.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, o_.caFile.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT, long(o_.timeoutS));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, long(o_.timeoutS));
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_FAILONERROR, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    if (stop) { // the kiosk shutting down must not wait for an unreachable monitor
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(h, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(stop));
        curl_easy_setopt(
            h, CURLOPT_XFERINFOFUNCTION,
            +[](void* s, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
                return static_cast<std::atomic<bool>*>(s)->load() ? 1 : 0;
            });
    }
    // The answer's body is not ours to keep.
    curl_easy_setopt(
        h, CURLOPT_WRITEFUNCTION, +[](char*, size_t size, size_t n, void*) { return size * n; });
    CURLcode rc = curl_easy_perform(h);
    if (rc != CURLE_OK)
        err = redactUrls(redactUrl(o_.url) + ": " +
                         (errbuf[0] ? std::string(errbuf) : curl_easy_strerror(rc)));
    curl_slist_free_all(headers);
    curl_easy_cleanup(h);
    return rc == CURLE_OK;
}

} // namespace zj
