// The kiosk's bundle store: install, switch, rollback protection, startup fallback, GC.
#include "core/bundle/store.hpp"

#include "bundle_test_util.hpp"

#include <iterator>
#include <sys/stat.h>
#include <unistd.h>

using namespace zj;
using namespace zj::test;

static std::string linkTarget(const fs::path& p) {
    std::error_code ec;
    return fs::read_symlink(p, ec).string();
}

static bool logHas(const std::vector<std::string>& log, const std::string& needle) {
    for (const std::string& line : log)
        if (line.find(needle) != std::string::npos) return true;
    return false;
}

static std::string joined(const std::vector<std::string>& log) {
    std::string out;
    for (const std::string& l : log) out += l + "\n";
    return out;
}

TEST(BundleStore, InstallMakesCurrent) {
    TempDir dir;
    TestKeys k;
    writeSample(dir / "packed", k.secret, 3);
    fs::path data = dir / "data";
    std::string err;
    uint64_t installed = 0;
    ASSERT_TRUE(installFromPackedBundle(data, dir / "packed", k.pub, err, &installed)) << err;
    EXPECT_EQ(installed, 3u);
    EXPECT_EQ(linkTarget(data / "current"), "bundles/3");
    EXPECT_FALSE(fs::is_symlink(fs::symlink_status(data / "previous")));
    EXPECT_EQ(readAll(data / "state/highest-version"), "3\n");
    EXPECT_EQ(readAll(data / "bundles/3/manifest.json"), readAll(dir / "packed/manifest.json"));
    EXPECT_EQ(slotVersion(data, "current"), std::optional<uint64_t>(3));
    // Blobs are shared and deduplicated: 3 distinct contents.
    size_t blobs = 0;
    for (auto& e : fs::directory_iterator(data / "blobs")) blobs += e.is_regular_file();
    EXPECT_EQ(blobs, 3u);
    EXPECT_GT(storeSize(data), 0u);

    std::vector<std::string> log;
    auto b = selectStartupBundle(data, {}, k.pub, log);
    ASSERT_TRUE(b) << joined(log);
    EXPECT_EQ(b->manifest.version, 3u);
    EXPECT_EQ(readAll(b->pathOf("content.db")), "sqlite bytes ");
    EXPECT_TRUE(logHas(log, "using bundle 3 (current)")) << joined(log);
}

TEST(BundleStore, SecondInstallKeepsPrevious) {
    TempDir dir;
    TestKeys k;
    fs::path data = dir / "data";
    std::string err;
    writeSample(dir / "p3", k.secret, 3);
    writeSample(dir / "p4", k.secret, 4, "v4");
    ASSERT_TRUE(installFromPackedBundle(data, dir / "p3", k.pub, err)) << err;
    ASSERT_TRUE(installFromPackedBundle(data, dir / "p4", k.pub, err)) << err;
    EXPECT_EQ(linkTarget(data / "current"), "bundles/4");
    EXPECT_EQ(linkTarget(data / "previous"), "bundles/3");
    EXPECT_EQ(readAll(data / "state/highest-version"), "4\n");
    EXPECT_FALSE(fs::exists(data / "current.new"));
}

TEST(BundleStore, RefusesRollbackReinstallAndBadVersions) {
    TempDir dir;
    TestKeys k;
    fs::path data = dir / "data";
    std::string err;
    writeSample(dir / "p3", k.secret, 3);
    writeSample(dir / "p5", k.secret, 5, "v5");
    writeSample(dir / "p6", k.secret, 6, "v6");
    ASSERT_TRUE(installFromPackedBundle(data, dir / "p5", k.pub, err)) << err;
    EXPECT_FALSE(installFromPackedBundle(data, dir / "p3", k.pub, err));
    EXPECT_NE(err.find("not newer"), std::string::npos) << err;
    EXPECT_FALSE(installFromPackedBundle(data, dir / "p5", k.pub, err)); // same version again
    EXPECT_EQ(linkTarget(data / "current"), "bundles/5");

    ASSERT_TRUE(markVersionBad(data, 6, err)) << err;
    EXPECT_FALSE(installFromPackedBundle(data, dir / "p6", k.pub, err));
    EXPECT_NE(err.find("marked bad"), std::string::npos) << err;

    // The rollback floor survives even when the bundles themselves are gone.
    fs::remove_all(data / "bundles");
    fs::remove(data / "current");
    EXPECT_FALSE(installFromPackedBundle(data, dir / "p3", k.pub, err));

    // A corrupt state file refuses installs instead of resetting the floor to 0.
    writeAll(data / "state/highest-version", "garbage\n");
    EXPECT_FALSE(installFromPackedBundle(data, dir / "p3", k.pub, err));
    EXPECT_NE(err.find("corrupt"), std::string::npos) << err;
}

