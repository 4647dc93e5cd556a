// root.json (issue 19 item 7): strict parse, signature before parse, the kept list and its
// rollback rules, the floors reset on a revocation.
#include "core/bundle/manifest.hpp"
#include "core/bundle/root_list.hpp"
#include "core/bundle/store.hpp"
#include "core/sync/config.hpp"

#include "bundle_test_util.hpp"

using namespace zj;
using namespace zj::test;

namespace {
RootList listOf(uint64_t version, std::vector<crypto::PublicKey> keys, uint64_t minVersion = 0) {
    RootList r;
    r.version = version;
    r.created = 1798761600 + int64_t(version) * 86400;
    r.expires = r.created + 365 * 86400;
    r.minVersion = minVersion;
    r.publisherKeys = std::move(keys);
    return r;
}
std::string sigOf(const std::string& json, const crypto::SecretKey& key) {
    crypto::Signature s = crypto::sign(json, key);
    return crypto::toHex(s.data(), s.size()) + "\n";
}
std::string errorOf(const std::string& json) {
    RootList r;
    std::string err;
    EXPECT_FALSE(parseRootList(json, r, err)) << json;
    return err;
}
} // namespace

TEST(BundleRootList, CanonicalJsonRoundTripsAndBadListsAreRefused) {
    TestKeys a, b;
    RootList r = listOf(3, {a.pub, b.pub}, 7);
    const std::string json = rootListJson(r);
    RootList back;
    std::string err;
    ASSERT_TRUE(parseRootList(json, back, err)) << err;
    EXPECT_EQ(back.version, 3u);
    EXPECT_EQ(back.minVersion, 7u);
    EXPECT_EQ(back.created, r.created);
    EXPECT_TRUE(back.trusts(a.pub) && back.trusts(b.pub));
    EXPECT_NE(errorOf("[]").find("expected an object"), std::string::npos);
    EXPECT_NE(errorOf(R"({"type":"zjmap-root","version":1,"created":"2027-01-01T00:00:00Z",
        "expires":"2028-01-01T00:00:00Z","publisher_keys":[],"extra":1})")
                  .find("unknown key \"extra\""),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"type":"zjmap-root","version":1,"created":"2027-01-01T00:00:00Z",
        "expires":"2026-01-01T00:00:00Z","publisher_keys":["00"]})")
                  .find("expires must be after created"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"type":"zjmap-root","version":1,"created":"2027-01-01T00:00:00Z",
        "expires":"2028-01-01T00:00:00Z","publisher_keys":[]})")
                  .find("expected 1 to 16 keys"),
              std::string::npos);
    EXPECT_NE(errorOf(rootListJson(listOf(1, {a.pub, a.pub}))).find("is listed twice"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"type":"other","version":1})").find("type must be"), std::string::npos);
}

TEST(BundleRootList, SignatureIsCheckedBeforeTheParse) {
    TestKeys root, other, pub;
    const std::string json = rootListJson(listOf(1, {pub.pub}));
    RootList r;
    std::string err;
    EXPECT_TRUE(verifyRootList(json, sigOf(json, root.secret), root.pub, r, err)) << err;
    EXPECT_FALSE(verifyRootList(json, sigOf(json, other.secret), root.pub, r, err));
    EXPECT_EQ(err, "root.json: signature does not verify with the root key ([sync] root_key)");
    EXPECT_FALSE(verifyRootList("{garbage", sigOf("{garbage", other.secret), root.pub, r, err));
    EXPECT_EQ(err, "root.json: signature does not verify with the root key ([sync] root_key)");
    EXPECT_FALSE(verifyRootList(json, "zz", root.pub, r, err));
    EXPECT_EQ(err, "root.json.sig: not a signature (expected 128 hex digits)");
}

