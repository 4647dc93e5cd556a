// The heartbeat: a JSON status POSTed after each sync cycle to a real HTTP server on loopback,
// queued while the server is down and delivered oldest first when it is back; the Prometheus
// text names every figure once with HELP and TYPE.
#include "sync_fixture.hpp"

#include "core/sync/heartbeat.hpp"
#include "core/sync/sync_service.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <thread>
#include <unistd.h>

namespace zj::itest {

namespace {
std::vector<std::string> posts(FaultServer& server) {
    std::vector<std::string> out;
    for (const std::string& r : server.requests())
        if (r.rfind("POST ", 0) == 0) out.push_back(r);
    return out;
}
nlohmann::json bodyOf(const std::string& post) { // "POST /hb {...}"
    return nlohmann::json::parse(post.substr(post.find(' ', 5) + 1));
}
} // namespace

TEST(Heartbeat, QueuedWhileTheServerFailsThenDeliveredInOrder) {
    FaultServer server(scratchDir("heartbeat-queue"));
    HeartbeatSender sender({server.url() + "/hb", 5, {}, {}, /*allowHttp=*/true, 3});
    server.setFault("/hb", Fault::Status500);
    std::string err;
    for (int i = 1; i <= 4; ++i)
        EXPECT_EQ(sender.send("{\"n\":" + std::to_string(i) + "}", err), 0u);
    EXPECT_NE(err.find("500"), std::string::npos) << err;
    EXPECT_EQ(sender.queued(), 3u); // bounded: the oldest went
    EXPECT_EQ(sender.dropped(), 1u);
    server.clearFaults();
    EXPECT_EQ(sender.send("{\"n\":5}", err), 3u); // the bound holds with the new one too
    EXPECT_EQ(sender.queued(), 0u);
    EXPECT_EQ(sender.dropped(), 2u);
    std::vector<std::string> got = posts(server);
    ASSERT_EQ(got.size(), 3u);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(bodyOf(got[size_t(i)])["n"], i + 3);
}

TEST(Heartbeat, SyncServicePostsItsStatusAfterACycle) {
    FaultServer server(scratchDir("heartbeat-service-www"));
    fs::path data = freshStore("heartbeat-service");
    KioskConfig config;
    config.sources = {"file://" + bundles().v1.string()};
    config.publicKey = bundles().key.pub;
    config.dataDir = data;
    config.limits = fastLimits();
    config.intervalS = 3600;
    config.heartbeatUrl = server.url() + "/status";
    config.heartbeatAllowHttp = true; // the loopback test server speaks plain http
    config.kioskId = "booth-7";
    SystemClock clock;
    SyncService service(config, clock);
    service.setSessions(12);
    service.start();
    std::vector<std::string> got;
    for (int i = 0; i < 400 && got.empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
        got = posts(server);
    }
    service.stop();
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].rfind("POST /status ", 0), 0u) << got[0];
    nlohmann::json j = bodyOf(got[0]);
    EXPECT_EQ(j["kiosk_id"], "booth-7");
    EXPECT_EQ(j["content_version"], 1);
    EXPECT_EQ(j["last_sync"], "updated");
    EXPECT_EQ(j["last_error"], "");
    EXPECT_EQ(j["counts"]["sync_cycles"], 1);
    EXPECT_EQ(j["counts"]["sessions"], 12);
    EXPECT_FALSE(j["app_version"].get<std::string>().empty());
}

