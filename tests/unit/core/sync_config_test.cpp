// kiosk.toml parsing: values, defaults, errors naming file, line and key, foreign tables ignored.
#include "core/sync/config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace zj {

namespace {

const char* kKeyHex = "477215ee0172c25e52cb1325c09a51de9c837338a76264b953d26f82b3cfb733";

bool parse(const std::string& text, KioskConfig& out, std::string& err) {
    return parseKioskConfig(text, "/etc/zjmap-kiosk/kiosk.toml", out, err);
}

std::string errorOf(const std::string& text) {
    KioskConfig c;
    std::string err;
    EXPECT_FALSE(parse(text, c, err)) << text;
    return err;
}

} // namespace

TEST(SyncConfig, ShippedDefaultParses) {
    KioskConfig c;
    std::string err;
    ASSERT_TRUE(loadKioskConfig(std::string(ZJ_SOURCE_DIR) + "/packaging/kiosk.toml", c, err))
        << err;
    EXPECT_TRUE(c.sources.empty());
    // Secure by default: no key is shipped (least of all the development key), so sync stays
    // off until the bureau sets its own, even once sources are added.
    EXPECT_FALSE(c.publicKey);
    EXPECT_FALSE(c.allowDevelopmentKey);
    EXPECT_EQ(syncOffCause(c), SyncOff::NoKey);
    c.sources = {"file:///media/usb/zjmap"};
    EXPECT_EQ(syncOffCause(c), SyncOff::NoKey);
    c.publicKey = crypto::PublicKey{};
    c.publicKey->fill(7);
    EXPECT_EQ(syncOffCause(c), SyncOff::None);
    c.sources.clear();
    EXPECT_EQ(syncOffCause(c), SyncOff::NoSources);
    EXPECT_NE(syncOffMessage(SyncOff::NoKey).find("no publisher key"), std::string::npos);
    EXPECT_EQ(c.intervalS, 900);
    EXPECT_EQ(c.jitterS, 120);
    EXPECT_EQ(c.dataDir, "/var/lib/zjmap-kiosk");
    EXPECT_EQ(c.limits.minFreeBytes, uint64_t(256) << 20);
}

TEST(SyncConfig, ReadsEveryKey) {
    KioskConfig c;
    std::string err;
    ASSERT_TRUE(parse(std::string(R"([sync]
sources = ["https://cdn.example.org/zjmap", "file:///media/usb/zjmap", "/srv/zjmap"]
public_key = ")") + kKeyHex +
                          R"("
interval_s = 60
jitter_s = 5
max_backoff_s = 600
[store]
data_dir = "/tmp/zj"
[limits]
connect_timeout_s = 2
low_speed_bytes_per_s = 10
low_speed_time_s = 3
total_timeout_s = 20
max_bundle_bytes = 1000
min_free_bytes = 0
)",
                      c, err))
        << err;
    ASSERT_EQ(c.sources.size(), 3u);
    EXPECT_EQ(c.sources[1], "file:///media/usb/zjmap");
    EXPECT_EQ(c.intervalS, 60);
    EXPECT_EQ(c.jitterS, 5);
    EXPECT_EQ(c.maxBackoffS, 600);
    EXPECT_EQ(c.dataDir, "/tmp/zj");
    EXPECT_EQ(c.limits.connectTimeoutS, 2);
    EXPECT_EQ(c.limits.lowSpeedBytesPerS, 10);
    EXPECT_EQ(c.limits.lowSpeedTimeS, 3);
    EXPECT_EQ(c.limits.totalTimeoutS, 20);
    EXPECT_EQ(c.limits.maxBundleBytes, 1000u);
    EXPECT_EQ(c.limits.minFreeBytes, 0u);
    EXPECT_EQ(c.loadedFrom, "/etc/zjmap-kiosk/kiosk.toml");
}

TEST(SyncConfig, MissingKeysKeepDefaults) {
    KioskConfig c;
    std::string err;
    ASSERT_TRUE(parse("[limits]\nconnect_timeout_s = 3\n", c, err)) << err;
    EXPECT_EQ(c.limits.connectTimeoutS, 3);
    EXPECT_EQ(c.intervalS, 900);
    EXPECT_FALSE(c.publicKey);
    EXPECT_EQ(c.dataDir, "/var/lib/zjmap-kiosk");
}

TEST(SyncConfig, ForeignTablesAreIgnored) {
    KioskConfig c;
    std::string err;
    EXPECT_TRUE(parse("[display]\nrotation = 90\nwhatever = \"x\"\n[staff]\npin = \"1234\"\n"
                      "[attract.nested]\na = 1\n[sync]\ninterval_s = 30\n",
                      c, err))
        << err;
    EXPECT_EQ(c.intervalS, 30);
}

