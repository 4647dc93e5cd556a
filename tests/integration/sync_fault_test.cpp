// Sync against a hostile server: every fault is refused or fails with a reason, quickly, and the
// installed bundle stays current and opens. Partial downloads resume with a Range request.
#include "sync_fixture.hpp"

#include "core/bundle/store.hpp"
#include "core/sync/sync_service.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace zj::itest {

namespace {

// The largest blob v2 adds to v1: where the faults go.
ManifestFile bigNewBlob() {
    Manifest a = readManifest(bundles().v1), b = readManifest(bundles().v2);
    std::set<std::string> have;
    for (const ManifestFile& f : a.files) have.insert(f.sha256);
    ManifestFile best;
    for (const ManifestFile& f : b.files)
        if (!have.count(f.sha256) && f.size > best.size) best = f;
    return best;
}

struct Outcome {
    SyncResult result;
    double seconds = 0;
};

} // namespace

class SyncFault : public ::testing::Test {
  protected:
    void SetUp() override {
        blob_ = bigNewBlob();
        ASSERT_GT(blob_.size, 4096u) << "the fixture's changed photo should be a real image";
        server_ = std::make_unique<FaultServer>(bundles().v2);
        const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
        data_ = freshStore(std::string("fault-") + info->name(), bundles().v1);
    }

    Outcome run(const std::string& url = {}) {
        auto t0 = std::chrono::steady_clock::now();
        Outcome o;
        o.result = runSyncCycle(url.empty() ? server_->url() : url, optionsFor(data_));
        o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::printf("  -> %s in %.2f s, %llu bytes: %s\n", syncStatusName(o.result.status),
                    o.seconds, (unsigned long long)o.result.bytesDownloaded,
                    o.result.reason.c_str()); // the fault matrix, for the issue note
        return o;
    }

    // The invariant of every fault case: v1 is still current, opens and passes its self-check,
    // and nothing of v2 was committed.
    void expectUntouched() {
        EXPECT_EQ(slotVersion(data_, "current"), 1u);
        EXPECT_FALSE(fs::exists(data_ / "bundles/2"));
        EXPECT_EQ(verifiedStartupVersion(data_), 1u);
    }

    fs::path part() const { return data_ / "tmp" / (blob_.sha256 + ".part"); }
    std::string blobPathOnServer() const { return "/blobs/" + blob_.sha256; }

    ManifestFile blob_;
    std::unique_ptr<FaultServer> server_;
    fs::path data_;
};

TEST_F(SyncFault, ConnectionRefused) {
    int closed = freeLoopbackPort(); // bound and released: nothing listens there
    Outcome o = run("http://127.0.0.1:" + std::to_string(closed));
    EXPECT_EQ(o.result.status, SyncStatus::Failed) << o.result.reason;
    EXPECT_NE(o.result.reason.find("manifest.json"), std::string::npos) << o.result.reason;
    EXPECT_FALSE(o.result.sourceReached); // the staff panel says "not reachable"
    // Refused at once, not waited out: curl's connect error, not a timeout.
    EXPECT_NE(o.result.reason.find("connect"), std::string::npos) << o.result.reason;
    EXPECT_EQ(o.result.reason.find("timed out"), std::string::npos) << o.result.reason;
    expectUntouched();
}

