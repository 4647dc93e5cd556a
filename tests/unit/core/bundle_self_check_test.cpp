// The self-check (core/bundle/self_check) without the content layer: a stub ContentLoader stands
// in for content.db, so what bundle/ decides on its own (photo headers against their recorded
// size, the verdicts) and what settleSelfCheck does to the store for each verdict are tested
// here; the real loader is covered by the sync integration tests.
#include "core/bundle/self_check.hpp"
#include "core/bundle/store.hpp"
#include "core/bundle/verified_blobs.hpp"

#include "bundle_test_util.hpp"

using namespace zj;
using namespace zj::test;

namespace {

// A 2-photo bundle: a real 64x48 PNG header and a file that is no image at all.
std::vector<BundleInputFile> photoFiles() {
    std::string png = {'\x89', 'P', 'N', 'G', '\r', '\n', '\x1a', '\n', 0, 0, 0, 13,
                       'I',    'H', 'D', 'R', 0,    0,    0,      64,   0, 0, 0, 48};
    png += std::string(16, '\0');
    return {{"content.db", "db"}, {"media/a.png", png}, {"media/b.jpg", "not an image"}};
}

struct Store {
    TempDir dir;
    TestKeys k;
    fs::path data = dir / "data";
    // v3 then v4 installed: current 4, previous 3.
    Store() {
        std::string err;
        for (uint64_t v : {3u, 4u}) {
            BundleWriteOptions opt;
            opt.version = v;
            opt.created = kCreated;
            opt.expires = kExpires;
            std::vector<BundleInputFile> files = photoFiles();
            files[0].bytes += std::to_string(v);
            fs::path packed = dir / ("p" + std::to_string(v));
            EXPECT_TRUE(writeBundle(files, k.secret, opt, packed, err)) << err;
            EXPECT_TRUE(installFromPackedBundle(data, packed, k.pub, err)) << err;
        }
    }
};

ContentLoader loaderWith(std::vector<RecordedImage> images, bool loads = true) {
    return [images, loads](const Bundle&, std::vector<RecordedImage>& out, std::string& err) {
        if (!loads) err = "content.db: file is not a database";
        out = images;
        return loads;
    };
}

CheckResult check(Store& s, const ContentLoader& loader) {
    VerifiedBlobs verified(false);
    return checkStoredBundle(s.data, 4, s.k.pub, verified, loader);
}

} // namespace

TEST(SelfCheck, PhotoHeadersAgainstTheirRecordedSize) {
    Store s;
    EXPECT_EQ(check(s, loaderWith({})).verdict, CheckVerdict::Passed);
    EXPECT_EQ(check(s, loaderWith({{"a", "media/a.png", 64, 48}})).verdict, CheckVerdict::Passed);
    CheckResult wrongSize = check(s, loaderWith({{"a", "media/a.png", 640, 480}}));
    EXPECT_EQ(wrongSize.verdict, CheckVerdict::BundleBad);
    EXPECT_NE(wrongSize.reason.find("image is 64x48, content.db says 640x480"), std::string::npos)
        << wrongSize.reason;
    CheckResult notImage = check(s, loaderWith({{"b", "media/b.jpg", 10, 10}}));
    EXPECT_EQ(notImage.verdict, CheckVerdict::BundleBad);
    EXPECT_NE(notImage.reason.find("neither a JPEG nor a PNG"), std::string::npos)
        << notImage.reason;
    CheckResult absent = check(s, loaderWith({{"c", "media/c.jpg", 1, 1}}));
    EXPECT_EQ(absent.verdict, CheckVerdict::BundleBad);
    EXPECT_NE(absent.reason.find("not in the manifest"), std::string::npos) << absent.reason;
}

TEST(SelfCheck, ContentThatDoesNotLoadIsTheBundlesFault) {
    Store s;
    CheckResult r = check(s, loaderWith({}, /*loads=*/false));
    EXPECT_EQ(r.verdict, CheckVerdict::BundleBad);
    EXPECT_EQ(r.reason, "content.db: file is not a database");
}