TEST(SyncConfig, UnknownKeyNamesFileLineAndKey) {
    std::string err = errorOf("[sync]\ninterval_s = 60\nintervall = 5\n");
    EXPECT_EQ(err, "/etc/zjmap-kiosk/kiosk.toml:3: [sync] intervall: unknown key");
    err = errorOf("[limits]\n\n\nfoo = 1\n");
    EXPECT_EQ(err, "/etc/zjmap-kiosk/kiosk.toml:4: [limits] foo: unknown key");
}

TEST(SyncConfig, BadValuesNameTheKey) {
    std::string err = errorOf("[sync]\ninterval_s = \"fast\"\n");
    EXPECT_NE(err.find("kiosk.toml:2: [sync] interval_s: expected an integer"), std::string::npos)
        << err;
    err = errorOf("[sync]\njitter_s = -1\n");
    EXPECT_NE(err.find(":2: [sync] jitter_s"), std::string::npos) << err;
    err = errorOf("[sync]\nsources = [\"ftp://x\"]\n");
    EXPECT_NE(err.find(":2: [sync] sources: item 1"), std::string::npos) << err;
    err = errorOf("[sync]\nsources = \"https://x\"\n");
    EXPECT_NE(err.find("sources: expected an array"), std::string::npos) << err;
    err = errorOf("[sync]\npublic_key = \"abcd\"\n");
    EXPECT_NE(err.find(":2: [sync] public_key: expected 64 hex digits"), std::string::npos) << err;
    err = errorOf("[limits]\nmin_free_bytes = -5\n");
    EXPECT_NE(err.find("[limits] min_free_bytes"), std::string::npos) << err;
    err = errorOf("sync = 5\n");
    EXPECT_NE(err.find(":1: sync: expected a table"), std::string::npos) << err;
}

TEST(SyncConfig, PublicKeyAndKeyFileAreExclusive) {
    std::string text = std::string("[sync]\npublic_key = \"") + kKeyHex +
                       "\"\npublic_key_file = \"/nonexistent.pub\"\n";
    std::string err = errorOf(text);
    EXPECT_NE(err.find(":3: [sync] public_key_file"), std::string::npos) << err;
}

TEST(SyncConfig, KeyFileRelativeToTheConfig) {
    std::string dir = ::testing::TempDir() + "zj-sync-config-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/pub.key") << kKeyHex << "\n";
    std::ofstream(dir + "/kiosk.toml") << "[sync]\npublic_key_file = \"pub.key\"\n"
                                          "[store]\ndata_dir = \"data\"\n";
    KioskConfig c;
    std::string err;
    ASSERT_TRUE(loadKioskConfig(dir + "/kiosk.toml", c, err)) << err;
    ASSERT_TRUE(c.publicKey);
    EXPECT_EQ(crypto::toHex(c.publicKey->data(), 32), kKeyHex);
    EXPECT_EQ(c.dataDir, std::filesystem::path(dir) / "data");
    std::filesystem::remove_all(dir);
}

TEST(SyncConfig, SyntaxErrorNamesTheLine) {
    std::string err = errorOf("[sync]\ninterval_s = 60\nsources = [\n");
    EXPECT_EQ(err.rfind("/etc/zjmap-kiosk/kiosk.toml:", 0), 0u) << err;
    KioskConfig c;
    EXPECT_FALSE(loadKioskConfig("/nonexistent/kiosk.toml", c, err));
    EXPECT_EQ(err, "/nonexistent/kiosk.toml: cannot read the config file");
}

TEST(SyncConfig, DevelopmentKeyIsTheRepositorysAndNeedsTheFlag) {
    crypto::PublicKey dev;
    std::string err;
    ASSERT_TRUE(crypto::readPublicKey(
        std::string(ZJ_SOURCE_DIR) + "/content/keys/dev-publisher.pub", dev, err))
        << err;
    EXPECT_EQ(developmentPublicKey(), dev);
    EXPECT_TRUE(isDevelopmentKey(dev));

    KioskConfig c;
    ASSERT_TRUE(
        parse(std::string("[sync]\nsources = [\"/srv/zjmap\"]\npublic_key = \"") + kKeyHex + "\"\n",
              c, err))
        << err;
    EXPECT_EQ(syncOffCause(c), SyncOff::DevelopmentKey);
    EXPECT_NE(syncOffMessage(SyncOff::DevelopmentKey).find("allow_development_key"),
              std::string::npos);
    ASSERT_TRUE(parse(std::string("[sync]\nsources = [\"/srv/zjmap\"]\npublic_key = \"") + kKeyHex +
                          "\"\nallow_development_key = true\n",
                      c, err))
        << err;
    EXPECT_TRUE(c.allowDevelopmentKey);
    EXPECT_EQ(syncOffCause(c), SyncOff::None);
    EXPECT_NE(errorOf("[sync]\nallow_development_key = 1\n")
                  .find(":2: [sync] allow_development_key: expected true or false"),
              std::string::npos);
}