TEST(BundleStore, InstallRefusesTamperedPackedBundle) {
    TempDir dir;
    TestKeys k, other;
    fs::path data = dir / "data";
    std::string err;
    writeSample(dir / "p", k.secret, 3);
    flipByte(dir / "p/blobs" / crypto::sha256Hex("jpeg two "), 0);
    EXPECT_FALSE(installFromPackedBundle(data, dir / "p", k.pub, err));
    EXPECT_NE(err.find("sha256 mismatch (media/photos/etdz-2.jpg)"), std::string::npos) << err;
    EXPECT_FALSE(fs::exists(data / "current"));
    writeSample(dir / "q", k.secret, 3);
    EXPECT_FALSE(installFromPackedBundle(data, dir / "q", other.pub, err));
    EXPECT_NE(err.find("signature"), std::string::npos) << err;
}

TEST(BundleStore, StartupFallsBackFromCorruptCurrentToPreviousThenDemo) {
    TempDir dir;
    TestKeys k;
    fs::path data = dir / "data";
    std::string err;
    writeSample(dir / "p3", k.secret, 3);
    writeSample(dir / "p4", k.secret, 4, "v4");
    writeSample(dir / "demo", k.secret, 1, "demo");
    ASSERT_TRUE(installFromPackedBundle(data, dir / "p3", k.pub, err)) << err;
    ASSERT_TRUE(installFromPackedBundle(data, dir / "p4", k.pub, err)) << err;

    // A blob only version 4 uses disappears.
    std::string v4only = crypto::sha256Hex("jpeg two v4");
    fs::remove(data / "blobs" / v4only);
    std::vector<std::string> log;
    auto b = selectStartupBundle(data, dir / "demo", k.pub, log);
    ASSERT_TRUE(b) << joined(log);
    EXPECT_EQ(b->manifest.version, 3u);
    EXPECT_TRUE(logHas(log, "bundle 4 refused: blobs/" + v4only.substr(0, 12) +
                                "...: missing (media/photos/etdz-2.jpg)"))
        << joined(log);
    EXPECT_TRUE(logHas(log, "using bundle 3 (previous)")) << joined(log);

    // Previous' manifest is tampered too: fall back to the demo bundle.
    std::string json = readAll(data / "bundles/3/manifest.json");
    json.replace(json.find("2026"), 4, "2025");
    writeAll(data / "bundles/3/manifest.json", json);
    log.clear();
    b = selectStartupBundle(data, dir / "demo", k.pub, log);
    ASSERT_TRUE(b) << joined(log);
    EXPECT_EQ(b->manifest.version, 1u);
    EXPECT_EQ(readAll(b->pathOf("content.db")), "sqlite bytes demo");
    EXPECT_TRUE(logHas(log, "bundle 4 refused")) << joined(log);
    EXPECT_TRUE(logHas(log, "bundle 3 refused")) << joined(log);
    EXPECT_TRUE(logHas(log, "signature")) << joined(log);
    EXPECT_TRUE(logHas(log, "using demo bundle")) << joined(log);

    // No demo either: nothing, and the log says why.
    log.clear();
    EXPECT_FALSE(selectStartupBundle(data, dir / "no-demo", k.pub, log));
    EXPECT_TRUE(logHas(log, "demo bundle")) << joined(log);
}

