// Issue 19, secure by default: the attacks of tests/integration/README.md's TUF table that the
// other files do not cover yet. The development key, a freeze by 304 or by a replayed expired
// manifest, the time floor, the top version, FIFOs and symlinks on a stick, redirects. Every
// time is derived from the bundles under test (ManualClock), never from today's date.
#include "sync_fixture.hpp"

#include "core/bundle/store.hpp"
#include "core/clock.hpp"
#include "core/sync/config.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace zj::itest {

namespace {

constexpr auto npos = std::string::npos;

TestKey developmentKey() {
    TestKey k;
    std::string err;
    const fs::path keys = fs::path(ZJ_SOURCE_DIR) / "content/keys";
    if (!crypto::readPublicKey(keys / "dev-publisher.pub", k.pub, err) ||
        !crypto::readSecretKey(keys / "dev-publisher.key", k.secret, err))
        throw std::runtime_error(err);
    return k;
}

// Options on a clock an hour after v1 was created: v1 and v2 are valid, nothing has expired.
SyncOptions optionsAt(const fs::path& data, const ManualClock& clock) {
    SyncOptions o = optionsFor(data);
    o.clock = &clock;
    return o;
}

std::string fileSource(const fs::path& dir) {
    return "file://" + dir.string();
}

} // namespace

//-----------------------------------------------------------------------------
// Key compromise: the development key's secret is in the repository
//-----------------------------------------------------------------------------

TEST(SyncDevelopmentKey, RefusedUnlessAllowed) {
    const TestKey dev = developmentKey();
    fs::path work = scratchDir("security/dev-key");
    fs::path devV1 = work / "dev-v1";
    resignBundle(bundles().v1, devV1, dev, [](Manifest&, const fs::path&) {});
    fs::path data = work / "store";
    ManualClock clock(0, readManifest(bundles().v1).created + 3600);
    SyncOptions o = optionsAt(data, clock);
    o.publicKey = dev.pub;

    SyncResult r = runSyncCycle(fileSource(devV1), o);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("the publisher key is the development key"), npos) << r.reason;
    EXPECT_FALSE(fs::exists(data)) << "the refusal must come before the store is touched";

    o.allowDevelopmentKey = true; // [sync] allow_development_key / --allow-development-key
    r = runSyncCycle(fileSource(devV1), o);
    EXPECT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 1u);
}

TEST(SyncDevelopmentKey, DemoBundleIsNeverInstalledBySync) {
    // The demo bundle in /usr/share may be shown; sync with the shipped defaults never takes it.
    fs::path data = scratchDir("security/demo") / "store";
    SyncOptions o = optionsFor(data);
    o.publicKey = developmentKey().pub;
    SyncResult r = runSyncCycle(fileSource(ZJ_DEMO_BUNDLE_DIR), o);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("development key"), npos) << r.reason;
    EXPECT_FALSE(slotVersion(data, "current"));
}

//-----------------------------------------------------------------------------
// Indefinite freeze
//-----------------------------------------------------------------------------

TEST(SyncFreeze, NotModifiedWithAnExpiredCurrentIsStaleNotUpToDate) {
    fs::path work = scratchDir("security/freeze-304");
    fs::create_directories(work / "www");
    fs::create_symlink(bundles().v1, work / "www/site");
    Nginx nginx(work / "www/site", work / "nginx");
    ASSERT_TRUE(nginx.running()) << nginx.startError();
    const Manifest v1 = readManifest(bundles().v1);
    fs::path data = work / "store";

    ManualClock valid(0, v1.created + 3600);
    SyncResult r = runSyncCycle(nginx.url(), optionsAt(data, valid));
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_FALSE(r.stale);
    EXPECT_EQ(r.currentExpires, v1.expires);
    r = runSyncCycle(nginx.url(), optionsAt(data, valid)); // a 304 while current is valid
    EXPECT_EQ(r.status, SyncStatus::UpToDate) << r.reason;
    EXPECT_NE(r.reason.find("ETag"), npos) << r.reason;

    // The same server, the same 304, after v1's signed expiry: stale, not success.
    ManualClock expired(0, v1.expires + 60);
    r = runSyncCycle(nginx.url(), optionsAt(data, expired));
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_TRUE(r.stale);
    EXPECT_NE(r.reason.find("ETag"), npos) << "not a 304 any more: " << r.reason;
    EXPECT_NE(r.reason.find("installed bundle 1 is stale: expired at " + formatUtc(v1.expires)),
              npos)
        << r.reason;
    EXPECT_EQ(r.bytesDownloaded, 0u);
    EXPECT_EQ(slotVersion(data, "current"), 1u); // still shown: nothing better is on hand

    // What the staff panel, the heartbeat and `status` read carries it.
    std::string err;
    ASSERT_TRUE(saveLastSync(data, toLastSync(r, expired.wallSeconds()), err)) << err;
    std::optional<LastSync> last = loadLastSync(data);
    ASSERT_TRUE(last);
    EXPECT_TRUE(last->stale);
    EXPECT_EQ(last->result, "refused");
}

