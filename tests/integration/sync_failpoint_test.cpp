// A kill between every pair of file operations (issue 18): each run of `zjmap-kiosk sync --once`
// is first traced (ZJ_FAILPOINT_TRACE lists every kill point it passes, see core/failpoint.hpp),
// then re-run once per point with ZJ_FAILPOINT=NAME#N, which SIGKILLs the process exactly there.
// After each kill the kiosk opens the store as at start-up (recovery, every hash checked) and a
// sync runs: the store must reach the expected version, with nothing marked bad that is not.
#include "sync_fixture.hpp"

#include "core/bundle/self_check.hpp"
#include "core/bundle/store.hpp"
#include "core/content/startup.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <map>

namespace zj::itest {

namespace {

struct KillPoint {
    std::string name;
    int hit = 1; // the N-th pass of `name` in the run
    std::string spec() const { return name + "#" + std::to_string(hit); }
};

class SyncFailpoints : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = scratchDir(std::string("failpoints-") +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
        config_ = dir_ / "kiosk.toml";
        writeBytes(config_, "[limits]\nconnect_timeout_s = 5\nlow_speed_bytes_per_s = 1\n"
                            "low_speed_time_s = 30\ntotal_timeout_s = 60\nmin_free_bytes = 0\n");
    }

    // One `sync --once` child with extra environment; its exit code.
    int runChild(const fs::path& data, const std::string& url,
                 const std::vector<std::string>& env) {
        pid_t pid = spawn({ZJ_KIOSK_EXE, "sync", "--once", "--config", config_.string(), "--data",
                           data.string(), "--source", url, "--public-key",
                           bundles().key.pubFile().string()},
                          dir_ / "sync.out", dir_ / "sync.err", env);
        return waitExit(pid);
    }

    // Every kill point a run passes, numbered per name.
    std::vector<KillPoint> trace(const fs::path& data, const std::string& url) {
        fs::path file = dir_ / "trace";
        fs::remove(file);
        runChild(data, url, {"ZJ_FAILPOINT_TRACE=" + file.string()});
        std::vector<KillPoint> points;
        std::map<std::string, int> seen;
        std::ifstream in(file);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) points.push_back({line, ++seen[line]});
        return points;
    }

    // Killed at `point`: the child must have died by SIGKILL right there.
    void killAt(const fs::path& data, const std::string& url, const KillPoint& point) {
        int code = runChild(data, url, {"ZJ_FAILPOINT=" + point.spec()});
        ASSERT_EQ(code, 128 + SIGKILL) << point.spec() << ": " << readBytes(dir_ / "sync.err");
    }

    // What the kiosk does next: open the store (start-up recovery with the right key), then a
    // sync. The store must end at `version` with exactly `bad` marked bad.
    void expectRecovers(const fs::path& data, const std::string& url, uint64_t version,
                        const std::set<uint64_t>& bad, const std::string& label) {
        LoadedContent opened = loadStartupContent(data, {}, bundles().key.pub);
        ASSERT_TRUE(opened.content) << label << ": nothing to show after the kill";
        uint64_t shown = opened.content->version;
        EXPECT_TRUE(shown == 1 || shown == version) << label << ": shows " << shown;
        SyncResult r = runSyncCycle(url, optionsFor(data));
        if (bad.empty()) EXPECT_TRUE(r.ok()) << label << ": " << r.reason;
        EXPECT_EQ(slotVersion(data, "current"), version) << label << ": " << r.reason;
        EXPECT_EQ(verifiedStartupVersion(data), version) << label;
        EXPECT_EQ(readBadVersions(data), bad) << label << ": " << r.reason;
        EXPECT_FALSE(selfCheckPending(data)) << label;
        uint64_t highest = 0;
        std::string err;
        ASSERT_TRUE(readHighestVersion(data, highest, err)) << label << ": " << err;
        EXPECT_EQ(highest, version) << label;
        // And what a restart shows now.
        LoadedContent again = loadStartupContent(data, {}, bundles().key.pub);
        ASSERT_TRUE(again.content) << label;
        EXPECT_EQ(again.content->version, version) << label;
    }

    fs::path dir_, config_;
};

} // namespace

