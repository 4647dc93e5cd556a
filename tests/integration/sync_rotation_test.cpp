// Key rotation and revocation (issue 19 item 7) against real nginx on loopback: a root key, kept
// offline, signs root.json listing the publisher keys (zjmap-pack root-keygen / root-sign, run
// for real). One store plays a running kiosk through a compromise of its publisher key: the key
// works, is abused (a fast-forward to version 900), is revoked by root list version 2 that adds
// a new key, and the kiosk installs the new key's bundle and refuses the old key's, with no
// state file deleted by hand. Times come from the bundles under test (ManualClock).
#include "sync_fixture.hpp"

#include "core/bundle/manifest.hpp"
#include "core/bundle/root_list.hpp"
#include "core/bundle/store.hpp"
#include "core/clock.hpp"
#include "core/sync/config.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

namespace zj::itest {

namespace {

constexpr auto npos = std::string::npos;

void runPack(const std::vector<std::string>& args, const fs::path& logDir) {
    std::vector<std::string> argv = {ZJ_PACK_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    pid_t pid = spawn(argv, logDir / "pack.out", logDir / "pack.err", {});
    if (waitExit(pid) != 0)
        throw std::runtime_error("zjmap-pack " + args.front() + ": " +
                                 readBytes(logDir / "pack.err"));
}

// A published directory: a packed bundle's files, plus root.json + .sig from `rootDir` if set.
fs::path publish(const fs::path& dir, const fs::path& packed, const fs::path& rootDir) {
    fs::remove_all(dir);
    fs::copy(packed, dir, fs::copy_options::recursive);
    if (!rootDir.empty())
        for (const char* f : {"root.json", "root.json.sig"}) fs::copy_file(rootDir / f, dir / f);
    // nginx's ETag is mtime + size: manifests of equal size written in the same second would
    // answer 304 for each other. Each publication gets its own mtime.
    static int published = 0;
    fs::last_write_time(dir / "manifest.json", fs::file_time_type::clock::now() -
                                                   std::chrono::hours(1) +
                                                   std::chrono::seconds(++published));
    return dir;
}

} // namespace

TEST(SyncRotation, ARootListRevokesACompromisedKeyAndTheFleetMovesToTheNewOne) {
    const fs::path work = scratchDir("rotation");
    const TestKey& oldKey = bundles().key;
    const TestKey newKey = makeTestKey(work / "new-key");
    const int64_t created = readManifest(bundles().v1).created;
    const std::string t0 = formatUtc(created - 3600), t1 = formatUtc(created + 60),
                      end = formatUtc(created + 365 * 86400);

    // The bureau's root key (offline) and root list version 1: the old publisher key only.
    runPack({"root-keygen", "--out", (work / "root").string()}, work);
    runPack({"root-sign", "--key", (work / "root/root.key").string(), "--version", "1", "--created",
             t0, "--expires", end, "--publisher-key", oldKey.pubFile().string(), "--out",
             (work / "root-v1").string()},
            work);
    crypto::PublicKey rootKey{};
    std::string err;
    ASSERT_TRUE(crypto::readPublicKey(work / "root/root.pub", rootKey, err)) << err;

    fs::path www = work / "www";
    fs::create_directories(www);
    auto serve = [&](const fs::path& published) {
        fs::path tmp = www / "site.new";
        fs::remove(tmp);
        fs::create_symlink(published, tmp);
        fs::rename(tmp, www / "site");
    };
    serve(publish(work / "pub-a", bundles().v1, work / "root-v1"));
    Nginx nginx(www / "site", work / "nginx");
    ASSERT_TRUE(nginx.running()) << nginx.startError();

    const fs::path data = work / "store";
    ManualClock clock(0, created + 3600);
    SyncOptions o = optionsFor(data);
    o.publicKey = {}; // root mode: the keys come from root.json
    o.rootKey = rootKey;
    o.clock = &clock;

    // 1. The old key works.
    SyncResult r = runSyncCycle(nginx.url(), o);
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_NE(r.reason.find("root list version 1 accepted (1 publisher key(s))"), npos) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 1u);

    // 2. It is compromised: a bundle fast-forwarded to version 900 installs (it is validly
    // signed by a listed key) and would lock out every real version below 900.
    fs::path evil = work / "evil-900";
    resignBundle(bundles().v1, evil, oldKey, [](Manifest& m, const fs::path&) { m.version = 900; });
    serve(publish(work / "pub-b", evil, work / "root-v1"));
    r = runSyncCycle(nginx.url(), o);
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 900u);