TEST(SyncFreeze, ReplayedExpiredManifestOfTheInstalledVersionIsRefused) {
    const Manifest v1 = readManifest(bundles().v1);
    fs::path data = scratchDir("security/freeze-replay") / "store";
    ManualClock valid(0, v1.created + 3600);
    ASSERT_EQ(runSyncCycle(fileSource(bundles().v1), optionsAt(data, valid)).status,
              SyncStatus::Updated);

    // A mirror keeps offering the bundle the kiosk has, long after it expired.
    ManualClock expired(0, v1.expires + 60);
    SyncResult r = runSyncCycle(fileSource(bundles().v1), optionsAt(data, expired));
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_TRUE(r.stale);
    EXPECT_NE(r.reason.find("bundle 1 refused: expired at " + formatUtc(v1.expires)), npos)
        << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 1u);
}

TEST(SyncFreeze, StatusCommandSaysExpired) {
    // The time floor past v1's expiry (as after a later install): expired by any clock, so the
    // real `zjmap-kiosk status` (system clock) must say so whatever today's date is.
    const Manifest v1 = readManifest(bundles().v1);
    fs::path work = scratchDir("security/status-expired");
    fs::path data = freshStore("security-status-expired", bundles().v1);
    writeBytes(data / "state/time-floor", std::to_string(v1.expires + 1) + "\n");
    pid_t pid =
        spawn({ZJ_KIOSK_EXE, "status", "--data", data.string()}, work / "out", work / "err");
    ASSERT_EQ(waitExit(pid), 0) << readBytes(work / "err");
    std::string out = readBytes(work / "out");
    EXPECT_NE(out.find("installed  bundle 1"), npos) << out;
    EXPECT_NE(out.find("EXPIRED"), npos) << out;
}

TEST(SyncTimeFloor, RaisedOnlyByAManifestThatWasInstalled) {
    const Manifest v2 = readManifest(bundles().v2);
    fs::path work = scratchDir("security/time-floor");
    fs::path data = work / "store";
    ManualClock clock(0, v2.created + 3600);
    ASSERT_EQ(runSyncCycle(fileSource(bundles().v2), optionsAt(data, clock)).status,
              SyncStatus::Updated);
    EXPECT_EQ(readTimeFloor(data), v2.created);

    // Correctly signed, refused for its version (1 < 2), `created` far in the future: it must
    // not move the floor, or every later bundle would look expired.
    fs::path futureOld = work / "future-v1";
    resignBundle(bundles().v1, futureOld, bundles().key, [&](Manifest& m, const fs::path&) {
        m.created = v2.expires + 365 * 86400;
        m.expires = m.created + 365 * 86400;
    });
    SyncResult r = runSyncCycle(fileSource(futureOld), optionsAt(data, clock));
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_EQ(readTimeFloor(data), v2.created);

    // So an ordinary next version is still installed by the same clock.
    fs::path v3 = work / "v3";
    resignBundle(bundles().v2, v3, bundles().key,
                 [](Manifest& m, const fs::path&) { m.version = 3; });
    r = runSyncCycle(fileSource(v3), optionsAt(data, clock));
    EXPECT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 3u);
}

//-----------------------------------------------------------------------------
// Fast-forward: the top version
//-----------------------------------------------------------------------------