TEST(SelfCheck, SettlePassedConfirmsThePendingVersion) {
    Store s;
    std::string err;
    ASSERT_TRUE(markSelfCheckPending(s.data, 4, err)) << err;
    ASSERT_TRUE(writeHighestVersion(s.data, 3, err)) << err;
    EXPECT_TRUE(selfCheckPending(s.data));
    VerifiedBlobs verified;
    CheckResult passed = recheckBundle(s.data, 4, s.k.pub, verified, loaderWith({}));
    ASSERT_TRUE(passed.passed()) << passed.reason;
    EXPECT_TRUE(settleSelfCheck(s.data, 4, passed, verified, err)) << err;
    EXPECT_FALSE(selfCheckPending(s.data));
    uint64_t highest = 0;
    ASSERT_TRUE(readHighestVersion(s.data, highest, err)) << err;
    EXPECT_EQ(highest, 4u);
}

TEST(SelfCheck, SettleBadRollsBackAndClearsPending) {
    Store s;
    std::string err;
    ASSERT_TRUE(markSelfCheckPending(s.data, 4, err)) << err;
    VerifiedBlobs verified;
    CheckResult bad = recheckBundle(s.data, 4, s.k.pub, verified, loaderWith({}, false));
    ASSERT_EQ(bad.verdict, CheckVerdict::BundleBad);
    EXPECT_TRUE(settleSelfCheck(s.data, 4, bad, verified, err)) << err;
    EXPECT_EQ(slotVersion(s.data, DataDir::kCurrent), std::optional<uint64_t>(3));
    EXPECT_EQ(readBadVersions(s.data), std::set<uint64_t>{4});
    EXPECT_FALSE(selfCheckPending(s.data));
    // Bad again with nothing left to roll back to: said, and still marked.
    EXPECT_FALSE(settleSelfCheck(s.data, 3, bad, verified, err));
    EXPECT_NE(err.find("no previous"), std::string::npos) << err;
    EXPECT_EQ(readBadVersions(s.data), (std::set<uint64_t>{3, 4}));
}

TEST(SelfCheck, SettleLocalDamageDeletesTheBlobsAndKeepsPending) {
    Store s;
    std::string err;
    ASSERT_TRUE(markSelfCheckPending(s.data, 4, err)) << err;
    std::vector<std::string> problems;
    std::optional<Bundle> b = openBundle(s.data / "bundles/4", s.data / "blobs", s.k.pub,
                                         VerifyLevel::SignatureAndPresence, problems);
    ASSERT_TRUE(b);
    const ManifestFile* png = nullptr;
    for (const ManifestFile& f : b->manifest.files)
        if (f.name == "media/a.png") png = &f;
    ASSERT_TRUE(png);
    flipByte(blobPath(s.data, png->sha256), 20); // rot: same size, other bytes
    VerifiedBlobs verified;
    CheckResult damaged = recheckBundle(s.data, 4, s.k.pub, verified, loaderWith({}));
    ASSERT_EQ(damaged.verdict, CheckVerdict::LocalDamage) << damaged.reason;
    ASSERT_EQ(damaged.damaged.size(), 1u);
    EXPECT_TRUE(settleSelfCheck(s.data, 4, damaged, verified, err)) << err;
    EXPECT_FALSE(fs::exists(blobPath(s.data, png->sha256)));
    EXPECT_TRUE(selfCheckPending(s.data)); // the repair checks again
    EXPECT_EQ(slotVersion(s.data, DataDir::kCurrent), std::optional<uint64_t>(4));
    EXPECT_TRUE(readBadVersions(s.data).empty()); // not the version's fault
}

TEST(SelfCheck, SettleUntrustedChangesNothing) {
    Store s;
    std::string err;
    ASSERT_TRUE(markSelfCheckPending(s.data, 4, err)) << err;
    TestKeys other;
    VerifiedBlobs verified;
    CheckResult untrusted = recheckBundle(s.data, 4, other.pub, verified, loaderWith({}));
    ASSERT_EQ(untrusted.verdict, CheckVerdict::Untrusted) << untrusted.reason;
    EXPECT_TRUE(settleSelfCheck(s.data, 4, untrusted, verified, err));
    EXPECT_TRUE(selfCheckPending(s.data));
    EXPECT_EQ(slotVersion(s.data, DataDir::kCurrent), std::optional<uint64_t>(4));
    EXPECT_TRUE(readBadVersions(s.data).empty());
}
