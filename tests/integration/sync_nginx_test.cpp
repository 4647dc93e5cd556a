// Sync against a real nginx on loopback: install, 304, one-photo delta, and the refusals
// (other key, rollback, freeze, path traversal, mix-and-match, broken content), file:// too.
#include "sync_fixture.hpp"

#include "core/bundle/store.hpp"
#include "core/sync/sync_service.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace zj::itest {

class SyncNginx : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        bundles(); // pack first, so its time is not charged to a case
        www_ = new fs::path(scratchDir("nginx-www"));
        nginx_ = new Nginx(*www_ / "site", scratchDir("nginx-run"));
    }
    static void TearDownTestSuite() {
        delete nginx_;
        delete www_;
        nginx_ = nullptr;
    }
    void SetUp() override { ASSERT_TRUE(nginx_->running()) << nginx_->startError(); }

    // nginx's root is www/site, a symlink switched atomically to a packed bundle dir.
    static void serve(const fs::path& packed) {
        fs::path tmp = *www_ / "site.new";
        fs::remove(tmp);
        fs::create_symlink(packed, tmp);
        fs::rename(tmp, *www_ / "site");
    }
    static SyncResult sync(const fs::path& data) {
        return runSyncCycle(nginx_->url(), optionsFor(data));
    }

    static inline fs::path* www_ = nullptr;
    static inline Nginx* nginx_ = nullptr;
};

TEST_F(SyncNginx, FirstSyncInstallsVersion1ThenNotModified) {
    serve(bundles().v1);
    fs::path data = freshStore("nginx-first");
    SyncResult r = sync(data);
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_TRUE(r.sourceReached);
    EXPECT_TRUE(toLastSync(r, 1).sourceReached);
    EXPECT_EQ(r.version, 1u);
    EXPECT_EQ(slotVersion(data, "current"), 1u);
    EXPECT_EQ(verifiedStartupVersion(data), 1u);
    Manifest m = readManifest(bundles().v1);
    EXPECT_GE(r.bytesDownloaded, m.totalSize() / 2); // identical files share a blob
    EXPECT_GT(r.blobsFetched, 3u);
    std::printf("first sync: %s\n", r.reason.c_str());

    SyncResult again = sync(data);
    EXPECT_EQ(again.status, SyncStatus::UpToDate) << again.reason;
    EXPECT_NE(again.reason.find("ETag"), std::string::npos) << again.reason; // a real 304
    EXPECT_EQ(again.bytesDownloaded, 0u);
    EXPECT_EQ(again.blobsFetched, 0u);
    EXPECT_EQ(slotVersion(data, "current"), 1u);
}

TEST_F(SyncNginx, SameVersionWithoutETagIsUpToDate) {
    serve(bundles().v1);
    fs::path data = freshStore("nginx-same", bundles().v1); // installed locally: no ETag stored
    SyncResult r = sync(data);
    EXPECT_EQ(r.status, SyncStatus::UpToDate) << r.reason;
    EXPECT_EQ(r.blobsFetched, 0u);
}

TEST_F(SyncNginx, OnePhotoChangedDownloadsOnlyChangedBlobs) {
    fs::path data = freshStore("nginx-delta", bundles().v1);
    serve(bundles().v2);
    SyncResult r = sync(data);
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_EQ(r.version, 2u);
    EXPECT_EQ(slotVersion(data, "previous"), 1u);
    size_t changed = 0;
    uint64_t expected = deltaBytes(bundles().v1, bundles().v2, &changed);
    // The changed photo's display image and thumbnail; content.db is byte-identical.
    EXPECT_EQ(changed, 2u);
    EXPECT_EQ(r.blobsFetched, changed);
    EXPECT_LE(r.bytesDownloaded, expected + expected / 10);
    EXPECT_GE(r.bytesDownloaded, expected - expected / 10);
    Manifest v1 = readManifest(bundles().v1), v2 = readManifest(bundles().v2);
    for (const ManifestFile& f : v2.files) // only p1's files differ, so only they were fetched
        EXPECT_EQ(f.name.find("/p1.") != std::string::npos, v1.find(f.name)->sha256 != f.sha256)
            << f.name;
    EXPECT_LT(r.bytesDownloaded, v2.totalSize() / 2) << "a delta, not a full download";
    std::printf("delta: %llu bytes (full bundle %llu), %s\n", (unsigned long long)r.bytesDownloaded,
                (unsigned long long)v2.totalSize(), r.reason.c_str());
    EXPECT_EQ(verifiedStartupVersion(data), 2u);
}

TEST_F(SyncNginx, OtherKeyRefused) {
    fs::path data = freshStore("nginx-other-key", bundles().v1);
    serve(bundles().otherKeyV3);
    SyncResult r = sync(data);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("signature does not verify"), std::string::npos) << r.reason;
    EXPECT_EQ(r.blobsFetched, 0u);
    EXPECT_EQ(slotVersion(data, "current"), 1u);
    EXPECT_FALSE(fs::exists(data / "bundles/3"));
    EXPECT_EQ(verifiedStartupVersion(data), 1u);
}

TEST_F(SyncNginx, GarbageSignatureRefused) {
    fs::path data = freshStore("nginx-garbage-sig", bundles().v1);
    serve(bundles().garbageSig);
    SyncResult r = sync(data);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("not a signature"), std::string::npos) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 1u);
}