TEST_F(SyncFailpoints, UpdateKilledAtEveryPointReachesTheNewVersion) {
    FaultServer server(bundles().v2);
    std::vector<KillPoint> points =
        trace(freshStore("fp-update-trace", bundles().v1), server.url());
    ASSERT_GE(points.size(), 10u) << "the traced sync passed too few kill points";
    for (const KillPoint& p : points) {
        fs::path data = freshStore("fp-update", bundles().v1);
        killAt(data, server.url(), p);
        expectRecovers(data, server.url(), 2, {}, "killed at " + p.spec());
        if (HasFatalFailure() || HasFailure()) break; // one clear failure, not a cascade
    }
    std::printf("update v1 -> v2: killed at each of %zu points, all recovered to v2\n",
                points.size());
}

TEST_F(SyncFailpoints, FailingSelfCheckKilledAtEveryPointMarksOnlyThatVersion) {
    // brokenDbV3 is correctly signed but its content.db does not load: its self-check fails
    // wherever the kill fell, and it is the only version marked bad.
    FaultServer server(bundles().brokenDbV3);
    std::vector<KillPoint> points = trace(freshStore("fp-bad-trace", bundles().v1), server.url());
    ASSERT_GE(points.size(), 10u);
    for (const KillPoint& p : points) {
        fs::path data = freshStore("fp-bad", bundles().v1);
        killAt(data, server.url(), p);
        expectRecovers(data, server.url(), 1, {3}, "killed at " + p.spec());
        if (HasFatalFailure() || HasFailure()) break;
    }
    std::printf("bad v3 over v1: killed at each of %zu points, v1 kept, only 3 marked bad\n",
                points.size());
}

TEST_F(SyncFailpoints, RecoveryKilledAtEveryPointStillFinishes) {
    // The state a kill between switch and self-check leaves (current = 2, pending-check), then
    // the recovery of the next run killed at each of its own points.
    FaultServer server(bundles().v2);
    auto interrupted = [&](const std::string& name) {
        fs::path data = freshStore(name, bundles().v1);
        killAt(data, server.url(), {"sync.self-check-ended", 1});
        EXPECT_TRUE(selfCheckPending(data));
        EXPECT_EQ(slotVersion(data, "current"), 2u);
        return data;
    };
    std::vector<KillPoint> points = trace(interrupted("fp-recover-trace"), server.url());
    ASSERT_GE(points.size(), 3u);
    for (const KillPoint& p : points) {
        fs::path data = interrupted("fp-recover");
        killAt(data, server.url(), p);
        expectRecovers(data, server.url(), 2, {}, "recovery killed at " + p.spec());
        if (HasFatalFailure() || HasFailure()) break;
    }
    std::printf("recovery of an interrupted switch: killed at each of %zu points, all reached v2\n",
                points.size());
}

TEST_F(SyncFailpoints, RollbackKilledAtEveryPointStillRollsBack) {
    FaultServer server(bundles().brokenDbV3);
    auto interrupted = [&](const std::string& name) {
        fs::path data = freshStore(name, bundles().v1);
        killAt(data, server.url(), {"sync.self-check-ended", 1}); // checked bad, not yet acted on
        EXPECT_EQ(slotVersion(data, "current"), 3u);
        return data;
    };
    std::vector<KillPoint> points = trace(interrupted("fp-rollback-trace"), server.url());
    ASSERT_GE(points.size(), 3u);
    for (const KillPoint& p : points) {
        fs::path data = interrupted("fp-rollback");
        killAt(data, server.url(), p);
        expectRecovers(data, server.url(), 1, {3}, "rollback killed at " + p.spec());
        if (HasFatalFailure() || HasFailure()) break;
    }
    std::printf("rollback of a bad v3: killed at each of %zu points, all back on v1\n",
                points.size());
}

// The reported failure: a kill after the switch, then a kiosk started with another key (a
// config without the bureau's key). That start must not blame the bundle: nothing is marked bad,
// and the kiosk with the right key, and the next sync, get the new version.
TEST_F(SyncFailpoints, StartWithAnotherKeyDoesNotMarkTheInterruptedVersionBad) {
    FaultServer server(bundles().v2);
    fs::path data = freshStore("fp-other-key", bundles().v1);
    killAt(data, server.url(), {"sync.self-check-ended", 1});
    LoadedContent wrongKey = loadStartupContent(data, {}, bundles().otherKey.pub);
    EXPECT_FALSE(wrongKey.content) << "nothing verifies with the wrong key";
    EXPECT_TRUE(readBadVersions(data).empty());
    EXPECT_TRUE(selfCheckPending(data)) << "the check is still owed";
    EXPECT_EQ(slotVersion(data, "current"), 2u);
    expectRecovers(data, server.url(), 2, {}, "after a start with another key");
}

} // namespace zj::itest