TEST(Heartbeat, PrometheusTextHasEveryFigureOnce) {
    KioskMetrics m;
    m.status.kioskId = "booth \"7\"";
    m.status.contentVersion = 3;
    m.status.sessions = 41;
    m.lastSyncOk = true;
    m.rssBytes = 123456789;
    std::string t = prometheusText(m);
    EXPECT_NE(t.find("# TYPE zjmap_up gauge\nzjmap_up{kiosk=\"booth _7_\"} 1\n"), std::string::npos)
        << t;
    EXPECT_NE(t.find("zjmap_content_version{kiosk=\"booth _7_\"} 3\n"), std::string::npos) << t;
    EXPECT_NE(t.find("zjmap_sessions_total{kiosk=\"booth _7_\"} 41\n"), std::string::npos) << t;
    EXPECT_NE(t.find("zjmap_resident_memory_bytes{kiosk=\"booth _7_\"} 123456789\n"),
              std::string::npos)
        << t;
    EXPECT_NE(t.find("zjmap_sync_last_ok{kiosk=\"booth _7_\"} 1\n"), std::string::npos) << t;
    EXPECT_NE(t.find("zjmap_content_expired{kiosk=\"booth _7_\"} 0\n"), std::string::npos) << t;
    m.status.contentExpired = true; // stale content shows on the fleet's dashboard
    EXPECT_NE(prometheusText(m).find("zjmap_content_expired{kiosk=\"booth _7_\"} 1\n"),
              std::string::npos);
    EXPECT_NE(heartbeatJson(m.status).find("\"content_expired\":true"), std::string::npos);
    size_t helps = 0;
    for (size_t at = t.find("# HELP "); at != std::string::npos; at = t.find("# HELP ", at + 1))
        ++helps;
    EXPECT_EQ(helps, 16u);
}

// The figures the alert rules of packaging/monitoring/ read (issue 14): the last good sync and
// the content's expiry as Unix times, the restarts as counters.
TEST(Heartbeat, PrometheusTextHasTheAlertRulesFigures) {
    KioskMetrics m;
    m.status.kioskId = "booth-7";
    std::string t = prometheusText(m);
    for (const char* zero : {"zjmap_sync_last_success_timestamp_seconds{kiosk=\"booth-7\"} 0\n",
                             "zjmap_content_expiry_timestamp_seconds{kiosk=\"booth-7\"} 0\n",
                             "zjmap_restarts_total{kiosk=\"booth-7\"} 0\n"})
        EXPECT_NE(t.find(zero), std::string::npos) << zero << " in\n" << t;
    m.lastSyncSuccess = 1796083200; // 2026-12-01T00:00:00Z
    m.contentExpires = 1811808000;  // 2027-06-01T00:00:00Z
    m.starts = 9;
    m.restarts = 4;
    t = prometheusText(m);
    EXPECT_NE(t.find("# TYPE zjmap_sync_last_success_timestamp_seconds gauge\n"
                     "zjmap_sync_last_success_timestamp_seconds{kiosk=\"booth-7\"} 1796083200\n"),
              std::string::npos)
        << t;
    EXPECT_NE(t.find("zjmap_content_expiry_timestamp_seconds{kiosk=\"booth-7\"} 1811808000\n"),
              std::string::npos)
        << t;
    EXPECT_NE(
        t.find("# TYPE zjmap_restarts_total counter\nzjmap_restarts_total{kiosk=\"booth-7\"} 4\n"),
        std::string::npos)
        << t;
    EXPECT_NE(t.find("zjmap_starts_total{kiosk=\"booth-7\"} 9\n"), std::string::npos) << t;
}

// The sync service keeps the last success in state/last-sync.json: a restarted service (a new
// process) reports it, and a failing source does not erase it.
TEST(Heartbeat, ServiceKeepsTheLastSuccessAcrossARestartAndAFailure) {
    fs::path data = freshStore("heartbeat-last-success");
    KioskConfig config;
    config.sources = {"file://" + bundles().v1.string()};
    config.publicKey = bundles().key.pub;
    config.dataDir = data;
    config.limits = fastLimits();
    config.intervalS = 3600;
    SystemClock clock;
    auto oneCycle = [&clock](const KioskConfig& c) {
        SyncService service(c, clock);
        service.start();
        for (int i = 0; i < 400 && service.status().cycles == 0; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
        service.stop();
        return service.status().last;
    };
    std::optional<LastSync> good = oneCycle(config);
    ASSERT_TRUE(good);
    ASSERT_EQ(good->result, "updated") << good->reason;
    EXPECT_GT(good->lastSuccessTime, 0);
    EXPECT_EQ(good->lastSuccessTime, good->attemptTime);
    config.sources = {"file://" + (data / "no-such-source").string()};
    std::optional<LastSync> bad = oneCycle(config);
    ASSERT_TRUE(bad);
    EXPECT_NE(bad->result, "updated");
    EXPECT_NE(bad->result, "up-to-date");
    EXPECT_EQ(bad->lastSuccessTime, good->lastSuccessTime);
    std::optional<LastSync> kept = loadLastSync(data);
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->lastSuccessTime, good->lastSuccessTime);
}