TEST(SyncVersions, TopVersionIsRefusedAndLocksNothingOut) {
    const Manifest v1 = readManifest(bundles().v1);
    fs::path work = scratchDir("security/top-version");
    fs::path data = work / "store";
    ManualClock clock(0, v1.created + 3600);
    ASSERT_EQ(runSyncCycle(fileSource(bundles().v1), optionsAt(data, clock)).status,
              SyncStatus::Updated);
    fs::path top = work / "top";
    resignBundle(bundles().v2, top, bundles().key,
                 [](Manifest& m, const fs::path&) { m.version = UINT64_MAX; });
    SyncResult r = runSyncCycle(fileSource(top), optionsAt(data, clock));
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("out of range"), npos) << r.reason;
    uint64_t highest = 0;
    std::string err;
    ASSERT_TRUE(readHighestVersion(data, highest, err)) << err;
    EXPECT_EQ(highest, 1u);
    r = runSyncCycle(fileSource(bundles().v2), optionsAt(data, clock));
    EXPECT_EQ(r.status, SyncStatus::Updated) << r.reason;
}

//-----------------------------------------------------------------------------
// Wrong software: a bundle signed for other kiosks
//-----------------------------------------------------------------------------

TEST(SyncChannel, OnlyBundlesSignedForTheKiosksChannelAreInstalled) {
    fs::path work = scratchDir("security/channel");
    fs::path data = work / "store";
    const ManualClock clock(0, readManifest(bundles().v1).created + 3600);
    fs::path lobby = work / "lobby-v1";
    resignBundle(bundles().v1, lobby, bundles().key,
                 [](Manifest& m, const fs::path&) { m.channel = "lobby"; });
    SyncOptions o = optionsAt(data, clock);
    SyncResult r = runSyncCycle(fileSource(lobby), o); // a kiosk with no channel
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("signed for channel \"lobby\", this kiosk is on \"(none)\""), npos)
        << r.reason;
    o.channel = "fair";
    r = runSyncCycle(fileSource(lobby), o);
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    r = runSyncCycle(fileSource(bundles().v1), o); // nor a bundle for no channel
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("signed for channel \"(none)\", this kiosk is on \"fair\""), npos)
        << r.reason;
    EXPECT_FALSE(slotVersion(data, "current"));
    o.channel = "lobby";
    r = runSyncCycle(fileSource(lobby), o);
    EXPECT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 1u);
}

//-----------------------------------------------------------------------------
// Slow retrieval / endless data on a local source: FIFOs and symlinks
//-----------------------------------------------------------------------------

namespace {

// A stick with v1's signature and blobs; the test puts its own manifest.json there.
fs::path stickWithoutManifest(const std::string& name) {
    fs::path usb = scratchDir("security/" + name) / "usb";
    fs::create_directories(usb);
    fs::copy(bundles().v1 / "blobs", usb / "blobs", fs::copy_options::recursive);
    fs::copy_file(bundles().v1 / "manifest.json.sig", usb / "manifest.json.sig");
    return usb;
}

// While alive, keeps opening `fifo` for writing and writing junk: a reader blocked in open()
// on it is released, so a sync that would hang fails its assertions instead.
class FifoReleaser {
  public:
    explicit FifoReleaser(fs::path fifo) : fifo_(std::move(fifo)), thread_([this] { run(); }) {}
    ~FifoReleaser() {
        done_ = true;
        thread_.join();
    }

  private:
    void run() {
        while (!done_) {
            int fd = ::open(fifo_.c_str(), O_WRONLY | O_NONBLOCK); // ENXIO while no reader
            if (fd >= 0) {
                (void)!::write(fd, "junk", 4);
                ::close(fd);
            }
            ::usleep(20000);
        }
    }
    fs::path fifo_;
    std::atomic<bool> done_{false};
    std::thread thread_;
};

} // namespace

TEST(SyncLocalSource, FifoManifestIsRefusedWithoutWaiting) {
    fs::path usb = stickWithoutManifest("fifo-manifest");
    ASSERT_EQ(::mkfifo((usb / "manifest.json").c_str(), 0600), 0) << std::strerror(errno);
    fs::path data = usb.parent_path() / "store";
    SyncResult r;
    {
        FifoReleaser releaser(usb / "manifest.json");
        r = runSyncCycle(fileSource(usb), optionsFor(data));
    }
    EXPECT_EQ(r.status, SyncStatus::Failed) << r.reason;
    EXPECT_NE(r.reason.find("manifest.json: not a regular file (a FIFO"), npos) << r.reason;
    EXPECT_FALSE(slotVersion(data, "current"));
}