TEST_F(SyncFault, ServerError500And404) {
    server_->setFault("/manifest.json", Fault::Status500);
    Outcome o = run();
    EXPECT_EQ(o.result.status, SyncStatus::Failed);
    EXPECT_NE(o.result.reason.find("HTTP 500"), std::string::npos) << o.result.reason;
    EXPECT_TRUE(o.result.sourceReached); // the network works; the server has a problem
    server_->setFault("/manifest.json", Fault::Status404);
    o = run();
    EXPECT_EQ(o.result.status, SyncStatus::Failed);
    EXPECT_NE(o.result.reason.find("HTTP 404"), std::string::npos) << o.result.reason;
    server_->clearFaults();
    server_->setFault("/manifest.json.sig", Fault::Status404); // unsigned: never installed
    o = run();
    EXPECT_EQ(o.result.status, SyncStatus::Failed);
    EXPECT_NE(o.result.reason.find("manifest.json.sig: HTTP 404"), std::string::npos)
        << o.result.reason;
    server_->clearFaults();
    server_->setFault(blobPathOnServer(), Fault::Status500);
    o = run();
    EXPECT_EQ(o.result.status, SyncStatus::Failed);
    EXPECT_NE(o.result.reason.find(blob_.sha256 + ": HTTP 500"), std::string::npos)
        << o.result.reason;
    expectUntouched();
}

TEST_F(SyncFault, StallTimesOut) {
    server_->setFault("/manifest.json", Fault::Stall);
    Outcome o = run();
    EXPECT_EQ(o.result.status, SyncStatus::Failed);
    // Cut by the low-speed limit (1000 bytes/s for 2 s in fastLimits), not the cycle deadline.
    EXPECT_NE(o.result.reason.find("timed out"), std::string::npos) << o.result.reason;
    EXPECT_NE(o.result.reason.find("Less than 1000 bytes/sec transferred the last 2 seconds"),
              std::string::npos)
        << o.result.reason;
    expectUntouched();
}

TEST_F(SyncFault, OneBytePerSecondTimesOut) {
    server_->setFault(blobPathOnServer(), Fault::Slow);
    Outcome o = run();
    EXPECT_EQ(o.result.status, SyncStatus::Failed);
    EXPECT_NE(o.result.reason.find("timed out"), std::string::npos) << o.result.reason;
    EXPECT_NE(o.result.reason.find("Less than 1000 bytes/sec transferred the last 2 seconds"),
              std::string::npos)
        << o.result.reason;
    expectUntouched();
}

TEST_F(SyncFault, CutShortThenResumedWithRange) {
    server_->setFault(blobPathOnServer(), Fault::CutShort);
    Outcome first = run();
    EXPECT_EQ(first.result.status, SyncStatus::Failed) << first.result.reason;
    expectUntouched();
    ASSERT_TRUE(fs::exists(part())) << "a partial download is kept for resume";
    const uint64_t have = fs::file_size(part());
    EXPECT_EQ(have, blob_.size / 2);

    server_->clearFaults();
    Outcome second = run();
    ASSERT_EQ(second.result.status, SyncStatus::Updated) << second.result.reason;
    bool ranged = false;
    for (const std::string& req : server_->requests())
        if (req == "GET " + blobPathOnServer() + " Range: bytes=" + std::to_string(have) + "-")
            ranged = true;
    EXPECT_TRUE(ranged) << "the second run must ask for the rest only";
    uint64_t full = deltaBytes(bundles().v1, bundles().v2);
    EXPECT_LT(second.result.bytesDownloaded, full) << "resumed, not restarted";
    EXPECT_LE(second.result.bytesDownloaded + have, full + 64);
    EXPECT_FALSE(fs::exists(part()));
    EXPECT_EQ(verifiedStartupVersion(data_), 2u);
}

TEST_F(SyncFault, ServerIgnoringRangeRestartsFromZero) {
    server_->setFault(blobPathOnServer(), Fault::CutShort);
    run();
    ASSERT_TRUE(fs::exists(part()));
    server_->setFault(blobPathOnServer(), Fault::IgnoreRange); // 200 + whole body to a Range
    Outcome o = run();
    ASSERT_EQ(o.result.status, SyncStatus::Updated) << o.result.reason;
    EXPECT_EQ(verifiedStartupVersion(data_), 2u);
}