    // 3. Root list version 2 (signed offline) revokes the old key and adds the new one; the
    // publisher's next real bundle, version 2, is signed by the new key.
    runPack({"root-sign", "--key", (work / "root/root.key").string(), "--version", "2", "--created",
             t1, "--expires", end, "--min-version", "1", "--publisher-key",
             newKey.pubFile().string(), "--out", (work / "root-v2").string()},
            work);
    fs::path newV2 = work / "new-v2";
    resignBundle(bundles().v2, newV2, newKey, [](Manifest&, const fs::path&) {});
    serve(publish(work / "pub-c", newV2, work / "root-v2"));
    r = runSyncCycle(nginx.url(), o);
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_NE(r.reason.find("root list version 2 accepted (1 publisher key(s)); 1 key(s) revoked: "
                            "highest version reset to 1"),
              npos)
        << r.reason;
    EXPECT_NE(r.reason.find("signed by a revoked key: no longer current"), npos) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 2u);
    EXPECT_FALSE(slotVersion(data, "previous")); // 900 is gone, never rolled back to
    uint64_t highest = 0;
    ASSERT_TRUE(readHighestVersion(data, highest, err)) << err;
    EXPECT_EQ(highest, 2u);
    EXPECT_EQ(recordedPublisherKey(data), newKey.pub);
    KioskConfig shown;
    shown.dataDir = data;
    shown.rootKey = rootKey;
    EXPECT_EQ(displayKeyFor(shown), newKey.pub); // the screen verifies with the new key

    // 4. The old key's bundles are refused from now on (even a higher version).
    fs::path oldV3 = work / "old-v3";
    resignBundle(bundles().v2, oldV3, oldKey, [](Manifest& m, const fs::path&) { m.version = 3; });
    serve(publish(work / "pub-d", oldV3, work / "root-v2"));
    r = runSyncCycle(nginx.url(), o);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("signature does not verify with any publisher key of root list "
                            "version 2"),
              npos)
        << r.reason;
    // ... also with the old root list replayed next to it (a root list rollback).
    serve(publish(work / "pub-e", oldV3, work / "root-v1"));
    r = runSyncCycle(nginx.url(), o);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("root.json version 1 refused: older than the root list kept (version "
                            "2)"),
              npos)
        << r.reason;
    // ... and from a mirror that publishes no root.json (the kept list judges).
    serve(publish(work / "pub-f", oldV3, {}));
    r = runSyncCycle(nginx.url(), o);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 2u);

    // 5. The new key goes on working, with or without root.json beside the bundle.
    fs::path newV3 = work / "new-v3";
    resignBundle(bundles().v2, newV3, newKey, [](Manifest& m, const fs::path&) { m.version = 3; });
    serve(publish(work / "pub-g", newV3, {}));
    r = runSyncCycle(nginx.url(), o);
    EXPECT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 3u);
}

TEST(SyncRotation, RootListsThatDoNotVerifyOrHaveExpiredAreRefused) {
    const fs::path work = scratchDir("rotation-refusals");
    const int64_t created = readManifest(bundles().v1).created;
    runPack({"root-keygen", "--out", (work / "root").string()}, work);
    runPack({"root-keygen", "--out", (work / "other-root").string()}, work);
    crypto::PublicKey rootKey{};
    std::string err;
    ASSERT_TRUE(crypto::readPublicKey(work / "root/root.pub", rootKey, err)) << err;
    auto sign = [&](const char* key, const char* out, int64_t expires) {
        runPack({"root-sign", "--key", (work / key / "root.key").string(), "--version", "1",
                 "--created", formatUtc(created - 7200), "--expires", formatUtc(expires),
                 "--publisher-key", bundles().key.pubFile().string(), "--out",
                 (work / out).string()},
                work);
    };
    sign("other-root", "forged", created + 86400);
    sign("root", "expired", created - 3600);
    ManualClock clock(0, created + 3600);
    SyncOptions o = optionsFor(work / "store");
    o.publicKey = {};
    o.rootKey = rootKey;
    o.clock = &clock;
    SyncResult r = runSyncCycle(publish(work / "a", bundles().v1, work / "forged").string(), o);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("root.json: signature does not verify with the root key"), npos)
        << r.reason;
    r = runSyncCycle(publish(work / "b", bundles().v1, work / "expired").string(), o);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("root.json: version 1 expired at"), npos) << r.reason;
    r = runSyncCycle(publish(work / "c", bundles().v1, {}).string(), o);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("with [sync] root_key the source must publish root.json"), npos)
        << r.reason;
    EXPECT_FALSE(slotVersion(work / "store", "current"));
}

} // namespace zj::itest