TEST(SyncLocalSource, FifoBlobIsRefused) {
    fs::path usb = stickWithoutManifest("fifo-blob");
    fs::copy_file(bundles().v1 / "manifest.json", usb / "manifest.json");
    const std::string sha = readManifest(bundles().v1).files.front().sha256;
    fs::remove(usb / "blobs" / sha);
    ASSERT_EQ(::mkfifo((usb / "blobs" / sha).c_str(), 0600), 0) << std::strerror(errno);
    fs::path data = usb.parent_path() / "store";
    SyncResult r;
    {
        FifoReleaser releaser(usb / "blobs" / sha);
        r = runSyncCycle(fileSource(usb), optionsFor(data));
    }
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find(sha + ": not a regular file (a FIFO"), npos) << r.reason;
    EXPECT_FALSE(slotVersion(data, "current"));
}

TEST(SyncLocalSource, SymlinkedManifestIsRefused) {
    // A link on a stick could name any file of the kiosk; only regular files are read.
    fs::path usb = stickWithoutManifest("symlink-manifest");
    fs::create_symlink(bundles().v1 / "manifest.json", usb / "manifest.json");
    fs::path data = usb.parent_path() / "store";
    SyncResult r = runSyncCycle(fileSource(usb), optionsFor(data));
    EXPECT_EQ(r.status, SyncStatus::Failed) << r.reason;
    EXPECT_NE(r.reason.find("manifest.json: a symbolic link"), npos) << r.reason;
    EXPECT_FALSE(slotVersion(data, "current"));
}

//-----------------------------------------------------------------------------
// Malicious mirrors: redirects stay within the source's origin
//-----------------------------------------------------------------------------

TEST(SyncRedirect, SameOriginRules) {
    EXPECT_TRUE(sameOrigin("https://cdn.example.org/zjmap/manifest.json",
                           "https://CDN.example.org:443/other/manifest.json"));
    EXPECT_TRUE(sameOrigin("http://127.0.0.1:8080/a", "http://127.0.0.1:8080/b"));
    EXPECT_FALSE(sameOrigin("https://cdn.example.org/a", "http://cdn.example.org/a")); // downgrade
    EXPECT_FALSE(sameOrigin("https://cdn.example.org/a", "https://evil.example.org/a"));
    EXPECT_FALSE(sameOrigin("http://127.0.0.1:8080/a", "http://127.0.0.1:8081/a"));
    EXPECT_FALSE(sameOrigin("http://127.0.0.1:8080/a", "file:///etc/passwd"));
    EXPECT_FALSE(sameOrigin("http://127.0.0.1:8080/a", "not a url"));
}

TEST(SyncRedirect, ToAnotherOriginRefusedWithinTheOriginFollowed) {
    fs::path work = scratchDir("security/redirect");
    fs::create_directories(work / "www");
    fs::create_symlink(bundles().v1, work / "www/site");
    Nginx elsewhere(work / "www/site", work / "nginx"); // another port: another origin
    ASSERT_TRUE(elsewhere.running()) << elsewhere.startError();
    fs::path root = work / "root"; // v1 at the top, and a copy of its manifest under mirror/
    fs::copy(bundles().v1, root, fs::copy_options::recursive);
    fs::create_directories(root / "mirror");
    fs::copy_file(root / "manifest.json", root / "mirror/manifest.json");
    FaultServer server(root);
    const ManualClock clock(0, readManifest(bundles().v1).created + 3600);

    // The manifest and its signature sent to another host (here: port) are not fetched.
    server.setRedirect("/manifest.json", elsewhere.url() + "/manifest.json");
    server.setRedirect("/manifest.json.sig", elsewhere.url() + "/manifest.json.sig");
    fs::path data = work / "store";
    SyncResult r = runSyncCycle(server.url(), optionsAt(data, clock));
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("redirected to " + elsewhere.url() + "/manifest.json, another origin"),
              npos)
        << r.reason;
    EXPECT_FALSE(slotVersion(data, "current"));

    // A blob sent elsewhere: refused too, nothing switched.
    server.clearFaults();
    const std::string sha = readManifest(bundles().v1).files.front().sha256;
    server.setRedirect("/blobs/" + sha, elsewhere.url() + "/blobs/" + sha);
    r = runSyncCycle(server.url(), optionsAt(data, clock));
    EXPECT_EQ(r.status, SyncStatus::Refused) << r.reason;
    EXPECT_NE(r.reason.find("another origin"), npos) << r.reason;
    EXPECT_FALSE(slotVersion(data, "current"));

    // Within the origin (relative and absolute Locations) redirects still work.
    server.clearFaults();
    server.setRedirect("/manifest.json", "/mirror/manifest.json");
    server.setRedirect("/manifest.json.sig", server.url() + "/manifest.json.sig?again");
    server.setRedirect("/manifest.json.sig?again", "/manifest.json.sig.real");
    fs::copy_file(root / "manifest.json.sig", root / "manifest.json.sig.real");
    r = runSyncCycle(server.url(), optionsAt(data, clock));
    EXPECT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 1u);
}