TEST_F(SyncNginx, OlderVersionRefused) {
    fs::path data = freshStore("nginx-rollback", bundles().v1);
    serve(bundles().v2);
    ASSERT_EQ(sync(data).status, SyncStatus::Updated);
    serve(bundles().v1); // a replayed older, correctly signed manifest
    SyncResult r = sync(data);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("not newer than the highest installed version 2"), std::string::npos)
        << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 2u);
    EXPECT_EQ(verifiedStartupVersion(data), 2u);
}

TEST_F(SyncNginx, ExpiredRefused) {
    fs::path data = freshStore("nginx-expired", bundles().v1);
    serve(bundles().expiredV3);
    SyncResult r = sync(data);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("expired at"), std::string::npos) << r.reason;
    EXPECT_EQ(r.blobsFetched, 0u);
    EXPECT_EQ(slotVersion(data, "current"), 1u);
}

TEST_F(SyncNginx, ClockBehindCreatedUsesCreatedAsFloor) {
    // The kiosk's clock says 2001; the signed `created` (2026) is the floor, so the bundle is
    // neither "not yet valid" nor judged by a clock an attacker may have moved.
    fs::path data = freshStore("nginx-clock-floor");
    serve(bundles().v1);
    ManualClock clock(0, 978307200); // 2001-01-01
    SyncOptions o = optionsFor(data);
    o.clock = &clock;
    SyncResult r = runSyncCycle(nginx_->url(), o);
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;
    std::string floor = readBytes(data / "state/time-floor");
    EXPECT_EQ(std::stoll(floor), readManifest(bundles().v1).created);
    // The floor persists: a clock far in the past cannot make an expired bundle look fresh.
    serve(bundles().expiredV3);
    r = runSyncCycle(nginx_->url(), o);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
}

TEST_F(SyncNginx, PathTraversalRefused) {
    fs::path data = freshStore("nginx-traversal", bundles().v1);
    serve(bundles().traversalV3);
    SyncResult r = sync(data);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("../evil"), std::string::npos) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 1u);
    EXPECT_FALSE(fs::exists(data / "evil"));
}

TEST_F(SyncNginx, MixAndMatchNeverSwitched) {
    fs::path data = freshStore("nginx-mixed", bundles().v1);
    serve(bundles().mixed); // v2's manifest, v1's blobs: v2's new blobs are 404
    SyncResult r = sync(data);
    EXPECT_EQ(r.status, SyncStatus::Failed) << r.reason;
    EXPECT_NE(r.reason.find("HTTP 404"), std::string::npos) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 1u);
    EXPECT_FALSE(fs::exists(data / "bundles/2"));
    EXPECT_EQ(verifiedStartupVersion(data), 1u);
}

TEST_F(SyncNginx, BrokenContentRolledBackAndRemembered) {
    fs::path data = freshStore("nginx-broken", bundles().v1);
    serve(bundles().v2);
    ASSERT_EQ(sync(data).status, SyncStatus::Updated);
    serve(bundles().brokenDbV3);
    SyncResult r = sync(data);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("self-check"), std::string::npos) << r.reason;
    EXPECT_NE(r.reason.find("rolled back to bundle 2"), std::string::npos) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 2u);
    EXPECT_EQ(readBadVersions(data).count(3), 1u);
    EXPECT_EQ(verifiedStartupVersion(data), 2u);
    // Offered again: refused at once as bad, nothing downloaded.
    SyncResult again = sync(data);
    EXPECT_EQ(again.status, SyncStatus::Refused) << again.reason;
    EXPECT_EQ(again.blobsFetched, 0u);
    EXPECT_EQ(slotVersion(data, "current"), 2u);
}

TEST_F(SyncNginx, FileSourceUsesTheSameRules) {
    fs::path data = freshStore("file-source");
    SyncResult r = runSyncCycle("file://" + bundles().v1.string(), optionsFor(data));
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_EQ(verifiedStartupVersion(data), 1u);
    r = runSyncCycle(bundles().v2.string(), optionsFor(data)); // a plain directory path
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_EQ(r.version, 2u);
    r = runSyncCycle("file://" + bundles().otherKeyV3.string(), optionsFor(data));
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 2u);
}

TEST_F(SyncNginx, ServiceInstallsInTheBackgroundAndHandsOverTheVersion) {
    serve(bundles().v1);
    fs::path data = freshStore("service");
    KioskConfig config;
    config.sources = {nginx_->url()};
    config.publicKey = bundles().key.pub;
    config.dataDir = data;
    config.limits = fastLimits();
    config.intervalS = 3600;
    SystemClock clock;
    SyncService service(config, clock);
    service.start();
    std::optional<uint64_t> v;
    for (int i = 0; i < 200 && !v; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
        v = service.takeNewVersion();
    }
    ASSERT_EQ(v, 1u);
    EXPECT_FALSE(service.takeNewVersion()); // handed over once
    service.setVersionInUse(1);
    serve(bundles().v2);
    v.reset();
    service.syncNow(); // the staff panel's "sync now": no wait for the hour-long interval
    for (int i = 0; i < 200 && !v; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
        v = service.takeNewVersion();
    }
    EXPECT_EQ(v, 2u);
    SyncServiceStatus s = service.status();
    EXPECT_EQ(s.installedVersion, 2u);
    ASSERT_TRUE(s.last);
    EXPECT_EQ(s.last->result, "updated");
    EXPECT_GT(s.msUntilNextAttempt, 3000e3);
    // stop() wakes the worker out of its hour-long wait (were it to wait, ctest's timeout fails
    // the suite): the wait is not measured here, the machine may be busy.
    service.stop();
    EXPECT_FALSE(service.status().syncing);
    std::optional<LastSync> saved = loadLastSync(data);
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->version, 2u);
}

} // namespace zj::itest