TEST(BundleRootList, KeptListRollbackAndRevocationResetsTheFloors) {
    TempDir dir;
    TestKeys root, oldKey, newKey;
    fs::path data = dir / "data";
    std::string err, log;
    ASSERT_TRUE(ensureStoreLayout(data, err)) << err;
    EXPECT_FALSE(loadKeptRootList(data, root.pub, err));
    EXPECT_EQ(err, "");

    RootList v1 = listOf(1, {oldKey.pub});
    const std::string j1 = rootListJson(v1), s1 = sigOf(j1, root.secret);
    ASSERT_TRUE(applyRootList(data, v1, j1, s1, std::nullopt, log, err)) << err;
    std::optional<RootList> kept = loadKeptRootList(data, root.pub, err);
    ASSERT_TRUE(kept) << err;
    EXPECT_EQ(kept->version, 1u);
    EXPECT_TRUE(applyRootList(data, v1, j1, s1, kept, log, err)) << err; // the same list again

    // A compromised key raised the floors and is the one the store was installed with.
    ASSERT_TRUE(writeHighestVersion(data, 900, err)) << err;
    writeAll(data / "state/time-floor", "2090000000\n");
    ASSERT_TRUE(recordPublisherKey(data, oldKey.pub, err)) << err;
    fs::create_directory_symlink("bundles/900", data / "current");

    RootList v2 = listOf(2, {newKey.pub}, 5);
    const std::string j2 = rootListJson(v2), s2 = sigOf(j2, root.secret);
    ASSERT_TRUE(applyRootList(data, v2, j2, s2, kept, log, err)) << err;
    EXPECT_NE(log.find("1 key(s) revoked: highest version reset to 5"), std::string::npos) << log;
    uint64_t highest = 0;
    ASSERT_TRUE(readHighestVersion(data, highest, err)) << err;
    EXPECT_EQ(highest, 5u);
    EXPECT_EQ(readAll(data / "state/time-floor"), std::to_string(v2.created) + "\n");
    EXPECT_FALSE(fs::is_symlink(fs::symlink_status(data / "current")));
    kept = loadKeptRootList(data, root.pub, err);
    ASSERT_TRUE(kept) << err;
    EXPECT_EQ(kept->version, 2u);

    // Rollback to v1, or another v2: refused.
    EXPECT_FALSE(applyRootList(data, v1, j1, s1, kept, log, err));
    EXPECT_EQ(err, "root.json version 1 refused: older than the root list kept (version 2)");
    RootList v2b = listOf(2, {newKey.pub, oldKey.pub});
    const std::string j2b = rootListJson(v2b);
    EXPECT_FALSE(applyRootList(data, v2b, j2b, sigOf(j2b, root.secret), kept, log, err));
    EXPECT_NE(err.find("the same version as the kept root list, with other content"),
              std::string::npos);

    // A tampered kept file does not verify: it is not used.
    writeAll(data / "state/root.json", j2b);
    EXPECT_FALSE(loadKeptRootList(data, root.pub, err));
    EXPECT_NE(err.find("the kept root list (state/root.json): root.json: signature does not "
                       "verify"),
              std::string::npos)
        << err;
}

TEST(BundleRootList, ConfigRootKey) {
    KioskConfig c;
    std::string err;
    const std::string hex(64, 'a');
    ASSERT_TRUE(parseKioskConfig("[sync]\nroot_key = \"" + hex + "\"\nsources = [\"/x\"]\n",
                                 "/etc/zjmap-kiosk/kiosk.toml", c, err))
        << err;
    ASSERT_TRUE(c.rootKey);
    EXPECT_FALSE(c.publicKey);
    EXPECT_EQ(syncOffCause(c), SyncOff::None); // a root key alone is enough for sync
    KioskConfig bad;
    EXPECT_FALSE(parseKioskConfig("[sync]\nroot_key = \"xyz\"\n", "/k.toml", bad, err));
    EXPECT_NE(err.find("/k.toml:2: [sync] root_key: expected 64 hex digits"), std::string::npos)
        << err;
}