TEST(BundleStore, MarkBadAndRollBack) {
    TempDir dir;
    TestKeys k;
    fs::path data = dir / "data";
    std::string err;
    writeSample(dir / "p3", k.secret, 3);
    writeSample(dir / "p4", k.secret, 4, "v4");
    ASSERT_TRUE(installFromPackedBundle(data, dir / "p3", k.pub, err)) << err;
    ASSERT_TRUE(installFromPackedBundle(data, dir / "p4", k.pub, err)) << err;
    ASSERT_TRUE(markBadAndRollBack(data, err)) << err;
    EXPECT_EQ(linkTarget(data / "current"), "bundles/3");
    EXPECT_FALSE(fs::is_symlink(fs::symlink_status(data / "previous")));
    EXPECT_EQ(readBadVersions(data), std::set<uint64_t>{4});
    EXPECT_EQ(readAll(data / "state/highest-version"), "4\n"); // the floor does not drop

    // A bad version is refused at startup even if something points at it.
    std::vector<std::string> log;
    ASSERT_TRUE(switchCurrent(data, 4, err)) << err; // current = 4 (bad), previous = 3
    auto b = selectStartupBundle(data, {}, k.pub, log);
    ASSERT_TRUE(b) << joined(log);
    EXPECT_EQ(b->manifest.version, 3u);
    EXPECT_TRUE(logHas(log, "bundle 4 refused: marked bad")) << joined(log);

    // With no previous, the failing current is still marked bad and its slot goes (so startup
    // falls back to the demo bundle and no sync takes it for installed), but the call reports
    // that it could not roll back.
    ASSERT_TRUE(markBadAndRollBack(data, err)) << err; // current = 3, previous gone
    EXPECT_FALSE(markBadAndRollBack(data, err));
    EXPECT_NE(err.find("no previous"), std::string::npos) << err;
    EXPECT_EQ(readBadVersions(data), (std::set<uint64_t>{3, 4}));
    EXPECT_FALSE(fs::is_symlink(fs::symlink_status(data / "current")));
    log.clear();
    EXPECT_FALSE(selectStartupBundle(data, {}, k.pub, log));
    EXPECT_TRUE(logHas(log, "no demo bundle configured")) << joined(log);
}

TEST(BundleStore, BlobWriterCapsSizeChecksHashAndResumes) {
    TempDir dir;
    fs::path data = dir / "data";
    std::string content = "hello blob";
    ManifestFile f{"media/x.bin", crypto::sha256Hex(content), content.size()};
    std::string err;
    {
        BlobWriter w;
        ASSERT_TRUE(w.open(data, f, true, err)) << err;
        ASSERT_TRUE(w.write(content.data(), 5, err)) << err;
        EXPECT_EQ(w.bytesWritten(), 5u);
    } // dropped mid-download: the .part stays for a resume
    {
        BlobWriter w;
        ASSERT_TRUE(w.open(data, f, true, err)) << err;
        EXPECT_EQ(w.bytesWritten(), 5u);
        EXPECT_FALSE(w.write("0123456789", 10, err)); // 15 > 10 declared bytes
        EXPECT_NE(err.find("more data than"), std::string::npos) << err;
        ASSERT_TRUE(w.write(content.data() + 5, 5, err)) << err;
        ASSERT_TRUE(w.commit(err)) << err;
    }
    EXPECT_TRUE(hasBlob(data, f));
    EXPECT_EQ(readAll(blobPath(data, f.sha256)), content);
    EXPECT_FALSE(fs::exists(data / "tmp" / (f.sha256 + ".part")));

    ManifestFile wrong{"y", std::string(64, 'a'), content.size()};
    BlobWriter w;
    ASSERT_TRUE(w.open(data, wrong, false, err)) << err;
    ASSERT_TRUE(w.write(content.data(), content.size(), err)) << err;
    EXPECT_FALSE(w.commit(err));
    EXPECT_NE(err.find("sha256 mismatch"), std::string::npos) << err;
    EXPECT_FALSE(fs::exists(blobPath(data, wrong.sha256)));

    ManifestFile traversal{"z", "../../etc/passwd", 1};
    EXPECT_FALSE(w.open(data, traversal, false, err));
}

