// Crash consistency (kill -9 of `zjmap-kiosk sync --once` at random moments) and a full disk
// (a size-limited tmpfs mounted by the test).
#include "sync_fixture.hpp"

#include "core/bundle/store.hpp"
#include "core/content/startup.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstring>
#include <random>
#include <sys/mount.h>
#include <thread>

namespace zj::itest {

namespace {

// A config for the child: the test's short limits, but a patient low-speed limit so that only
// our kill -9 ends the slow transfer.
fs::path childConfig(const fs::path& dir, int lowSpeedTimeS) {
    fs::path file = dir / "kiosk.toml";
    writeBytes(file, "[limits]\nconnect_timeout_s = 2\nlow_speed_bytes_per_s = 1\n"
                     "low_speed_time_s = " +
                         std::to_string(lowSpeedTimeS) +
                         "\ntotal_timeout_s = 30\nmin_free_bytes = 0\n"
                         "[display]\nignored = true\n");
    return file;
}

pid_t spawnSync(const fs::path& config, const fs::path& data, const std::string& url,
                const fs::path& logDir) {
    return spawn({ZJ_KIOSK_EXE, "sync", "--once", "--config", config.string(), "--data",
                  data.string(), "--source", url, "--public-key", bundles().key.pubFile().string()},
                 logDir / "sync.out", logDir / "sync.err");
}

} // namespace

TEST(SyncCrash, KillDuringSlowDownloadThenNextSyncCompletes) {
    FaultServer server(bundles().v2);
    Manifest v1 = readManifest(bundles().v1), v2 = readManifest(bundles().v2);
    std::set<std::string> have;
    for (const ManifestFile& f : v1.files) have.insert(f.sha256);
    std::string slowBlob;
    for (const ManifestFile& f : v2.files)
        if (!have.count(f.sha256)) slowBlob = f.sha256;
    server.setFault("/blobs/" + slowBlob, Fault::Slow);

    fs::path dir = scratchDir("crash-slow");
    fs::path data = freshStore("crash-slow", bundles().v1);
    fs::path config = childConfig(dir, 30);
    pid_t pid = spawnSync(config, data, server.url(), dir);
    for (int i = 0; i < 500; ++i) { // until the slow blob is being served
        bool inFlight = false;
        for (const std::string& r : server.requests())
            if (r.find(slowBlob) != std::string::npos) inFlight = true;
        if (inFlight) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    EXPECT_EQ(waitExit(pid), 128 + SIGKILL) << readBytes(dir / "sync.err");
    EXPECT_EQ(slotVersion(data, "current"), 1u);
    EXPECT_EQ(verifiedStartupVersion(data), 1u);
    EXPECT_TRUE(fs::exists(data / "tmp" / (slowBlob + ".part"))) << "killed mid-download";

    server.clearFaults();
    pid = spawnSync(config, data, server.url(), dir);
    int code = waitExit(pid);
    EXPECT_EQ(code, 0) << readBytes(dir / "sync.err");
    EXPECT_NE(readBytes(dir / "sync.out").find("version  2"), std::string::npos)
        << readBytes(dir / "sync.out");
    EXPECT_EQ(slotVersion(data, "current"), 2u);
    EXPECT_EQ(verifiedStartupVersion(data), 2u);
    EXPECT_FALSE(fs::exists(data / "tmp" / (slowBlob + ".part")));
}

// 100 kills at random moments (ZJ_KILL_RUNS=300 for more); after each, the kiosk opens the
// store as it does at start-up (recovery, every hash checked) and syncs: v2, nothing marked bad.
TEST(SyncCrash, KillNineAtRandomMomentsAlwaysLeavesOneVerifiedBundle) {
    const int runs = std::getenv("ZJ_KILL_RUNS") ? std::atoi(std::getenv("ZJ_KILL_RUNS")) : 100;
    FaultServer server(bundles().v2); // a plain server here: it serves Range too
    fs::path dir = scratchDir("crash-random");
    fs::path config = childConfig(dir, 5);

    // How long one uninterrupted run takes: kills are spread over that window (and a bit past).
    fs::path data = freshStore("crash-random-timing", bundles().v1);
    auto t0 = std::chrono::steady_clock::now();
    ASSERT_EQ(waitExit(spawnSync(config, data, server.url(), dir)), 0)
        << readBytes(dir / "sync.err");
    const double windowMs =
        1.2 *
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();

    std::mt19937 random(12345);
    int killedBefore = 0, killedAfterSwitch = 0, finished = 0;
    for (int i = 0; i < runs; ++i) {
        data = freshStore("crash-random-run", bundles().v1);
        pid_t pid = spawnSync(config, data, server.url(), dir);
        int delayUs = int(std::uniform_real_distribution<double>(0, windowMs * 1000)(random));
        std::this_thread::sleep_for(std::chrono::microseconds(delayUs));
        ::kill(pid, SIGKILL);
        int code = waitExit(pid);
        if (code == 0) finished++;
        const std::string label =
            "run " + std::to_string(i) + " after " + std::to_string(delayUs) + " us";
        // After any kill: the kiosk opens v1, or v2 once switched, every hash checked.
        LoadedContent opened = loadStartupContent(data, {}, bundles().key.pub);
        ASSERT_TRUE(opened.content) << label;
        uint64_t v = opened.content->version;
        ASSERT_TRUE(v == 1 || v == 2) << label << ": version " << v;
        (v == 2 ? killedAfterSwitch : killedBefore)++;
        // And the next sync completes, with nothing marked bad.
        SyncResult r = runSyncCycle(server.url(), optionsFor(data));
        ASSERT_TRUE(r.ok()) << label << ": " << r.reason;
        ASSERT_EQ(verifiedStartupVersion(data), 2u) << label;
        ASSERT_TRUE(readBadVersions(data).empty()) << label;
    }
    std::printf("kill -9 runs: %d (window %.0f ms): %d left v1 current, %d v2 current (%d had "
                "finished); all reached v2, none marked bad\n",
                runs, windowMs, killedBefore, killedAfterSwitch, finished);
}

class SyncDiskFull : public ::testing::Test {
  protected:
    // Mounts a tmpfs of `bytes` at a fresh dir; skips (saying why) only when mounting is not
    // permitted here (no root / no CAP_SYS_ADMIN).
    bool mountTmpfs(uint64_t bytes) {
        mnt_ = scratchDir(std::string("tmpfs-") +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::string opts = "size=" + std::to_string((bytes + 4095) / 4096 * 4) + "k";
        if (::mount("tmpfs", mnt_.c_str(), "tmpfs", 0, opts.c_str()) != 0) {
            why_ = std::string("mount -t tmpfs not permitted: ") + std::strerror(errno);
            return false;
        }
        mounted_ = true;
        return true;
    }
    void TearDown() override {
        if (mounted_) ::umount2(mnt_.c_str(), MNT_DETACH);
    }
    static bool tmpEmpty(const fs::path& data) {
        return !fs::exists(data / "tmp") || fs::is_empty(data / "tmp");
    }

    fs::path mnt_;
    bool mounted_ = false;
    std::string why_;
};

TEST_F(SyncDiskFull, TooSmallFilesystemRefusedBeforeDownloading) {
    Manifest v2 = readManifest(bundles().v2);
    if (!mountTmpfs(v2.totalSize() / 2)) GTEST_SKIP() << why_;
    FaultServer server(bundles().v2);
    fs::path data = mnt_ / "store";
    SyncResult r = runSyncCycle(server.url(), optionsFor(data));
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("not enough free space in " + data.string()), std::string::npos)
        << r.reason;
    EXPECT_EQ(r.blobsFetched, 0u);
    EXPECT_FALSE(slotVersion(data, "current"));
    EXPECT_TRUE(tmpEmpty(data));
}

TEST_F(SyncDiskFull, DiskFillingUpMidDownloadLeavesNothingBehind) {
    Manifest v1 = readManifest(bundles().v1);
    const uint64_t room = v1.totalSize() + deltaBytes(bundles().v1, bundles().v2) + (512 << 10);
    if (!mountTmpfs(room)) GTEST_SKIP() << why_;
    fs::path data = mnt_ / "store";
    std::string err;
    ASSERT_TRUE(installFromPackedBundle(data, bundles().v1, bundles().key.pub, err)) << err;
    FaultServer server(bundles().v2);
    // Something else fills the disk after the free-space check passed: the first blob request.
    std::atomic<bool> filled{false};
    server.onRequest([&](const std::string& path) {
        if (path.rfind("/blobs/", 0) != 0 || filled.exchange(true)) return;
        FILE* f = std::fopen((mnt_ / "filler").c_str(), "wb");
        std::string chunk(64 << 10, 'x');
        while (f && std::fwrite(chunk.data(), 1, chunk.size(), f) == chunk.size()) {}
        if (f) std::fclose(f);
    });
    SyncResult r = runSyncCycle(server.url(), optionsFor(data));
    EXPECT_EQ(r.status, SyncStatus::Failed) << r.reason;
    EXPECT_NE(r.reason.find("No space left on device"), std::string::npos) << r.reason;
    EXPECT_TRUE(tmpEmpty(data)) << "no partial file may be left on a full disk";
    EXPECT_EQ(slotVersion(data, "current"), 1u);
    EXPECT_FALSE(fs::exists(data / "bundles/2"));
    EXPECT_EQ(verifiedStartupVersion(data), 1u);
    // Space back: the next cycle completes.
    fs::remove(mnt_ / "filler");
    r = runSyncCycle(server.url(), optionsFor(data));
    EXPECT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_EQ(verifiedStartupVersion(data), 2u);
}

} // namespace zj::itest
