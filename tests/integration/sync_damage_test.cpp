// Local damage is repaired, never blamed on a version (issue 18): a blob whose bytes rot on disk
// is fetched again by the next sync, and the kiosk never opens content whose hash it has not
// checked (a same-size edit of content.db is refused at start-up, then repaired by sync).
#include "sync_fixture.hpp"

#include "core/bundle/store.hpp"
#include "core/bundle/verified_blobs.hpp"
#include "core/content/startup.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace zj::itest {

namespace {

// A blob that both v1 and v2 list (so v2 reuses v1's local copy).
ManifestFile sharedBlob() {
    Manifest v1 = readManifest(bundles().v1), v2 = readManifest(bundles().v2);
    for (const ManifestFile& a : v1.files)
        for (const ManifestFile& b : v2.files)
            if (a.sha256 == b.sha256 && a.name != "content.db") return a;
    throw std::runtime_error("v1 and v2 share no blob");
}

// Flips one bit in the middle of a file: same size, different bytes (what rot does).
void flipOneBit(const fs::path& file) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(0, std::ios::end);
    std::streamoff middle = f.tellg() / 2;
    f.seekg(middle);
    char c = 0;
    f.get(c);
    f.seekp(middle);
    f.put(char(c ^ 0x10));
}

bool blobHashesRight(const fs::path& data, const ManifestFile& f) {
    std::string hex, err;
    return crypto::sha256File(blobPath(data, f.sha256), hex, nullptr, err) && hex == f.sha256;
}

} // namespace

TEST(SyncDamage, RottenSharedBlobIsFetchedAgainAndNoVersionIsMarkedBad) {
    FaultServer server(bundles().v2);
    fs::path data = freshStore("damage-rot", bundles().v1);
    ManifestFile shared = sharedBlob();
    flipOneBit(blobPath(data, shared.sha256));
    SyncResult r = runSyncCycle(server.url(), optionsFor(data));
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_NE(r.reason.find("installed bundle 2"), std::string::npos) << r.reason;
    EXPECT_TRUE(readBadVersions(data).empty()) << r.reason;
    EXPECT_TRUE(blobHashesRight(data, shared)) << "the damaged copy was replaced";
    EXPECT_EQ(verifiedStartupVersion(data), 2u);
}

TEST(SyncDamage, RotThatNoStampShowsIsStillFoundBeforeReuse) {
    // Real rot changes no file stamp: make the verified-blob record vouch for the rotten file,
    // as it would after rot that happened behind the filesystem's back. The sync still re-hashes
    // every blob it reuses, and the self-check every blob of the new version.
    FaultServer server(bundles().v2);
    fs::path data = freshStore("damage-stamp", bundles().v1);
    ManifestFile shared = sharedBlob();
    fs::path blob = blobPath(data, shared.sha256);
    flipOneBit(blob);
    VerifiedBlobs record;
    record.load(data);
    FileStamp stamp;
    ASSERT_TRUE(stampOf(blob, stamp));
    record.record(shared.sha256, blob, stamp);
    std::string err;
    ASSERT_TRUE(record.save(data, err)) << err;

    SyncResult r = runSyncCycle(server.url(), optionsFor(data));
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_NE(r.reason.find("1 damaged local file(s) replaced"), std::string::npos) << r.reason;
    EXPECT_TRUE(readBadVersions(data).empty()) << r.reason;
    EXPECT_TRUE(blobHashesRight(data, shared));
    EXPECT_EQ(verifiedStartupVersion(data), 2u);
}

TEST(SyncDamage, SameSizeEditOfContentDbIsNeverShownAndSyncRepairsIt) {
    FaultServer server(bundles().v1);
    fs::path data = freshStore("damage-edit", bundles().v1);
    LoadedContent first = loadStartupContent(data, {}, bundles().key.pub);
    ASSERT_TRUE(first.content);
    const std::string title = first.content->site.title.en;
    ASSERT_FALSE(title.empty());
    EXPECT_TRUE(fs::exists(data / "state/verified-blobs")) << "start-up records what it hashed";

    // The site title edited in place, same size: the verified record no longer vouches for it.
    const Manifest v1 = readManifest(bundles().v1);
    const ManifestFile* db = v1.find("content.db");
    ASSERT_TRUE(db);
    fs::path dbBlob = blobPath(data, db->sha256);
    std::string bytes = readBytes(dbBlob);
    size_t at = bytes.find("Zhenjiang Industrial Investment Map");
    ASSERT_NE(at, std::string::npos) << "the fixture's title is stored as plain text";
    bytes.replace(at, 9, "Tampered!");
    writeBytes(dbBlob, bytes);
    ASSERT_EQ(fs::file_size(dbBlob), db->size);

    LoadedContent edited = loadStartupContent(data, {}, bundles().key.pub);
    std::string log;
    for (const std::string& line : edited.log) log += line + "\n";
    EXPECT_FALSE(edited.content) << "the edited content.db must not be shown:\n" << log;
    EXPECT_NE(log.find("sha256 mismatch (content.db)"), std::string::npos) << log;
    EXPECT_TRUE(readBadVersions(data).empty()) << "local damage, not a bad version";

    SyncResult r = runSyncCycle(server.url(), optionsFor(data));
    ASSERT_EQ(r.status, SyncStatus::Updated) << r.reason;
    EXPECT_NE(r.reason.find("repaired bundle 1"), std::string::npos) << r.reason;
    LoadedContent repaired = loadStartupContent(data, {}, bundles().key.pub);
    ASSERT_TRUE(repaired.content);
    EXPECT_EQ(repaired.content->site.title.en, title);
    EXPECT_EQ(repaired.content->version, 1u);
    // Repaired and checked: the next cycle is a plain "up to date".
    r = runSyncCycle(server.url(), optionsFor(data));
    EXPECT_EQ(r.status, SyncStatus::UpToDate) << r.reason;
}

} // namespace zj::itest
