// The data directory's one owner (core/bundle/data_dir): every file at the path its layout
// table documents, the table naming every file, the layout and the single-writer lock; the sync's
// state files (core/sync/sync_state) and the choice of transport (core/sync/source).
#include "bundle_test_util.hpp"
#include "core/bundle/data_dir.hpp"
#include "core/sync/source.hpp"
#include "core/sync/sync_state.hpp"

#include <set>
#include <sys/stat.h>

using namespace zj;
using zj::test::TempDir;
namespace fs = std::filesystem;

namespace {

// Every accessor, with the path (relative to the root) it must give.
std::vector<std::pair<fs::path, std::string>> everyFile(const DataDir& d) {
    return {
        {d.blobs(), "blobs"},
        {d.blob("ab12"), "blobs/ab12"},
        {d.bundles(), "bundles"},
        {d.bundle(7), "bundles/7"},
        {d.slot(DataDir::kCurrent), "current"},
        {d.slot(DataDir::kPrevious), "previous"},
        {d.tmp(), "tmp"},
        {d.part("ab12"), "tmp/ab12.part"},
        {d.state(), "state"},
        {d.highestVersion(), "state/highest-version"},
        {d.badVersions(), "state/bad-versions"},
        {d.pendingCheck(), "state/pending-check"},
        {d.verifiedBlobs(), "state/verified-blobs"},
        {d.syncLock(), "state/sync.lock"},
        {d.timeFloor(), "state/time-floor"},
        {d.lastSync(), "state/last-sync.json"},
        {d.publisherKey(), "state/publisher-key"},
        {d.rootList(), "state/root.json"},
        {d.rootListSignature(), "state/root.json.sig"},
        {d.restarts(), "state/restarts"},
        {d.runMarker(), "state/running"},
        {d.staffPin(), "state/staff-pin"},
        {d.staffPinLockout(), "state/staff-pin-lockout"},
        {d.staffVolume(), "staff-volume"},
        {d.analyticsDb(), "analytics.db"},
    };
}

} // namespace

TEST(DataDir, EveryFileAtItsDocumentedPath) {
    const DataDir d("/var/lib/zjmap-kiosk");
    std::set<fs::path> seen;
    for (const auto& [path, rel] : everyFile(d)) {
        EXPECT_EQ(path, fs::path("/var/lib/zjmap-kiosk") / rel);
        EXPECT_TRUE(seen.insert(path).second) << rel << " named twice";
    }
    EXPECT_EQ(d.root(), fs::path(kDefaultDataDir));
}

TEST(DataDir, TheLayoutTableNamesEveryFile) {
    const std::string header =
        zj::test::readAll(fs::path(ZJ_SOURCE_DIR) / "app/core/bundle/data_dir.hpp");
    const size_t tableEnd = header.find("#pragma once");
    ASSERT_NE(tableEnd, std::string::npos);
    const std::string table = header.substr(0, tableEnd);
    const DataDir d("/x");
    for (const auto& [path, rel] : everyFile(d)) {
        // The table writes blobs/<sha256>, bundles/<version>/ and tmp/<sha256>.part generically.
        std::string name = rel;
        if (name == "blobs/ab12") name = "blobs/<sha256>";
        if (name == "bundles/7") name = "bundles/<version>/";
        if (name == "tmp/ab12.part") name = "tmp/<sha256>.part";
        if (name == "state/root.json" || name == "state/root.json.sig") name = "state/root.json";
        if (name == "blobs" || name == "bundles" || name == "tmp" || name == "state") continue;
        EXPECT_NE(table.find("//   " + name), std::string::npos) << name << " is not in the table";
    }
    EXPECT_NE(table.find("state/etag-"), std::string::npos);
}

TEST(DataDir, OneEtagFilePerManifestUrl) {
    const DataDir d("/data");
    const fs::path a = d.etag("https://a.example/manifest.json");
    const fs::path b = d.etag("https://b.example/manifest.json");
    EXPECT_NE(a, b);
    EXPECT_EQ(a, d.etag("https://a.example/manifest.json")); // stable across calls and runs
    EXPECT_EQ(a.parent_path(), d.state());
    const std::string name = a.filename().string();
    ASSERT_EQ(name.size(), 5 + 16u) << name;
    EXPECT_EQ(name.substr(0, 5), "etag-");
    EXPECT_EQ(name.find_first_not_of("0123456789abcdef", 5), std::string::npos) << name;
}

TEST(DataDir, EnsureLayoutMakesTheFourDirectories) {
    TempDir t;
    const DataDir d(t / "data");
    std::string err;
    ASSERT_TRUE(d.ensureLayout(err)) << err;
    for (const char* sub : DataDir::kSubdirs) EXPECT_TRUE(fs::is_directory(d.root() / sub)) << sub;
    // A file where a directory belongs is named, not silently used.
    fs::remove_all(d.tmp());
    zj::test::writeAll(d.tmp(), "not a dir");
    EXPECT_FALSE(d.ensureLayout(err));
    EXPECT_NE(err.find("tmp"), std::string::npos) << err;
}