// A failed cycle keeps the time of the last good one (so "no successful sync for a day" can
// fire while the kiosk keeps trying); it survives the store's last-sync.json round trip.
TEST(Heartbeat, LastSuccessOutlivesFailuresAndRestarts) {
    SyncResult ok;
    ok.status = SyncStatus::UpToDate;
    LastSync first = toLastSync(ok, 1000);
    EXPECT_EQ(first.lastSuccessTime, 1000);
    SyncResult failed;
    failed.status = SyncStatus::Failed;
    LastSync second = toLastSync(failed, 2000, first);
    EXPECT_EQ(second.lastSuccessTime, 1000);
    EXPECT_EQ(toLastSync(failed, 3000).lastSuccessTime, 0); // never succeeded
    char tmpl[] = "/tmp/zj-lastsync-XXXXXX";
    std::filesystem::path dir = ::mkdtemp(tmpl);
    std::string err;
    ASSERT_TRUE(saveLastSync(dir, second, err)) << err;
    std::optional<LastSync> loaded = loadLastSync(dir);
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->lastSuccessTime, 1000);
    EXPECT_EQ(loaded->attemptTime, 2000);
    std::filesystem::remove_all(dir);
}

// Issue 19 item 12: plain http only when allowed, an optional bearer token, and no credentials
// in the errors the kiosk logs and reports.
TEST(Heartbeat, PlainHttpRefusedUnlessAllowedAndTheTokenIsSentAsBearer) {
    FaultServer server(scratchDir("heartbeat-auth"));
    std::string err;
    HeartbeatSender refused({server.url() + "/hb", 5});
    EXPECT_EQ(refused.send("{\"n\":1}", err), 0u);
    EXPECT_NE(err.find("plain http refused"), std::string::npos) << err;
    EXPECT_TRUE(posts(server).empty());

    HeartbeatSender allowed({server.url() + "/hb", 5, {}, "s3cr3t-token", /*allowHttp=*/true});
    EXPECT_EQ(allowed.send("{\"n\":2}", err), 1u) << err;
    EXPECT_EQ(server.lastPostAuthorization(), "Bearer s3cr3t-token");
    HeartbeatSender anonymous({server.url() + "/hb", 5, {}, {}, true});
    EXPECT_EQ(anonymous.send("{\"n\":3}", err), 1u) << err;
    EXPECT_EQ(server.lastPostAuthorization(), "");
}

TEST(Heartbeat, ErrorsNeverCarryTheUrlsCredentials) {
    const int closed = freeLoopbackPort(); // nothing listens: the POST fails
    HeartbeatSender sender({"http://monitor:hunter2@127.0.0.1:" + std::to_string(closed) +
                                "/hb?token=abc123&site=lobby",
                            2,
                            {},
                            {},
                            true});
    std::string err;
    EXPECT_EQ(sender.send("{}", err), 0u);
    EXPECT_NE(
        err.find("http://127.0.0.1:" + std::to_string(closed) + "/hb?token=REDACTED&site=lobby"),
        std::string::npos)
        << err;
    EXPECT_EQ(err.find("hunter2"), std::string::npos) << err;
    EXPECT_EQ(err.find("abc123"), std::string::npos) << err;
}

} // namespace zj::itest