TEST(BundleStore, GarbageCollectionKeepsCurrentAndPrevious) {
    TempDir dir;
    TestKeys k;
    fs::path data = dir / "data";
    std::string err;
    writeSample(dir / "p3", k.secret, 3, "v3");
    writeSample(dir / "p4", k.secret, 4, "v4");
    writeSample(dir / "p5", k.secret, 5, "v5");
    for (const char* p : {"p3", "p4", "p5"})
        ASSERT_TRUE(installFromPackedBundle(data, dir / p, k.pub, err)) << err;
    writeAll(data / "blobs" / std::string(64, 'c'), "orphan");
    uint64_t before = storeSize(data);

    GarbageReport r = collectGarbage(data);
    EXPECT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.removedBundles, 1u);   // bundles/3
    EXPECT_EQ(r.removedBlobs, 3u + 1); // version 3's three blobs + the orphan
    EXPECT_GT(r.freedBytes, 0u);
    EXPECT_LT(storeSize(data), before);
    EXPECT_FALSE(fs::exists(data / "bundles/3"));
    EXPECT_FALSE(fs::exists(blobPath(data, crypto::sha256Hex("sqlite bytes v3"))));

    // Current (5) and previous (4) are both still whole.
    for (uint64_t v : {5u, 4u}) {
        std::vector<std::string> problems;
        EXPECT_TRUE(openBundle(data / "bundles" / std::to_string(v), data / "blobs", k.pub,
                               VerifyLevel::Full, problems))
            << v << ": " << joined(problems);
    }
    std::vector<std::string> log;
    auto b = selectStartupBundle(data, {}, k.pub, log);
    ASSERT_TRUE(b) << joined(log);
    EXPECT_EQ(b->manifest.version, 5u);

    // alsoKeep protects a bundle that is still on screen.
    ASSERT_TRUE(markBadAndRollBack(data, err)) << err; // current = 4, previous gone
    r = collectGarbage(data, {5});
    EXPECT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.removedBundles, 0u);
    EXPECT_TRUE(fs::exists(data / "bundles/5/manifest.json"));
    r = collectGarbage(data);
    EXPECT_EQ(r.removedBundles, 1u);
    EXPECT_FALSE(fs::exists(data / "bundles/5"));
}

TEST(BundleStore, GarbageCollectionRefusesToEmptyADamagedStore) {
    TempDir dir;
    TestKeys k;
    fs::path data = dir / "data";
    std::string err;
    writeSample(dir / "p3", k.secret, 3);
    ASSERT_TRUE(installFromPackedBundle(data, dir / "p3", k.pub, err)) << err;
    writeAll(data / "bundles/3/manifest.json", "not json");
    GarbageReport r = collectGarbage(data);
    EXPECT_FALSE(r.error.empty());
    EXPECT_EQ(r.removedBlobs, 0u);
    size_t blobs = 0;
    for (auto& e : fs::directory_iterator(data / "blobs")) blobs += e.is_regular_file();
    EXPECT_EQ(blobs, 3u);

    TempDir empty;
    r = collectGarbage(empty.path());
    EXPECT_FALSE(r.error.empty());
}