TEST_F(SyncFault, EndlessBodyCappedAndRefused) {
    server_->setFault(blobPathOnServer(), Fault::Endless);
    Outcome o = run();
    EXPECT_EQ(o.result.status, SyncStatus::Refused) << o.result.reason;
    EXPECT_NE(o.result.reason.find("more data than the declared"), std::string::npos)
        << o.result.reason;
    EXPECT_LT(o.result.bytesDownloaded, deltaBytes(bundles().v1, bundles().v2) + 256 * 1024)
        << "stopped at the cap";
    EXPECT_FALSE(fs::exists(part())) << "an oversized download is not kept";
    expectUntouched();
}

TEST_F(SyncFault, CorruptBlobRefused) {
    server_->setFault(blobPathOnServer(), Fault::Corrupt);
    Outcome o = run();
    EXPECT_EQ(o.result.status, SyncStatus::Refused) << o.result.reason;
    EXPECT_NE(o.result.reason.find("sha256 mismatch"), std::string::npos) << o.result.reason;
    EXPECT_FALSE(fs::exists(part()));
    EXPECT_FALSE(fs::exists(data_ / "blobs" / blob_.sha256));
    expectUntouched();
}

TEST_F(SyncFault, ResetMidBody) {
    server_->setFault(blobPathOnServer(), Fault::Reset);
    Outcome o = run();
    EXPECT_EQ(o.result.status, SyncStatus::Failed) << o.result.reason;
    EXPECT_NE(o.result.reason.find("reset"), std::string::npos) << o.result.reason;
    expectUntouched();
    server_->clearFaults();
    o = run();
    EXPECT_EQ(o.result.status, SyncStatus::Updated) << o.result.reason;
}

TEST_F(SyncFault, ManifestTooLargeOrEndlessRefused) {
    server_->setFault("/manifest.json", Fault::Endless);
    Outcome o = run();
    EXPECT_EQ(o.result.status, SyncStatus::Refused) << o.result.reason;
    EXPECT_NE(o.result.reason.find("larger than"), std::string::npos) << o.result.reason;
    expectUntouched();
}

TEST_F(SyncFault, FreeSpaceRefusedWithMinFree) {
    SyncOptions opt = optionsFor(data_);
    opt.limits.minFreeBytes = uint64_t(1) << 62; // more than any disk
    SyncResult r = runSyncCycle(server_->url(), opt);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("not enough free space"), std::string::npos) << r.reason;
    EXPECT_EQ(r.blobsFetched, 0u);
    expectUntouched();
}

TEST_F(SyncFault, BundleOverMaxSizeRefused) {
    SyncOptions opt = optionsFor(data_);
    opt.limits.maxBundleBytes = 1000;
    SyncResult r = runSyncCycle(server_->url(), opt);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("over the limit"), std::string::npos) << r.reason;
    expectUntouched();
}

TEST_F(SyncFault, StopAbortsAStalledTransferPromptly) {
    server_->setFault(blobPathOnServer(), Fault::Stall);
    KioskConfig config;
    config.sources = {server_->url()};
    config.publicKey = bundles().key.pub;
    config.dataDir = data_;
    config.limits = fastLimits();
    config.limits.lowSpeedTimeS = 60; // only stop() can end this transfer early
    config.limits.totalTimeoutS = 120;
    SystemClock clock;
    SyncService service(config, clock);
    service.start();
    for (int i = 0; i < 200 && server_->requests().size() < 3; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_GE(server_->requests().size(), 3u) << "the blob request should be in flight";
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_TRUE(service.status().syncing);
    service.stop();
    // The transfer ended by stop(), not by the 60 s low-speed limit or the deadline: the cycle's
    // result says so (what a timeout would say is "timed out" / "deadline").
    std::optional<LastSync> last = loadLastSync(data_);
    ASSERT_TRUE(last);
    EXPECT_EQ(last->result, "failed");
    EXPECT_NE(last->reason.find(blob_.sha256 + ": stopped"), std::string::npos) << last->reason;
    EXPECT_FALSE(service.takeNewVersion());
    expectUntouched();
}

} // namespace zj::itest