TEST(DataDir, TheLockHasOneHolder) {
    TempDir t;
    std::string err;
    {
        StoreLock first, second;
        ASSERT_TRUE(first.tryAcquire(t.path(), err)) << err;
        EXPECT_TRUE(first.held());
        EXPECT_FALSE(second.tryAcquire(t.path(), err));
        EXPECT_FALSE(second.held());
        EXPECT_NE(err.find("sync.lock"), std::string::npos) << err;
    }
    StoreLock again; // released with its holder
    EXPECT_TRUE(again.tryAcquire(t.path(), err)) << err;
    EXPECT_TRUE(fs::exists(DataDir(t.path()).syncLock()));
}

TEST(SyncState, TimeFloorOnlyRises) {
    TempDir t;
    std::string err;
    ASSERT_TRUE(ensureStoreLayout(t.path(), err)) << err;
    SyncState s(t.path());
    EXPECT_EQ(s.timeFloor(), 0);
    s.raiseTimeFloor(1'800'000'000);
    EXPECT_EQ(s.timeFloor(), 1'800'000'000);
    s.raiseTimeFloor(1'700'000'000); // an older manifest never lowers it
    EXPECT_EQ(readTimeFloor(t.path()), 1'800'000'000);
    zj::test::writeAll(DataDir(t.path()).timeFloor(), "garbage\n");
    EXPECT_EQ(s.timeFloor(), 0);
}

TEST(SyncState, EtagsKeptPerSource) {
    TempDir t;
    std::string err;
    ASSERT_TRUE(ensureStoreLayout(t.path(), err)) << err;
    SyncState s(t.path());
    const std::string a = "http://a/manifest.json", b = "http://b/manifest.json";
    EXPECT_EQ(s.etag(a), "");
    s.saveEtag(a, "\"v7\"");
    s.saveEtag(b, ""); // nothing to keep: no file
    EXPECT_EQ(s.etag(a), "\"v7\"");
    EXPECT_EQ(s.etag(b), "");
    EXPECT_FALSE(fs::exists(DataDir(t.path()).etag(b)));
    zj::test::writeAll(DataDir(t.path()).etag(b), "\"w1\"\n"); // a trailing newline is not part
    EXPECT_EQ(s.etag(b), "\"w1\"");
}

TEST(SyncSource, ChosenByTheUrl) {
    SyncOptions o;
    const SteadyTime deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    auto http = openSource("https://example.org/kiosk/", o, deadline);
    ASSERT_TRUE(http);
    EXPECT_TRUE(http->isHttp());
    EXPECT_EQ(http->where("manifest.json"), "https://example.org/kiosk/manifest.json");
    auto file = openSource("file:///media/usb", o, deadline);
    ASSERT_TRUE(file);
    EXPECT_FALSE(file->isHttp());
    EXPECT_EQ(file->where("manifest.json"), "/media/usb/manifest.json");
    auto dir = openSource("/media/usb/", o, deadline);
    ASSERT_TRUE(dir);
    EXPECT_EQ(dir->where("blobs/x"), "/media/usb/blobs/x");
    EXPECT_FALSE(openSource("media/usb", o, deadline));
    EXPECT_FALSE(openSource("ftp://example.org/", o, deadline));
    EXPECT_FALSE(openSource("file://media/usb", o, deadline));
}

TEST(SyncSource, DirectorySourceReadsRegularFilesOnly) {
    TempDir t;
    zj::test::writeAll(t / "src/manifest.json", "{}");
    ASSERT_EQ(::mkfifo((t / "src/manifest.json.sig").c_str(), 0600), 0);
    SyncOptions o;
    o.dataDir = t / "data";
    auto src = openSource((t / "src").string(), o, std::chrono::steady_clock::now());
    ASSERT_TRUE(src);
    std::string body, etag;
    bool notModified = true;
    Step s = src->fetchSmall("manifest.json", 1024, "", body, etag, notModified);
    EXPECT_TRUE(s.ok()) << s.reason;
    EXPECT_EQ(body, "{}");
    EXPECT_FALSE(notModified);
    EXPECT_TRUE(src->reached());
    EXPECT_EQ(src->bytesDownloaded(), 2u);
    s = src->fetchSmall("manifest.json.sig", 1024, "", body, etag, notModified); // never blocks
    EXPECT_EQ(s.status, SyncStatus::Failed);
    s = src->fetchSmall("manifest.json", 1, "", body, etag, notModified); // over the cap
    EXPECT_FALSE(s.ok());
}