// Issue 19 item 8: the store follows no links. GC used to remove_all() through a symlinked
// blobs/ or bundles/ (a decoy directory emptied); now it stops with the path named.
static size_t countEntries(const fs::path& dir) {
    return size_t(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(BundleStore, GarbageCollectionNeverFollowsASymlinkedBlobsOrBundlesDir) {
    TempDir dir;
    TestKeys k;
    fs::path data = dir / "data";
    std::string err;
    for (uint64_t v : {3u, 4u, 5u}) {
        writeSample(dir / ("p" + std::to_string(v)), k.secret, v, "v" + std::to_string(v));
        ASSERT_TRUE(installFromPackedBundle(data, dir / ("p" + std::to_string(v)), k.pub, err))
            << err;
    }
    for (const char* sub : {"blobs", "bundles"}) {
        fs::path decoy = dir / (std::string("decoy-") + sub);
        fs::rename(data / sub, decoy);
        fs::create_directory_symlink(decoy, data / sub);
        size_t before = countEntries(decoy);
        GarbageReport r = collectGarbage(data);
        EXPECT_EQ(r.error, (data / sub).string() + ": a symbolic link, not a directory (refused: "
                                                   "the store follows no links)")
            << sub;
        EXPECT_EQ(countEntries(decoy), before) << sub << ": the decoy must keep its files";
        EXPECT_EQ(r.removedBlobs + r.removedBundles, 0u);
        fs::remove(data / sub);
        fs::rename(decoy, data / sub);
    }
    GarbageReport r = collectGarbage(data); // a real store is still collected
    EXPECT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.removedBundles, 1u);
}

TEST(BundleStore, CleanTmpRefusesASymlinkedTmpAndRemovesLinksInsideItThemselves) {
    TempDir dir;
    fs::path data = dir / "data";
    std::string err;
    ASSERT_TRUE(ensureStoreLayout(data, err)) << err;
    writeAll(dir / "decoy/keep", "k");
    fs::create_directory_symlink(dir / "decoy", data / "tmp/link-to-decoy");
    writeAll(data / "tmp/old.part", "x");
    writeAll(data / "tmp/kept.part", "y");
    fs::create_directories(data / "tmp/leftover-dir/inner");
    EXPECT_TRUE(cleanStoreTmp(data, {"kept.part"}, err)) << err;
    EXPECT_EQ(countEntries(data / "tmp"), 1u);
    EXPECT_TRUE(fs::exists(data / "tmp/kept.part"));
    EXPECT_TRUE(fs::exists(dir / "decoy/keep"));

    fs::remove_all(data / "tmp");
    fs::create_directory_symlink(dir / "decoy", data / "tmp");
    EXPECT_FALSE(cleanStoreTmp(data, {}, err));
    EXPECT_EQ(err, (data / "tmp").string() +
                       ": a symbolic link, not a directory (refused: the store follows no links)");
    EXPECT_TRUE(fs::exists(dir / "decoy/keep"));
}

TEST(BundleStore, StoreDirectoriesMustBeRealDirectoriesOwnedByThisUser) {
    TempDir dir;
    fs::path data = dir / "data";
    std::string err;
    ASSERT_TRUE(ensureStoreLayout(data, err)) << err;
    fs::create_directories(dir / "decoy");
    fs::remove(data / "tmp");
    fs::create_directory_symlink(dir / "decoy", data / "tmp");
    EXPECT_FALSE(ensureStoreLayout(data, err));
    EXPECT_EQ(err, (data / "tmp").string() +
                       ": a symbolic link, not a directory (refused: the store follows no links)");
    fs::remove(data / "tmp");
    writeAll(data / "tmp", "a file");
    EXPECT_FALSE(ensureStoreLayout(data, err));
    EXPECT_EQ(err, (data / "tmp").string() + ": not a directory (a regular file; refused)");
    fs::remove(data / "tmp");
    ASSERT_TRUE(ensureStoreLayout(data, err)) << err;

    // Another user's directory: refused, and as root with a hint to run as that user.
    const uid_t other = ::geteuid() == 0 ? 54321 : ::geteuid();
    if (::geteuid() == 0) {
        ASSERT_EQ(::chown((data / "state").c_str(), other, other), 0);
        EXPECT_FALSE(ensureStoreLayout(data, err));
        EXPECT_NE(err.find((data / "state").string() + ": owned by uid 54321: refusing to work "
                                                       "on another user's store as root"),
                  std::string::npos)
            << err;
        StoreLock lock;
        EXPECT_FALSE(lock.tryAcquire(data, err)); // so no sync runs on it either
        EXPECT_NE(err.find("owned by uid 54321"), std::string::npos) << err;
    } else {
        ASSERT_EQ(::chmod(data.c_str(), 0755), 0);
        EXPECT_TRUE(ensureStoreLayout(data, err)) << err; // own store: fine
    }
}

TEST(BundleStore, BlobWriterNeverWritesThroughASymlinkedPart) {
    TempDir dir;
    fs::path data = dir / "data";
    std::string err;
    ASSERT_TRUE(ensureStoreLayout(data, err)) << err;
    writeAll(dir / "decoy", "precious");
    ManifestFile f{"x.bin", crypto::sha256Hex("abc"), 3};
    fs::path part = data / "tmp" / (f.sha256 + ".part");
    fs::create_symlink(dir / "decoy", part);
    BlobWriter w;
    EXPECT_FALSE(w.open(data, f, /*resume=*/true, err));
    EXPECT_EQ(err, part.string() + ": cannot create: a symbolic link (refused)");
    EXPECT_EQ(readAll(dir / "decoy"), "precious");
    ASSERT_TRUE(w.open(data, f, /*resume=*/false, err)) << err; // the link is replaced
    ASSERT_TRUE(w.write("abc", 3, err)) << err;
    ASSERT_TRUE(w.commit(err)) << err;
    EXPECT_EQ(readAll(dir / "decoy"), "precious");
    EXPECT_EQ(readAll(blobPath(data, f.sha256)), "abc");
}