TEST(SyncConfig, Channel) {
    KioskConfig c;
    std::string err;
    EXPECT_TRUE(c.channel.empty());
    ASSERT_TRUE(parse("[sync]\nchannel = \"shenzhen-2026\"\n", c, err)) << err;
    EXPECT_EQ(c.channel, "shenzhen-2026");
    EXPECT_NE(errorOf("[sync]\nchannel = \"Shenzhen 2026\"\n").find(":2: [sync] channel: expected"),
              std::string::npos);
}

TEST(SyncConfig, PublicKeyFlagWinsForSyncToo) {
    // --public-key replaces the config's key in the one config that the screen and the
    // background sync both use (before, only the screen saw the flag).
    std::string dir = ::testing::TempDir() + "zj-sync-flags-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string otherHex(64, 'b');
    std::ofstream(dir + "/other.pub") << otherHex << "\n";
    KioskConfig c;
    std::string err;
    ASSERT_TRUE(parse(
        std::string("[sync]\nsources = [\"/srv/a\"]\npublic_key = \"") + kKeyHex + "\"\n", c, err))
        << err;
    ConfigFlags flags;
    flags.publicKeyFile = dir + "/other.pub";
    flags.dataDir = "/tmp/zj-flags-data";
    flags.sources = {"/srv/b"};
    ASSERT_TRUE(applyConfigFlags(flags, c, err)) << err;
    ASSERT_TRUE(c.publicKey);
    EXPECT_EQ(crypto::toHex(c.publicKey->data(), 32), otherHex);
    EXPECT_EQ(c.dataDir, "/tmp/zj-flags-data");
    ASSERT_EQ(c.sources.size(), 1u);
    EXPECT_EQ(c.sources[0], "/srv/b");
    EXPECT_EQ(syncOffCause(c), SyncOff::None); // not the development key any more

    flags.publicKeyFile = dir + "/missing.pub";
    EXPECT_FALSE(applyConfigFlags(flags, c, err));
    EXPECT_NE(err.find("--public-key: "), std::string::npos) << err;
    EXPECT_NE(err.find("missing.pub"), std::string::npos) << err;
    std::filesystem::remove_all(dir);
}

TEST(SyncConfig, PublicKeyHexHelper) {
    crypto::PublicKey k;
    EXPECT_TRUE(parsePublicKeyHex(std::string(kKeyHex) + "\n", k));
    EXPECT_FALSE(parsePublicKeyHex("zz", k));
}

TEST(SyncConfig, Heartbeat) {
    KioskConfig c;
    std::string err;
    ASSERT_TRUE(parse("[heartbeat]\nurl = \"https://monitor.example.org/hb\"\n"
                      "kiosk_id = \"booth-1\"\ntimeout_s = 5\n",
                      c, err))
        << err;
    EXPECT_EQ(c.heartbeatUrl, "https://monitor.example.org/hb");
    EXPECT_EQ(c.kioskId, "booth-1");
    EXPECT_EQ(c.heartbeatTimeoutS, 5);
    EXPECT_NE(errorOf("[heartbeat]\nurl = \"ftp://x\"\n").find("[heartbeat] url"),
              std::string::npos);
    EXPECT_NE(errorOf("[heartbeat]\nkiosk = \"x\"\n").find("unknown key"), std::string::npos);
}

// Issue 19 item 12: plain http needs allow_http; the token file must not be world-readable.
TEST(SyncConfig, HeartbeatHttpNeedsAllowHttpAndTheTokenFileMustBePrivate) {
    std::string err = errorOf("[heartbeat]\nkiosk_id = \"b\"\nurl = \"http://monitor.lan/hb\"\n");
    EXPECT_NE(err.find("/etc/zjmap-kiosk/kiosk.toml:3: [heartbeat] url: plain http sends the "
                       "kiosk's status unencrypted: use https:// or set [heartbeat] allow_http = "
                       "true"),
              std::string::npos)
        << err;
    KioskConfig c;
    ASSERT_TRUE(parse("[heartbeat]\nurl = \"http://monitor.lan/hb\"\nallow_http = true\n", c, err))
        << err;
    EXPECT_TRUE(c.heartbeatAllowHttp);

    const std::string dir = ::testing::TempDir() + "zj-hb-token-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);
    const std::string token = dir + "/token";
    std::ofstream(token) << "abc.DEF-123_xyz\n";
    ::chmod(token.c_str(), 0644);
    const std::string table =
        "[heartbeat]\nurl = \"https://monitor.example.org/hb\"\ntoken_file = \"" + token + "\"\n";
    err = errorOf(table);
    EXPECT_NE(err.find(token + ": readable or writable by every user (mode 0644): chmod 0600"),
              std::string::npos)
        << err;
    ::chmod(token.c_str(), 0640);
    KioskConfig t;
    ASSERT_TRUE(parse(table, t, err)) << err;
    EXPECT_EQ(t.heartbeatToken, "abc.DEF-123_xyz");
    std::ofstream(token) << "two\nlines\n"; // a header injection would start here
    EXPECT_NE(errorOf(table).find("expected one line"), std::string::npos);
    std::filesystem::remove_all(dir);
}

} // namespace zj