//-----------------------------------------------------------------------------
// The store follows no links (item 8): a symlinked tmp/ must not make sync empty its target
//-----------------------------------------------------------------------------

TEST(SyncStoreLinks, SymlinkedTmpIsRefusedAndTheDecoyKeepsItsFiles) {
    fs::path work = scratchDir("security/store-links");
    fs::path data = work / "store";
    ManualClock clock(0, readManifest(bundles().v2).created + 3600);
    SyncResult r = runSyncCycle(fileSource(bundles().v1), optionsAt(data, clock));
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;

    fs::path decoy = work / "decoy";
    fs::create_directories(decoy / "sub");
    writeBytes(decoy / "operator-file", "must survive");
    writeBytes(decoy / "sub/nested", "must survive too");
    fs::remove_all(data / "tmp");
    fs::create_directory_symlink(decoy, data / "tmp");

    r = runSyncCycle(fileSource(bundles().v2), optionsAt(data, clock));
    EXPECT_EQ(r.status, SyncStatus::Failed) << r.reason;
    EXPECT_NE(r.reason.find((data / "tmp").string() + ": a symbolic link, not a directory"), npos)
        << r.reason;
    EXPECT_EQ(readBytes(decoy / "operator-file"), "must survive");
    EXPECT_EQ(readBytes(decoy / "sub/nested"), "must survive too");
    EXPECT_EQ(slotVersion(data, "current"), 1u);

    // A real tmp/ again: the same cycle installs v2.
    fs::remove(data / "tmp");
    r = runSyncCycle(fileSource(bundles().v2), optionsAt(data, clock));
    EXPECT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_EQ(slotVersion(data, "current"), 2u);
}

//-----------------------------------------------------------------------------
// Credentials in a source URL never reach a reason, last-sync.json or the staff panel (item 12)
//-----------------------------------------------------------------------------

TEST(SyncRedact, CredentialsInASourceUrlNeverReachTheReasonOrLastSync) {
    FaultServer server(scratchDir("security/redact-www"));
    server.setFault("/manifest.json", Fault::Status500);
    fs::path data = scratchDir("security/redact") / "store";
    ManualClock clock(0, readManifest(bundles().v1).created + 3600);
    std::string url = server.url();
    url.insert(url.find("://") + 3, "kiosk:hunter2@"); // basic auth in the source URL
    SyncResult r = runSyncCycle(url, optionsAt(data, clock));
    EXPECT_EQ(r.status, SyncStatus::Failed) << r.reason;
    EXPECT_NE(r.reason.find(server.url() + "/manifest.json: HTTP 500"), npos) << r.reason;
    EXPECT_EQ(r.source, server.url());
    for (const std::string& text : {r.reason, r.source})
        EXPECT_EQ(text.find("hunter2"), npos) << text;
    std::string err;
    ASSERT_TRUE(saveLastSync(data, toLastSync(r, clock.wallSeconds()), err)) << err;
    const std::string saved = readBytes(data / "state/last-sync.json");
    EXPECT_EQ(saved.find("hunter2"), npos) << saved;
}

} // namespace zj::itest
