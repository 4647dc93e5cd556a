// writeBundle determinism and dedup; openBundle signature and blob checks.
#include "core/bundle/bundle.hpp"
#include "core/bundle/manifest.hpp"

#include "bundle_test_util.hpp"

using namespace zj;
using namespace zj::test;

static size_t countFiles(const fs::path& dir) {
    size_t n = 0;
    for (auto& e : fs::directory_iterator(dir)) n += e.is_regular_file() ? 1 : 0;
    return n;
}

TEST(BundleWriter, ByteIdenticalAcrossRunsAndDedups) {
    TempDir dir;
    TestKeys k;
    writeSample(dir / "a", k.secret, 3);
    writeSample(dir / "b", k.secret, 3);
    for (const char* f : {"manifest.json", "manifest.json.sig"})
        EXPECT_EQ(readAll(dir / "a" / f), readAll(dir / "b" / f)) << f;
    // 4 names, 3 distinct contents.
    EXPECT_EQ(countFiles(dir / "a/blobs"), 3u);
    for (auto& e : fs::directory_iterator(dir / "a/blobs"))
        EXPECT_EQ(readAll(e.path()), readAll(dir / "b/blobs" / e.path().filename()));
    std::string sig = readAll(dir / "a/manifest.json.sig");
    EXPECT_EQ(sig.size(), 129u);
    EXPECT_EQ(sig.back(), '\n');
    // No temp dir left behind.
    for (auto& e : fs::directory_iterator(dir.path()))
        EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos);
}

TEST(BundleWriter, ReplacesOldOutputAndRejectsBadNames) {
    TempDir dir;
    TestKeys k;
    writeAll(dir / "out/stale.txt", "old");
    writeSample(dir / "out", k.secret, 1);
    EXPECT_FALSE(fs::exists(dir / "out/stale.txt"));
    EXPECT_TRUE(fs::exists(dir / "out/manifest.json"));

    BundleWriteOptions opt{1, kCreated, kExpires};
    std::string err;
    EXPECT_FALSE(writeBundle({{"../evil", "x"}}, k.secret, opt, dir / "bad", err));
    EXPECT_NE(err.find(".."), std::string::npos) << err;
    EXPECT_FALSE(fs::exists(dir / "bad"));
    EXPECT_FALSE(writeBundle({{"a", "x"}, {"a", "y"}}, k.secret, opt, dir / "dup", err));
    EXPECT_NE(err.find("duplicate"), std::string::npos) << err;
}

TEST(BundleReader, OpensAGoodBundle) {
    TempDir dir;
    TestKeys k;
    writeSample(dir / "b", k.secret, 5);
    std::vector<std::string> problems;
    auto b = openPackedBundle(dir / "b", k.pub, VerifyLevel::Full, problems);
    ASSERT_TRUE(b) << (problems.empty() ? "" : problems[0]);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(b->manifest.version, 5u);
    EXPECT_EQ(b->manifest.files.size(), 4u);
    EXPECT_EQ(readAll(b->pathOf("media/photos/etdz-2.jpg")), "jpeg two ");
    EXPECT_TRUE(b->pathOf("nope").empty());
}

TEST(BundleReader, NamesATamperedBlob) {
    TempDir dir;
    TestKeys k;
    writeSample(dir / "b", k.secret, 5);
    std::string id = crypto::sha256Hex("jpeg two ");
    flipByte(dir / "b/blobs" / id, 2);
    std::vector<std::string> problems;
    // Presence-only does not hash: the flipped byte keeps the size.
    EXPECT_TRUE(openPackedBundle(dir / "b", k.pub, VerifyLevel::SignatureAndPresence, problems));
    problems.clear();
    EXPECT_FALSE(openPackedBundle(dir / "b", k.pub, VerifyLevel::Full, problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0],
              "blobs/" + id.substr(0, 12) + "...: sha256 mismatch (media/photos/etdz-2.jpg)");
}

TEST(BundleReader, NamesAMissingOrResizedBlob) {
    TempDir dir;
    TestKeys k;
    writeSample(dir / "b", k.secret, 5);
    std::string id = crypto::sha256Hex("sqlite bytes ");
    fs::remove(dir / "b/blobs" / id);
    std::string id2 = crypto::sha256Hex("jpeg two ");
    writeAll(dir / "b/blobs" / id2, "longer than before");
    std::vector<std::string> problems;
    EXPECT_FALSE(openPackedBundle(dir / "b", k.pub, VerifyLevel::SignatureAndPresence, problems));
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0], "blobs/" + id.substr(0, 12) + "...: missing (content.db)");
    EXPECT_NE(problems[1].find("size 18, expected 9 (media/photos/etdz-2.jpg)"), std::string::npos)
        << problems[1];
}

TEST(BundleReader, ModifiedManifestFailsSignature) {
    TempDir dir;
    TestKeys k;
    writeSample(dir / "b", k.secret, 5);
    std::string json = readAll(dir / "b/manifest.json");
    size_t pos = json.find("\"version\":5");
    ASSERT_NE(pos, std::string::npos);
    json[pos + 10] = '9'; // still a valid manifest, just not the signed one
    writeAll(dir / "b/manifest.json", json);
    std::vector<std::string> problems;
    EXPECT_FALSE(openPackedBundle(dir / "b", k.pub, VerifyLevel::Full, problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("signature"), std::string::npos) << problems[0];
}

TEST(BundleReader, WrongKeyAndBrokenSignatureFile) {
    TempDir dir;
    TestKeys k, other;
    writeSample(dir / "b", k.secret, 5);
    std::vector<std::string> problems;
    EXPECT_FALSE(openPackedBundle(dir / "b", other.pub, VerifyLevel::Full, problems));
    ASSERT_FALSE(problems.empty());
    EXPECT_NE(problems[0].find("signature"), std::string::npos);

    problems.clear();
    writeAll(dir / "b/manifest.json.sig", "zz\n");
    EXPECT_FALSE(openPackedBundle(dir / "b", k.pub, VerifyLevel::Full, problems));
    ASSERT_FALSE(problems.empty());
    EXPECT_NE(problems[0].find("manifest.json.sig"), std::string::npos) << problems[0];

    problems.clear();
    fs::remove(dir / "b/manifest.json");
    EXPECT_FALSE(openPackedBundle(dir / "b", k.pub, VerifyLevel::Full, problems));
    ASSERT_FALSE(problems.empty());
    EXPECT_NE(problems[0].find("missing"), std::string::npos) << problems[0];
}

TEST(BundleReader, SymlinkBlobRefused) {
    TempDir dir;
    TestKeys k;
    writeSample(dir / "b", k.secret, 5);
    std::string id = crypto::sha256Hex("jpeg two ");
    writeAll(dir / "elsewhere", "jpeg two ");
    fs::remove(dir / "b/blobs" / id);
    fs::create_symlink(dir / "elsewhere", dir / "b/blobs" / id);
    std::vector<std::string> problems;
    EXPECT_FALSE(openPackedBundle(dir / "b", k.pub, VerifyLevel::Full, problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].find("not a regular file"), std::string::npos) << problems[0];
}
